// A small fixed world and arbitrary command sequences over it, for the properties: six VPCs of three
// accounts in two Regions (one pair overlapping), and steps that refer to VPCs and connections by
// index, so a sequence means something whatever IDs the world hands out.
import { fc } from '@fast-check/vitest';
import { apply, createWorld, type Caller, type Command, type Step, type World, type WorldOptions } from '../src/index.js';

export const ACCOUNTS = ['111111111111', '222222222222', '333333333333'] as const;
export const REGIONS = ['us-east-1', 'us-west-2'] as const;
/** Every (account, Region) pair: the six possible viewers. */
export const VIEWERS: readonly Caller[] = ACCOUNTS.flatMap((accountId) => REGIONS.map((region) => ({ accountId, region })));

/** The VPCs: owner, Region, block. VPC 4 overlaps VPC 0. */
export const VPCS = [
  { owner: 0, region: 0, cidr: '10.0.0.0/16' },
  { owner: 0, region: 0, cidr: '10.1.0.0/16' },
  { owner: 1, region: 0, cidr: '10.2.0.0/16' },
  { owner: 1, region: 1, cidr: '10.3.0.0/16' },
  { owner: 2, region: 0, cidr: '10.0.0.0/16' },
  { owner: 0, region: 1, cidr: '10.5.0.0/16' },
] as const;

export const ownerOf = (vpc: number): Caller => ({ accountId: ACCOUNTS[VPCS[vpc]!.owner], region: REGIONS[VPCS[vpc]!.region] });

/** The fixed world, and its VPC IDs in the order of {@link VPCS}. */
export function setup(options: WorldOptions = {}): { world: World; vpcIds: string[] } {
  let world = createWorld({ regions: [...REGIONS], quotas: { outstandingRequestsPerAccount: 4 }, ...options });
  const vpcIds: string[] = [];
  for (const [i, vpc] of VPCS.entries()) {
    const step = apply(world, ownerOf(i), { type: 'CreateVpc', CidrBlock: vpc.cidr });
    if (!step.result.ok) throw new Error(step.result.error.message);
    world = step.world;
    vpcIds.push(step.result.value.Vpc.VpcId);
  }
  return { world, vpcIds };
}

/** One step, by index. */
export type RawStep =
  | { readonly kind: 'create'; readonly vpc: number; readonly peer: number; readonly rightOwner: boolean; readonly rightRegion: boolean }
  | { readonly kind: 'accept' | 'reject' | 'delete' | 'describe' | 'tag' | 'modify'; readonly conn: number; readonly viewer: number }
  | { readonly kind: 'list'; readonly viewer: number; readonly status: string }
  | { readonly kind: 'tick'; readonly ms: number };

export const TICKS = [0, 1, 1_999, 2_000, 5_000, 3_600_000, 7_200_000, 86_400_000, 172_800_000, 604_800_000];

const index = (n: number) => fc.nat({ max: n - 1 });

export const rawStepArb: fc.Arbitrary<RawStep> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), vpc: index(VPCS.length), peer: index(VPCS.length), rightOwner: fc.boolean(), rightRegion: fc.boolean() }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom('accept' as const, 'reject' as const, 'delete' as const, 'describe' as const, 'tag' as const, 'modify' as const),
      conn: fc.nat({ max: 20 }),
      viewer: index(VIEWERS.length),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('list' as const), viewer: index(VIEWERS.length), status: fc.constantFrom('active', 'pending-acceptance', 'failed', 'p*') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.constantFrom(...TICKS) }) },
);

/** The caller and command of a step, given the VPC IDs and the connection IDs seen so far. */
export function toCommand(step: RawStep, vpcIds: readonly string[], connIds: readonly string[]): { caller: Caller; command: Command } {
  const conn = (n: number) => connIds.length === 0 ? 'pcx-0123456789abcdef0' : connIds[n % connIds.length]!;
  switch (step.kind) {
    case 'create': {
      const peer = VPCS[step.peer]!;
      const owner = step.rightOwner ? peer.owner : (peer.owner + 1) % ACCOUNTS.length;
      const region = step.rightRegion ? peer.region : 1 - peer.region;
      return {
        caller: ownerOf(step.vpc),
        command: { type: 'CreateVpcPeeringConnection', VpcId: vpcIds[step.vpc], PeerVpcId: vpcIds[step.peer], PeerOwnerId: ACCOUNTS[owner], PeerRegion: REGIONS[region] },
      };
    }
    case 'accept':
      return { caller: VIEWERS[step.viewer]!, command: { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: conn(step.conn) } };
    case 'reject':
      return { caller: VIEWERS[step.viewer]!, command: { type: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: conn(step.conn) } };
    case 'delete':
      return { caller: VIEWERS[step.viewer]!, command: { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: conn(step.conn) } };
    case 'describe':
      return { caller: VIEWERS[step.viewer]!, command: { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [conn(step.conn)] } };
    case 'tag':
      return { caller: VIEWERS[step.viewer]!, command: { type: 'CreateTags', Resources: [conn(step.conn)], Tags: [{ Key: 'k', Value: String(step.viewer) }] } };
    case 'modify':
      return {
        caller: VIEWERS[step.viewer]!,
        command: { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: conn(step.conn), RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: false } },
      };
    case 'list':
      return { caller: VIEWERS[step.viewer]!, command: { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values: [step.status] }] } };
    case 'tick':
      return { caller: VIEWERS[0]!, command: { type: 'AdvanceClock', Milliseconds: step.ms } };
  }
}

/** Runs raw steps from the fixed world; returns every step and the connection IDs created. */
export function runSteps(raw: readonly RawStep[], options: WorldOptions = {}, start = setup(options)) {
  let world = start.world;
  const connIds: string[] = [];
  const steps: { before: World; step: Step; caller: Caller; command: Command }[] = [];
  for (const r of raw) {
    const { caller, command } = toCommand(r, start.vpcIds, connIds);
    const step = apply(world, caller, command);
    steps.push({ before: world, step, caller, command });
    world = step.world;
    if (command.type === 'CreateVpcPeeringConnection' && step.result.ok) {
      const id = (step.result.value as { VpcPeeringConnection: { VpcPeeringConnectionId: string } }).VpcPeeringConnection.VpcPeeringConnectionId;
      if (!connIds.includes(id)) connIds.push(id);
    }
  }
  return { world, steps, connIds, vpcIds: start.vpcIds };
}
