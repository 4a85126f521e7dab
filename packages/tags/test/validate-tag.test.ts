import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  MAX_KEY_LENGTH,
  MAX_USER_TAGS,
  MAX_VALUE_LENGTH,
  validateTag,
  validateTags,
  type Result,
  type TagInput,
} from '../src/index.js';
import { anyText, brokenRule, codePoints, garbage, isWellFormed, sorted, tagInput, text, userKey, userTag, value } from './arbitraries.js';

const EMOJI = '😀'; // one code point, two UTF-16 units
const CODES = ['InvalidParameterValue', 'InvalidTagKey.Malformed', 'TagLimitExceeded'];
const error = (result: Result<unknown>) => (result.ok ? undefined : result.error);
const invalid = (message: string) => ({ code: 'InvalidParameterValue', message });

test('the limits are the API reference numbers: 50 user tags, keys 127, values 256', () => {
  expect([MAX_USER_TAGS, MAX_KEY_LENGTH, MAX_VALUE_LENGTH]).toEqual([50, 127, 256]);
});

test('key length counts code points: 1..127 accepted, 128 rejected', () => {
  expect(validateTag({ Key: EMOJI.repeat(127), Value: '' }).ok).toBe(true);
  expect(validateTag({ Key: 'k'.repeat(127), Value: '' }).ok).toBe(true);
  expect(error(validateTag({ Key: EMOJI.repeat(128), Value: '' }))).toEqual(
    invalid('Tag key exceeds the maximum length of 127 characters'),
  );
});

test.prop([text(1, 200).filter((key) => !key.startsWith('aws:'))])(
  'a well-formed key is valid exactly when it has 1..127 code points',
  (key) => {
    expect(validateTag({ Key: key, Value: '' }).ok).toBe(codePoints(key) <= 127);
  },
);

test('value length counts code points: 0..256 accepted, 257 rejected with the observed text', () => {
  expect(validateTag({ Key: 'k', Value: '' }).ok).toBe(true);
  expect(validateTag({ Key: 'k', Value: EMOJI.repeat(256) }).ok).toBe(true);
  expect(error(validateTag({ Key: 'k', Value: EMOJI.repeat(257) }))).toEqual(
    invalid('Tag value exceeds the maximum length of 256 characters'),
  );
});

test.prop([text(0, 300)])('a well-formed value is valid exactly when it has at most 256 code points', (v) => {
  expect(validateTag({ Key: 'k', Value: v }).ok).toBe(codePoints(v) <= 256);
});

test('an empty or missing key is InvalidParameterValue "Tag key cannot be null or empty"', () => {
  const expected = invalid("Value ( '' ) for parameter Tag key is invalid. Tag key cannot be null or empty.");
  for (const input of [{ Key: '', Value: 'v' }, { Value: 'v' }, { Key: null, Value: 'v' }, {}]) {
    expect(error(validateTag(input))).toEqual(expected);
  }
});

test('a value may be empty but not absent', () => {
  expect(validateTag({ Key: 'k', Value: '' })).toEqual({ ok: true, value: { Key: 'k', Value: '' } });
  const expected = invalid('Value ( k ) for parameter value is invalid. Tag value cannot be null. Use empty string instead.');
  expect(error(validateTag({ Key: 'k' }))).toEqual(expected);
  expect(error(validateTag({ Key: 'k', Value: null }))).toEqual(expected);
  expect(error(validateTag({ Key: 'k' }, 'TagSpecification'))).toEqual(expected);
});

test('an aws: key in CreateTags is InvalidParameterValue with the observed text', () => {
  expect(error(validateTag({ Key: 'aws:autoscaling:groupName', Value: 'g' }))).toEqual(
    invalid(
      "Value ( aws:autoscaling:groupName ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use",
    ),
  );
});

test('an aws: key in a TagSpecification is InvalidTagKey.Malformed', () => {
  expect(error(validateTag({ Key: 'aws:createdBy', Value: 'me' }, 'TagSpecification'))).toEqual({
    code: 'InvalidTagKey.Malformed',
    message: "The tag key 'aws:createdBy' is not valid. Tag keys starting with 'aws:' are reserved for internal use.",
  });
});

test('the aws: prefix is case-sensitive: AWS: and aws without a colon are ordinary keys', () => {
  for (const key of ['AWS:x', 'Aws:x', 'aws', 'awsx', ' aws:x']) expect(validateTag({ Key: key, Value: '' }).ok).toBe(true);
  expect(validateTag({ Key: 'aws:', Value: '' }).ok).toBe(false);
});

test.prop([userTag])('keys and values are kept exactly: case, spaces, NUL and any code point', (tag) => {
  expect(validateTag(tag)).toEqual({ ok: true, value: tag });
});

test('a lone surrogate in a key or value is InvalidParameterValue', () => {
  expect(error(validateTag({ Key: 'a\uD800', Value: '' }))).toEqual(
    invalid('Tag key is not valid Unicode: it contains an unpaired surrogate.'),
  );
  expect(error(validateTag({ Key: 'k', Value: '\uDE00b' }))).toEqual(
    invalid('Tag value is not valid Unicode: it contains an unpaired surrogate.'),
  );
  expect(validateTag({ Key: '\uD83D\uDE00', Value: '\uD83D\uDE00' }).ok).toBe(true); // a pair is fine
});

test.prop([anyText, anyText])('text with a lone surrogate is never accepted', (Key, Value) => {
  const result = validateTag({ Key, Value });
  if (!isWellFormed(Key) || !isWellFormed(Value)) expect(result.ok).toBe(false);
});

test('a field of another type than string is InvalidParameterValue, never a throw', () => {
  expect(error(validateTag({ Key: 5 } as unknown as TagInput))).toEqual(
    invalid('Invalid type for parameter Key: expected a string.'),
  );
  expect(error(validateTag({ Key: 'k', Value: {} } as unknown as TagInput))).toEqual(
    invalid('Invalid type for parameter Value: expected a string.'),
  );
  expect(error(validateTags('Name=x' as unknown as TagInput[]))).toEqual(
    invalid('Invalid type for parameter Tags: expected a list.'),
  );
});

test.prop([fc.oneof(tagInput, garbage), fc.constantFrom('CreateTags', 'TagSpecification' as const)])(
  'validateTag is total: any input gives a valid tag or an EC2 error, never a throw',
  (input, source) => {
    const result = validateTag(input as TagInput, source);
    if (result.ok) {
      expect(brokenRule(Object.freeze([result.value]))).toBeUndefined();
      expect(result.value.Key.startsWith('aws:')).toBe(false);
    } else {
      expect(CODES).toContain(result.error.code);
      expect(typeof result.error.message).toBe('string');
    }
  },
);

test.prop([fc.oneof(fc.array(tagInput, { maxLength: 60 }), garbage)])(
  'validateTags is total: any input gives a valid tag set or an EC2 error, never a throw',
  (input) => {
    const result = validateTags(input as TagInput[]);
    if (result.ok) expect(brokenRule(result.value)).toBeUndefined();
    else expect(CODES).toContain(result.error.code);
  },
);

test('duplicate keys in one request are rejected with the observed text', () => {
  const tags = [{ Key: 'Name', Value: 'a' }, { Key: 'name', Value: 'b' }, { Key: 'Name', Value: 'a' }];
  expect(error(validateTags(tags))).toEqual(invalid("Duplicate tag key 'Name' specified."));
  expect(error(validateTags(tags, 'TagSpecification'))).toEqual(invalid("Duplicate tag key 'Name' specified."));
});

test('keys are case-sensitive: Name and name are two tags', () => {
  const result = validateTags([{ Key: 'name', Value: 'b' }, { Key: 'Name', Value: 'a' }]);
  expect(result.value).toEqual([{ Key: 'Name', Value: 'a' }, { Key: 'name', Value: 'b' }]);
});

test('a list of more than 50 tags is TagLimitExceeded', () => {
  const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: '' }));
  expect(validateTags(tags(50)).value).toHaveLength(50);
  expect(error(validateTags(tags(51)))).toEqual({
    code: 'TagLimitExceeded',
    message: 'The maximum number of Tags for a resource has been reached.',
  });
});

test('the first invalid tag in list order decides the error', () => {
  const result = validateTags([{ Key: 'ok', Value: '' }, { Key: '' }, { Key: 'aws:x', Value: '' }]);
  expect(error(result)?.message).toMatch(/Tag key cannot be null or empty/);
});

test.prop([fc.uniqueArray(userTag, { selector: (tag) => tag.Key, maxLength: 50 })])(
  'a valid list gives a frozen set sorted by key that JSON restores exactly',
  (tags) => {
    const result = validateTags(tags);
    if (!result.ok) throw new Error(result.error.message);
    expect(brokenRule(result.value)).toBeUndefined();
    expect(result.value).toEqual(sorted(tags));
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
  },
);

test.prop([userKey, value])('validation never mutates its input', (Key, Value) => {
  const input = { Key, Value };
  validateTags([input]);
  expect(Object.isFrozen(input)).toBe(false);
  expect(input).toEqual({ Key, Value });
});
