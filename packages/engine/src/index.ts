/**
 * The heart of pcxsim: the simulated EC2 world of VPCs and VPC peering connections, as one frozen
 * value of plain data, and {@link apply}, the pure function that runs one EC2 action on it.
 *
 * ```ts
 * import { apply, createWorld } from '@pcxsim/engine';
 * const me = { accountId: '111111111111', region: 'us-east-1' };
 * let world = createWorld({ seed: 42 });
 * const vpc = apply(world, me, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' });
 * world = vpc.world;
 * ```
 *
 * - Pure and deterministic: no wall clock, no randomness, no I/O. Time is `world.clock`, moved only
 *   by `AdvanceClock`; IDs come from a seeded generator in the world.
 * - A refused command returns the same world (`===`) and an EC2 error `{ code, message, httpStatus }`.
 * - Outputs have the shapes of `@aws-sdk/client-ec2`'s results, as fresh objects.
 * - Every rule cites its section of `docs/reference/peering.md`; `docs/fidelity.md` lists each
 *   with its confidence and the test that pins it.
 *
 * @packageDocumentation
 */

export { apply, advanceClock } from './apply.js';
export { withoutDescribeLag } from './without-describe-lag.js';
export type { Step, Result, Success, Failure } from './apply.js';

export { createWorld, freezeWorld, DEFAULT_OPTIONS, DEFAULT_QUOTAS, DEFAULT_START_TIME, WORLD_FORMAT } from './world.js';
export type {
  World,
  WorldConfig,
  WorldOptions,
  Quotas,
  Retention,
  RetentionWindows,
  Consistency,
  CheckFaults,
  VpcRecord,
  VpcVersion,
  BlockState,
  Ipv4Block,
  Ipv6Block,
  PeeringRecord,
  PeeringOptionsRecord,
  VpcBlocks,
  VpcLinks,
  TagViews,
} from './world.js';
export type { Caller } from './tx.js';
export type { IdState } from './ids.js';
export type { PMap, PKey, PNode, BitmapNode, CollisionNode } from './pmap.js';
export type { Schedule, Lane, ScheduledEntry, ScheduledKind } from './schedule.js';
export { queued } from './schedule.js';
export { PUBLIC_REGIONS, partitionOf } from './regions.js';

export type {
  Command,
  CommandType,
  DryRunnable,
  Paged,
  FilterInput,
  AttributeBooleanValue,
  PeeringConnectionOptionsRequest,
  ByPeeringId,
  CreateVpcCommand,
  DeleteVpcCommand,
  AssociateVpcCidrBlockCommand,
  DisassociateVpcCidrBlockCommand,
  ModifyVpcAttributeCommand,
  DescribeVpcsCommand,
  CreateVpcPeeringConnectionCommand,
  AcceptVpcPeeringConnectionCommand,
  RejectVpcPeeringConnectionCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  ModifyVpcPeeringConnectionOptionsCommand,
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeTagsCommand,
  AdvanceClockCommand,
  FailPeeringChecksCommand,
  SimulationCommand,
} from './commands.js';

export type {
  Outputs,
  OutputOf,
  EmptyOutput,
  TagOutput,
  CidrBlockOutput,
  Ipv6CidrBlockOutput,
  PeeringOptionsOutput,
  VpcPeeringConnectionVpcInfoOutput,
  PeeringStatusOutput,
  VpcPeeringConnectionOutput,
  CidrBlockStateOutput,
  CidrBlockAssociationOutput,
  Ipv6CidrBlockAssociationOutput,
  VpcOutput,
  BlockPublicAccessStatesOutput,
  TagDescriptionOutput,
  CreateVpcOutput,
  DescribeVpcsOutput,
  VpcCidrBlockOutput,
  ReturnOutput,
  PeeringConnectionOutput,
  DescribeVpcPeeringConnectionsOutput,
  ModifyVpcPeeringConnectionOptionsOutput,
  DescribeTagsOutput,
  AdvanceClockOutput,
  FailPeeringChecksOutput,
} from './outputs.js';

export type {
  EngineEvent,
  VpcCreated,
  VpcDeleted,
  VpcChanged,
  PeeringCreated,
  PeeringStatusChanged,
  PeeringOptionsChanged,
  PeeringRetired,
  TagsChanged,
  ClockAdvanced,
} from './events.js';

export type { Ec2Error, Ec2ErrorCode, HttpStatus } from './errors.js';

// Routing over peering (issue 13): subnets, route tables, routes, and "why can't A reach B?".
export { reachability } from './routing/reachability.js';
export type {
  ReachabilityQuery,
  ReachabilityAnalysis,
  ExplanationOutput,
  ExplanationCode,
  PathComponentOutput,
  AnalysisComponentOutput,
  AnalysisRouteOutput,
} from './routing/reachability-shapes.js';
export { zonesOf } from './routing/availability-zones.js';
export type { AvailabilityZone } from './routing/availability-zones.js';
export type { Routing, SubnetRecord, RouteTableRecord, RouteRecord, AssociationRecord, VpcRouting } from './routing/routing-records.js';
export type { RoutingVersion } from './routing/routing-versions.js';
export type {
  RoutingCommand,
  CreateSubnetCommand,
  DeleteSubnetCommand,
  DescribeSubnetsCommand,
  DescribeAvailabilityZonesCommand,
  CreateRouteTableCommand,
  DeleteRouteTableCommand,
  DescribeRouteTablesCommand,
  AssociateRouteTableCommand,
  DisassociateRouteTableCommand,
  ReplaceRouteTableAssociationCommand,
  CreateRouteCommand,
  ReplaceRouteCommand,
  DeleteRouteCommand,
  RouteDestinationInput,
  RouteTargetInput,
} from './routing/routing-commands.js';
export type {
  RoutingOutputs,
  SubnetOutput,
  SubnetIpv6CidrBlockAssociationOutput,
  AvailabilityZoneOutput,
  RouteOutput,
  RouteTableOutput,
  RouteTableAssociationOutput,
  AssociationStateOutput,
  CreateSubnetOutput,
  DescribeSubnetsOutput,
  DescribeAvailabilityZonesOutput,
  CreateRouteTableOutput,
  DescribeRouteTablesOutput,
  AssociateRouteTableOutput,
  ReplaceRouteTableAssociationOutput,
} from './routing/routing-outputs.js';
export type { RoutingChanged, RouteStateChanged } from './events.js';
export type { RoutingErrorCode } from './routing/routing-errors.js';
export type {
  ReadModelCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcClassicLinkCommand,
  DescribeVpcClassicLinkDnsSupportCommand,
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeRegionsCommand,
  DescribeAccountAttributesCommand,
} from './read-model-commands.js';
export type {
  AttributeBooleanOutput,
  DescribeVpcAttributeOutput,
  NetworkAclAssociationOutput,
  NetworkAclEntryOutput,
  NetworkAclOutput,
  DescribeNetworkAclsOutput,
  UserIdGroupPairOutput,
  IpRangeOutput,
  Ipv6RangeOutput,
  PrefixListIdOutput,
  IpPermissionOutput,
  SecurityGroupOutput,
  DescribeSecurityGroupsOutput,
  VpcClassicLinkOutput,
  ClassicLinkDnsSupportOutput,
  DescribeVpcClassicLinkOutput,
  DescribeVpcClassicLinkDnsSupportOutput,
  RegionOutput,
  DescribeRegionsOutput,
  AccountAttributeValueOutput,
  AccountAttributeOutput,
  DescribeAccountAttributesOutput,
} from './read-model-outputs.js';
export { VPC_ATTRIBUTES, VPC_TENANCIES } from './vpc-attributes.js';
export type { VpcAttributeName, VpcTenancy } from './vpc-attributes.js';
export { defaultNetworkAclId } from './default-network-acl.js';
export { defaultSecurityGroupId } from './default-security-group.js';
export { defaultDhcpOptionsId } from './derived-ids.js';
