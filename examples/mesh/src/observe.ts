// What the reconciler reads, each call through the retry loop: a VPC's blocks, the connections a
// member asked for (every page), one connection by ID, and a route table's routes.
import {
  DescribeRouteTablesCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type Route,
  type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import { withRetries } from './retry.js';
import type { MeshMember, Run } from './settings.js';

/** The status code of a connection (`undefined` only if AWS left it out). */
export const statusOf = (connection: VpcPeeringConnection) => connection.Status?.Code;

/** States from which a connection can still become (or already is) active (spec §1.1). */
export const USABLE: ReadonlySet<string | undefined> = new Set(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);

/**
 * Block states that count (spec §6.1): an `associating` block is on its way in, and AWS checks a
 * peering against it as well; `disassociating` and later ones are on their way out.
 */
const IN_USE: ReadonlySet<string | undefined> = new Set(['associating', 'associated']);

/** The VPC's IPv4 blocks in use: the primary one and every secondary one associated or associating. */
export async function blocksOf(run: Run, member: MeshMember): Promise<string[]> {
  const out = await withRetries(run, 'DescribeVpcs', () => member.client.send(new DescribeVpcsCommand({ VpcIds: [member.vpcId] })));
  const associations = out.Vpcs?.[0]?.CidrBlockAssociationSet ?? [];
  return associations.filter((association) => IN_USE.has(association.CidrBlockState?.State)).map((association) => association.CidrBlock!);
}

/**
 * Every connection the member's VPC requested, as its owner sees them, page by page. Each page goes
 * through the retry loop on its own, so a throttled page does not restart the listing.
 */
export async function requestedBy(run: Run, member: MeshMember): Promise<VpcPeeringConnection[]> {
  const found: VpcPeeringConnection[] = [];
  let NextToken: string | undefined;
  do {
    const out = await withRetries(run, 'DescribeVpcPeeringConnections', () =>
      member.client.send(
        new DescribeVpcPeeringConnectionsCommand({
          Filters: [{ Name: 'requester-vpc-info.vpc-id', Values: [member.vpcId] }],
          MaxResults: run.pageSize,
          NextToken,
        }),
      ),
    );
    found.push(...(out.VpcPeeringConnections ?? []));
    NextToken = out.NextToken;
  } while (NextToken !== undefined);
  return found;
}

/**
 * One connection as `client`'s account and Region see it, or `undefined` while they do not: right
 * after Create (eventual consistency, spec §10.4), or from the accepter before AWS has checked it.
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

/** The routes of the member's table (a table comes whole, routes are not paged: routes §1.6). */
export async function routesOf(run: Run, member: MeshMember): Promise<Route[]> {
  const out = await withRetries(run, 'DescribeRouteTables', () =>
    member.client.send(new DescribeRouteTablesCommand({ RouteTableIds: [member.routeTableId] })),
  );
  return out.RouteTables?.[0]?.Routes ?? [];
}
