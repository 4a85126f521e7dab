// Shared by the fixture tests: two accounts in two Regions, each with one VPC, made through the
// fixture's own clients.
import { CreateVpcCommand, CreateVpcPeeringConnectionCommand, DescribeVpcPeeringConnectionsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { PcxsimContext } from '../src/index.js';

/** The requester's account. */
export const A = '111111111111';
/** The accepter's account. */
export const B = '222222222222';
/** The requester's Region. */
export const EAST = 'us-east-1';
/** The accepter's Region. */
export const WEST = 'eu-west-1';

/** Two VPCs that do not overlap: A's in us-east-1, B's in eu-west-1, and a client for each. */
export interface TwoVpcs {
  readonly a: EC2Client;
  readonly b: EC2Client;
  readonly vpcA: string;
  readonly vpcB: string;
}

/** Creates {@link TwoVpcs}; with `sameAccount`, B's VPC is A's own, in A's Region. */
export async function twoVpcs(ctx: PcxsimContext, sameAccount = false): Promise<TwoVpcs> {
  const a = ctx.ec2For(A, EAST);
  const b = sameAccount ? a : ctx.ec2For(B, WEST);
  const vpcA = (await a.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
  const vpcB = (await b.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }))).Vpc!.VpcId!;
  return { a, b, vpcA, vpcB };
}

/** A asks to peer its VPC with B's; returns the connection as Create answered it. */
export async function requestPeering(vpcs: TwoVpcs, sameAccount = false) {
  const input = sameAccount
    ? { VpcId: vpcs.vpcA, PeerVpcId: vpcs.vpcB }
    : { VpcId: vpcs.vpcA, PeerVpcId: vpcs.vpcB, PeerOwnerId: B, PeerRegion: WEST };
  return (await vpcs.a.send(new CreateVpcPeeringConnectionCommand(input))).VpcPeeringConnection!;
}

/** The status of `id` as `client` describes it. */
export async function statusOf(client: EC2Client, id: string) {
  const out = await client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));
  return out.VpcPeeringConnections?.[0]?.Status;
}

/** What a rejected SDK call threw, for assertions on its name, status and attempts. */
export async function failure(call: Promise<unknown>): Promise<{ name: string; message: string; $fault?: string; $metadata: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}
