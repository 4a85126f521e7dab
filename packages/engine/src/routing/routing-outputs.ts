// The SDK-shaped outputs of the routing actions (@aws-sdk/client-ec2's `Subnet`, `RouteTable`, …),
// fresh and mutable; test/sdk-types.test.ts keeps them assignable.
import type { EmptyOutput, ReturnOutput, TagOutput } from '../outputs.js';

/** A subnet's IPv6 block (botocore `SubnetIpv6CidrBlockAssociation`). */
export interface SubnetIpv6CidrBlockAssociationOutput {
  /** `subnet-cidr-assoc-…`. */
  AssociationId: string;
  /** The /64. */
  Ipv6CidrBlock: string;
  /** Always `associated`: given at CreateSubnet, it never changes. */
  Ipv6CidrBlockState: {
    /** `associated`. */
    State: 'associated';
  };
}

/** A subnet as DescribeSubnets shows it. */
export interface SubnetOutput {
  /** `subnet-…`. */
  SubnetId: string;
  /** `arn:aws:ec2:<region>:<account>:subnet/subnet-…`. */
  SubnetArn: string;
  /** Its VPC. */
  VpcId: string;
  /** The owner. */
  OwnerId: string;
  /** Always `available`: subnets are ready at once. */
  State: 'available';
  /** The block. */
  CidrBlock: string;
  /** The zone. */
  AvailabilityZone: string;
  /** The zone's ID. */
  AvailabilityZoneId: string;
  /** Addresses not yet in use: the block's size less the 5 AWS reserves (nothing else uses any here). */
  AvailableIpAddressCount: number;
  /** Never the default subnet of its zone. */
  DefaultForAz: false;
  /** Off for a non-default subnet. */
  MapPublicIpOnLaunch: false;
  /** Off: pcxsim has no instances to give addresses to (ModifySubnetAttribute is not served). */
  AssignIpv6AddressOnCreation: false;
  /** Its IPv6 block, if it has one (routes §1.10). */
  Ipv6CidrBlockAssociationSet: SubnetIpv6CidrBlockAssociationOutput[];
  /** Not IPv6-only. */
  Ipv6Native: false;
  /** Its tags. */
  Tags: TagOutput[];
}

/** An Availability Zone (DescribeAvailabilityZones). */
export interface AvailabilityZoneOutput {
  /** `available`. */
  State: 'available';
  /** Every zone of a Region is opted in. */
  OptInStatus: 'opt-in-not-required';
  /** None. */
  Messages: never[];
  /** The Region. */
  RegionName: string;
  /** `us-east-1a`. */
  ZoneName: string;
  /** `use1-az1`. */
  ZoneId: string;
  /** The Region. */
  GroupName: string;
  /** The Region. */
  NetworkBorderGroup: string;
  /** `availability-zone`. */
  ZoneType: 'availability-zone';
}

/** A route (botocore `Route`, routes §1.7). */
export interface RouteOutput {
  /** An IPv4 destination. */
  DestinationCidrBlock?: string;
  /** An IPv6 destination. */
  DestinationIpv6CidrBlock?: string;
  /** `local` for a local route. */
  GatewayId?: string;
  /** The connection, for a route to one (then no `GatewayId`). */
  VpcPeeringConnectionId?: string;
  /** `CreateRouteTable` (local) or `CreateRoute`. */
  Origin: 'CreateRouteTable' | 'CreateRoute';
  /** `active`, or `blackhole` when the connection is not active. */
  State: 'active' | 'blackhole';
}

/** An association's state (routes §1.5). */
export interface AssociationStateOutput {
  /** Always `associated` here: an association takes effect at once. */
  State: 'associated';
}

/** An association of a route table (routes §1.5, §1.9). */
export interface RouteTableAssociationOutput {
  /** Whether it is the main association. */
  Main: boolean;
  /** `rtbassoc-…`. */
  RouteTableAssociationId: string;
  /** The table. */
  RouteTableId: string;
  /** The subnet, for a subnet's association. */
  SubnetId?: string;
  /** Its state. */
  AssociationState: AssociationStateOutput;
}

/** A route table (routes §1.1, §1.9). */
export interface RouteTableOutput {
  /** `rtb-…`. */
  RouteTableId: string;
  /** Its VPC. */
  VpcId: string;
  /** The owner. */
  OwnerId: string;
  /** Local routes first, then the others by destination. */
  Routes: RouteOutput[];
  /** The main association and the subnets' explicit ones (never the implicit ones, routes §1.2). */
  Associations: RouteTableAssociationOutput[];
  /** No VGWs here. */
  PropagatingVgws: never[];
  /** Its tags. */
  Tags: TagOutput[];
}

/** CreateSubnet. */
export interface CreateSubnetOutput {
  /** The new subnet. */
  Subnet: SubnetOutput;
}

/** DescribeSubnets. */
export interface DescribeSubnetsOutput {
  /** The page. */
  Subnets: SubnetOutput[];
  /** Where the next page starts; absent on the last. */
  NextToken?: string;
}

/** DescribeAvailabilityZones. */
export interface DescribeAvailabilityZonesOutput {
  /** The zones. */
  AvailabilityZones: AvailabilityZoneOutput[];
}

/** CreateRouteTable. */
export interface CreateRouteTableOutput {
  /** The new table. */
  RouteTable: RouteTableOutput;
  /** The request's `ClientToken`, when it had one. */
  ClientToken?: string;
}

/** DescribeRouteTables. */
export interface DescribeRouteTablesOutput {
  /** The page. */
  RouteTables: RouteTableOutput[];
  /** Where the next page starts; absent on the last. */
  NextToken?: string;
}

/** AssociateRouteTable. */
export interface AssociateRouteTableOutput {
  /** `rtbassoc-…`. */
  AssociationId: string;
  /** Its state. */
  AssociationState: AssociationStateOutput;
}

/** ReplaceRouteTableAssociation. */
export interface ReplaceRouteTableAssociationOutput {
  /** The new association's ID (the old one is gone, routes §1.5). */
  NewAssociationId: string;
  /** Its state. */
  AssociationState: AssociationStateOutput;
}

/** The output of each routing command, by its `type`. */
export interface RoutingOutputs {
  /** CreateSubnet. */
  CreateSubnet: CreateSubnetOutput;
  /** DeleteSubnet. */
  DeleteSubnet: EmptyOutput;
  /** DescribeSubnets. */
  DescribeSubnets: DescribeSubnetsOutput;
  /** DescribeAvailabilityZones. */
  DescribeAvailabilityZones: DescribeAvailabilityZonesOutput;
  /** CreateRouteTable. */
  CreateRouteTable: CreateRouteTableOutput;
  /** DeleteRouteTable. */
  DeleteRouteTable: EmptyOutput;
  /** DescribeRouteTables. */
  DescribeRouteTables: DescribeRouteTablesOutput;
  /** AssociateRouteTable. */
  AssociateRouteTable: AssociateRouteTableOutput;
  /** DisassociateRouteTable. */
  DisassociateRouteTable: EmptyOutput;
  /** ReplaceRouteTableAssociation. */
  ReplaceRouteTableAssociation: ReplaceRouteTableAssociationOutput;
  /** CreateRoute: `Return` true (the SDK's `CreateRouteResult`). */
  CreateRoute: ReturnOutput;
  /** ReplaceRoute. */
  ReplaceRoute: EmptyOutput;
  /** DeleteRoute. */
  DeleteRoute: EmptyOutput;
}
