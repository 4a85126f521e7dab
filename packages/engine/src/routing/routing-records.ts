// The routing part of the world (issue 13): subnets, route tables with their associations and
// routes to peering connections, and the indexes that answer the routing questions in proportion to
// the answer. Plain frozen data like the rest of the world; the maps are persistent tries.
//
// What is not stored, and why: a route's `State` is derived from its connection's state at read
// time (route-state.ts), so a peering transition writes nothing here; the `local` routes are derived
// from the VPC's blocks (local-routes.ts), so a CIDR block associated or disassociated writes nothing
// here either (routes §1.2: "added by default to all route tables").
import type { TagSet } from '@pcxsim/tags';
import type { IdState } from '../ids.js';
import { emptyPMap, type PMap } from '../pmap.js';
import type { RoutingVersion } from './routing-versions.js';

/** A subnet (routes §1.1, issue 13): one IPv4 block inside its VPC, in one Availability Zone. */
export interface SubnetRecord {
  /** `subnet-…`. */
  readonly subnetId: string;
  /** Its VPC. */
  readonly vpcId: string;
  /** The owning account (the VPC's). */
  readonly ownerId: string;
  /** The Region (the VPC's). */
  readonly region: string;
  /** Canonical IPv4 CIDR text. */
  readonly cidrBlock: string;
  /** Its IPv6 block, a /64 of its VPC's IPv6 blocks given at CreateSubnet (routes §1.10), or `null`. */
  readonly ipv6CidrBlock: string | null;
  /** That block's association, `subnet-cidr-assoc-…`, or `null` without one. */
  readonly ipv6AssociationId: string | null;
  /** The zone's name, e.g. `us-east-1a`. */
  readonly availabilityZone: string;
  /** The zone's ID, e.g. `use1-az1`. */
  readonly availabilityZoneId: string;
  /** The explicit route table association, `rtbassoc-…`, or `null`: the subnet uses the main table (routes §1.2). */
  readonly associationId: string | null;
  /** Its tags. */
  readonly tags: TagSet;
}

/** A route a user created (routes §2): today always to a VPC peering connection. */
export interface RouteRecord {
  /** The destination as stored: canonical CIDR text, host bits cleared (routes §1.7). */
  readonly destination: string;
  /** 4: `DestinationCidrBlock`; 6: `DestinationIpv6CidrBlock`. */
  readonly family: 4 | 6;
  /** The target, `pcx-…`. */
  readonly vpcPeeringConnectionId: string;
}

/** One association of a route table: a subnet's, or the VPC's main association (`subnetId` null). */
export interface AssociationRecord {
  /** `rtbassoc-…`. */
  readonly associationId: string;
  /** The table. */
  readonly routeTableId: string;
  /** The subnet, or `null` for the main association (routes §1.2 [doc]: `Main=true`, no `SubnetId`). */
  readonly subnetId: string | null;
}

/** A route table (routes §1.1). */
export interface RouteTableRecord {
  /** `rtb-…`. */
  readonly routeTableId: string;
  /** Its VPC. */
  readonly vpcId: string;
  /** The owning account. */
  readonly ownerId: string;
  /** The Region. */
  readonly region: string;
  /** The user routes, by destination key (route-destination.ts `destinationKey`). */
  readonly routes: PMap<RouteRecord>;
  /** How many user routes have each destination length, by `family/length`: what the longest-prefix match walks. */
  readonly lengths: Readonly<Record<string, number>>;
  /** User IPv4 routes (the quota counts the families apart, routes §1.8). */
  readonly ipv4Routes: number;
  /** User IPv6 routes. */
  readonly ipv6Routes: number;
  /** Its associations, the main one first when it has it. */
  readonly associations: readonly AssociationRecord[];
  /** Its tags. */
  readonly tags: TagSet;
}

/** What routing keeps per VPC. */
export interface VpcRouting {
  /** The main route table (routes §1.2). */
  readonly mainRouteTableId: string;
  /** The main association's ID; ReplaceRouteTableAssociation mints a new one (routes §1.5). */
  readonly mainAssociationId: string;
  /** Route tables of the VPC, the main one included (the quota, routes §1.8). */
  readonly tables: number;
  /** Subnets of the VPC. */
  readonly subnets: number;
}

/** The routing part of the world. */
export interface Routing {
  /**
   * The generator of `subnet-`/`rtb-`/`rtbassoc-` IDs: the world's seed, its own counter, so the IDs
   * of VPCs and connections are the same as in a world without routing.
   */
  readonly ids: IdState;
  /** Every subnet, by ID. */
  readonly subnets: PMap<SubnetRecord>;
  /** Every route table, by ID. */
  readonly tables: PMap<RouteTableRecord>;
  /** Every association: its ID → the route table holding it. */
  readonly associations: PMap<string>;
  /** Per VPC, by VPC ID. */
  readonly vpcs: PMap<VpcRouting>;
  /** Secondary indexes: key → set of IDs (routing-store.ts). */
  readonly index: PMap<PMap<true>>;
  /**
   * CreateRouteTable's idempotency (routes §1.3 [doc] `ClientToken`; the SDKs fill one in on every
   * call): `account|region|token` → the table it created.
   */
  readonly clientTokens: PMap<string>;
  /**
   * The versions Describe may still show of the subnets and tables changed in the last D ms, by ID
   * (routing-versions.ts); absent when there are none, and always with a Describe delay of 0.
   */
  readonly versions?: PMap<readonly RoutingVersion[]> | undefined;
}

/** Routing's share of a new world. */
export function emptyRouting(seed: number): Routing {
  return {
    // Another key than the world's counter: the same seed, a distinct sequence (ids.ts scrambles it).
    ids: { seed: (seed ^ 0x5a17c0de) >>> 0, next: 0 },
    subnets: emptyPMap<SubnetRecord>(),
    tables: emptyPMap<RouteTableRecord>(),
    associations: emptyPMap<string>(),
    vpcs: emptyPMap<VpcRouting>(),
    index: emptyPMap<PMap<true>>(),
    clientTokens: emptyPMap<string>(),
  };
}
