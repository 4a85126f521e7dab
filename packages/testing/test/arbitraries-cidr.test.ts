// The CIDR arbitraries, held against @pcxsim/cidr's strict parser and set algebra and against the
// engine that must accept (or, overlapping, fail) what they generate.
import {
  difference,
  formatPrefix,
  isEmpty,
  overlapsSet,
  parsePrefix,
  parsePrefixSet,
  prefixContains,
  prefixOverlaps,
  prefixSize,
  setEquals,
  setSize,
  type Prefix,
} from '@pcxsim/cidr';
import { apply, createWorld, type Caller, type World } from '@pcxsim/engine';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { disjointCidrBlocks, overlappingCidrBlocks, prefix, vpcCidrBlock, type PrefixConstraints } from '../src/index.js';

const ME: Caller = { accountId: '111111111111', region: 'us-east-1' };

function parsed(text: string): Prefix {
  const result = parsePrefix(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The first counterexample of a property that always fails: where the arbitrary shrinks to. */
function shrunk<T>(arbitrary: fc.Arbitrary<T>): T {
  const details = fc.check(fc.property(arbitrary, () => false));
  if (details.counterexample === null) throw new Error('no counterexample');
  return details.counterexample[0] as T;
}

/** A world with one VPC of `owner` per block list (the first block primary, the others associated), and their IDs. */
function vpcsOf(blockLists: readonly (readonly string[])[], owner: Caller = ME): { world: World; ids: string[] } {
  let world = createWorld();
  const ids: string[] = [];
  for (const [primary, ...secondary] of blockLists) {
    const created = apply(world, owner, { type: 'CreateVpc', CidrBlock: primary });
    if (!created.result.ok) throw new Error(`CreateVpc ${primary}: ${created.result.error.message}`);
    world = created.world;
    const id = created.result.value.Vpc.VpcId;
    ids.push(id);
    for (const block of secondary) {
      const associated = apply(world, owner, { type: 'AssociateVpcCidrBlock', VpcId: id, CidrBlock: block });
      if (!associated.result.ok) throw new Error(`AssociateVpcCidrBlock ${block}: ${associated.result.error.message}`);
      world = associated.world;
    }
  }
  return { world, ids };
}

/** The status a same-account, same-Region request between two VPCs gets at once (spec §2.4). */
function requestStatus(world: World, vpcId: string, peerVpcId: string): string {
  const step = apply(world, ME, { type: 'CreateVpcPeeringConnection', VpcId: vpcId, PeerVpcId: peerVpcId });
  if (!step.result.ok) throw new Error(step.result.error.message);
  return step.result.value.VpcPeeringConnection.Status.Code;
}

describe('prefix', () => {
  it.each<[string, PrefixConstraints]>([
    ['any family', {}],
    ['IPv4 /8../24', { family: 4, minLength: 8, maxLength: 24 }],
    ['IPv6', { family: 6 }],
    ['IPv6 /48../64', { family: 6, minLength: 48, maxLength: 64 }],
    ['inside 10.0.0.0/8', { within: '10.0.0.0/8', minLength: 16, maxLength: 20 }],
    ['inside 2001:db8::/32', { within: '2001:db8::/32', maxLength: 56 }],
    ['both families from /40 (IPv6 only)', { minLength: 40 }],
  ])('generates canonical text that parses strictly, within its constraints (%s)', (_, constraints) => {
    fc.assert(
      fc.property(prefix(constraints), (text) => {
        const value = parsed(text);
        expect(formatPrefix(value)).toBe(text);
        if (constraints.family !== undefined) expect(value.family).toBe(constraints.family);
        expect(value.length).toBeGreaterThanOrEqual(constraints.minLength ?? 0);
        expect(value.length).toBeLessThanOrEqual(constraints.maxLength ?? 128);
        if (constraints.within !== undefined) expect(prefixContains(parsed(constraints.within), value)).toBe(true);
      }),
    );
  });

  test('shrinks towards the first subnet of `within` at the shortest length, and towards IPv4', () => {
    expect(shrunk(prefix({ within: '10.0.0.0/8', minLength: 16, maxLength: 24 }))).toBe('10.0.0.0/16');
    expect(shrunk(prefix({ family: 6, minLength: 32 }))).toBe('::/32');
    expect(shrunk(prefix())).toBe('0.0.0.0/0');
  });

  test('refuses constraints no prefix meets', () => {
    expect(() => prefix({ family: 4, minLength: 30, maxLength: 20 })).toThrow(RangeError);
    expect(() => prefix({ within: '10.0.0.0/8', maxLength: 4 })).toThrow(RangeError);
    expect(() => prefix({ within: 'ten' })).toThrow(RangeError);
  });
});

describe('vpcCidrBlock', () => {
  test('every block is canonical, /16../28, in RFC 1918, and CreateVpc takes it as it is', () => {
    const rfc1918 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(parsed);
    fc.assert(
      fc.property(vpcCidrBlock(), (text) => {
        const value = parsed(text);
        expect(formatPrefix(value)).toBe(text);
        expect(value.length).toBeGreaterThanOrEqual(16);
        expect(value.length).toBeLessThanOrEqual(28);
        expect(rfc1918.some((range) => prefixContains(range, value))).toBe(true);
        const step = apply(createWorld(), ME, { type: 'CreateVpc', CidrBlock: text });
        expect(step.result.ok && step.result.value.Vpc.CidrBlock).toBe(text);
      }),
    );
  });

  test('drawn from anywhere, a block is never link-local and always accepted', () => {
    const linkLocal = parsed('169.254.0.0/16');
    fc.assert(
      fc.property(vpcCidrBlock({ within: ['0.0.0.0/0', '169.0.0.0/8'], minLength: 16, maxLength: 20 }), (text) => {
        expect(prefixOverlaps(parsed(text), linkLocal)).toBe(false);
        expect(apply(createWorld(), ME, { type: 'CreateVpc', CidrBlock: text }).result.ok).toBe(true);
      }),
    );
  });

  test('shrinks towards 10.0.0.0/16', () => {
    expect(shrunk(vpcCidrBlock())).toBe('10.0.0.0/16');
  });

  it.each([
    ['a length under /16', { minLength: 15 }],
    ['a length over /28', { maxLength: 29 }],
    ['only link-local', { within: ['169.254.0.0/16'] }],
    ['an IPv6 range', { within: ['2001:db8::/32'] }],
    ['no range', { within: [] }],
  ])('refuses %s', (_, constraints) => {
    expect(() => vpcCidrBlock(constraints)).toThrow(RangeError);
  });
});

describe('disjointCidrBlocks', () => {
  test('no two blocks share an address, each is a VPC block, and any two VPCs of them can peer', () => {
    fc.assert(
      fc.property(disjointCidrBlocks({ min: 2, max: 6 }), (blocks) => {
        expect(blocks.length).toBeGreaterThanOrEqual(2);
        expect(blocks.length).toBeLessThanOrEqual(6);
        const prefixes = blocks.map(parsed);
        prefixes.forEach((a, i) => prefixes.slice(i + 1).forEach((b) => expect(prefixOverlaps(a, b)).toBe(false)));
        const { world, ids } = vpcsOf(blocks.map((block) => [block]));
        expect(requestStatus(world, ids[0]!, ids[1]!)).toBe('pending-acceptance');
      }),
    );
  });

  test('exactly n blocks, in the range asked for', () => {
    const range = parsed('172.16.0.0/12');
    fc.assert(
      fc.property(disjointCidrBlocks(5, { within: '172.16.0.0/12', minLength: 20, maxLength: 28 }), (blocks) => {
        expect(blocks).toHaveLength(5);
        for (const block of blocks) expect(prefixContains(range, parsed(block))).toBe(true);
        // Disjoint: the union holds as many addresses as the blocks together.
        const union = parsePrefixSet(blocks);
        expect(union.ok && setSize(union.value)).toBe(blocks.map((block) => prefixSize(parsed(block))).reduce((x, y) => x + y, 0n));
      }),
    );
  });

  test('shrinks towards adjacent /16s in address order', () => {
    expect(shrunk(disjointCidrBlocks(2))).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
  });

  test('refuses more blocks than fit', () => {
    expect(() => disjointCidrBlocks(65)).toThrow(RangeError);
    expect(() => disjointCidrBlocks(3, { within: '10.0.0.0/16', minLength: 16 })).toThrow(RangeError);
  });
});

describe('overlappingCidrBlocks', () => {
  const sets = (blocks: readonly string[]) => {
    const set = parsePrefixSet(blocks);
    if (!set.ok) throw new Error(set.error.message);
    return set.value;
  };

  test('the two sides really overlap, in the way the label says', () => {
    fc.assert(
      fc.property(overlappingCidrBlocks(), ({ kind, a, b }) => {
        const [x, y] = [sets(a), sets(b)];
        expect(overlapsSet(x, y)).toBe(true);
        const aOnly = !isEmpty(difference(x, y));
        const bOnly = !isEmpty(difference(y, x));
        if (kind === 'equal') expect(setEquals(x, y)).toBe(true);
        if (kind === 'nested') expect([aOnly, bOnly]).toEqual([true, false]);
        if (kind === 'partial') expect([aOnly, bOnly]).toEqual([true, true]);
      }),
    );
  });

  test('each side is one valid VPC, and a request between the two fails (spec §2.2)', () => {
    fc.assert(
      fc.property(overlappingCidrBlocks(), ({ a, b }) => {
        const { world, ids } = vpcsOf([a, b]);
        expect(requestStatus(world, ids[0]!, ids[1]!)).toBe('failed');
      }),
    );
  });

  test('generates every kind, and only the kinds asked for', () => {
    const kinds = new Set(fc.sample(overlappingCidrBlocks(), 200).map(({ kind }) => kind));
    expect([...kinds].sort()).toEqual(['equal', 'nested', 'partial']);
    fc.assert(fc.property(overlappingCidrBlocks({ kinds: ['partial'] }), ({ kind }) => kind === 'partial'));
  });

  test('shrinks towards one block, twice', () => {
    expect(shrunk(overlappingCidrBlocks())).toEqual({ kind: 'equal', a: ['10.0.0.0/16'], b: ['10.0.0.0/16'] });
  });
});
