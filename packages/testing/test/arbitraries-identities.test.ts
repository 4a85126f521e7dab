// Accounts, Regions, callers and VPCs: each is what the engine (and EC2) takes.
import { apply, createWorld, PUBLIC_REGIONS } from '@pcxsim/engine';
import { validateTags } from '@pcxsim/tags';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { accountId, caller, FEW_REGIONS, region, vpc } from '../src/index.js';

const shrunk = <T>(arbitrary: fc.Arbitrary<T>): T => fc.check(fc.property(arbitrary, () => false)).counterexample![0] as T;

describe('accountId', () => {
  test('twelve digits, shrinking towards 000000000000; `among` draws from the list', () => {
    fc.assert(fc.property(accountId(), (id) => /^\d{12}$/.test(id)));
    expect(shrunk(accountId())).toBe('000000000000');
    fc.assert(fc.property(accountId({ among: ['111111111111', '222222222222'] }), (id) => ['111111111111', '222222222222'].includes(id)));
  });
});

describe('region', () => {
  test('a public Region the default world knows, shrinking towards us-east-1; FEW_REGIONS for a small set', () => {
    fc.assert(fc.property(region(), (name) => PUBLIC_REGIONS.includes(name)));
    expect(shrunk(region())).toBe('us-east-1');
    expect(new Set(fc.sample(region({ among: FEW_REGIONS }), 100))).toEqual(new Set(FEW_REGIONS));
  });
});

describe('caller', () => {
  test('the engine accepts every caller', () => {
    const world = createWorld();
    fc.assert(fc.property(caller(), (who) => apply(world, who, { type: 'DescribeVpcs' }).result.ok));
  });
});

describe('vpc', () => {
  test('every CreateVpc command succeeds, with the block, the IPv6 block and the tags it asked for', () => {
    const world = createWorld();
    const me = { accountId: '111111111111', region: 'us-east-1' };
    fc.assert(
      fc.property(vpc(), (command) => {
        const step = apply(world, me, command);
        if (!step.result.ok) throw new Error(step.result.error.message);
        const created = step.result.value.Vpc;
        expect(created.CidrBlock).toBe(command.CidrBlock);
        expect(created.Ipv6CidrBlockAssociationSet).toHaveLength(command.AmazonProvidedIpv6CidrBlock === true ? 1 : 0);
        const tags = command.TagSpecifications?.[0]?.Tags ?? [];
        const expected = validateTags(tags);
        expect(created.Tags).toEqual(expected.ok ? [...expected.value] : 'invalid tags');
      }),
    );
  });

  test('`never` and `always` are honoured; shrinks to a bare 10.0.0.0/16', () => {
    fc.assert(fc.property(vpc({ ipv6: 'never', tags: 'always' }), (command) => command.AmazonProvidedIpv6CidrBlock === undefined && command.TagSpecifications !== undefined));
    expect(shrunk(vpc())).toEqual({ type: 'CreateVpc', CidrBlock: '10.0.0.0/16' });
    fc.assert(fc.property(vpc({ cidrBlock: fc.constant('192.168.0.0/24') }), (command) => command.CidrBlock === '192.168.0.0/24'));
  });
});
