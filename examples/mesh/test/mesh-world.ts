// Test setup built from the kit only: where each member VPC lives (any mix of accounts and Regions),
// the VPCs and their route tables (made through the SDK, as a user would), a sleep that moves the
// simulated clock, and reads of what AWS holds afterwards.
import {
  AssociateVpcCidrBlockCommand,
  CreateRouteTableCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeVpcPeeringConnectionsCommand,
  type EC2Client,
  type Route,
  type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { accountId, region, type PcxsimContext } from '@pcxsim/testing';
import fc from 'fast-check';
import type { MeshMember, MeshSpec } from '../src/index.js';

/** Where one member lives. */
export interface Place {
  readonly accountId: string;
  readonly region: string;
}

/**
 * `count` places drawn from two accounts and two Regions (any, or the two first of `among`): same or
 * other account and Region, in any mix.
 */
export function places(count: number, among: { accounts?: readonly string[]; regions?: readonly string[] } = {}): fc.Arbitrary<Place[]> {
  return fc
    .record({
      accounts: among.accounts ? fc.constant(among.accounts.slice(0, 2)) : fc.uniqueArray(accountId(), { minLength: 2, maxLength: 2 }),
      regions: among.regions ? fc.constant(among.regions.slice(0, 2)) : fc.uniqueArray(region(), { minLength: 2, maxLength: 2 }),
      picks: fc.array(fc.tuple(fc.nat(1), fc.nat(1)), { minLength: count, maxLength: count }),
    })
    .map(({ accounts, regions, picks }) => picks.map(([a, r]) => ({ accountId: accounts[a]!, region: regions[r]! })));
}

/** The IPv4 blocks of one VPC: the primary block, then any secondary ones. */
export type Blocks = readonly string[];

/** A VPC of `client`'s account in its Region, with a route table of its own: [vpcId, routeTableId]. */
export async function createVpc(client: EC2Client, blocks: Blocks): Promise<[string, string]> {
  const vpcId = (await client.send(new CreateVpcCommand({ CidrBlock: blocks[0]! }))).Vpc!.VpcId!;
  for (const block of blocks.slice(1)) await client.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, CidrBlock: block }));
  const table = await client.send(new CreateRouteTableCommand({ VpcId: vpcId }));
  return [vpcId, table.RouteTable!.RouteTableId!];
}

/** A mesh and what its test needs around it. */
export interface MeshWorld {
  readonly spec: MeshSpec;
  readonly members: readonly MeshMember[];
  /** Every sleep the reconciler asked for, in ms, in order. */
  readonly sleeps: number[];
}

/** The members' names: m0, m1 … */
export const nameOf = (index: number) => `m${index}`;

/** Creates one VPC (with a route table) per member, `blocks[i]` at `where[i]`, and the spec that meshes them. */
export async function meshWorld(ctx: PcxsimContext, where: readonly Place[], blocks: readonly Blocks[], extra: Partial<MeshSpec> = {}): Promise<MeshWorld> {
  const members: MeshMember[] = [];
  for (const [index, place] of where.entries()) {
    const client = ctx.ec2For(place.accountId, place.region);
    const [vpcId, routeTableId] = await createVpc(client, blocks[index]!);
    members.push({ name: nameOf(index), client, ...place, vpcId, routeTableId });
  }
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    await ctx.clock.advance(ms);
  };
  return { spec: { members, sleep, ...extra }, members, sleeps };
}

/** Asks for a peering from `from` to `to` behind the reconciler's back, as someone else would: its ID. */
export async function requestBetween(from: MeshMember, to: MeshMember): Promise<string> {
  const made = await from.client.send(
    new CreateVpcPeeringConnectionCommand({ VpcId: from.vpcId, PeerVpcId: to.vpcId, PeerOwnerId: to.accountId, PeerRegion: to.region }),
  );
  return made.VpcPeeringConnection!.VpcPeeringConnectionId!;
}

/** The connection as `client`'s account and Region see it now. */
export async function describe(client: EC2Client, id: string): Promise<VpcPeeringConnection> {
  const out = await client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));
  return out.VpcPeeringConnections![0]!;
}

/** States from which a connection can still become (or is) active: what "peered or on its way" means. */
const LIVE = new Set(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);

/** Every live connection between `a` and `b` (either direction), as each one's requester sees it. */
export async function liveBetween(a: MeshMember, b: MeshMember): Promise<VpcPeeringConnection[]> {
  const found: VpcPeeringConnection[] = [];
  for (const [requester, accepter] of [[a, b], [b, a]] as const) {
    const out = await requester.client.send(
      new DescribeVpcPeeringConnectionsCommand({
        Filters: [
          { Name: 'requester-vpc-info.vpc-id', Values: [requester.vpcId] },
          { Name: 'accepter-vpc-info.vpc-id', Values: [accepter.vpcId] },
        ],
      }),
    );
    found.push(...(out.VpcPeeringConnections ?? []).filter((connection) => LIVE.has(connection.Status!.Code!)));
  }
  return found;
}

/** The routes of a member's table that target a peering connection: `destination → pcx (state)`, sorted. */
export async function peeringRoutes(member: MeshMember): Promise<string[]> {
  const out = await member.client.send(new DescribeRouteTablesCommand({ RouteTableIds: [member.routeTableId] }));
  const routes: Route[] = out.RouteTables![0]!.Routes ?? [];
  return routes
    .filter((route) => route.VpcPeeringConnectionId !== undefined)
    .map((route) => `${route.DestinationCidrBlock} → ${route.VpcPeeringConnectionId} (${route.State})`)
    .sort();
}

/** The client's own retries are what is under test: the SDK must not retry behind its back. */
export const NO_SDK_RETRIES = { clientConfig: { maxAttempts: 1 } } as const;

/** Every pair of indices (i < j) of `count` members. */
export const indexPairs = (count: number): [number, number][] =>
  Array.from({ length: count }, (_, i) => Array.from({ length: count - i - 1 }, (_, k): [number, number] => [i, i + k + 1])).flat();

/** Every connection each of `places` sees, as `id status`: a snapshot to compare before and after. */
export async function everyConnection(ctx: PcxsimContext, where: readonly Place[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  for (const place of where) {
    const out = await ctx.ec2For(place.accountId, place.region).send(new DescribeVpcPeeringConnectionsCommand({}));
    for (const connection of out.VpcPeeringConnections ?? []) seen.set(connection.VpcPeeringConnectionId!, connection.Status!.Code!);
  }
  return seen;
}
