import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { advanceClock, apply, createWorld, queued, type Caller, type Command, type World, type WorldOptions } from '../src/index.js';
import { peach, pget, pkeys } from '../src/pmap.js';
import { shownVpc } from '../src/vpc-versions.js';
import { A, B, DAY, HOUR, pending, Sim } from './helpers.js';
import { rawStepArb, REGIONS, toCommand, VIEWERS, VPCS, type RawStep } from './scenario.js';

function setup(describeDelayMs: number) {
  const sim = new Sim({ consistency: { describeDelayMs } });
  const a = sim.vpc(A, '10.0.0.0/16');
  const b = sim.vpc(B, '10.1.0.0/16');
  return { sim, a, b };
}

describe('eventual consistency (spec §10.4)', () => {
  test('off by default: read-your-writes, Describe right after Accept never shows pending-acceptance', () => {
    const { sim, a, b } = setup(0);
    const id = sim.request(A, a, b, { owner: B.accountId });
    expect(sim.status(A, id)).toBe('initiating-request');
    sim.tick(0);
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    expect(sim.status(B, id)).toBe('provisioning');
  });

  test('opt-in: a new connection is NotFound to Describe until the delay has passed (the race Terraform hit)', () => {
    const { sim, a, b } = setup(1_000);
    const out = sim.ok(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b, PeerOwnerId: B.accountId });
    const id = out.VpcPeeringConnection.VpcPeeringConnectionId;
    expect(out.VpcPeeringConnection.Status.Code).toBe('initiating-request');
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    sim.tick(999);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    sim.tick(1);
    expect(sim.status(A, id)).toBe('pending-acceptance');
  });

  test('opt-in: after Accept, Describe still shows pending-acceptance until the delay has passed', () => {
    const { sim, a, b } = setup(500);
    const id = sim.request(A, a, b, { owner: B.accountId });
    sim.tick(500);
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    expect(sim.status(B, id)).toBe('pending-acceptance');
    expect(sim.ok(B, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values: ['pending-acceptance'] }] }).VpcPeeringConnections).toHaveLength(1);
    sim.tick(500);
    expect(sim.status(B, id)).toBe('active');
  });

  test('the delay is simulated time: the same commands give the same answers', () => {
    const answers = () => {
      const { sim, a, b } = setup(250);
      const id = sim.request(A, a, b, { owner: B.accountId });
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        seen.push(sim.status(A, id));
        sim.tick(100);
      }
      return seen;
    };
    expect(answers()).toEqual(answers());
    expect(answers()).toContain('InvalidVpcPeeringConnectionID.NotFound');
  });
});

describe('eventual consistency of DescribeVpcs and DescribeTags (spec §10.4)', () => {
  const D = 1_000;
  const vpcs = (sim: Sim, caller = A) => sim.ok(caller, { type: 'DescribeVpcs' }).Vpcs;
  const byId = (sim: Sim, vpcId: string) => {
    const step = apply(sim.world, A, { type: 'DescribeVpcs', VpcIds: [vpcId] });
    return step.result.ok ? step.result.value.Vpcs[0]! : step.result.error.code;
  };

  test('a new VPC appears in DescribeVpcs only after the delay', () => {
    const sim = new Sim({ consistency: { describeDelayMs: D } });
    const vpc = sim.vpc(A, '10.0.0.0/16');
    expect(byId(sim, vpc)).toBe('InvalidVpcID.NotFound');
    expect(vpcs(sim)).toEqual([]);
    sim.tick(D - 1);
    expect(byId(sim, vpc)).toBe('InvalidVpcID.NotFound');
    sim.tick(1);
    expect(vpcs(sim).map((v) => v.VpcId)).toEqual([vpc]);
    // The control plane knows it at once: tagging it right after Create works.
    const other = sim.vpc(A, '10.1.0.0/16');
    sim.ok(A, { type: 'CreateTags', Resources: [other], Tags: [{ Key: 'k', Value: 'v' }] });
  });

  test('a deleted VPC still shows in DescribeVpcs until the delay has passed', () => {
    const sim = new Sim({ consistency: { describeDelayMs: D } });
    const vpc = sim.vpc(A, '10.0.0.0/16', { TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'env', Value: 'prod' }] }] });
    sim.tick(D);
    sim.ok(A, { type: 'DeleteVpc', VpcId: vpc });
    expect(byId(sim, vpc)).toMatchObject({ VpcId: vpc, CidrBlock: '10.0.0.0/16' });
    expect(sim.ok(A, { type: 'DescribeTags' }).Tags).toEqual([{ Key: 'env', ResourceId: vpc, ResourceType: 'vpc', Value: 'prod' }]);
    // Every other action acts on the true state: the VPC is gone.
    expect(sim.fail(A, { type: 'DeleteVpc', VpcId: vpc }).code).toBe('InvalidVpcID.NotFound');
    expect(sim.fail(A, { type: 'CreateTags', Resources: [vpc], Tags: [{ Key: 'k', Value: 'v' }] }).code).toBe('InvalidVpcID.NotFound');
    sim.tick(D);
    expect(byId(sim, vpc)).toBe('InvalidVpcID.NotFound');
    expect(vpcs(sim)).toEqual([]);
    expect(sim.ok(A, { type: 'DescribeTags' }).Tags).toEqual([]);
  });

  test('CIDR block associations show late, in DescribeVpcs and its filters', () => {
    const sim = new Sim({ consistency: { describeDelayMs: D } });
    const vpc = sim.vpc(A, '10.0.0.0/16');
    sim.tick(D);
    const { AssociationId } = sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.1.0.0/16' }).CidrBlockAssociation!;
    const blocks = () => (byId(sim, vpc) as { CidrBlockAssociationSet: { CidrBlock: string; CidrBlockState: { State: string } }[] }).CidrBlockAssociationSet.map((a) => `${a.CidrBlock} ${a.CidrBlockState.State}`);
    const filtered = () => sim.ok(A, { type: 'DescribeVpcs', Filters: [{ Name: 'cidr-block-association.cidr-block', Values: ['10.1.0.0/16'] }] }).Vpcs;
    expect(blocks()).toEqual(['10.0.0.0/16 associated']);
    expect(filtered()).toEqual([]);
    sim.tick(D);
    expect(blocks()).toEqual(['10.0.0.0/16 associated', '10.1.0.0/16 associated']);
    expect(filtered()).toHaveLength(1);
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId });
    expect(blocks()).toEqual(['10.0.0.0/16 associated', '10.1.0.0/16 associated']);
    sim.tick(D);
    expect(blocks()).toEqual(['10.0.0.0/16 associated', '10.1.0.0/16 disassociated']);
  });

  test('VPC tags show late, in DescribeVpcs, its tag filters and DescribeTags', () => {
    const sim = new Sim({ consistency: { describeDelayMs: D } });
    const vpc = sim.vpc(A, '10.0.0.0/16');
    sim.tick(D);
    sim.ok(A, { type: 'CreateTags', Resources: [vpc], Tags: [{ Key: 'env', Value: 'prod' }] });
    const tagged = () => sim.ok(A, { type: 'DescribeVpcs', Filters: [{ Name: 'tag:env', Values: ['prod'] }] }).Vpcs.map((v) => v.VpcId);
    const tags = () => sim.ok(A, { type: 'DescribeTags', Filters: [{ Name: 'resource-type', Values: ['vpc'] }] }).Tags.map((t) => t.Key);
    expect([(byId(sim, vpc) as { Tags: unknown[] }).Tags, tagged(), tags()]).toEqual([[], [], []]);
    sim.tick(D);
    expect([(byId(sim, vpc) as { Tags: unknown[] }).Tags, tagged(), tags()]).toEqual([[{ Key: 'env', Value: 'prod' }], [vpc], ['env']]);
  });

  test('a DNS attribute change reaches what Describe reads only after the delay, while Modify options sees it at once', () => {
    const sim = new Sim({ consistency: { describeDelayMs: D } });
    const vpc = sim.vpc(A, '10.0.0.0/16');
    sim.tick(D);
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsHostnames: { Value: true } });
    // No modelled Describe prints the DNS attributes (DescribeVpcAttribute is not modelled): read the shown version.
    expect(shownVpc(sim.world, vpc)!.enableDnsHostnames).toBe(false);
    expect(pget(sim.world.vpcs, vpc)!.enableDnsHostnames).toBe(true);
    sim.tick(D);
    expect(shownVpc(sim.world, vpc)!.enableDnsHostnames).toBe(true);
  });

  test("the peering views read the VPCs as Describe shows them: a new block reaches CidrBlockSet late", () => {
    const sim = new Sim({ consistency: { describeDelayMs: D } });
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(A, '10.1.0.0/16');
    const id = sim.request(A, a, b);
    sim.ok(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    sim.tick(D);
    sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: a, CidrBlock: '10.2.0.0/16' });
    const set = () => {
      const seen = sim.describe(A, id);
      return 'code' in seen ? seen.code : seen.RequesterVpcInfo.CidrBlockSet!.map((c) => c.CidrBlock);
    };
    const filtered = () =>
      sim.ok(A, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'requester-vpc-info.cidr-block', Values: ['10.2.0.0/16'] }] }).VpcPeeringConnections;
    expect([set(), filtered()]).toEqual([['10.0.0.0/16'], []]);
    sim.tick(D);
    expect(set()).toEqual(['10.0.0.0/16', '10.2.0.0/16']);
    expect(filtered()).toHaveLength(1);
  });
});

describe('eventual consistency: only Describe lags (spec §10.4)', () => {
  test('Accept right after Create works while Describe of that ID is still NotFound (the race Terraform hit)', () => {
    const sim = new Sim({ consistency: { describeDelayMs: 2_000 } });
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(A, '10.1.0.0/16');
    // Same account and Region: checked within Create, pending-acceptance at once.
    const id = sim.request(A, a, b);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    const accepted = sim.ok(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    expect(accepted.VpcPeeringConnection.Status.Code).toBe('provisioning');
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    sim.tick(0);
    sim.ok(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: false } });
    sim.tick(2_000);
    expect(sim.status(A, id)).toBe('active');
  });

  test('a filter applies to the version Describe shows, not the current one', () => {
    const { sim, id } = pending({ consistency: { describeDelayMs: 500 } });
    sim.tick(500);
    sim.ok(B, { type: 'CreateTags', Resources: [id], Tags: [{ Key: 'team', Value: 'net' }] });
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    sim.tick(0);
    const listed = (Filters: { Name: string; Values: string[] }[]) =>
      sim.ok(B, { type: 'DescribeVpcPeeringConnections', Filters }).VpcPeeringConnections.map((c) => c.Status.Code);
    // Now: active and tagged. Shown: pending-acceptance, untagged.
    expect(listed([{ Name: 'status-code', Values: ['active'] }])).toEqual([]);
    expect(listed([{ Name: 'status-code', Values: ['pending-acceptance'] }])).toEqual(['pending-acceptance']);
    expect(listed([{ Name: 'tag:team', Values: ['net'] }])).toEqual([]);
    expect(listed([{ Name: 'tag-key', Values: ['team'] }])).toEqual([]);
    expect(sim.ok(B, { type: 'DescribeTags', Filters: [{ Name: 'key', Values: ['team'] }] }).Tags).toEqual([]);
    sim.tick(500);
    expect(listed([{ Name: 'status-code', Values: ['active'] }])).toEqual(['active']);
    expect(listed([{ Name: 'tag:team', Values: ['net'] }])).toEqual(['active']);
    expect(sim.ok(B, { type: 'DescribeTags', Filters: [{ Name: 'key', Values: ['team'] }] }).Tags).toHaveLength(1);
  });

  test('a view still lists a connection it no longer sees now, until the delay has passed', () => {
    // The accepter adding an overlapping block fails the pending request: the accepter never sees
    // a failed request (spec §1.1), yet Describe still shows it pending for the delay.
    const { sim, id, b } = pending({ consistency: { describeDelayMs: 500 } });
    sim.ok(B, { type: 'CreateTags', Resources: [id], Tags: [{ Key: 'mine', Value: 'yes' }] });
    sim.tick(500);
    sim.ok(B, { type: 'AssociateVpcCidrBlock', VpcId: b, CidrBlock: '10.0.0.0/16' });
    const seen = () => sim.ok(B, { type: 'DescribeVpcPeeringConnections' }).VpcPeeringConnections.map((c) => c.Status.Code);
    const tags = () => sim.ok(B, { type: 'DescribeTags', Filters: [{ Name: 'resource-type', Values: ['vpc-peering-connection'] }] }).Tags;
    expect(seen()).toEqual(['pending-acceptance']);
    expect(tags()).toEqual([{ Key: 'mine', ResourceId: id, ResourceType: 'vpc-peering-connection', Value: 'yes' }]);
    expect(sim.status(B, id)).toBe('pending-acceptance');
    expect(sim.fail(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id }).code).toBe('InvalidVpcPeeringConnectionID.NotFound');
    sim.tick(500);
    expect(seen()).toEqual([]);
    expect(tags()).toEqual([]);
  });

  test('a terminal connection stays visible until the change that made it terminal has been shown, then for its whole window', () => {
    // A cross-account request whose VPCs overlap fails at its check; the requester sees failed for 2 h (spec §1.1).
    const delay = 3 * HOUR;
    const sim = new Sim({ consistency: { describeDelayMs: delay } });
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(B, '10.0.0.0/16');
    const id = sim.request(A, a, b, { owner: B.accountId });
    sim.tick(0); // failed now
    sim.tick(delay - 1);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound'); // the creation is not shown yet
    sim.tick(1);
    expect(sim.status(A, id)).toBe('failed'); // created and failed in the same ms: shown together
    sim.tick(2 * HOUR - 1);
    expect(sim.status(A, id)).toBe('failed');
    sim.tick(1);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(pget(sim.world.peerings, id)).toBeUndefined();
  });

  test('a terminal connection is never retired before its terminal state is shown, whatever the windows', () => {
    const sim = new Sim({ consistency: { describeDelayMs: HOUR }, retention: { rejected: { requester: 60_000, accepter: 60_000 } } });
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(B, '10.1.0.0/16');
    const id = sim.request(A, a, b, { owner: B.accountId });
    sim.tick(HOUR);
    sim.ok(B, { type: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: id });
    sim.tick(HOUR - 1);
    expect(sim.status(A, id)).toBe('pending-acceptance');
    sim.tick(1);
    expect(sim.status(A, id)).toBe('rejected');
    sim.tick(60_000);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });
});

describe('eventual consistency: memory (spec §10.4)', () => {
  const lagKeys = (world: World) => (pkeys(world.index) as string[]).filter((key) => /^[lL]\|/.test(key));
  const catchUps = (world: World) => queued(world.schedule).filter((entry) => entry.kind === 'catch-up');

  test('old versions are dropped once the delay has passed: no versions, lagging entries or catch-ups remain', () => {
    const sim = new Sim({ consistency: { describeDelayMs: 1_000 } });
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(B, '10.1.0.0/16');
    const id = sim.request(A, a, b, { owner: B.accountId });
    sim.tick(0);
    sim.tick(1_000);
    expect([pget(sim.world.peerings, id)!.previous, sim.world.vpcVersions]).toEqual([null, undefined]);
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    sim.ok(A, { type: 'CreateTags', Resources: [a, id], Tags: [{ Key: 'k', Value: 'v' }] });
    sim.ok(B, { type: 'CreateTags', Resources: [b], Tags: [{ Key: 'k', Value: 'v' }] });
    sim.tick(0);
    expect(pget(sim.world.peerings, id)!.previous).not.toBeNull();
    expect(sim.world.vpcVersions?.size).toBe(2);
    expect(lagKeys(sim.world).length).toBeGreaterThan(0);
    sim.tick(999);
    expect(pget(sim.world.peerings, id)!.previous).not.toBeNull();
    sim.tick(1);
    expect(pget(sim.world.peerings, id)!.previous).toBeNull();
    expect(sim.world.vpcVersions).toBeUndefined();
    expect(lagKeys(sim.world)).toEqual([]);
    expect(catchUps(sim.world)).toEqual([]);
  });

  test('a connection changed again and again keeps only the versions of the last delay', () => {
    const { sim, id } = pending({ consistency: { describeDelayMs: 1_000 } });
    const depth = () => {
      let n = 0;
      for (let v = pget(sim.world.peerings, id) ?? null; v !== null; v = v.previous) n++;
      return n;
    };
    for (let i = 0; i < 50; i++) {
      sim.ok(A, { type: 'CreateTags', Resources: [id], Tags: [{ Key: 'k', Value: String(i) }] });
      sim.tick(250);
      expect(depth()).toBeLessThanOrEqual(6); // at most one version per 250 ms of the last 1000, and the one shown
    }
  });

  test('with delay 0 nothing is versioned: no versions, no lagging entries, no catch-ups', () => {
    const { sim, id } = pending();
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    sim.ok(A, { type: 'CreateTags', Resources: [id], Tags: [{ Key: 'k', Value: 'v' }] });
    sim.vpc(A, '10.9.0.0/16');
    expect(pget(sim.world.peerings, id)!.previous).toBeNull();
    expect(sim.world.vpcVersions).toBeUndefined();
    expect('vpcVersions' in sim.world).toBe(false);
    expect(lagKeys(sim.world)).toEqual([]);
    expect(catchUps(sim.world)).toEqual([]);
  });
});

// The law: run the same commands on a world with delay D and on one without. Every command but a
// Describe gives the same result in both (the control plane is consistent), and a Describe at time t
// in the delayed world gives exactly what it gave in the world without delay at the end of moment
// t − D — the world after every command made at or before t − D, with the clock moved to t − D.
type Op =
  | { readonly kind: 'peering'; readonly step: RawStep }
  | { readonly kind: 'vpc'; readonly owner: number; readonly cidr: number; readonly tagged: boolean }
  | { readonly kind: 'delete-vpc' | 'dns' | 'tag-vpc'; readonly vpc: number; readonly value: number }
  | { readonly kind: 'associate'; readonly vpc: number; readonly cidr: number; readonly ipv6: boolean }
  | { readonly kind: 'disassociate'; readonly vpc: number; readonly n: number }
  | { readonly kind: 'read'; readonly viewer: number; readonly query: number; readonly target: number }
  | { readonly kind: 'wait'; readonly part: number };

const CIDRS = ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.7.0.0/16', '10.8.0.0/16', '10.9.0.0/16'];
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: rawStepArb.map((step) => ({ kind: 'peering' as const, step })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('vpc' as const), owner: fc.nat({ max: 5 }), cidr: fc.nat({ max: 5 }), tagged: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('delete-vpc' as const, 'dns' as const, 'tag-vpc' as const), vpc: fc.nat({ max: 9 }), value: fc.nat({ max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('associate' as const), vpc: fc.nat({ max: 9 }), cidr: fc.nat({ max: 5 }), ipv6: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('disassociate' as const), vpc: fc.nat({ max: 9 }), n: fc.nat({ max: 5 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('read' as const), viewer: fc.nat({ max: VIEWERS.length - 1 }), query: fc.nat({ max: 11 }), target: fc.nat({ max: 9 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), part: fc.nat({ max: 4 }) }) },
);

/** A wait measured in the delay, so that reads often fall inside it: 0, 1 ms, D/2, D − 1, D. */
const waitMs = (part: number, delay: number): number => [0, 1, Math.floor(delay / 2), delay - 1, delay][part]!;

/** The Describe commands the law reads with. */
function readCommand(query: number, target: number, vpcId: string, pcxId: string): Command {
  const states = ['pending-acceptance', 'active', 'failed', 'deleted', 'initiating-request', 'p*'];
  switch (query) {
    case 0: return { type: 'DescribeVpcs' };
    case 1: return { type: 'DescribeVpcs', VpcIds: [vpcId] };
    case 2: return { type: 'DescribeVpcs', Filters: [{ Name: 'cidr-block-association.cidr-block', Values: ['10.1.0.0/16', '10.9.*'] }] };
    case 3: return { type: 'DescribeVpcs', Filters: [{ Name: 'tag:env', Values: ['v1'] }] };
    case 4: return { type: 'DescribeVpcPeeringConnections' };
    case 5: return { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [pcxId] };
    case 6: return { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values: [states[target % states.length]!, states[(target + 2) % states.length]!] }] };
    case 7: return { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'accepter-vpc-info.cidr-block', Values: ['10.1.0.0/16', '10.2.0.0/16', '10.9.0.0/16'] }] };
    case 8: return { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'tag:k', Values: ['*'] }] };
    case 9: return { type: 'DescribeTags' };
    case 10: return { type: 'DescribeTags', Filters: [{ Name: 'resource-id', Values: [vpcId, pcxId] }] };
    default: return { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'requester-vpc-info.vpc-id', Values: [vpcId] }] };
  }
}

interface Lockstep {
  readonly options: WorldOptions;
  /** The world without delay after every command so far, with its clock; the first is before any. */
  readonly timeline: { readonly clock: number; readonly world: World }[];
  delayed: World;
  readonly vpcIds: string[];
  readonly owners: Caller[];
  readonly connIds: string[];
}

function start(options: WorldOptions, delay: number): Lockstep {
  const first = createWorld(options);
  const state: Lockstep = {
    options,
    timeline: [{ clock: -Infinity, world: first }],
    delayed: createWorld({ ...options, consistency: { describeDelayMs: delay } }),
    vpcIds: [],
    owners: [],
    connIds: [],
  };
  for (const [i, vpc] of VPCS.entries()) runOp(state, { kind: 'vpc', owner: vpc.owner * 2 + vpc.region, cidr: CIDRS.indexOf(vpc.cidr), tagged: i % 2 === 0 });
  return state;
}

/**
 * The world without delay at the end of moment `at`: after every command made by then, and every
 * transition due by then (one due at `at` itself runs on the next clock step, stamped `at`).
 */
function reference(state: Lockstep, at: number): World {
  let last = state.timeline[0]!;
  for (const entry of state.timeline) if (entry.clock <= at) last = entry;
  return last.clock === -Infinity ? last.world : advanceClock(last.world, at - last.clock).world;
}

function commandOf(state: Lockstep, op: Exclude<Op, { kind: 'read' }>): { caller: Caller; command: Command } {
  const now = state.timeline[state.timeline.length - 1]!.world;
  const vpc = (n: number) => state.vpcIds[n % state.vpcIds.length]!;
  const owner = (n: number) => state.owners[n % state.owners.length]!;
  switch (op.kind) {
    case 'peering':
      return toCommand(op.step, state.vpcIds, state.connIds);
    case 'wait':
      return { caller: VIEWERS[0]!, command: { type: 'AdvanceClock', Milliseconds: waitMs(op.part, state.delayed.config.consistency.describeDelayMs) } };
    case 'vpc':
      return {
        caller: VIEWERS[op.owner]!,
        command: { type: 'CreateVpc', CidrBlock: CIDRS[op.cidr]!, TagSpecifications: op.tagged ? [{ ResourceType: 'vpc', Tags: [{ Key: 'env', Value: 'v1' }] }] : undefined },
      };
    case 'delete-vpc':
      return { caller: owner(op.vpc), command: { type: 'DeleteVpc', VpcId: vpc(op.vpc) } };
    case 'dns':
      return { caller: owner(op.vpc), command: { type: 'ModifyVpcAttribute', VpcId: vpc(op.vpc), EnableDnsHostnames: { Value: op.value === 1 } } };
    case 'tag-vpc':
      return { caller: owner(op.vpc), command: { type: 'CreateTags', Resources: [vpc(op.vpc)], Tags: [{ Key: 'env', Value: `v${op.value}` }] } };
    case 'associate':
      return {
        caller: owner(op.vpc),
        command: op.ipv6 ? { type: 'AssociateVpcCidrBlock', VpcId: vpc(op.vpc), AmazonProvidedIpv6CidrBlock: true } : { type: 'AssociateVpcCidrBlock', VpcId: vpc(op.vpc), CidrBlock: CIDRS[op.cidr]! },
      };
    case 'disassociate': {
      const record = pget(now.vpcs, vpc(op.vpc));
      const ids = record === undefined ? [] : [...record.ipv4Blocks, ...record.ipv6Blocks].map((block) => block.associationId);
      return { caller: owner(op.vpc), command: { type: 'DisassociateVpcCidrBlock', AssociationId: ids[op.n % Math.max(ids.length, 1)] ?? 'vpc-cidr-assoc-0123456789abcdef0' } };
    }
  }
}

const isDescribe = (command: Command): boolean => command.type.startsWith('Describe');

function runOp(state: Lockstep, op: Op): void {
  if (op.kind === 'read') {
    const caller = VIEWERS[op.viewer]!;
    const command = readCommand(op.query, op.target, state.vpcIds[op.target % state.vpcIds.length]!, state.connIds[op.target % Math.max(state.connIds.length, 1)] ?? 'pcx-0123456789abcdef0');
    return compareRead(state, caller, command);
  }
  const { caller, command } = commandOf(state, op);
  if (isDescribe(command)) return compareRead(state, caller, command);
  const now = state.timeline[state.timeline.length - 1]!.world;
  const truth = apply(now, caller, command);
  const delayed = apply(state.delayed, caller, command);
  // Every other command acts on the true state: the same answer with or without delay (AdvanceClock's
  // count of transitions aside: a retirement comes D ms later with delay).
  const clockOf = (step: typeof truth) => step.world.clock;
  if (command.type === 'AdvanceClock') expect([delayed.result.ok, clockOf(delayed)]).toEqual([truth.result.ok, clockOf(truth)]);
  else expect(delayed.result).toEqual(truth.result);
  state.timeline.push({ clock: truth.world.clock, world: truth.world });
  state.delayed = delayed.world;
  if (truth.result.ok && command.type === 'CreateVpc') {
    state.vpcIds.push((truth.result.value as { Vpc: { VpcId: string } }).Vpc.VpcId);
    state.owners.push(caller);
  }
  if (truth.result.ok && command.type === 'CreateVpcPeeringConnection') {
    const id = (truth.result.value as { VpcPeeringConnection: { VpcPeeringConnectionId: string } }).VpcPeeringConnection.VpcPeeringConnectionId;
    if (!state.connIds.includes(id)) state.connIds.push(id);
  }
}

function compareRead(state: Lockstep, caller: Caller, command: Command): void {
  const delay = state.delayed.config.consistency.describeDelayMs;
  const shown = apply(state.delayed, caller, command);
  expect(shown.world).toBe(state.delayed);
  expect(shown.result).toEqual(apply(reference(state, state.delayed.clock - delay), caller, command).result);
}

describe('eventual consistency: the law (spec §10.4)', () => {
  const delayArb = fc.constantFrom(1, 2_000, 5_000, HOUR, 2 * HOUR, DAY);
  const timingArb = fc.constantFrom('instant' as const, 'realistic' as const);

  prop.prop([fc.array(opArb, { minLength: 10, maxLength: 60, size: 'large' }), delayArb, timingArb])(
    'Describe at time t shows exactly what a world without delay showed at the end of moment t − D; every other command acts on the true state',
    (ops, delay, timing) => {
      const state = start({ regions: [...REGIONS], quotas: { outstandingRequestsPerAccount: 4 }, timing }, delay);
      for (const op of ops) runOp(state, op);
      // And once nothing has changed for D ms, Describe shows the world as it is, and no version is kept.
      runOp(state, { kind: 'peering', step: { kind: 'tick', ms: 30 * DAY + delay } });
      for (const viewer of VIEWERS.keys()) for (const query of [0, 4, 9]) runOp(state, { kind: 'read', viewer, query, target: 0 });
      const world = state.delayed;
      expect(world.vpcVersions).toBeUndefined();
      peach(world.peerings, (record) => expect(record.previous).toBeNull());
      expect((pkeys(world.index) as string[]).filter((key) => /^[lL]\|/.test(key))).toEqual([]);
    },
  );

  prop.prop([fc.array(opArb, { maxLength: 30 }), fc.array(opArb, { maxLength: 30 }), delayArb])(
    'a delayed world restored from JSON goes on exactly as the original',
    (first, second, delay) => {
      const state = start({ regions: [...REGIONS], timing: 'realistic' }, delay);
      for (const op of first) runOp(state, op);
      const copy: Lockstep = { ...state, timeline: [...state.timeline], vpcIds: [...state.vpcIds], owners: [...state.owners], connIds: [...state.connIds] };
      copy.delayed = JSON.parse(JSON.stringify(state.delayed)) as World;
      for (const op of second) {
        runOp(state, op);
        runOp(copy, op);
      }
      expect(JSON.stringify(copy.delayed)).toBe(JSON.stringify(state.delayed));
    },
  );
});
