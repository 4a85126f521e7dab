// Fixtures for the routing tests: a Sim that also makes subnets, finds main tables and adds routes.
import type { Caller } from '../src/index.js';
import { A, B, Sim } from './helpers.js';

/** The main route table of a VPC, as `caller` sees it. */
export function mainTable(sim: Sim, caller: Caller, vpcId: string): string {
  const out = sim.ok(caller, {
    type: 'DescribeRouteTables',
    Filters: [
      { Name: 'vpc-id', Values: [vpcId] },
      { Name: 'association.main', Values: ['true'] },
    ],
  });
  if (out.RouteTables.length !== 1) throw new Error(`expected one main table for ${vpcId}, got ${out.RouteTables.length}`);
  return out.RouteTables[0]!.RouteTableId;
}

/** A subnet of the VPC. */
export const subnet = (sim: Sim, caller: Caller, vpcId: string, cidr: string): string =>
  sim.ok(caller, { type: 'CreateSubnet', VpcId: vpcId, CidrBlock: cidr }).Subnet.SubnetId;

/** A route from a table to a connection. */
export const route = (sim: Sim, caller: Caller, table: string, destination: string, pcx: string): void => {
  sim.ok(caller, { type: 'CreateRoute', RouteTableId: table, ...(destination.includes(':') ? { DestinationIpv6CidrBlock: destination } : { DestinationCidrBlock: destination }), VpcPeeringConnectionId: pcx });
};

/** The routes of a table, as `destination → target state` lines. */
export function routesOf(sim: Sim, caller: Caller, table: string): string[] {
  const out = sim.ok(caller, { type: 'DescribeRouteTables', RouteTableIds: [table] });
  return out.RouteTables[0]!.Routes.map(
    (r) => `${r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock} → ${r.GatewayId ?? r.VpcPeeringConnectionId} ${r.State}`,
  );
}

/**
 * Two accounts' VPCs in us-east-1 — A 10.0.0.0/16 with subnet 10.0.1.0/24, B 10.1.0.0/16 with
 * subnet 10.1.1.0/24 — and a pending cross-account request A → B.
 */
export function peeredPair() {
  const sim = new Sim();
  const vpcA = sim.vpc(A, '10.0.0.0/16');
  const vpcB = sim.vpc(B, '10.1.0.0/16');
  const subnetA = subnet(sim, A, vpcA, '10.0.1.0/24');
  const subnetB = subnet(sim, B, vpcB, '10.1.1.0/24');
  const pcx = sim.request(A, vpcA, vpcB, { owner: B.accountId });
  sim.tick(0);
  return { sim, vpcA, vpcB, subnetA, subnetB, pcx, rtbA: mainTable(sim, A, vpcA), rtbB: mainTable(sim, B, vpcB) };
}
