// Writing routing records: every change to a subnet or a route table goes through here, so the
// routing indexes and the per-VPC counts always agree with the records (each derived from a record
// alone), as store.ts does for VPCs and connections.
import { addMember, members, removeMember, reindex, viewKey, type IdSet } from '../indexes.js';
import { pdelete, pget, pkeys, pset } from '../pmap.js';
import type { Tx } from '../tx.js';
import type { World } from '../world.js';
import type { RouteRecord, RouteTableRecord, Routing, SubnetRecord, VpcRouting } from './routing-records.js';
import { recordRoutingChange } from './routing-versions.js';

/** Subnets a view owns. */
export const subnetsOfView = (view: string): string => `s|${view}`;
/** Route tables a view owns. */
export const tablesOfView = (view: string): string => `t|${view}`;
/** Subnets of a VPC. */
export const subnetsOfVpc = (vpcId: string): string => `S|${vpcId}`;
/** Route tables of a VPC. */
export const tablesOfVpc = (vpcId: string): string => `T|${vpcId}`;
/** Routes whose target is a connection: members are `rtb-… destination` ({@link routeRef}). */
export const routesToPeering = (pcxId: string): string => `p|${pcxId}`;

/** How a route is named in the per-connection index: its table and destination. */
export const routeRef = (routeTableId: string, destination: string): string => `${routeTableId} ${destination}`;

/** The IDs under a routing index key. */
export const routingMembers = (world: Pick<World, 'routing'>, key: string): IdSet => members(world.routing.index, key);

/** The IDs under a routing index key, as a list. */
export const routingIds = (world: Pick<World, 'routing'>, key: string): string[] => pkeys(routingMembers(world, key)) as string[];

/** The subnet with this ID. */
export const subnetById = (world: Pick<World, 'routing'>, id: string): SubnetRecord | undefined => pget(world.routing.subnets, id);

/** The route table with this ID. */
export const tableById = (world: Pick<World, 'routing'>, id: string): RouteTableRecord | undefined => pget(world.routing.tables, id);

/** What routing keeps for a VPC (absent for a VPC that is gone). */
export const vpcRouting = (world: Pick<World, 'routing'>, vpcId: string): VpcRouting | undefined => pget(world.routing.vpcs, vpcId);

function change(tx: Tx, changes: Partial<Routing>): void {
  tx.w.routing = Object.freeze({ ...tx.w.routing, ...changes });
}

/** Replaces routing's per-VPC record (`undefined`: the VPC is gone). */
export function writeVpcRouting(tx: Tx, vpcId: string, after: VpcRouting | undefined): void {
  const vpcs = tx.w.routing.vpcs;
  change(tx, { vpcs: after === undefined ? pdelete(tx.edit, vpcs, vpcId) : pset(tx.edit, vpcs, vpcId, Object.freeze(after)) });
}

function bumpVpc(tx: Tx, vpcId: string, field: 'tables' | 'subnets', delta: number): void {
  const current = vpcRouting(tx.w, vpcId);
  if (current !== undefined) writeVpcRouting(tx, vpcId, { ...current, [field]: current[field] + delta });
}

/** Replaces a subnet (`before` → `after`; `undefined` for none) and its index entries. */
export function writeSubnet(tx: Tx, before: SubnetRecord | undefined, after: SubnetRecord | undefined): void {
  const record = (after ?? before)!;
  const subnets = tx.w.routing.subnets;
  change(tx, { subnets: after === undefined ? pdelete(tx.edit, subnets, record.subnetId) : pset(tx.edit, subnets, record.subnetId, after) });
  recordRoutingChange(tx, before, after); // spec §10.4: what Describe shows lags
  if (before !== undefined && after !== undefined) return;
  const keys = [subnetsOfView(viewKey(record.ownerId, record.region)), subnetsOfVpc(record.vpcId)];
  change(tx, { index: reindex(tx.edit, tx.w.routing.index, record.subnetId, after === undefined ? keys : [], after === undefined ? [] : keys) });
  bumpVpc(tx, record.vpcId, 'subnets', after === undefined ? -1 : 1);
}

function routeRefs(table: RouteTableRecord): [string, string][] {
  const out: [string, string][] = [];
  const visit = (route: RouteRecord) => out.push([routesToPeering(route.vpcPeeringConnectionId), routeRef(table.routeTableId, route.destination)]);
  for (const key of pkeys(table.routes)) visit(pget(table.routes, key)!);
  return out;
}

/**
 * Replaces a route table (`before` → `after`; `undefined` for none) and its index entries. A change
 * of routes goes through {@link writeRoute}, which keeps the per-connection index itself.
 */
export function writeTable(tx: Tx, before: RouteTableRecord | undefined, after: RouteTableRecord | undefined): void {
  const record = (after ?? before)!;
  const tables = tx.w.routing.tables;
  change(tx, { tables: after === undefined ? pdelete(tx.edit, tables, record.routeTableId) : pset(tx.edit, tables, record.routeTableId, after) });
  recordRoutingChange(tx, before, after); // spec §10.4: what Describe shows lags
  if (before !== undefined && after !== undefined) return;
  const keys = [tablesOfView(viewKey(record.ownerId, record.region)), tablesOfVpc(record.vpcId)];
  let index = reindex(tx.edit, tx.w.routing.index, record.routeTableId, after === undefined ? keys : [], after === undefined ? [] : keys);
  // A table that goes takes its routes with it out of the per-connection index.
  if (after === undefined) for (const [key, ref] of routeRefs(record)) index = removeMember(tx.edit, index, key, ref);
  change(tx, { index });
  bumpVpc(tx, record.vpcId, 'tables', after === undefined ? -1 : 1);
}

/** Keeps the per-connection index of a route added (`route` set) or removed. */
export function indexRoute(tx: Tx, routeTableId: string, route: RouteRecord, present: boolean): void {
  const key = routesToPeering(route.vpcPeeringConnectionId);
  const ref = routeRef(routeTableId, route.destination);
  change(tx, { index: present ? addMember(tx.edit, tx.w.routing.index, key, ref) : removeMember(tx.edit, tx.w.routing.index, key, ref) });
}
