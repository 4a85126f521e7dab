// ReplaceRoute (routes §2.6): the target of an existing route, in place — to another (or the same)
// peering connection, or back to `local` for a VPC block's route (`LocalTarget`).
import type { ReplaceRouteCommand } from '../routing/routing-commands.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import { pget } from '../pmap.js';
import type { Tx } from '../tx.js';
import type { RouteRecord } from '../routing/routing-records.js';
import { peeringRouteError, readRouteAddress, readRouteTarget } from '../routing/route-request.js';
import { withRoute } from '../routing/route-tables.js';
import { localRouteReplace, noRouteToReplace, notLocalDestination } from '../routing/routing-errors.js';
import { writeTable } from '../routing/routing-store.js';

/** ReplaceRoute. */
export function replaceRoute(tx: Tx, command: ReplaceRouteCommand): Outcome<EmptyOutput> {
  const address = readRouteAddress(tx, command);
  if (!address.ok) return address;
  const target = readRouteTarget(tx, command);
  if (!target.ok) return target;
  const { table, destination, local } = address.value;
  const existing = pget(table.routes, destination.key);
  if (target.value.kind === 'local') {
    // routes §2.6 [doc]: LocalTarget restores a VPC block's local route; ours never left `local`, so
    // there is nothing to change. Any other destination is no local route [?].
    if (local !== undefined) return done({});
    return refuse(existing === undefined ? noRouteToReplace(destination.text) : notLocalDestination(destination.text));
  }
  if (local !== undefined) return refuse(localRouteReplace(destination.text, table.routeTableId)); // [?] routes §1.2
  if (existing === undefined) return refuse(noRouteToReplace(destination.text)); // [emu] routes §2.6
  const rule = peeringRouteError(tx, address.value, target.value.record);
  if (rule !== null) return refuse(rule);
  // routes §2.6 [?]: the Origin stays `CreateRoute`.
  const route: RouteRecord = Object.freeze({ ...existing, vpcPeeringConnectionId: target.value.record.id });
  writeTable(tx, table, withRoute(tx, table, route, existing));
  tx.events.push({ type: 'RoutingChanged', resourceId: table.routeTableId, change: 'route-replaced', destination: destination.text, at: tx.w.clock });
  return done({});
}
