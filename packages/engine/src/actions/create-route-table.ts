// CreateRouteTable (routes §1.3): a custom table of one of the caller's VPCs, holding the VPC's local
// routes only.
import { tagsFromSpecifications } from '@pcxsim/tags';
import type { CreateRouteTableCommand } from '../routing/routing-commands.js';
import { fromTags } from '../errors.js';
import { optionalString } from '../input.js';
import { ownVpc } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { Tx } from '../tx.js';
import type { CreateRouteTableOutput } from '../routing/routing-outputs.js';
import { newTable } from '../routing/route-tables.js';
import { idempotentMismatch, routeTableLimit } from '../routing/routing-errors.js';
import { tableById, vpcRouting } from '../routing/routing-store.js';
import { pget, pset } from '../pmap.js';
import { routeTableView } from '../routing/routing-views.js';

/** CreateRouteTable. */
export function createRouteTable(tx: Tx, command: CreateRouteTableCommand): Outcome<CreateRouteTableOutput> {
  const vpc = ownVpc(tx.w, tx.caller, command.VpcId, 'VpcId');
  if (!vpc.ok) return vpc;
  const token = optionalString(command.ClientToken, 'ClientToken');
  if (!token.ok) return token;
  const tags = tagsFromSpecifications('CreateRouteTable', command.TagSpecifications);
  if (!tags.ok) return refuse(fromTags(tags.error));
  // routes §1.3 [doc]: a retry with the same token answers the table the first call made (as it is
  // now); the same token with another VPC is refused.
  const tokenKey = token.value === undefined || token.value === '' ? null : `${tx.caller.accountId}|${tx.caller.region}|${token.value}`;
  const earlier = tokenKey === null ? undefined : pget(tx.w.routing.clientTokens, tokenKey);
  if (earlier !== undefined) {
    const table = tableById(tx.w, earlier);
    if (table !== undefined && table.vpcId !== vpc.value.vpcId) return refuse(idempotentMismatch(token.value!));
    if (table !== undefined) return done({ RouteTable: routeTableView(tx.w, table), ClientToken: token.value! });
  }
  // routes §1.8 [doc]: 200 tables per VPC, the main one counted.
  const limit = tx.w.config.quotas.routeTablesPerVpc;
  if ((vpcRouting(tx.w, vpc.value.vpcId)?.tables ?? 0) >= limit) return refuse(routeTableLimit(vpc.value.vpcId, limit));
  const table = newTable(tx, vpc.value, tags.value);
  tx.events.push({ type: 'RoutingChanged', resourceId: table.routeTableId, change: 'route-table-created', at: tx.w.clock });
  if (tokenKey !== null) tx.w.routing = Object.freeze({ ...tx.w.routing, clientTokens: pset(tx.edit, tx.w.routing.clientTokens, tokenKey, table.routeTableId) });
  const out: CreateRouteTableOutput = { RouteTable: routeTableView(tx.w, table) };
  // routes §1.3 [doc]: echoed only when sent.
  if (token.value !== undefined && token.value !== '') out.ClientToken = token.value;
  return done(out);
}
