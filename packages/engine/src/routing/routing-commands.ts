// The routing commands (issue 13): each the action's SDK input plus a `type`, all members optional
// as in @aws-sdk/client-ec2; the engine checks every member itself (see commands.ts).
import type { TagSpecificationInput } from '@pcxsim/tags';
import type { DryRunnable, FilterInput, Paged } from '../commands.js';

/** CreateSubnet: an IPv4 subnet of one of the caller's VPCs. */
export interface CreateSubnetCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'CreateSubnet';
  /** The VPC. */
  readonly VpcId?: string | undefined;
  /** The block, /16 to /28, inside one of the VPC's IPv4 blocks. */
  readonly CidrBlock?: string | undefined;
  /** An IPv6 block too: a /64 inside one of the VPC's IPv6 blocks (routes §1.10). */
  readonly Ipv6CidrBlock?: string | undefined;
  /** The zone by name, e.g. `us-east-1a`; default: one the simulator picks. */
  readonly AvailabilityZone?: string | undefined;
  /** The zone by ID, e.g. `use1-az1` (not with `AvailabilityZone`). */
  readonly AvailabilityZoneId?: string | undefined;
  /** Tags for the new subnet (`ResourceType` `subnet`). */
  readonly TagSpecifications?: readonly TagSpecificationInput[] | undefined;
}

/** DeleteSubnet. */
export interface DeleteSubnetCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DeleteSubnet';
  /** The subnet. */
  readonly SubnetId?: string | undefined;
}

/** DescribeSubnets. */
export interface DescribeSubnetsCommand extends DryRunnable, Paged {
  /** Discriminant. */
  readonly type: 'DescribeSubnets';
  /** Only these subnets; an unknown one is `InvalidSubnetID.NotFound`. */
  readonly SubnetIds?: readonly string[] | undefined;
  /** Filters: `vpc-id`, `cidr-block`, `availability-zone`, `availability-zone-id`, `subnet-id`, `state`, `owner-id`, `tag:<key>`, `tag-key`, … */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** DescribeAvailabilityZones: the zones of the caller's Region. */
export interface DescribeAvailabilityZonesCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DescribeAvailabilityZones';
  /** Only these zones, by name. */
  readonly ZoneNames?: readonly string[] | undefined;
  /** Only these zones, by ID. */
  readonly ZoneIds?: readonly string[] | undefined;
  /** Also zones not opted in (all are opted in here). */
  readonly AllAvailabilityZones?: boolean | undefined;
  /** Filters: `zone-name`, `zone-id`, `region-name`, `state`, `group-name`, `zone-type`, `opt-in-status`, … */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** CreateRouteTable (routes §1.3). */
export interface CreateRouteTableCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'CreateRouteTable';
  /** The VPC. */
  readonly VpcId?: string | undefined;
  /** Echoed as `ClientToken` when sent. */
  readonly ClientToken?: string | undefined;
  /** Tags for the new table (`ResourceType` `route-table`). */
  readonly TagSpecifications?: readonly TagSpecificationInput[] | undefined;
}

/** DeleteRouteTable (routes §1.4). */
export interface DeleteRouteTableCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DeleteRouteTable';
  /** The table. */
  readonly RouteTableId?: string | undefined;
}

/** DescribeRouteTables (routes §1.6). */
export interface DescribeRouteTablesCommand extends DryRunnable, Paged {
  /** Discriminant. */
  readonly type: 'DescribeRouteTables';
  /** Only these tables; an unknown one is `InvalidRouteTableID.NotFound`. */
  readonly RouteTableIds?: readonly string[] | undefined;
  /** Filters (routes §1.6): a `route.*` filter selects whole tables. */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** AssociateRouteTable (routes §1.5): a subnet with a table. */
export interface AssociateRouteTableCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'AssociateRouteTable';
  /** The table. */
  readonly RouteTableId?: string | undefined;
  /** The subnet. */
  readonly SubnetId?: string | undefined;
  /** A gateway (edge association): no gateway exists here, so always NotFound. */
  readonly GatewayId?: string | undefined;
}

/** DisassociateRouteTable (routes §1.5). */
export interface DisassociateRouteTableCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DisassociateRouteTable';
  /** `rtbassoc-…`. */
  readonly AssociationId?: string | undefined;
}

/** ReplaceRouteTableAssociation (routes §1.5): a subnet, or the main association, to another table. */
export interface ReplaceRouteTableAssociationCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'ReplaceRouteTableAssociation';
  /** The association to replace, `rtbassoc-…`. */
  readonly AssociationId?: string | undefined;
  /** The new table. */
  readonly RouteTableId?: string | undefined;
}

/** The members of CreateRoute, ReplaceRoute and DeleteRoute that name a route (routes §2.1). */
export interface RouteDestinationInput extends DryRunnable {
  /** The table. */
  readonly RouteTableId?: string | undefined;
  /** An IPv4 destination. */
  readonly DestinationCidrBlock?: string | undefined;
  /** An IPv6 destination. */
  readonly DestinationIpv6CidrBlock?: string | undefined;
}

/** The targets a route may name here. */
export interface RouteTargetInput {
  /** The connection. */
  readonly VpcPeeringConnectionId?: string | undefined;
  /** A gateway: none exists here (`local` cannot be created, routes §1.2), so always NotFound. */
  readonly GatewayId?: string | undefined;
}

/** CreateRoute (routes §2). */
export interface CreateRouteCommand extends RouteDestinationInput, RouteTargetInput {
  /** Discriminant. */
  readonly type: 'CreateRoute';
}

/** ReplaceRoute (routes §2.6). */
export interface ReplaceRouteCommand extends RouteDestinationInput, RouteTargetInput {
  /** Discriminant. */
  readonly type: 'ReplaceRoute';
  /** Restore the `local` target of a VPC block's route. */
  readonly LocalTarget?: boolean | undefined;
}

/** DeleteRoute (routes §2.7). */
export interface DeleteRouteCommand extends RouteDestinationInput {
  /** Discriminant. */
  readonly type: 'DeleteRoute';
}

/** Every routing command. */
export type RoutingCommand =
  | CreateSubnetCommand
  | DeleteSubnetCommand
  | DescribeSubnetsCommand
  | DescribeAvailabilityZonesCommand
  | CreateRouteTableCommand
  | DeleteRouteTableCommand
  | DescribeRouteTablesCommand
  | AssociateRouteTableCommand
  | DisassociateRouteTableCommand
  | ReplaceRouteTableAssociationCommand
  | CreateRouteCommand
  | ReplaceRouteCommand
  | DeleteRouteCommand;
