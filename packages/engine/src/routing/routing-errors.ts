// Every EC2 error of subnets, route tables and routes, in one place: AWS's code (exact casing), the
// message and the source. [obs] texts are quoted from real responses (routes § cited); [emu] from
// emulators; [?] texts are ours, listed in docs/fidelity.md.
import type { Ec2Error, HttpStatus } from '../errors.js';

/** The codes only routing answers with. */
export type RoutingErrorCode =
  | 'InvalidSubnet.Range'
  | 'InvalidSubnet.Conflict'
  | 'InvalidSubnetID.NotFound'
  | 'InvalidSubnetID.Malformed'
  | 'SubnetLimitExceeded'
  | 'InvalidRouteTableID.NotFound'
  | 'InvalidRouteTableId.Malformed'
  | 'RouteTableLimitExceeded'
  | 'InvalidAssociationID.NotFound'
  | 'Resource.AlreadyAssociated'
  | 'InvalidRoute.NotFound'
  | 'RouteAlreadyExists'
  | 'RouteLimitExceeded'
  | 'InvalidGatewayID.NotFound'
  | 'InvalidParameterValue'
  | 'InvalidParameterCombination'
  | 'MissingParameter'
  | 'DependencyViolation'
  | 'IdempotentParameterMismatch'
  | 'InvalidVpc.Range';

const error = (code: RoutingErrorCode, message: string, httpStatus: HttpStatus = 400): Ec2Error =>
  Object.freeze({ code, message, httpStatus });

// ---- subnets ----

// [obs] (kubernetes/kops#15841, pulumi/pulumi-awsx#111): a block outside the VPC's blocks or of a size
// out of /16–/28.
export const subnetRange = (cidr: string): Ec2Error => error('InvalidSubnet.Range', `The CIDR '${cidr}' is invalid.`);

// [obs] (hashicorp/terraform#33470 and many more).
export const subnetConflict = (cidr: string): Ec2Error => error('InvalidSubnet.Conflict', `The CIDR '${cidr}' conflicts with another subnet`);

// routes §1.10 [obs] (hashicorp/terraform-provider-aws#31913): a /64 outside the VPC's IPv6 blocks.
export const subnetIpv6Range = (cidr: string): Ec2Error => error('InvalidSubnet.Range', `The IPv6 CIDR '${cidr}' is invalid.`);

// routes §1.10 [?]: the IPv4 conflict's code and wording, for a /64 another subnet holds.
export const subnetIpv6Conflict = (cidr: string): Ec2Error => error('InvalidSubnet.Conflict', `The IPv6 CIDR '${cidr}' conflicts with another subnet`);

// routes §1.10 [obs] (hashicorp/terraform-provider-aws#28775): not an IPv6 CIDR, or not a /64.
export const subnetIpv6Invalid = (text: string): Ec2Error => error('InvalidParameterValue', `invalid value for parameter ipv6-cidr-block: ${text}`);

// [obs] (boto/boto3#2398, ansible/ansible#25673).
export const subnetNotFound = (id: string): Ec2Error => error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);

// Code [doc] (EC2 error table); the text follows the observed `Invalid id: "…"` form of
// InvalidRouteTableId.Malformed [?].
export const subnetMalformed = (id: string): Ec2Error => error('InvalidSubnetID.Malformed', `Invalid id: "${id}"`);

// [obs] (kz8s/tack#67, aws/aws-cli#2074): the zones are listed.
export const invalidZone = (zone: string, parameter: string, zones: readonly string[]): Ec2Error =>
  error(
    'InvalidParameterValue',
    `Value (${zone}) for parameter ${parameter} is invalid. Subnets can currently only be created in the following availability zones: ${zones.join(', ')}.`,
  );

// [?] the DescribeAvailabilityZones form of the zone error; the text is ours.
export const unknownZone = (zone: string): Ec2Error => error('InvalidParameterValue', `Invalid availability zone: [${zone}]`);

// Code [doc] (EC2 error table); the text [?].
export const subnetLimit = (vpcId: string, limit: number): Ec2Error =>
  error('SubnetLimitExceeded', `The maximum number of subnets (${limit}) has been reached for VPC ${vpcId}.`);

// [?] routes §1.2 [doc] rule (subnets in a block must be deleted before the block is disassociated).
export const blockHasSubnets = (associationId: string, subnetId: string): Ec2Error =>
  error(
    'DependencyViolation',
    `The vpc CIDR block association '${associationId}' has dependencies and cannot be disassociated: subnet ${subnetId} uses it.`,
  );

// ---- route tables and associations ----

// [obs] routes §1.4 (hashicorp/terraform#7104, C2Devel/terraform-examples#8).
export const routeTableNotFound = (id: string): Ec2Error => error('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`);

// [obs] routes §1.4 (terraform-linters/tflint#90): lower-case `Id`.
export const routeTableMalformed = (id: string): Ec2Error => error('InvalidRouteTableId.Malformed', `Invalid id: "${id}"`);

// [obs] routes §1.4 (terraform-provider-aws#5931, aws/aws-cli#1549): associations, or the main table.
export const routeTableDependencies = (id: string): Ec2Error =>
  error('DependencyViolation', `The routeTable '${id}' has dependencies and cannot be deleted.`);

// Code [doc] routes §1.3; the text [?].
export const routeTableLimit = (vpcId: string, limit: number): Ec2Error =>
  error('RouteTableLimitExceeded', `The maximum number of route tables (${limit}) has been reached for VPC ${vpcId}.`);

// Code [doc] routes §1.5; the text [?] (the ID form of the other NotFound errors).
export const associationNotFound = (id: string): Ec2Error =>
  error('InvalidAssociationID.NotFound', `The association ID '${id}' does not exist`);

// [obs] routes §1.5 (terraform-provider-aws#38960).
export const alreadyAssociated = (routeTableId: string): Ec2Error =>
  error(
    'Resource.AlreadyAssociated',
    `the specified association for route table ${routeTableId} conflicts with an existing association`,
  );

// [obs] routes §1.5 (hashicorp/vault#659).
export const mainAssociation = (associationId: string): Ec2Error =>
  error('InvalidParameterValue', `cannot disassociate the main route table association ${associationId}`);

// [?] a subnet of another VPC than the table's: the "belong to different networks" form of routes §2.2 [obs].
export const subnetOtherNetwork = (routeTableId: string, subnetId: string): Ec2Error =>
  error('InvalidParameterValue', `Route table ${routeTableId} and subnet ${subnetId} belong to different networks`);

// ---- routes ----

// [obs] routes §2.1 (hashicorp/terraform#14564).
export const noDestination = (): Ec2Error =>
  error('MissingParameter', 'The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock');

// [?] routes §2.1: two destinations at once; code and text ours.
export const twoDestinations = (): Ec2Error =>
  error('InvalidParameterCombination', 'Exactly one of destinationCidrBlock and destinationIpv6CidrBlock must be specified');

// [obs] routes §2.1 (ansible-collections/amazon.aws#477): no spaces in the parentheses, unlike other
// actions; CreateSubnet's `cidrBlock` answers the same form [?].
export const notACidr = (value: string, parameter: string): Ec2Error =>
  error('InvalidParameterValue', `Value (${value}) for parameter ${parameter} is invalid. This is not a valid CIDR block.`);

// [?] routes §2.1: no target at all.
export const noTarget = (): Ec2Error =>
  error('MissingParameter', 'The request must contain exactly one of gatewayId, vpcPeeringConnectionId or another route target');

// [?] routes §2.1: more than one target ("exactly one", [doc]); InvalidParameterCombination is the likely code.
export const twoTargets = (a: string, b: string): Ec2Error =>
  error('InvalidParameterCombination', `The parameter ${a} cannot be used with the parameter ${b}`);

// [obs] routes §1.2 (the string terraform-provider-aws matches): every gateway is unknown here, `local` included.
export const gatewayNotFound = (id: string): Ec2Error => error('InvalidGatewayID.NotFound', `The gateway ID '${id}' does not exist`);

// [obs] routes §2.2 (a Terraform apply log; serverless-vpc-plugin#147 for an IGW).
export const differentNetworks = (routeTableId: string, pcxId: string): Ec2Error =>
  error('InvalidParameterValue', `route table ${routeTableId} and network gateway ${pcxId} belong to different networks`);

// [obs] routes §2.2 (clouddrove/terraform-aws-vpc-peering#10, terraform-provider-aws#23866): also for a
// destination equal to a local route [?] (§8.5: the 2022 observation, not the 2020 one).
export const routeExists = (destination: string): Ec2Error =>
  error('RouteAlreadyExists', `The route identified by ${destination} already exists.`);

// [obs] text routes §2.2 (terraform-provider-aws#13896, 2020); used for a pcx destination inside a VPC
// block (more specific than local: [doc] refused, code [?]).
export const moreSpecificThanLocal = (): Ec2Error =>
  error('InvalidParameterValue', 'Route target is not supported. This route only supports interface and instance targets.');

// [?] routes §2.2 [doc] rule: the reserved link-local ranges; the text is ours.
export const reservedDestination = (destination: string): Ec2Error =>
  error('InvalidParameterValue', `The destination CIDR block ${destination} is reserved and cannot be routed.`);

// Code [doc] routes §1.8; the text [?].
export const routeLimit = (routeTableId: string, limit: number, family: 4 | 6): Ec2Error =>
  error(
    'RouteLimitExceeded',
    `The maximum number of ${family === 4 ? 'IPv4' : 'IPv6'} routes (${limit}) has been reached for route table ${routeTableId}.`,
  );

// [emu] routes §2.7 (moto, OpenStack ec2-api and fog all use it; the code is [doc]).
export const routeNotFound = (destination: string, routeTableId: string, family: 4 | 6): Ec2Error =>
  error(
    'InvalidRoute.NotFound',
    `no route with destination-${family === 4 ? 'cidr-block' : 'ipv6-cidr-block'} ${destination} in route table ${routeTableId}`,
  );

// [emu] routes §2.6 (moto: "for some reason AWS returns InvalidParameterValue").
export const noRouteToReplace = (destination: string): Ec2Error =>
  error('InvalidParameterValue', `There is no route defined for '${destination}' in the route table. Use CreateRoute instead.`);

// [obs] routes §1.2 (the string terraform-provider-aws matches); the full form [emu] (fog).
export const localRouteDelete = (destination: string, routeTableId: string): Ec2Error =>
  error('InvalidParameterValue', `cannot remove local route ${destination} in route table ${routeTableId}`);

// [?] routes §1.2: a pcx is no documented replacement target of a local route.
export const localRouteReplace = (destination: string, routeTableId: string): Ec2Error =>
  error('InvalidParameterValue', `cannot replace local route ${destination} in route table ${routeTableId} with a VPC peering connection`);

// [?] routes §2.6: LocalTarget on a route whose destination is no block of the VPC.
export const notLocalDestination = (destination: string): Ec2Error =>
  error('InvalidParameterValue', `The destination ${destination} is not a CIDR block of the VPC; LocalTarget can restore only a local route.`);

// Code [doc] (EC2 error table: a ClientToken reused with other parameters); the text [?].
export const idempotentMismatch = (token: string): Ec2Error =>
  error('IdempotentParameterMismatch', `The client token '${token}' was already used with different parameters.`);

// [?] routes §1.2 [doc] rule (a new block must not be the same as or larger than a route's destination).
export const blockCoversRoute = (cidr: string, destination: string, routeTableId: string): Ec2Error =>
  error('InvalidVpc.Range', `The CIDR '${cidr}' is the same as or larger than the destination ${destination} of a route in route table ${routeTableId}.`);
