// What each command returns on success: the SDK's output shapes (@aws-sdk/client-ec2), as fresh,
// unfrozen objects with mutable arrays, so they can be handed to code written against the SDK (a
// type-level test keeps them assignable). Timestamps are Dates here, as in the SDK; the world keeps
// epoch ms.
import type { PeeringState } from '@pcxsim/lifecycle';
import type { CommandType } from './commands.js';
import type { RoutingOutputs } from './routing/routing-outputs.js';
import type {
  DescribeAccountAttributesOutput,
  DescribeNetworkAclsOutput,
  DescribeRegionsOutput,
  DescribeSecurityGroupsOutput,
  DescribeVpcAttributeOutput,
  DescribeVpcClassicLinkDnsSupportOutput,
  DescribeVpcClassicLinkOutput,
} from './read-model-outputs.js';

/** A tag as the SDK shapes it. */
export interface TagOutput {
  /** The key. */
  Key: string;
  /** The value. */
  Value: string;
}

/** One IPv4 block in `CidrBlockSet`. */
export interface CidrBlockOutput {
  /** The block. */
  CidrBlock: string;
}

/** One IPv6 block in `Ipv6CidrBlockSet`. */
export interface Ipv6CidrBlockOutput {
  /** The block. */
  Ipv6CidrBlock: string;
}

/** A side's peering options (spec §5.1). */
export interface PeeringOptionsOutput {
  /** `AllowDnsResolutionFromRemoteVpc`. */
  AllowDnsResolutionFromRemoteVpc: boolean;
  /** Deprecated; always reported. */
  AllowEgressFromLocalClassicLinkToRemoteVpc: boolean;
  /** Deprecated; always reported. */
  AllowEgressFromLocalVpcToRemoteClassicLink: boolean;
}

/** `RequesterVpcInfo` / `AccepterVpcInfo` (spec §2.4, §3.1). */
export interface VpcPeeringConnectionVpcInfoOutput {
  /** The VPC's primary IPv4 block (hidden on the accepter side until accepted). */
  CidrBlock?: string;
  /** All its IPv4 blocks. */
  CidrBlockSet?: CidrBlockOutput[];
  /** Its IPv6 blocks, only when it has some. */
  Ipv6CidrBlockSet?: Ipv6CidrBlockOutput[];
  /** The owning account. */
  OwnerId: string;
  /** The side's options (always on the requester side; on the accepter side once accepted). */
  PeeringOptions?: PeeringOptionsOutput;
  /** The VPC. */
  VpcId: string;
  /** The VPC's Region. */
  Region: string;
}

/** `Status` of a connection. */
export interface PeeringStatusOutput {
  /** The state. */
  Code: PeeringState;
  /** The status message. */
  Message: string;
}

/** A VPC peering connection as the caller sees it (spec §2.4, §4). */
export interface VpcPeeringConnectionOutput {
  /** The accepter side. */
  AccepterVpcInfo: VpcPeeringConnectionVpcInfoOutput;
  /** Creation + 7 days, while the request can still be accepted (spec §1.2). */
  ExpirationTime?: Date;
  /** The requester side. */
  RequesterVpcInfo: VpcPeeringConnectionVpcInfoOutput;
  /** The state and message. */
  Status: PeeringStatusOutput;
  /** The caller's own tag set (spec §7.4). */
  Tags: TagOutput[];
  /** `pcx-…`. */
  VpcPeeringConnectionId: string;
}

/** A block's state. */
export interface CidrBlockStateOutput {
  /** `associating`, `associated`, `disassociating`, … (spec §6.1). */
  State: 'associating' | 'associated' | 'disassociating' | 'disassociated';
}

/** One IPv4 block association of a VPC. */
export interface CidrBlockAssociationOutput {
  /** `vpc-cidr-assoc-…`. */
  AssociationId: string;
  /** The block. */
  CidrBlock: string;
  /** Its state. */
  CidrBlockState: CidrBlockStateOutput;
}

/** One IPv6 block association of a VPC. */
export interface Ipv6CidrBlockAssociationOutput {
  /** `vpc-cidr-assoc-…`. */
  AssociationId: string;
  /** The block. */
  Ipv6CidrBlock: string;
  /** Its state. */
  Ipv6CidrBlockState: CidrBlockStateOutput;
  /** Where the block comes from: Amazon's pool. */
  Ipv6Pool: string;
  /** The network border group: the Region. */
  NetworkBorderGroup: string;
}

/** A VPC as DescribeVpcs shows it. */
export interface VpcOutput {
  /** `vpc-…`. */
  VpcId: string;
  /** The owning account. */
  OwnerId: string;
  /** Always `available`: VPCs are ready at once here. */
  State: 'available';
  /** The primary IPv4 block. */
  CidrBlock: string;
  /** Every IPv4 block. */
  CidrBlockAssociationSet: CidrBlockAssociationOutput[];
  /** Every IPv6 block. */
  Ipv6CidrBlockAssociationSet: Ipv6CidrBlockAssociationOutput[];
  /** `default` or `dedicated`, as created. */
  InstanceTenancy: 'default' | 'dedicated';
  /** Never a default VPC. */
  IsDefault: false;
  /** Its tags. */
  Tags: TagOutput[];
  /** The default DHCP options set of the owner in the VPC's Region. */
  DhcpOptionsId: string;
  /** VPC Block Public Access: never turned on here. */
  BlockPublicAccessStates: BlockPublicAccessStatesOutput;
}

/** A VPC's Block Public Access state. */
export interface BlockPublicAccessStatesOutput {
  /** `off`: pcxsim has no internet gateways to block. */
  InternetGatewayBlockMode: 'off';
}

/** A tag with its resource, as DescribeTags lists it. */
export interface TagDescriptionOutput {
  /** The key. */
  Key: string;
  /** The resource. */
  ResourceId: string;
  /** `vpc`, `vpc-peering-connection`, `subnet` or `route-table`. */
  ResourceType: 'vpc' | 'vpc-peering-connection' | 'subnet' | 'route-table';
  /** The value. */
  Value: string;
}

/** The output of CreateVpc. */
export interface CreateVpcOutput {
  /** The new VPC. */
  Vpc: VpcOutput;
}

/** The output of DescribeVpcs. */
export interface DescribeVpcsOutput {
  /** The page. */
  Vpcs: VpcOutput[];
  /** Where the next page starts; absent on the last. */
  NextToken?: string;
}

/** The output of AssociateVpcCidrBlock and DisassociateVpcCidrBlock. */
export interface VpcCidrBlockOutput {
  /** The VPC. */
  VpcId: string;
  /** The IPv4 block, when it was one. */
  CidrBlockAssociation?: CidrBlockAssociationOutput;
  /** The IPv6 block, when it was one. */
  Ipv6CidrBlockAssociation?: Ipv6CidrBlockAssociationOutput;
}

/** The output of the actions that answer only `<return>true</return>`. */
export interface ReturnOutput {
  /** Always true. */
  Return: true;
}

/** The output of CreateVpcPeeringConnection and AcceptVpcPeeringConnection. */
export interface PeeringConnectionOutput {
  /** The connection as the caller now sees it. */
  VpcPeeringConnection: VpcPeeringConnectionOutput;
}

/** The output of DescribeVpcPeeringConnections. */
export interface DescribeVpcPeeringConnectionsOutput {
  /** The page. */
  VpcPeeringConnections: VpcPeeringConnectionOutput[];
  /** Where the next page starts; absent on the last. */
  NextToken?: string;
}

/** The output of ModifyVpcPeeringConnectionOptions: the resulting options of the sides in the request (spec §5.1). */
export interface ModifyVpcPeeringConnectionOptionsOutput {
  /** The accepter side, when the request set it. */
  AccepterPeeringConnectionOptions?: PeeringOptionsOutput;
  /** The requester side, when the request set it. */
  RequesterPeeringConnectionOptions?: PeeringOptionsOutput;
}

/** The output of DescribeTags. */
export interface DescribeTagsOutput {
  /** The page. */
  Tags: TagDescriptionOutput[];
  /** Where the next page starts; absent on the last. */
  NextToken?: string;
}

/** The output of AdvanceClock. */
export interface AdvanceClockOutput {
  /** The clock now, epoch ms. */
  Clock: number;
  /** How many scheduled transitions fired. */
  Fired: number;
}

/** The output of FailPeeringChecks. */
export interface FailPeeringChecksOutput {
  /** How many of the next requests created will fail their check. */
  Armed: number;
}

/** An action with no output members (ModifyVpcAttribute, CreateTags, DeleteTags). */
export type EmptyOutput = Record<string, never>;

/** The output of each command, by its `type`. */
export interface Outputs extends RoutingOutputs {
  /** CreateVpc. */
  CreateVpc: CreateVpcOutput;
  /** DeleteVpc. */
  DeleteVpc: EmptyOutput;
  /** AssociateVpcCidrBlock. */
  AssociateVpcCidrBlock: VpcCidrBlockOutput;
  /** DisassociateVpcCidrBlock. */
  DisassociateVpcCidrBlock: VpcCidrBlockOutput;
  /** ModifyVpcAttribute. */
  ModifyVpcAttribute: EmptyOutput;
  /** DescribeVpcs. */
  DescribeVpcs: DescribeVpcsOutput;
  /** CreateVpcPeeringConnection. */
  CreateVpcPeeringConnection: PeeringConnectionOutput;
  /** AcceptVpcPeeringConnection. */
  AcceptVpcPeeringConnection: PeeringConnectionOutput;
  /** RejectVpcPeeringConnection. */
  RejectVpcPeeringConnection: ReturnOutput;
  /** DeleteVpcPeeringConnection. */
  DeleteVpcPeeringConnection: ReturnOutput;
  /** DescribeVpcPeeringConnections. */
  DescribeVpcPeeringConnections: DescribeVpcPeeringConnectionsOutput;
  /** ModifyVpcPeeringConnectionOptions. */
  ModifyVpcPeeringConnectionOptions: ModifyVpcPeeringConnectionOptionsOutput;
  /** CreateTags. */
  CreateTags: EmptyOutput;
  /** DeleteTags. */
  DeleteTags: EmptyOutput;
  /** DescribeTags. */
  DescribeTags: DescribeTagsOutput;
  /** DescribeVpcAttribute. */
  DescribeVpcAttribute: DescribeVpcAttributeOutput;
  /** DescribeVpcClassicLink. */
  DescribeVpcClassicLink: DescribeVpcClassicLinkOutput;
  /** DescribeVpcClassicLinkDnsSupport. */
  DescribeVpcClassicLinkDnsSupport: DescribeVpcClassicLinkDnsSupportOutput;
  /** DescribeNetworkAcls. */
  DescribeNetworkAcls: DescribeNetworkAclsOutput;
  /** DescribeSecurityGroups. */
  DescribeSecurityGroups: DescribeSecurityGroupsOutput;
  /** DescribeRegions. */
  DescribeRegions: DescribeRegionsOutput;
  /** DescribeAccountAttributes. */
  DescribeAccountAttributes: DescribeAccountAttributesOutput;
  /** AdvanceClock. */
  AdvanceClock: AdvanceClockOutput;
  /** FailPeeringChecks. */
  FailPeeringChecks: FailPeeringChecksOutput;
}

/** The output type of a command type. */
export type OutputOf<T extends CommandType> = Outputs[T];
