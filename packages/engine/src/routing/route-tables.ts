// Route tables as the VPC sees them (routes §1.2): the main table made with the VPC and gone with
// it, custom tables, and the changes to a table's routes and associations that keep its counters.
import { parsePrefix } from '@pcxsim/cidr';
import type { TagSet } from '@pcxsim/tags';
import { nextId } from '../ids.js';
import { emptyPMap, pdelete, pget, pset } from '../pmap.js';
import type { Tx } from '../tx.js';
import type { VpcRecord, World } from '../world.js';
import type { AssociationRecord, RouteRecord, RouteTableRecord } from './routing-records.js';
import { destinationKey } from './route-destination.js';
import { indexRoute, routingIds, subnetById, tableById, tablesOfVpc, vpcRouting, writeSubnet, writeTable, writeVpcRouting } from './routing-store.js';

const NO_TAGS: TagSet = Object.freeze([]);

/** The next routing ID with `prefix`, from routing's own generator (records.ts `Routing.ids`). */
export function nextRoutingId(tx: Tx, prefix: 'subnet-' | 'rtb-' | 'rtbassoc-' | 'subnet-cidr-assoc-'): string {
  const [id, ids] = nextId(tx.w.routing.ids, prefix);
  tx.w.routing = Object.freeze({ ...tx.w.routing, ids });
  return id;
}

/**
 * A new, empty table of the VPC (it holds only the local routes, which are derived: routes §1.3).
 * No event: CreateRouteTable reports its table, and the main table comes with its VPC (`VpcCreated`).
 */
export function newTable(tx: Tx, vpc: VpcRecord, tags: TagSet, associations: readonly AssociationRecord[] = []): RouteTableRecord {
  const table: RouteTableRecord = Object.freeze({
    routeTableId: nextRoutingId(tx, 'rtb-'),
    vpcId: vpc.vpcId,
    ownerId: vpc.ownerId,
    region: vpc.region,
    routes: emptyPMap<RouteRecord>(),
    lengths: Object.freeze({}),
    ipv4Routes: 0,
    ipv6Routes: 0,
    associations: Object.freeze(associations),
    tags,
  });
  writeTable(tx, undefined, table);
  return table;
}

/** routes §1.2 [doc]: "every VPC gets a main route table when it is created", with its main association. */
export function createMainRouteTable(tx: Tx, vpc: VpcRecord): void {
  writeVpcRouting(tx, vpc.vpcId, { mainRouteTableId: '', mainAssociationId: '', tables: 0, subnets: 0 });
  const mainAssociationId = nextRoutingId(tx, 'rtbassoc-');
  const table = newTable(tx, vpc, NO_TAGS);
  const main: AssociationRecord = Object.freeze({ associationId: mainAssociationId, routeTableId: table.routeTableId, subnetId: null });
  writeTable(tx, table, Object.freeze({ ...table, associations: Object.freeze([main]) }));
  noteAssociation(tx, main, true);
  writeVpcRouting(tx, vpc.vpcId, { ...vpcRouting(tx.w, vpc.vpcId)!, mainRouteTableId: table.routeTableId, mainAssociationId });
}

/**
 * routes §1.2, issue 13: DeleteVpc is refused while the VPC has subnets or route tables other than
 * the main one (AWS's `DependencyViolation`).
 */
export function vpcHasRoutingDependencies(world: World, vpcId: string): boolean {
  const routing = vpcRouting(world, vpcId);
  return routing !== undefined && (routing.subnets > 0 || routing.tables > 1);
}

/** DeleteVpc: the main table goes with the VPC (routes §1.4 [doc]), and routing forgets the VPC. */
export function removeVpcRouting(tx: Tx, vpcId: string): void {
  for (const id of routingIds(tx.w, tablesOfVpc(vpcId))) {
    const table = tableById(tx.w, id)!;
    for (const association of table.associations) noteAssociation(tx, association, false);
    writeTable(tx, table, undefined); // no event: the main table goes with its VPC (`VpcDeleted`)
  }
  writeVpcRouting(tx, vpcId, undefined);
}

/** Keeps the association → table map and the subnet's own pointer in step with a table's associations. */
export function noteAssociation(tx: Tx, association: AssociationRecord, present: boolean): void {
  const associations = tx.w.routing.associations;
  tx.w.routing = Object.freeze({
    ...tx.w.routing,
    associations: present ? pset(tx.edit, associations, association.associationId, association.routeTableId) : pdelete(tx.edit, associations, association.associationId),
  });
  if (association.subnetId === null) return;
  const subnet = subnetById(tx.w, association.subnetId);
  if (subnet === undefined) return;
  const associationId = present ? association.associationId : null;
  if (subnet.associationId !== associationId) writeSubnet(tx, subnet, Object.freeze({ ...subnet, associationId }));
}

/** The table with its associations changed. */
export function withAssociations(table: RouteTableRecord, associations: readonly AssociationRecord[]): RouteTableRecord {
  return Object.freeze({ ...table, associations: Object.freeze(associations) });
}

const lengthKey = (route: RouteRecord): string => {
  const parsed = parsePrefix(route.destination);
  return `${route.family}/${parsed.ok ? parsed.value.length : 0}`;
};

/** The table with `route` added (or replacing the route with the same destination, `replaced`). */
export function withRoute(tx: Tx, table: RouteTableRecord, route: RouteRecord, replaced: RouteRecord | undefined): RouteTableRecord {
  const parsed = parsePrefix(route.destination);
  if (!parsed.ok) return table;
  const key = destinationKey(parsed.value);
  if (replaced !== undefined) indexRoute(tx, table.routeTableId, replaced, false);
  indexRoute(tx, table.routeTableId, route, true);
  if (replaced !== undefined) return Object.freeze({ ...table, routes: pset(tx.edit, table.routes, key, route) });
  const length = lengthKey(route);
  return Object.freeze({
    ...table,
    routes: pset(tx.edit, table.routes, key, route),
    lengths: Object.freeze({ ...table.lengths, [length]: (table.lengths[length] ?? 0) + 1 }),
    ipv4Routes: table.ipv4Routes + (route.family === 4 ? 1 : 0),
    ipv6Routes: table.ipv6Routes + (route.family === 6 ? 1 : 0),
  });
}

/** The table without `route`. */
export function withoutRoute(tx: Tx, table: RouteTableRecord, route: RouteRecord): RouteTableRecord {
  const parsed = parsePrefix(route.destination);
  if (!parsed.ok) return table;
  indexRoute(tx, table.routeTableId, route, false);
  const length = lengthKey(route);
  const lengths = { ...table.lengths };
  if ((lengths[length] ?? 0) <= 1) delete lengths[length];
  else lengths[length] = lengths[length]! - 1;
  return Object.freeze({
    ...table,
    routes: pdelete(tx.edit, table.routes, destinationKey(parsed.value)),
    lengths: Object.freeze(lengths),
    ipv4Routes: table.ipv4Routes - (route.family === 4 ? 1 : 0),
    ipv6Routes: table.ipv6Routes - (route.family === 6 ? 1 : 0),
  });
}

/** The table a subnet uses: its explicit association's, else its VPC's main table (routes §1.2 [doc]). */
export function tableOfSubnet(world: World, subnetId: string): RouteTableRecord | undefined {
  const subnet = subnetById(world, subnetId);
  if (subnet === undefined) return undefined;
  const explicit = subnet.associationId === null ? undefined : tableOfAssociation(world, subnet.associationId);
  return explicit ?? mainTableOf(world, subnet.vpcId);
}

/** The table holding an association. */
export function tableOfAssociation(world: World, associationId: string): RouteTableRecord | undefined {
  const tableId = pget(world.routing.associations, associationId);
  return tableId === undefined ? undefined : tableById(world, tableId);
}

/** The main route table of a VPC. */
export function mainTableOf(world: World, vpcId: string): RouteTableRecord | undefined {
  const routing = vpcRouting(world, vpcId);
  return routing === undefined ? undefined : tableById(world, routing.mainRouteTableId);
}
