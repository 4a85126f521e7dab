// CreateRoute (routes §2): a route from one of the caller's tables to a peering connection of the
// table's VPC. Its state is not stored: `blackhole` until the connection is active (routes §2.3).
import type { CreateRouteCommand } from '../routing/routing-commands.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { ReturnOutput } from '../outputs.js';
import { pget } from '../pmap.js';
import type { Tx } from '../tx.js';
import type { RouteRecord } from '../routing/routing-records.js';
import { peeringRouteError, readRouteAddress, readRouteTarget } from '../routing/route-request.js';
import { withRoute } from '../routing/route-tables.js';
import { noTarget, routeExists, routeLimit } from '../routing/routing-errors.js';
import { writeTable } from '../routing/routing-store.js';

/** CreateRoute. */
export function createRoute(tx: Tx, command: CreateRouteCommand): Outcome<ReturnOutput> {
  const address = readRouteAddress(tx, command);
  if (!address.ok) return address;
  const target = readRouteTarget(tx, { VpcPeeringConnectionId: command.VpcPeeringConnectionId, GatewayId: command.GatewayId });
  if (!target.ok) return target;
  // CreateRoute has no LocalTarget member: only a connection can be its target.
  if (target.value.kind !== 'pcx') return refuse(noTarget());
  const { table, destination } = address.value;
  const rule = peeringRouteError(tx, address.value, target.value.record);
  if (rule !== null) return refuse(rule);
  // routes §2.2 [obs]: one route per destination; a blackhole one counts too [?].
  if (pget(table.routes, destination.key) !== undefined) return refuse(routeExists(destination.text));
  // routes §1.8 [doc]: IPv4 and IPv6 routes are counted apart; local routes do not count [?] (routing-choices.ts).
  const family = destination.prefix.family;
  const limit = tx.w.config.quotas.routesPerTable;
  if ((family === 4 ? table.ipv4Routes : table.ipv6Routes) >= limit) return refuse(routeLimit(table.routeTableId, limit, family));

  const route: RouteRecord = Object.freeze({ destination: destination.text, family, vpcPeeringConnectionId: target.value.record.id });
  writeTable(tx, table, withRoute(tx, table, route, undefined));
  tx.events.push({ type: 'RoutingChanged', resourceId: table.routeTableId, change: 'route-created', destination: destination.text, at: tx.w.clock });
  return done({ Return: true });
}
