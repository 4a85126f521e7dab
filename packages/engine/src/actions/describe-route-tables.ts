// DescribeRouteTables (routes §1.6): the caller's tables in its Region, by ID and filters, paged
// (MaxResults 5..100). Filters select whole tables: a `route.*` filter keeps a table when any of its
// routes matches and the table comes back with all its routes [obs]; association filters see only
// the associations the table lists, never a subnet's implicit use of the main table [doc]/[obs].
// Each table in the version Describe shows now (spec §10.4, routes §2.8; routing-versions.ts).
import type { DescribeRouteTablesCommand } from '../routing/routing-commands.js';
import { parseFilters, passes, type FilterValues } from '../describe-filters.js';
import { invalidValue } from '../errors.js';
import { viewKey } from '../indexes.js';
import { optionalInteger, stringList } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import { fingerprintOf, page, readPaging, sortByKey } from '../pagination.js';
import type { Tx } from '../tx.js';
import type { DescribeRouteTablesOutput, RouteOutput, RouteTableOutput } from '../routing/routing-outputs.js';
import { ROUTE_TABLES_MAX_RESULTS } from '../routing/routing-choices.js';
import { shownOwnTableById } from '../routing/routing-lookup.js';
import { shownTable, shownTableIds } from '../routing/routing-versions.js';
import { routeTableView } from '../routing/routing-views.js';

const routeValues =
  (pick: (route: RouteOutput) => string | undefined): FilterValues<RouteTableOutput> =>
  (table) =>
    table.Routes.flatMap((route) => {
      const value = pick(route);
      return value === undefined ? [] : [value];
    });

const NONE: FilterValues<RouteTableOutput> = () => [];

/** Every filter botocore documents for DescribeRouteTables (routes §1.6); targets this model has none of match nothing. */
const ROUTE_TABLE_FILTERS: Readonly<Record<string, FilterValues<RouteTableOutput>>> = {
  'association.gateway-id': NONE,
  'association.route-table-association-id': (table) => table.Associations.map((one) => one.RouteTableAssociationId),
  'association.route-table-id': (table) => table.Associations.map((one) => one.RouteTableId),
  'association.subnet-id': (table) => table.Associations.flatMap((one) => (one.SubnetId === undefined ? [] : [one.SubnetId])),
  // routes §1.6 [doc]: a table without associations matches neither `true` nor `false`.
  'association.main': (table) => table.Associations.map((one) => String(one.Main)),
  'owner-id': (table) => [table.OwnerId],
  'route-table-id': (table) => [table.RouteTableId],
  'route.destination-cidr-block': routeValues((route) => route.DestinationCidrBlock),
  'route.destination-ipv6-cidr-block': routeValues((route) => route.DestinationIpv6CidrBlock),
  'route.destination-prefix-list-id': NONE,
  'route.egress-only-internet-gateway-id': NONE,
  'route.gateway-id': routeValues((route) => route.GatewayId),
  'route.instance-id': NONE,
  'route.nat-gateway-id': NONE,
  'route.transit-gateway-id': NONE,
  'route.origin': routeValues((route) => route.Origin),
  'route.state': routeValues((route) => route.State),
  'route.vpc-peering-connection-id': routeValues((route) => route.VpcPeeringConnectionId),
  'tag-key': (table) => table.Tags.map((tag) => tag.Key),
  'vpc-id': (table) => [table.VpcId],
};

const tableTagValues: FilterValues<RouteTableOutput> = (table, key) => table.Tags.filter((tag) => tag.Key === key).map((tag) => tag.Value);

/** DescribeRouteTables. */
export function describeRouteTables(tx: Tx, command: DescribeRouteTablesCommand): Outcome<DescribeRouteTablesOutput> {
  const ids = stringList(command.RouteTableIds, 'RouteTableId');
  if (!ids.ok) return ids;
  const filters = parseFilters(command.Filters, ROUTE_TABLE_FILTERS, tableTagValues);
  if (!filters.ok) return filters;
  // routes §1.6 [doc]: MaxResults is 5..100 here, not 5..1000.
  const max = optionalInteger(command.MaxResults, 'MaxResults');
  if (max.ok && max.value !== undefined && max.value > ROUTE_TABLES_MAX_RESULTS) {
    return refuse(invalidValue(max.value, 'maxResults', `Expecting a value less than ${ROUTE_TABLES_MAX_RESULTS}.`));
  }
  const paging = readPaging(command.MaxResults, command.NextToken, () => fingerprintOf([ids.value, command.Filters]));
  if (!paging.ok) return paging;
  const tables: RouteTableOutput[] = [];
  if (ids.value.length > 0) {
    // routes §1.6 [obs]: an unknown ID is an error, not an empty set.
    for (const id of new Set(ids.value)) {
      const table = shownOwnTableById(tx.w, tx.caller, id);
      if (!table.ok) return table;
      tables.push(routeTableView(tx.w, table.value));
    }
  } else {
    for (const id of shownTableIds(tx.w, viewKey(tx.caller.accountId, tx.caller.region))) {
      const table = shownTable(tx.w, id);
      if (table !== undefined) tables.push(routeTableView(tx.w, table));
    }
  }
  const matched = sortByKey(tables.filter((table) => passes(filters.value, table)), (table) => table.RouteTableId);
  const { items, nextToken } = page(matched, (table) => table.RouteTableId, paging.value);
  const out: DescribeRouteTablesOutput = { RouteTables: items };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return done(out);
}
