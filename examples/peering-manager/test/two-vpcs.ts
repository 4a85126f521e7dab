// Test setup built from the kit only: where the two VPCs live (any mix of same or other account and
// Region), the VPCs themselves (made through the SDK, as a user would), and a sleep that moves the
// simulated clock instead of waiting.
import {
  AssociateVpcCidrBlockCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  ModifyVpcAttributeCommand,
  type EC2Client,
  type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { accountId, region, type CallRecord, type PcxsimContext } from '@pcxsim/testing';
import { expect } from 'vitest';
import fc from 'fast-check';
import type { EnsurePeeringRequest } from '../src/index.js';

/** Where each VPC lives. */
export interface Layout {
  readonly requesterAccount: string;
  readonly requesterRegion: string;
  readonly accepterAccount: string;
  readonly accepterRegion: string;
}

/** Same or other account, same or other Region, in all four combinations. */
export const layouts: fc.Arbitrary<Layout> = fc
  .record({
    accounts: fc.uniqueArray(accountId(), { minLength: 2, maxLength: 2 }),
    regions: fc.uniqueArray(region(), { minLength: 2, maxLength: 2 }),
    crossAccount: fc.boolean(),
    crossRegion: fc.boolean(),
  })
  .map(({ accounts: [a, b], regions: [r, s], crossAccount, crossRegion }) => ({
    requesterAccount: a!,
    requesterRegion: r!,
    accepterAccount: crossAccount ? b! : a!,
    accepterRegion: crossRegion ? s! : r!,
  }));

/** Whether AWS answers Create with the checked request already (one account and Region, spec §2.4). */
export const checkedWithinCreate = (layout: Layout) =>
  layout.requesterAccount === layout.accepterAccount && layout.requesterRegion === layout.accepterRegion;

/** The IPv4 blocks of one VPC: the primary block, then any secondary ones. */
export type Blocks = string | readonly string[];

/** A VPC of `client`'s account in its Region. */
export async function createVpc(client: EC2Client, blocks: Blocks, dnsHostnames = true): Promise<string> {
  const [primary, ...secondary] = typeof blocks === 'string' ? [blocks] : blocks;
  const vpcId = (await client.send(new CreateVpcCommand({ CidrBlock: primary! }))).Vpc!.VpcId!;
  for (const block of secondary) await client.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, CidrBlock: block }));
  // The DNS option of a peering needs DNS hostnames on both VPCs (spec §5.2).
  if (dnsHostnames) await client.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
  return vpcId;
}

/** Everything a test needs around one pair of VPCs. */
export interface TwoVpcs {
  readonly requesterClient: EC2Client;
  readonly accepterClient: EC2Client;
  /** The request for ensurePeering, with the simulated sleep. */
  readonly request: EnsurePeeringRequest;
  /** Every sleep the client asked for, in ms, in order. */
  readonly sleeps: number[];
}

/** Asks for the peering behind ensurePeering's back, as someone else would: the new connection's ID. */
export async function requestPeering(setup: TwoVpcs): Promise<string> {
  const { requester, accepter } = setup.request;
  const made = await setup.requesterClient.send(
    new CreateVpcPeeringConnectionCommand({ VpcId: requester.vpcId, PeerVpcId: accepter.vpcId, PeerOwnerId: accepter.accountId, PeerRegion: accepter.region }),
  );
  return made.VpcPeeringConnection!.VpcPeeringConnectionId!;
}

/** Creates the two VPCs (`blocks[0]` for the requester) and the request that peers them. */
export async function twoVpcs(
  ctx: PcxsimContext,
  layout: Layout,
  blocks: readonly [Blocks, Blocks],
  extra: Partial<EnsurePeeringRequest> = {},
  dnsHostnames = true,
): Promise<TwoVpcs> {
  const requesterClient = ctx.ec2For(layout.requesterAccount, layout.requesterRegion);
  const accepterClient = ctx.ec2For(layout.accepterAccount, layout.accepterRegion);
  const requesterVpc = await createVpc(requesterClient, blocks[0], dnsHostnames);
  const accepterVpc = await createVpc(accepterClient, blocks[1], dnsHostnames);
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    await ctx.clock.advance(ms);
  };
  const request: EnsurePeeringRequest = {
    requester: { client: requesterClient, vpcId: requesterVpc },
    accepter: { client: accepterClient, vpcId: accepterVpc, accountId: layout.accepterAccount, region: layout.accepterRegion },
    sleep,
    ...extra,
  };
  return { requesterClient, accepterClient, request, sleeps };
}

/** The connection as `client`'s account and Region see it now. */
export async function describe(client: EC2Client, id: string): Promise<VpcPeeringConnection> {
  const out = await client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));
  return out.VpcPeeringConnections![0]!;
}

/** Every connection between the pair that the requester sees. */
export async function connectionsOf(setup: TwoVpcs): Promise<VpcPeeringConnection[]> {
  const { requester, accepter } = setup.request;
  const out = await setup.requesterClient.send(
    new DescribeVpcPeeringConnectionsCommand({
      Filters: [
        { Name: 'requester-vpc-info.vpc-id', Values: [requester.vpcId] },
        { Name: 'accepter-vpc-info.vpc-id', Values: [accepter.vpcId] },
      ],
    }),
  );
  return out.VpcPeeringConnections ?? [];
}

/** The `AllowDnsResolutionFromRemoteVpc` of both sides, as `client` sees them. */
export async function dnsSeenBy(client: EC2Client, id: string): Promise<[boolean | undefined, boolean | undefined]> {
  const connection = await describe(client, id);
  return [
    connection.RequesterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc,
    connection.AccepterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc,
  ];
}

/** Runs `promise` and returns what it threw (fails the test if it did not throw). */
export async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, got a result');
}

/** The client's own retries are what is under test: the SDK must not retry behind its back. */
export const NO_SDK_RETRIES = { clientConfig: { maxAttempts: 1 } } as const;

/**
 * Create comes from the requester; Accept from the accepter, right after the accepter's own Describe
 * saw the request; each side's options are set from that side's account and Region.
 */
export function expectEachCallFromTheRightSide(calls: readonly CallRecord[], layout: Layout) {
  const requester = `${layout.requesterAccount}/${layout.requesterRegion}`;
  const accepter = `${layout.accepterAccount}/${layout.accepterRegion}`;
  const made = calls.map((call) => `${call.action} by ${call.accountId}/${call.region}`);
  const acceptAt = made.indexOf(`AcceptVpcPeeringConnection by ${accepter}`);
  expect(made.filter((call) => call.startsWith('CreateVpcPeeringConnection'))).toEqual([`CreateVpcPeeringConnection by ${requester}`]);
  expect(made.filter((call) => call.startsWith('AcceptVpcPeeringConnection'))).toEqual([`AcceptVpcPeeringConnection by ${accepter}`]);
  expect(made[acceptAt - 1]).toBe(`DescribeVpcPeeringConnections by ${accepter}`);
  const modifies = made.filter((call) => call.startsWith('ModifyVpcPeeringConnectionOptions'));
  if (modifies.length > 0) expect(modifies).toEqual([`ModifyVpcPeeringConnectionOptions by ${requester}`, `ModifyVpcPeeringConnectionOptions by ${accepter}`]);
}
