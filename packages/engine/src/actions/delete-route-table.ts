// DeleteRouteTable (routes §1.4): only a table without associations — so never the main table, which
// always holds the main association and goes only with its VPC. Its routes do not keep it [?].
import type { DeleteRouteTableCommand } from '../routing/routing-commands.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import type { Tx } from '../tx.js';
import { ownTable } from '../routing/routing-lookup.js';
import { routeTableDependencies } from '../routing/routing-errors.js';
import { writeTable } from '../routing/routing-store.js';

/** DeleteRouteTable. */
export function deleteRouteTable(tx: Tx, command: DeleteRouteTableCommand): Outcome<EmptyOutput> {
  const table = ownTable(tx.w, tx.caller, command.RouteTableId, 'RouteTableId');
  if (!table.ok) return table;
  // routes §1.4 [doc] rule, [obs] text: associated tables (the main one included) have dependencies.
  if (table.value.associations.length > 0) return refuse(routeTableDependencies(table.value.routeTableId));
  writeTable(tx, table.value, undefined);
  tx.events.push({ type: 'RoutingChanged', resourceId: table.value.routeTableId, change: 'route-table-deleted', at: tx.w.clock });
  return done({});
}
