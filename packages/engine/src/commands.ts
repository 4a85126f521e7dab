// The commands: one member per EC2 action, each the action's SDK input (PascalCase members, all
// optional as in @aws-sdk/client-ec2, which validates nothing) plus a `type`. So an SDK input object
// can be spread straight in: `{ type: 'CreateVpcPeeringConnection', ...input }`. The engine checks
// every member itself and answers bad input with the EC2 error a client would get.
import type { TagInput, TagSpecificationInput } from '@pcxsim/tags';
import type { RoutingCommand } from './routing/routing-commands.js';
import type { ReadModelCommand } from './read-model-commands.js';

/** The `DryRun` member every EC2 action takes (spec §8.3). */
export interface DryRunnable {
  /** Check the request without doing it: `DryRunOperation` (412) when it would succeed. */
  readonly DryRun?: boolean | undefined;
}

/** One `Filter.N` of a Describe action (spec §4.2, §4.3). */
export interface FilterInput {
  /** The filter name, e.g. `status-code` or `tag:Name`. */
  readonly Name?: string | undefined;
  /** The values; any one matching is enough. `*` and `?` are wildcards, `\` escapes them. */
  readonly Values?: readonly string[] | undefined;
}

/** Paging members of a Describe action (spec §4.1, §4.4). */
export interface Paged {
  /** Page size, 5..1000. Without it every match comes in one page. */
  readonly MaxResults?: number | undefined;
  /** The `NextToken` of the previous page. */
  readonly NextToken?: string | undefined;
}

/** CreateVpc. */
export interface CreateVpcCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'CreateVpc';
  /** The primary IPv4 block, /16 to /28; host bits are cleared (spec §6.1). */
  readonly CidrBlock?: string | undefined;
  /** Also allocate an Amazon-provided IPv6 /56. */
  readonly AmazonProvidedIpv6CidrBlock?: boolean | undefined;
  /** Tags for the new VPC (`ResourceType` `vpc`). */
  readonly TagSpecifications?: readonly TagSpecificationInput[] | undefined;
  /** `default` (the default) or `dedicated`. */
  readonly InstanceTenancy?: string | undefined;
}

/** DeleteVpc. */
export interface DeleteVpcCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DeleteVpc';
  /** The VPC. */
  readonly VpcId?: string | undefined;
}

/** AssociateVpcCidrBlock: one IPv4 block, or an Amazon-provided IPv6 /56. */
export interface AssociateVpcCidrBlockCommand {
  /** Discriminant. */
  readonly type: 'AssociateVpcCidrBlock';
  /** The VPC. */
  readonly VpcId?: string | undefined;
  /** A secondary IPv4 block, /16 to /28. */
  readonly CidrBlock?: string | undefined;
  /** Allocate an Amazon-provided IPv6 /56 instead. */
  readonly AmazonProvidedIpv6CidrBlock?: boolean | undefined;
  /** AssociateVpcCidrBlock takes no DryRun in the EC2 API; accepted for uniformity. */
  readonly DryRun?: boolean | undefined;
}

/** DisassociateVpcCidrBlock. */
export interface DisassociateVpcCidrBlockCommand {
  /** Discriminant. */
  readonly type: 'DisassociateVpcCidrBlock';
  /** The block's association ID, `vpc-cidr-assoc-…`. */
  readonly AssociationId?: string | undefined;
  /** Accepted for uniformity. */
  readonly DryRun?: boolean | undefined;
}

/** A boolean attribute value, as ModifyVpcAttribute takes it. */
export interface AttributeBooleanValue {
  /** The new value. */
  readonly Value?: boolean | undefined;
}

/** ModifyVpcAttribute: one attribute per call. */
export interface ModifyVpcAttributeCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'ModifyVpcAttribute';
  /** The VPC. */
  readonly VpcId?: string | undefined;
  /** `enableDnsSupport`. */
  readonly EnableDnsSupport?: AttributeBooleanValue | undefined;
  /** `enableDnsHostnames`. */
  readonly EnableDnsHostnames?: AttributeBooleanValue | undefined;
  /** `enableNetworkAddressUsageMetrics`. */
  readonly EnableNetworkAddressUsageMetrics?: AttributeBooleanValue | undefined;
}

/** DescribeVpcs. */
export interface DescribeVpcsCommand extends DryRunnable, Paged {
  /** Discriminant. */
  readonly type: 'DescribeVpcs';
  /** Only these VPCs; an unknown one is `InvalidVpcID.NotFound`. */
  readonly VpcIds?: readonly string[] | undefined;
  /** Filters: every name the model documents, and `cidr-block` (see vpc-filters.ts). */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** CreateVpcPeeringConnection (spec §2). */
export interface CreateVpcPeeringConnectionCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'CreateVpcPeeringConnection';
  /** The requester VPC: the caller's, in the caller's Region. */
  readonly VpcId?: string | undefined;
  /** The accepter VPC. */
  readonly PeerVpcId?: string | undefined;
  /** The accepter VPC's account; default the caller's. */
  readonly PeerOwnerId?: string | undefined;
  /** The accepter VPC's Region; default the caller's. */
  readonly PeerRegion?: string | undefined;
  /** Tags for the requester's view (`ResourceType` `vpc-peering-connection`). */
  readonly TagSpecifications?: readonly TagSpecificationInput[] | undefined;
}

/** The one member of Accept, Reject and Delete (spec §3). */
export interface ByPeeringId extends DryRunnable {
  /** `pcx-…`. */
  readonly VpcPeeringConnectionId?: string | undefined;
}

/** AcceptVpcPeeringConnection (spec §3.1). */
export interface AcceptVpcPeeringConnectionCommand extends ByPeeringId {
  /** Discriminant. */
  readonly type: 'AcceptVpcPeeringConnection';
}

/** RejectVpcPeeringConnection (spec §3.2). */
export interface RejectVpcPeeringConnectionCommand extends ByPeeringId {
  /** Discriminant. */
  readonly type: 'RejectVpcPeeringConnection';
}

/** DeleteVpcPeeringConnection (spec §3.3). */
export interface DeleteVpcPeeringConnectionCommand extends ByPeeringId {
  /** Discriminant. */
  readonly type: 'DeleteVpcPeeringConnection';
}

/** DescribeVpcPeeringConnections (spec §4). */
export interface DescribeVpcPeeringConnectionsCommand extends DryRunnable, Paged {
  /** Discriminant. */
  readonly type: 'DescribeVpcPeeringConnections';
  /** Only these connections; an unknown or invisible one is NotFound. */
  readonly VpcPeeringConnectionIds?: readonly string[] | undefined;
  /** Filters (spec §4.2). */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** One side's options in ModifyVpcPeeringConnectionOptions (spec §5.1). */
export interface PeeringConnectionOptionsRequest {
  /** `AllowDnsResolutionFromRemoteVpc`. */
  readonly AllowDnsResolutionFromRemoteVpc?: boolean | undefined;
  /** Deprecated ClassicLink option. */
  readonly AllowEgressFromLocalClassicLinkToRemoteVpc?: boolean | undefined;
  /** Deprecated ClassicLink option. */
  readonly AllowEgressFromLocalVpcToRemoteClassicLink?: boolean | undefined;
}

/** ModifyVpcPeeringConnectionOptions (spec §5). */
export interface ModifyVpcPeeringConnectionOptionsCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'ModifyVpcPeeringConnectionOptions';
  /** `pcx-…`. */
  readonly VpcPeeringConnectionId?: string | undefined;
  /** The accepter side's new options. */
  readonly AccepterPeeringConnectionOptions?: PeeringConnectionOptionsRequest | undefined;
  /** The requester side's new options. */
  readonly RequesterPeeringConnectionOptions?: PeeringConnectionOptionsRequest | undefined;
}

/** CreateTags on VPCs and connections (spec §7). */
export interface CreateTagsCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'CreateTags';
  /** `vpc-…`, `subnet-…`, `rtb-…` and `pcx-…` IDs, up to 1000. */
  readonly Resources?: readonly string[] | undefined;
  /** The tags to add or overwrite. */
  readonly Tags?: readonly TagInput[] | undefined;
}

/** DeleteTags on VPCs and connections (spec §7). */
export interface DeleteTagsCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DeleteTags';
  /** `vpc-…` and `pcx-…` IDs, up to 1000. */
  readonly Resources?: readonly string[] | undefined;
  /** The tags to delete; none: every user tag. */
  readonly Tags?: readonly TagInput[] | undefined;
}

/** DescribeTags over the caller's VPCs and connections. */
export interface DescribeTagsCommand extends DryRunnable, Paged {
  /** Discriminant. */
  readonly type: 'DescribeTags';
  /** Filters: `key`, `value`, `resource-id`, `resource-type`, `tag:<key>`. */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** The simulation's own command: move the clock forward and run what falls due (DESIGN). */
export interface AdvanceClockCommand {
  /** Discriminant. */
  readonly type: 'AdvanceClock';
  /** How far, in ms: a non-negative integer (0 runs what is due now). */
  readonly Milliseconds: number;
}

/**
 * The simulation's own fault, never an EC2 action: the asynchronous checks (spec §2.2) of the next
 * `Count` requests created fail, whatever their VPCs, as an overlapping request's does — so callers
 * can test how they handle `failed`.
 */
export interface FailPeeringChecksCommand {
  /** Discriminant. */
  readonly type: 'FailPeeringChecks';
  /** How many of the next requests created fail: a non-negative integer that replaces the number armed (0 disarms). */
  readonly Count: number;
}

/** The commands of the simulation itself, which no EC2 request can send. */
export type SimulationCommand = AdvanceClockCommand | FailPeeringChecksCommand;

/** Every command {@link apply} takes. */
export type Command =
  | CreateVpcCommand
  | DeleteVpcCommand
  | AssociateVpcCidrBlockCommand
  | DisassociateVpcCidrBlockCommand
  | ModifyVpcAttributeCommand
  | DescribeVpcsCommand
  | CreateVpcPeeringConnectionCommand
  | AcceptVpcPeeringConnectionCommand
  | RejectVpcPeeringConnectionCommand
  | DeleteVpcPeeringConnectionCommand
  | DescribeVpcPeeringConnectionsCommand
  | ModifyVpcPeeringConnectionOptionsCommand
  | CreateTagsCommand
  | DeleteTagsCommand
  | DescribeTagsCommand
  | RoutingCommand
  | ReadModelCommand
  | AdvanceClockCommand
  | FailPeeringChecksCommand;

/** The name of a command. */
export type CommandType = Command['type'];
