// Finding the subnet, route table or association a request names, as the caller may see it: only
// its own, in its own Region (routes §1.1 [obs]: another account's table "does not exist"). A
// malformed ID is a Malformed error, an ID the caller cannot see is NotFound.
import { hasIdForm } from '../ids.js';
import { requiredString } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import { pget } from '../pmap.js';
import type { Caller } from '../tx.js';
import type { World } from '../world.js';
import type { AssociationRecord, RouteTableRecord, SubnetRecord } from './routing-records.js';
import { associationNotFound, routeTableMalformed, routeTableNotFound, subnetMalformed, subnetNotFound } from './routing-errors.js';
import { subnetById, tableById } from './routing-store.js';
import { shownSubnet, shownTable } from './routing-versions.js';

const owns = (caller: Caller, record: { readonly ownerId: string; readonly region: string }): boolean =>
  record.ownerId === caller.accountId && record.region === caller.region;

/** A subnet of the caller's, by an ID already read. */
export function ownSubnetById(world: World, caller: Caller, id: string): Outcome<SubnetRecord> {
  if (!hasIdForm(id, 'subnet-')) return refuse(subnetMalformed(id));
  const subnet = subnetById(world, id);
  return subnet !== undefined && owns(caller, subnet) ? done(subnet) : refuse(subnetNotFound(id));
}

/** A subnet of the caller's, by a request member. */
export function ownSubnet(world: World, caller: Caller, raw: unknown, parameter: string): Outcome<SubnetRecord> {
  const id = requiredString(raw, parameter);
  return id.ok ? ownSubnetById(world, caller, id.value) : id;
}

/** A subnet of the caller's as Describe shows it now (spec §10.4: a new one may not be found yet, a deleted one still is). */
export function shownOwnSubnetById(world: World, caller: Caller, id: string): Outcome<SubnetRecord> {
  if (!hasIdForm(id, 'subnet-')) return refuse(subnetMalformed(id));
  const subnet = shownSubnet(world, id);
  return subnet !== undefined && owns(caller, subnet) ? done(subnet) : refuse(subnetNotFound(id));
}

/** A route table of the caller's as Describe shows it now (spec §10.4). */
export function shownOwnTableById(world: World, caller: Caller, id: string): Outcome<RouteTableRecord> {
  if (!hasIdForm(id, 'rtb-')) return refuse(routeTableMalformed(id));
  const table = shownTable(world, id);
  return table !== undefined && owns(caller, table) ? done(table) : refuse(routeTableNotFound(id));
}

/** A route table of the caller's, by an ID already read. */
export function ownTableById(world: World, caller: Caller, id: string): Outcome<RouteTableRecord> {
  if (!hasIdForm(id, 'rtb-')) return refuse(routeTableMalformed(id));
  const table = tableById(world, id);
  return table !== undefined && owns(caller, table) ? done(table) : refuse(routeTableNotFound(id));
}

/** A route table of the caller's, by a request member. */
export function ownTable(world: World, caller: Caller, raw: unknown, parameter: string): Outcome<RouteTableRecord> {
  const id = requiredString(raw, parameter);
  return id.ok ? ownTableById(world, caller, id.value) : id;
}

/** An association of one of the caller's tables, with its table. */
export function ownAssociation(
  world: World,
  caller: Caller,
  raw: unknown,
): Outcome<{ readonly table: RouteTableRecord; readonly association: AssociationRecord }> {
  const id = requiredString(raw, 'AssociationId');
  if (!id.ok) return id;
  // [?] a malformed association ID is NotFound too: no Malformed code for it is documented.
  const tableId = pget(world.routing.associations, id.value);
  const table = tableId === undefined ? undefined : tableById(world, tableId);
  const association = table?.associations.find((one) => one.associationId === id.value);
  if (table === undefined || association === undefined || !owns(caller, table)) return refuse(associationNotFound(id.value));
  return done({ table, association });
}
