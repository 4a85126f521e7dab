// DeleteRoute (routes §2.7): a route the user created, named by its exact destination. The local
// routes cannot be deleted (routes §1.2 [obs]).
import type { DeleteRouteCommand } from '../routing/routing-commands.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import { pget } from '../pmap.js';
import type { Tx } from '../tx.js';
import { readRouteAddress } from '../routing/route-request.js';
import { withoutRoute } from '../routing/route-tables.js';
import { localRouteDelete, routeNotFound } from '../routing/routing-errors.js';
import { writeTable } from '../routing/routing-store.js';

/** DeleteRoute. */
export function deleteRoute(tx: Tx, command: DeleteRouteCommand): Outcome<EmptyOutput> {
  const address = readRouteAddress(tx, command);
  if (!address.ok) return address;
  const { table, destination, local } = address.value;
  if (local !== undefined) return refuse(localRouteDelete(destination.text, table.routeTableId));
  const existing = pget(table.routes, destination.key);
  if (existing === undefined) return refuse(routeNotFound(destination.text, table.routeTableId, destination.prefix.family));
  writeTable(tx, table, withoutRoute(tx, table, existing));
  tx.events.push({ type: 'RoutingChanged', resourceId: table.routeTableId, change: 'route-deleted', destination: destination.text, at: tx.w.clock });
  return done({});
}
