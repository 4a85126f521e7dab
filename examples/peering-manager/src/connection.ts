// The EC2 calls ensurePeering makes, each through the retry loop.
import {
  AcceptVpcPeeringConnectionCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  ModifyVpcPeeringConnectionOptionsCommand,
  type EC2Client,
  type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { withRetries } from './retry.js';
import type { AccepterSide, EnsurePeeringRequest, RequesterSide, Run } from './settings.js';

/** States from which a connection can still become (or already is) active. */
const USABLE = new Set<string | undefined>(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);

/** The code of a connection's status (`undefined` only if AWS left it out). */
export const statusOf = (connection: VpcPeeringConnection) => connection.Status?.Code;

/**
 * One connection as `client`'s account and Region see it, or `undefined` while they do not see it:
 * right after Create (eventual consistency), or from the accepter before AWS has checked the request.
 */
export async function describeById(run: Run, client: EC2Client, id: string): Promise<VpcPeeringConnection | undefined> {
  try {
    const out = await withRetries(run, 'DescribeVpcPeeringConnections', () =>
      client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })),
    );
    return out.VpcPeeringConnections?.[0];
  } catch (error) {
    if ((error as Error).name === 'InvalidVpcPeeringConnectionID.NotFound') return undefined;
    throw error;
  }
}

/**
 * A connection from the requester VPC to the accepter VPC that can still become active. Same
 * direction only: a reverse connection has the roles (and the options' sides) swapped, and AWS would
 * refuse to accept ours while it is active, so the caller has to sort that out.
 */
export async function findUsable(run: Run, request: EnsurePeeringRequest): Promise<VpcPeeringConnection | undefined> {
  const filters = [
    { Name: 'requester-vpc-info.vpc-id', Values: [request.requester.vpcId] },
    { Name: 'accepter-vpc-info.vpc-id', Values: [request.accepter.vpcId] },
  ];
  const out = await withRetries(run, 'DescribeVpcPeeringConnections', () =>
    request.requester.client.send(new DescribeVpcPeeringConnectionsCommand({ Filters: filters })),
  );
  return out.VpcPeeringConnections?.find((connection) => USABLE.has(statusOf(connection)));
}

/**
 * Asks for the connection. `PeerOwnerId` and `PeerRegion` default to the caller's own account and
 * Region, so always naming them is harmless there and required across accounts or Regions.
 */
export async function create(run: Run, request: EnsurePeeringRequest): Promise<VpcPeeringConnection> {
  const { requester, accepter, tags } = request;
  const out = await withRetries(run, 'CreateVpcPeeringConnection', () =>
    requester.client.send(
      new CreateVpcPeeringConnectionCommand({
        VpcId: requester.vpcId,
        PeerVpcId: accepter.vpcId,
        PeerOwnerId: accepter.accountId,
        PeerRegion: accepter.region,
        ...(tags?.length ? { TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [...tags] }] } : {}),
      }),
    ),
  );
  return out.VpcPeeringConnection!;
}

/** Accepts as the accepter's account, in the accepter's Region (the only place AWS allows it). */
export async function accept(run: Run, accepter: AccepterSide, id: string): Promise<void> {
  await withRetries(run, 'AcceptVpcPeeringConnection', () =>
    accepter.client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })),
  );
}

/**
 * Sets one side's DNS option. Each owner may change only its own side, and across Regions only
 * from that side's Region: so each side is set with its own client.
 */
export async function setDns(run: Run, side: RequesterSide, which: 'Requester' | 'Accepter', id: string, dns: boolean) {
  await withRetries(run, 'ModifyVpcPeeringConnectionOptions', () =>
    side.client.send(
      new ModifyVpcPeeringConnectionOptionsCommand({
        VpcPeeringConnectionId: id,
        [`${which}PeeringConnectionOptions`]: { AllowDnsResolutionFromRemoteVpc: dns },
      }),
    ),
  );
}
