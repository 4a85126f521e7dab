// The routing rules no source settles (routes §8), each chosen once, here; docs/fidelity.md lists
// every one with its section. Everything else in the routing code follows a [doc] or [obs] fact.
import type { PeeringState } from '@pcxsim/lifecycle';

/**
 * routes §2.3, §8.1, §8.3, §8.4: the connection states in which CreateRoute/ReplaceRoute may target a
 * connection the caller sees. `pending-acceptance` and `active` are [doc]; `initiating-request` and
 * `provisioning` are allowed too [?] (the request exists and is on its way to `active`); the accepter
 * may route as soon as it sees the request [?]. A connection in any other state (`deleting`,
 * `deleted`, `rejected`, `expired`, `failed`) is `InvalidVpcPeeringConnectionID.NotFound` [?] —
 * option (a) of §2.3: it will never carry traffic again.
 */
export const ROUTABLE_STATES: readonly PeeringState[] = Object.freeze(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);

/** Whether a route may be made to a connection in `state` ({@link ROUTABLE_STATES}). */
export const isRoutable = (state: PeeringState): boolean => ROUTABLE_STATES.includes(state);

/**
 * routes §2.3 [doc] "the route has a state of blackhole, and has no effect until the VPC peering
 * connection is in the active state": a route is `active` iff its connection is `active`;
 * `provisioning` is still `blackhole` [?] (§8.3). A connection gone from the world (retired after its
 * retention window) leaves its routes `blackhole`, still naming it [?] (§8.2).
 */
export const ACTIVE_ROUTE_STATE: PeeringState = 'active';

/**
 * routes §1.6 [?] (§8.10): several `route.*` filters may be matched by different routes of one table,
 * as EC2 evaluates each filter against the resource.
 */
export const ROUTE_FILTERS_PER_ROUTE = false;

/** routes §1.6 [doc]: DescribeRouteTables' MaxResults is 5..100, not 1000. */
export const ROUTE_TABLES_MAX_RESULTS = 100;

/**
 * routes §1.8, §8.7 [?]: the quota of routes per table counts the routes users create, IPv4 and IPv6
 * apart; the `local` routes do not count.
 */
export const LOCAL_ROUTES_COUNT_TOWARD_QUOTA = false;

/**
 * [?] CreateSubnet without an Availability Zone: AWS picks one; here the n-th subnet of a VPC goes to
 * the zone n mod (zones of the Region), so the choice is deterministic and spreads like AWS's does.
 */
export const DEFAULT_ZONE_SPREAD = 'round-robin' as const;

/**
 * [?] reachability when the destination address lies in no subnet of the destination VPC (a VPC
 * without subnets, or an address outside every subnet's IPv4 or IPv6 block): the return path is
 * judged on the VPC's main table.
 */
export const RETURN_PATH_WITHOUT_SUBNET = 'main-table' as const;
