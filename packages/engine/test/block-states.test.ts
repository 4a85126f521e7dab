import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { apply, createWorld, type Command, type World, type WorldOptions } from '../src/index.js';
import { pget } from '../src/pmap.js';
import { A, B, HOUR, Sim } from './helpers.js';

const SECOND = 1_000;

function vpcWith(options: WorldOptions = {}) {
  const sim = new Sim(options);
  const vpc = sim.vpc(A, '10.0.0.0/16');
  return { sim, vpc };
}

/** The IPv4 associations DescribeVpcs lists for the VPC: `cidr state`. */
const listed = (sim: Sim, vpc: string) =>
  sim.ok(A, { type: 'DescribeVpcs', VpcIds: [vpc] }).Vpcs[0]!.CidrBlockAssociationSet.map((a) => `${a.CidrBlock} ${a.CidrBlockState.State}`);

const associate = (sim: Sim, vpc: string, cidr: string) =>
  sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: cidr }).CidrBlockAssociation!;

describe('CIDR block association states (spec §6.1)', () => {
  test('AssociateVpcCidrBlock answers associating; under instant Describe shows associated at once', () => {
    const { sim, vpc } = vpcWith();
    expect(associate(sim, vpc, '10.1.0.0/16').CidrBlockState.State).toBe('associating');
    expect(listed(sim, vpc)).toEqual(['10.0.0.0/16 associated', '10.1.0.0/16 associated']);
  });

  test('realistic: a new block is associating for 5 s, then associated', () => {
    const { sim, vpc } = vpcWith({ timing: 'realistic' });
    expect(associate(sim, vpc, '10.1.0.0/16').CidrBlockState.State).toBe('associating');
    expect(listed(sim, vpc)).toEqual(['10.0.0.0/16 associated', '10.1.0.0/16 associating']);
    sim.tick(5 * SECOND - 1);
    expect(listed(sim, vpc)[1]).toBe('10.1.0.0/16 associating');
    const step = sim.step(A, { type: 'AdvanceClock', Milliseconds: 1 });
    expect(step.events).toContainEqual(expect.objectContaining({ type: 'VpcChanged', vpcId: vpc, change: 'cidr-block-state-changed' }));
    expect(listed(sim, vpc)[1]).toBe('10.1.0.0/16 associated');
  });

  test('DisassociateVpcCidrBlock answers disassociating; the block is listed disassociated for 1 hour, then gone', () => {
    const { sim, vpc } = vpcWith();
    const { AssociationId } = associate(sim, vpc, '10.1.0.0/16');
    const out = sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId });
    expect(out.CidrBlockAssociation).toEqual({ AssociationId, CidrBlock: '10.1.0.0/16', CidrBlockState: { State: 'disassociating' } });
    expect(listed(sim, vpc)).toEqual(['10.0.0.0/16 associated', '10.1.0.0/16 disassociated']);
    sim.tick(HOUR - 1);
    expect(listed(sim, vpc)).toHaveLength(2);
    sim.tick(1);
    expect(listed(sim, vpc)).toEqual(['10.0.0.0/16 associated']);
  });

  test('realistic: disassociating for 5 s, then disassociated for 1 hour, then gone', () => {
    const { sim, vpc } = vpcWith({ timing: 'realistic' });
    const { AssociationId } = associate(sim, vpc, '10.1.0.0/16');
    sim.tick(5 * SECOND);
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId });
    expect(listed(sim, vpc)[1]).toBe('10.1.0.0/16 disassociating');
    sim.tick(5 * SECOND);
    expect(listed(sim, vpc)[1]).toBe('10.1.0.0/16 disassociated');
    sim.tick(HOUR - 1);
    expect(listed(sim, vpc)[1]).toBe('10.1.0.0/16 disassociated');
    sim.tick(1);
    expect(listed(sim, vpc)).toEqual(['10.0.0.0/16 associated']);
  });

  test('IPv6 blocks go through the same states; CreateVpc answers its IPv6 block associating', () => {
    const sim = new Sim({ timing: 'realistic' });
    const created = sim.ok(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true }).Vpc;
    expect(created.CidrBlockAssociationSet[0]!.CidrBlockState.State).toBe('associated');
    expect(created.Ipv6CidrBlockAssociationSet[0]!.Ipv6CidrBlockState.State).toBe('associating');
    const ipv6 = () => sim.ok(A, { type: 'DescribeVpcs', VpcIds: [created.VpcId] }).Vpcs[0]!.Ipv6CidrBlockAssociationSet.map((a) => a.Ipv6CidrBlockState.State);
    expect(ipv6()).toEqual(['associating']);
    sim.tick(5 * SECOND);
    expect(ipv6()).toEqual(['associated']);
    const { AssociationId } = created.Ipv6CidrBlockAssociationSet[0]!;
    expect(sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId }).Ipv6CidrBlockAssociation!.Ipv6CidrBlockState.State).toBe('disassociating');
    sim.tick(5 * SECOND);
    expect(ipv6()).toEqual(['disassociated']);
    sim.tick(HOUR);
    expect(ipv6()).toEqual([]);
    // Under instant, CreateVpc answers associating too, and Describe shows associated at once.
    const instant = new Sim();
    const vpc = instant.ok(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true }).Vpc;
    expect(vpc.Ipv6CidrBlockAssociationSet[0]!.Ipv6CidrBlockState.State).toBe('associating');
    expect(instant.ok(A, { type: 'DescribeVpcs', VpcIds: [vpc.VpcId] }).Vpcs[0]!.Ipv6CidrBlockAssociationSet[0]!.Ipv6CidrBlockState.State).toBe('associated');
  });

  test('a disassociated block no longer counts: its CIDR can be associated again and its place in the quota is free', () => {
    const { sim, vpc } = vpcWith();
    const ids = ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16'].map((cidr) => associate(sim, vpc, cidr).AssociationId);
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.9.0.0/16' }).code).toBe('CidrLimitExceeded');
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId: ids[0]! });
    // Still listed as disassociated, yet neither overlapping nor counted.
    expect(associate(sim, vpc, '10.1.0.0/16').CidrBlock).toBe('10.1.0.0/16');
    expect(listed(sim, vpc).filter((line) => line.startsWith('10.1.0.0/16'))).toEqual(['10.1.0.0/16 disassociated', '10.1.0.0/16 associated']);
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.9.0.0/16' }).code).toBe('CidrLimitExceeded');
  });

  test('a disassociating block still counts for the overlap rules and the quota', () => {
    const { sim, vpc } = vpcWith({ timing: 'realistic', quotas: { ipv4BlocksPerVpc: 2 } });
    const { AssociationId } = associate(sim, vpc, '10.1.0.0/16');
    sim.tick(5 * SECOND);
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId });
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.2.0.0/16' }).code).toBe('CidrLimitExceeded');
    sim.tick(5 * SECOND);
    expect(associate(sim, vpc, '10.1.0.0/16').CidrBlockState.State).toBe('associating');
  });

  test('a disassociated block is no longer in the peering check nor in the peering views', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(B, '10.1.0.0/16');
    const { AssociationId } = associate(sim, a, '10.1.0.0/16');
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId });
    const id = sim.request(A, a, b, { owner: B.accountId });
    sim.tick(0);
    expect(sim.status(A, id)).toBe('pending-acceptance');
    const seen = sim.describe(A, id);
    expect('code' in seen ? seen : seen.RequesterVpcInfo.CidrBlockSet).toEqual([{ CidrBlock: '10.0.0.0/16' }]);
  });

  test('a block already disassociating or disassociated cannot be disassociated again: InvalidVpcCidrBlockAssociationID.NotFound', () => {
    for (const timing of ['instant', 'realistic'] as const) {
      const { sim, vpc } = vpcWith({ timing });
      const { AssociationId } = associate(sim, vpc, '10.1.0.0/16');
      sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId });
      expect(sim.fail(A, { type: 'DisassociateVpcCidrBlock', AssociationId }).code).toBe('InvalidVpcCidrBlockAssociationID.NotFound');
    }
  });
});

/** One step on one VPC: associate a block (by index), disassociate an association (by index), or wait. */
type BlockStep = { kind: 'v4'; n: number } | { kind: 'v6' } | { kind: 'drop'; n: number } | { kind: 'tick'; ms: number };

const blockStepArb: fc.Arbitrary<BlockStep> = fc.oneof(
  fc.record({ kind: fc.constant('v4' as const), n: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('v6' as const) }),
  fc.record({ kind: fc.constant('drop' as const), n: fc.nat({ max: 9 }) }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.constantFrom(0, 1, 4_999, 5_000, 1_800_000, HOUR) }),
);

function oneVpc(timing: 'instant' | 'realistic'): { world: World; vpcId: string } {
  const step = apply(createWorld({ timing }), A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' });
  return { world: step.world, vpcId: step.result.ok ? step.result.value.Vpc.VpcId : '' };
}

function runBlocks(steps: readonly BlockStep[], timing: 'instant' | 'realistic', start?: World): World {
  const first = oneVpc(timing);
  const vpcId = first.vpcId; // the same in every world of this seed
  let world = start ?? first.world;
  for (const step of steps) {
    const vpc = pget(world.vpcs, vpcId)!;
    const associations = [...vpc.ipv4Blocks, ...vpc.ipv6Blocks].map((block) => block.associationId);
    const command: Command =
      step.kind === 'v4'
        ? { type: 'AssociateVpcCidrBlock', VpcId: vpcId, CidrBlock: `10.${1 + step.n}.0.0/16` }
        : step.kind === 'v6'
          ? { type: 'AssociateVpcCidrBlock', VpcId: vpcId, AmazonProvidedIpv6CidrBlock: true }
          : step.kind === 'drop'
            ? { type: 'DisassociateVpcCidrBlock', AssociationId: associations[step.n % associations.length]! }
            : { type: 'AdvanceClock', Milliseconds: step.ms };
    world = apply(world, A, command).world;
    // Through every state: the primary block first and associated, at most 5 blocks holding addresses per family.
    const after = pget(world.vpcs, vpcId)!;
    expect(after.ipv4Blocks[0]).toMatchObject({ cidrBlock: '10.0.0.0/16', state: 'associated' });
    expect(after.ipv4Blocks.filter((block) => block.state !== 'disassociated').length).toBeLessThanOrEqual(5);
    expect(after.ipv6Blocks.filter((block) => block.state !== 'disassociated').length).toBeLessThanOrEqual(5);
  }
  return world;
}

describe('CIDR block association states: laws', () => {
  const stepsArb = fc.array(blockStepArb, { maxLength: 30 });
  const timingArb = fc.constantFrom('instant' as const, 'realistic' as const);

  prop.prop([stepsArb, stepsArb, timingArb])(
    'block states keep the quota, are deterministic, and a world restored from JSON goes on exactly as the original',
    (first, second, timing) => {
      const middle = runBlocks(first, timing);
      expect(JSON.stringify(runBlocks(first, timing))).toBe(JSON.stringify(middle));
      const restored = JSON.parse(JSON.stringify(middle)) as World;
      expect(JSON.stringify(runBlocks(second, timing, restored))).toBe(JSON.stringify(runBlocks(second, timing, middle)));
    },
  );
});
