import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { FilterInput } from '../src/index.js';
import { compilePattern, matches } from '../src/describe-filters.js';
import { A, B, DAY, Sim } from './helpers.js';

/** A world where A sees: one active (tagged env=prod), one pending, one failed, one rejected. */
function world() {
  const sim = new Sim();
  const a = sim.vpc(A, '10.0.0.0/16');
  const peers = [1, 2, 3].map((i) => sim.vpc(B, `10.${i}.0.0/16`));
  const overlap = sim.vpc(B, '10.0.0.0/16');
  const [active, pending, rejected] = peers.map((peer) => sim.request(A, a, peer, { owner: B.accountId }));
  const failed = sim.request(A, a, overlap, { owner: B.accountId });
  sim.tick(0);
  sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: active! });
  sim.ok(B, { type: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: rejected! });
  sim.tick(0);
  sim.ok(A, { type: 'CreateTags', Resources: [active!], Tags: [{ Key: 'env', Value: 'prod' }] });
  return { sim, a, peers, active: active!, pending: pending!, rejected: rejected!, failed };
}

const ids = (sim: Sim, Filters: FilterInput[], caller = A) =>
  sim.ok(caller, { type: 'DescribeVpcPeeringConnections', Filters }).VpcPeeringConnections.map((p) => p.VpcPeeringConnectionId);

describe('DescribeVpcPeeringConnections by ID (spec §4.5)', () => {
  test('without IDs, every connection the caller sees, in ID order', () => {
    const w = world();
    expect(ids(w.sim, [])).toEqual([w.active, w.pending, w.rejected, w.failed].sort());
    expect(ids(w.sim, [], B)).toEqual([w.active, w.pending, w.rejected].sort());
  });

  test('any unknown or invisible ID is NotFound, not an empty answer; a malformed one is Malformed', () => {
    const w = world();
    expect(w.sim.fail(B, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [w.active, w.failed] })).toMatchObject({
      code: 'InvalidVpcPeeringConnectionID.NotFound',
      message: `The vpcPeeringConnection ID '${w.failed}' does not exist`,
    });
    expect(w.sim.fail(A, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: ['pcx-0123456789abcdef0'] }).code).toBe(
      'InvalidVpcPeeringConnectionID.NotFound',
    );
    expect(w.sim.fail(A, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: ['pcx-XYZ'] }).code).toBe(
      'InvalidVpcPeeringConnectionId.Malformed',
    );
  });
});

describe('the 12 filters (spec §4.2, §4.3)', () => {
  test('status-code', () => {
    const w = world();
    expect(ids(w.sim, [{ Name: 'status-code', Values: ['active', 'pending-acceptance'] }])).toEqual([w.active, w.pending].sort());
    expect(ids(w.sim, [{ Name: 'status-code', Values: ['*ed'] }])).toEqual([w.rejected, w.failed].sort());
  });

  test('status-message', () => {
    const w = world();
    expect(ids(w.sim, [{ Name: 'status-message', Values: ['Pending Acceptance by *'] }])).toEqual([w.pending]);
  });

  test('requester-vpc-info.vpc-id, .owner-id, .cidr-block', () => {
    const w = world();
    const all = [w.active, w.pending, w.rejected, w.failed].sort();
    expect(ids(w.sim, [{ Name: 'requester-vpc-info.vpc-id', Values: [w.a] }])).toEqual(all);
    expect(ids(w.sim, [{ Name: 'requester-vpc-info.owner-id', Values: [A.accountId] }])).toEqual(all);
    expect(ids(w.sim, [{ Name: 'requester-vpc-info.cidr-block', Values: ['10.0.0.0/16'] }])).toEqual(all);
  });

  test('accepter-vpc-info.vpc-id, .owner-id, and .cidr-block only once accepted', () => {
    const w = world();
    expect(ids(w.sim, [{ Name: 'accepter-vpc-info.vpc-id', Values: [w.peers[1]!] }])).toEqual([w.pending]);
    expect(ids(w.sim, [{ Name: 'accepter-vpc-info.owner-id', Values: [B.accountId] }])).toHaveLength(4);
    expect(ids(w.sim, [{ Name: 'accepter-vpc-info.cidr-block', Values: ['10.*.0.0/16'] }])).toEqual([w.active]);
  });

  test('the cidr-block filters match secondary blocks too', () => {
    const w = world();
    w.sim.ok(B, { type: 'AssociateVpcCidrBlock', VpcId: w.peers[0]!, CidrBlock: '10.50.0.0/16' });
    expect(ids(w.sim, [{ Name: 'accepter-vpc-info.cidr-block', Values: ['10.50.0.0/16'] }])).toEqual([w.active]);
  });

  test('expiration-time, in the wire format', () => {
    const w = world();
    const when = new Date(w.sim.world.config.startTime + 7 * DAY).toISOString();
    expect(ids(w.sim, [{ Name: 'expiration-time', Values: [when] }])).toEqual([w.pending]);
  });

  test('tag:<key>, tag-key, and the tags are the caller’s own', () => {
    const w = world();
    expect(ids(w.sim, [{ Name: 'tag:env', Values: ['prod'] }])).toEqual([w.active]);
    expect(ids(w.sim, [{ Name: 'tag:env', Values: ['dev'] }])).toEqual([]);
    expect(ids(w.sim, [{ Name: 'tag-key', Values: ['env'] }])).toEqual([w.active]);
    expect(ids(w.sim, [{ Name: 'tag-key', Values: ['env'] }], B)).toEqual([]);
  });

  test('vpc-peering-connection-id', () => {
    const w = world();
    expect(ids(w.sim, [{ Name: 'vpc-peering-connection-id', Values: [w.pending, w.pending] }])).toEqual([w.pending]);
  });

  test('AND across filters, OR across values', () => {
    const w = world();
    expect(
      ids(w.sim, [
        { Name: 'status-code', Values: ['active', 'rejected'] },
        { Name: 'accepter-vpc-info.vpc-id', Values: [w.peers[2]!, w.peers[1]!] },
      ]),
    ).toEqual([w.rejected]);
  });

  test('names and values are case-sensitive', () => {
    const w = world();
    expect(ids(w.sim, [{ Name: 'status-code', Values: ['Active'] }])).toEqual([]);
    expect(w.sim.fail(A, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'Status-Code', Values: ['active'] }] }).code).toBe(
      'InvalidParameterValue',
    );
  });

  test(`an unknown filter is InvalidParameterValue "The filter '…' is invalid", never ignored`, () => {
    const w = world();
    expect(w.sim.fail(A, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'tag-value', Values: ['x'] }] })).toEqual({
      code: 'InvalidParameterValue',
      message: "The filter 'tag-value' is invalid",
      httpStatus: 400,
    });
  });

  test('a filter without a name is MissingParameter, without values InvalidParameterValue', () => {
    const w = world();
    expect(w.sim.fail(A, { type: 'DescribeVpcPeeringConnections', Filters: [{ Values: ['active'] }] }).code).toBe('MissingParameter');
    expect(w.sim.fail(A, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code' }] }).code).toBe('InvalidParameterValue');
  });

  test('a filter value over 255 characters is FilterLimitExceeded', () => {
    const w = world();
    expect(w.sim.fail(A, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values: ['x'.repeat(256)] }] })).toEqual({
      code: 'FilterLimitExceeded',
      message: 'The maximum length for a filter value is 255 characters',
      httpStatus: 400,
    });
    ids(w.sim, [{ Name: 'status-code', Values: ['x'.repeat(255)] }]);
  });
});

describe('wildcards (spec §4.3)', () => {
  test('* matches any run, ? zero or one character, a backslash escapes *, ? and itself', () => {
    const cases: [string, string, boolean][] = [
      ['pcx-*', 'pcx-0abc', true],
      ['*', '', true],
      ['a?c', 'ac', true],
      ['a?c', 'abc', true],
      ['a?c', 'abbc', false],
      ['a\\*c', 'a*c', true],
      ['a\\*c', 'abc', false],
      ['a\\?', 'a?', true],
      ['a\\\\b', 'a\\b', true],
      ['10.0.*', '10.0.0.0/16', true],
      ['x.y', 'xzy', false],
    ];
    for (const [pattern, value, expected] of cases) expect(matches(compilePattern(pattern), value), `${pattern} ~ ${value}`).toBe(expected);
  });

  fcTest.prop([fc.string({ maxLength: 20 })])('a value without wildcards matches exactly itself', (text) => {
    const literal = text.replace(/[\\*?]/g, (c) => `\\${c}`);
    expect(matches(compilePattern(literal), text)).toBe(true);
    expect(matches(compilePattern(literal), `${text}x`)).toBe(false);
  });
});

describe('pagination (spec §4.1, §4.4)', () => {
  function many(n: number) {
    const sim = new Sim({ quotas: { outstandingRequestsPerAccount: 1000 } });
    const a = sim.vpc(A, '10.0.0.0/16');
    const all: string[] = [];
    for (let i = 0; i < n; i++) all.push(sim.request(A, a, sim.vpc(B, `10.${1 + (i % 200)}.${i >> 3}.0/28`), { owner: B.accountId }));
    sim.tick(0);
    return { sim, all: all.sort() };
  }

  test('MaxResults is 5..1000: below is the observed InvalidParameterValue text', () => {
    const { sim } = many(1);
    expect(sim.fail(A, { type: 'DescribeVpcPeeringConnections', MaxResults: 1 })).toEqual({
      code: 'InvalidParameterValue',
      message: 'Value ( 1 ) for parameter maxResults is invalid. Expecting a value greater than 5.',
      httpStatus: 400,
    });
    expect(sim.fail(A, { type: 'DescribeVpcPeeringConnections', MaxResults: 1001 }).code).toBe('InvalidParameterValue');
  });

  test('pages never repeat or skip, the last page has no NextToken, and tokens are deterministic', () => {
    const { sim, all } = many(23);
    const seen: string[] = [];
    const tokens: string[] = [];
    let token: string | undefined;
    do {
      const out = sim.ok(A, { type: 'DescribeVpcPeeringConnections', MaxResults: 5, NextToken: token });
      seen.push(...out.VpcPeeringConnections.map((p) => p.VpcPeeringConnectionId));
      token = out.NextToken;
      if (token !== undefined) tokens.push(token);
    } while (token !== undefined);
    expect(seen).toEqual(all);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(sim.ok(A, { type: 'DescribeVpcPeeringConnections', MaxResults: 5 }).NextToken).toBe(tokens[0]);
  });

  test('items created or removed between pages never make a page repeat or skip one that existed throughout', () => {
    const { sim, all } = many(12);
    const first = sim.ok(A, { type: 'DescribeVpcPeeringConnections', MaxResults: 5 });
    const a = sim.ok(A, { type: 'DescribeVpcs' }).Vpcs[0]!.VpcId;
    for (let i = 0; i < 4; i++) sim.request(A, a, sim.vpc(B, `10.${210 + i}.0.0/16`), { owner: B.accountId });
    sim.ok(A, { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: all[7]! });
    const rest: string[] = [];
    let token = first.NextToken;
    while (token !== undefined) {
      const out = sim.ok(A, { type: 'DescribeVpcPeeringConnections', MaxResults: 5, NextToken: token });
      rest.push(...out.VpcPeeringConnections.map((p) => p.VpcPeeringConnectionId));
      token = out.NextToken;
    }
    const seen = [...first.VpcPeeringConnections.map((p) => p.VpcPeeringConnectionId), ...rest];
    for (const id of all) expect(seen.filter((x) => x === id)).toHaveLength(1);
  });

  test('a bad NextToken, or one from another query, is InvalidNextToken', () => {
    const { sim } = many(8);
    const token = sim.ok(A, { type: 'DescribeVpcPeeringConnections', MaxResults: 5 }).NextToken!;
    expect(sim.fail(A, { type: 'DescribeVpcPeeringConnections', NextToken: 'garbage!' }).code).toBe('InvalidNextToken');
    expect(
      sim.fail(A, { type: 'DescribeVpcPeeringConnections', NextToken: token, Filters: [{ Name: 'status-code', Values: ['active'] }] }).code,
    ).toBe('InvalidNextToken');
  });

  test('IDs may come with MaxResults', () => {
    const { sim, all } = many(6);
    const out = sim.ok(A, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: all, MaxResults: 5 });
    expect(out.VpcPeeringConnections).toHaveLength(5);
    expect(out.NextToken).toBeDefined();
  });
});
