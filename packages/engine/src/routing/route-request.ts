// Reading what CreateRoute, ReplaceRoute and DeleteRoute name (routes §2.1): the table, exactly one
// destination, and for Create/Replace exactly one target — and the rules a route to a peering
// connection must keep (routes §2.2, §2.3).
import { parsePrefix, prefixContains, prefixEquals } from '@pcxsim/cidr';
import { peeringNotFound } from '../errors.js';
import { optionalBoolean, optionalString } from '../input.js';
import { peeringId, visibleTo } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import { peeringById, vpcById } from '../records.js';
import type { Tx } from '../tx.js';
import type { PeeringRecord } from '../world.js';
import { localRoutes, type LocalRoute } from './local-routes.js';
import type { RouteTableRecord } from './routing-records.js';
import { readDestination, type Destination } from './route-destination.js';
import type { RouteDestinationInput, RouteTargetInput } from './routing-commands.js';
import { isRoutable } from './routing-choices.js';
import {
  differentNetworks,
  gatewayNotFound,
  moreSpecificThanLocal,
  noDestination,
  noTarget,
  notACidr,
  reservedDestination,
  routeExists,
  twoDestinations,
  twoTargets,
} from './routing-errors.js';
import { ownTable } from './routing-lookup.js';

/** A route request's table and destination, read. */
export interface RouteAddress {
  /** The caller's table. */
  readonly table: RouteTableRecord;
  /** The destination. */
  readonly destination: Destination;
  /** The local route with exactly this destination, if any. */
  readonly local: LocalRoute | undefined;
}

/** Reads `RouteTableId` and exactly one of `DestinationCidrBlock` / `DestinationIpv6CidrBlock`. */
export function readRouteAddress(tx: Tx, command: RouteDestinationInput): Outcome<RouteAddress> {
  const table = ownTable(tx.w, tx.caller, command.RouteTableId, 'RouteTableId');
  if (!table.ok) return table;
  const v4 = optionalString(command.DestinationCidrBlock, 'DestinationCidrBlock');
  if (!v4.ok) return v4;
  const v6 = optionalString(command.DestinationIpv6CidrBlock, 'DestinationIpv6CidrBlock');
  if (!v6.ok) return v6;
  const has4 = v4.value !== undefined && v4.value !== '';
  const has6 = v6.value !== undefined && v6.value !== '';
  if (has4 && has6) return refuse(twoDestinations()); // [?]
  if (!has4 && !has6) return refuse(noDestination()); // routes §2.1 [obs]
  const text = (has4 ? v4.value : v6.value)!;
  const destination = readDestination(text, has4 ? 4 : 6);
  if (destination === null) return refuse(notACidr(text, has4 ? 'destinationCidrBlock' : 'destinationIpv6CidrBlock')); // [obs]
  const vpc = vpcById(tx.w, table.value.vpcId);
  const local = vpc === undefined ? undefined : localRoutes(vpc).find((one) => prefixEquals(one.prefix, destination.prefix));
  return done({ table: table.value, destination, local });
}

/** The target a Create/Replace names: a connection, or (ReplaceRoute) the `local` target. */
export type RouteTarget = { readonly kind: 'pcx'; readonly record: PeeringRecord } | { readonly kind: 'local' };

/**
 * Reads exactly one target (routes §2.1 [doc]): `VpcPeeringConnectionId`, `GatewayId` (no gateway
 * exists here, `local` included: routes §1.2 [obs]) or, on ReplaceRoute, `LocalTarget`. The
 * connection must be one the caller sees, in a state that takes routes (routing-choices.ts).
 */
export function readRouteTarget(tx: Tx, command: RouteTargetInput & { readonly LocalTarget?: boolean | undefined }): Outcome<RouteTarget> {
  const pcx = optionalString(command.VpcPeeringConnectionId, 'VpcPeeringConnectionId');
  if (!pcx.ok) return pcx;
  const gateway = optionalString(command.GatewayId, 'GatewayId');
  if (!gateway.ok) return gateway;
  const local = optionalBoolean(command.LocalTarget, 'LocalTarget');
  if (!local.ok) return local;
  const given: string[] = [];
  if (pcx.value !== undefined && pcx.value !== '') given.push('vpcPeeringConnectionId');
  if (gateway.value !== undefined && gateway.value !== '') given.push('gatewayId');
  if (local.value === true) given.push('localTarget');
  if (given.length > 1) return refuse(twoTargets(given[0]!, given[1]!)); // [?]
  if (given.length === 0) return refuse(noTarget()); // [?]
  if (given[0] === 'gatewayId') return refuse(gatewayNotFound(gateway.value!));
  if (given[0] === 'localTarget') return done({ kind: 'local' });
  const id = peeringId(pcx.value);
  if (!id.ok) return id;
  const record = peeringById(tx.w, id.value);
  if (record === undefined || !visibleTo(tx.w, record, tx.caller) || !isRoutable(record.status)) {
    return refuse(peeringNotFound(id.value));
  }
  return done({ kind: 'pcx', record });
}

// routes §2.2 [doc]: routes to the link-local ranges the Region reserves are refused, exactly or as a subset.
const RESERVED = ['169.254.168.0/22', 'fd00:ec2::/32'].flatMap((text) => {
  const parsed = parsePrefix(text);
  return parsed.ok ? [parsed.value] : [];
});

/**
 * The rules a route from `address.table` to `record` must keep (routes §2.2): the table's VPC is one
 * of the connection's two; the destination is no reserved range, no VPC block and not inside one.
 */
export function peeringRouteError(tx: Tx, address: RouteAddress, record: PeeringRecord) {
  const { table, destination } = address;
  if (table.vpcId !== record.requesterVpcId && table.vpcId !== record.accepterVpcId) {
    return differentNetworks(table.routeTableId, record.id); // [obs]
  }
  if (RESERVED.some((reserved) => prefixContains(reserved, destination.prefix))) return reservedDestination(destination.text);
  if (address.local !== undefined) return routeExists(destination.text); // [obs] 2022, §8.5 [?]
  const vpc = vpcById(tx.w, table.vpcId);
  if (vpc !== undefined && localRoutes(vpc).some((local) => prefixContains(local.prefix, destination.prefix))) {
    return moreSpecificThanLocal(); // [doc] rule, [?] code
  }
  return null;
}
