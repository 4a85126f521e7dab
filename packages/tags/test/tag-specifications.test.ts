import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  TAGGED_RESOURCE_TYPE,
  tagsFromSpecifications,
  type Result,
  type TaggingAction,
  type TagSpecificationInput,
} from '../src/index.js';
import { anyText, brokenRule, garbage, sorted, tagInput, userTag } from './arbitraries.js';

const error = (result: Result<unknown>) => (result.ok ? undefined : result.error);
const invalid = (message: string) => ({ code: 'InvalidParameterValue', message });
const PCX = 'vpc-peering-connection';
const action = fc.constantFrom<TaggingAction>('CreateVpcPeeringConnection', 'CreateVpc');

test('each create action tags its own resource type', () => {
  expect(TAGGED_RESOURCE_TYPE).toEqual({ CreateVpcPeeringConnection: PCX, CreateVpc: 'vpc', CreateSubnet: 'subnet', CreateRouteTable: 'route-table' });
});

test('no TagSpecifications gives the empty tag set', () => {
  for (const none of [undefined, null, []]) {
    const result = tagsFromSpecifications('CreateVpcPeeringConnection', none);
    expect(result).toEqual({ ok: true, value: [] });
    expect(Object.isFrozen(result.value)).toBe(true);
  }
});

test.prop([action, fc.uniqueArray(userTag, { selector: (tag) => tag.Key, minLength: 1, maxLength: 50 })])(
  "a specification of the action's resource type gives the resource those tags",
  (act, tags) => {
    const result = tagsFromSpecifications(act, [{ ResourceType: TAGGED_RESOURCE_TYPE[act], Tags: tags }]);
    expect(result.value).toEqual(sorted(tags));
    expect(brokenRule(result.value ?? [])).toBeUndefined();
  },
);

test('a missing ResourceType is InvalidParameterValue "must have a value"', () => {
  const expected = invalid('Tag specification resource type must have a value');
  for (const spec of [{ Tags: [{ Key: 'a', Value: '' }] }, { ResourceType: '' }, { ResourceType: null }, {}]) {
    expect(error(tagsFromSpecifications('CreateVpcPeeringConnection', [spec]))).toEqual(expected);
  }
});

test('a type the action does not tag is "not a valid taggable resource type"', () => {
  const tags = [{ Key: 'a', Value: '' }];
  expect(error(tagsFromSpecifications('CreateVpcPeeringConnection', [{ ResourceType: 'vpc', Tags: tags }]))).toEqual(
    invalid("'vpc' is not a valid taggable resource type for this operation."),
  );
  expect(error(tagsFromSpecifications('CreateVpc', [{ ResourceType: PCX, Tags: tags }]))).toEqual(
    invalid("'vpc-peering-connection' is not a valid taggable resource type for this operation."),
  );
});

test.prop([action, anyText])('an unknown type gets the same error, and types are case-sensitive', (act, type) => {
  fc.pre(type !== '' && type !== TAGGED_RESOURCE_TYPE[act]);
  const result = tagsFromSpecifications(act, [{ ResourceType: type, Tags: [{ Key: 'a', Value: '' }] }]);
  expect(error(result)).toEqual(invalid(`'${type}' is not a valid taggable resource type for this operation.`));
});

test('the same resource type twice is rejected, not merged', () => {
  const specs = [
    { ResourceType: PCX, Tags: [{ Key: 'a', Value: '1' }] },
    { ResourceType: PCX, Tags: [{ Key: 'b', Value: '2' }] },
  ];
  expect(error(tagsFromSpecifications('CreateVpcPeeringConnection', specs))).toEqual(
    invalid('The same resource type may not be specified more than once in tag specifications'),
  );
});

test('a specification without tags is InvalidTagKey.Malformed', () => {
  const expected = { code: 'InvalidTagKey.Malformed', message: 'Tag specification must have at least one tag' };
  for (const Tags of [undefined, []]) {
    expect(error(tagsFromSpecifications('CreateVpcPeeringConnection', [{ ResourceType: PCX, Tags }]))).toEqual(expected);
  }
});

test('specification tags follow the tag rules, with aws: keys as InvalidTagKey.Malformed', () => {
  const create = (Tags: TagSpecificationInput['Tags']) => tagsFromSpecifications('CreateVpcPeeringConnection', [{ ResourceType: PCX, Tags }]);
  expect(error(create([{ Key: 'aws:createdBy', Value: 'me' }]))).toEqual({
    code: 'InvalidTagKey.Malformed',
    message: "The tag key 'aws:createdBy' is not valid. Tag keys starting with 'aws:' are reserved for internal use.",
  });
  expect(error(create([{ Key: 'Name', Value: 'x' }, { Key: 'Name', Value: 'y' }]))).toEqual(
    invalid("Duplicate tag key 'Name' specified."),
  );
  expect(error(create([{ Key: 'env' }]))?.message).toMatch(/Tag value cannot be null/);
  expect(error(create([{ Key: 'Name', Value: 'x'.repeat(257) }]))?.message).toBe(
    'Tag value exceeds the maximum length of 256 characters',
  );
  expect(error(create(Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' }))))?.code).toBe('TagLimitExceeded');
});

const specification = fc.oneof(
  fc.record({ ResourceType: fc.constantFrom(PCX, 'vpc'), Tags: fc.array(fc.oneof(userTag, tagInput), { maxLength: 6 }) }),
  fc.record({ ResourceType: fc.oneof(anyText, garbage), Tags: fc.oneof(garbage, fc.array(tagInput)) }, { requiredKeys: [] }),
  garbage,
);

test.prop([action, fc.oneof(fc.array(specification, { maxLength: 3 }), garbage)])(
  'tagsFromSpecifications is total: any input gives a valid tag set or an EC2 error, never a throw',
  (act, specs) => {
    const result = tagsFromSpecifications(act, specs as TagSpecificationInput[]);
    if (result.ok) {
      expect(brokenRule(result.value)).toBeUndefined();
      expect(result.value.some((tag) => tag.Key.startsWith('aws:'))).toBe(false);
    } else {
      expect(['InvalidParameterValue', 'InvalidTagKey.Malformed', 'TagLimitExceeded']).toContain(result.error.code);
    }
  },
);
