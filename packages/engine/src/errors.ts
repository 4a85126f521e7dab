// Every EC2 error the engine answers with, in one place: code (AWS's exact casing), message and
// HTTP status. Each cites its spec section and confidence; [?] marks our own choice, listed in
// docs/fidelity.md. The lifecycle and tags packages supply their own texts; they pass through here
// only to gain an HTTP status.
import { ERROR_TEXTS, type LifecycleError, type LifecycleErrorCode } from '@pcxsim/lifecycle';
import type { TagError, TagErrorCode } from '@pcxsim/tags';
import type { RoutingErrorCode } from './routing/routing-errors.js';

/** Every EC2 error code the engine can answer with, spelt exactly as AWS spells it. */
export type Ec2ErrorCode =
  | LifecycleErrorCode
  | TagErrorCode
  | RoutingErrorCode
  | 'MissingParameter'
  | 'InvalidParameterCombination'
  | 'InvalidVpcID.NotFound'
  | 'InvalidVpcId.Malformed'
  | 'InvalidVpcPeeringConnectionId.Malformed'
  | 'InvalidVpc.Range'
  | 'InvalidVpcCidrBlockAssociationID.NotFound'
  | 'CidrLimitExceeded'
  | 'DependencyViolation'
  | 'InvalidID'
  | 'ResourceCountExceeded'
  | 'PendingVpcPeeringConnectionLimitExceeded'
  | 'ActiveVpcPeeringConnectionPerVpcLimitExceeded'
  | 'VpcPeeringConnectionAlreadyExists'
  | 'InvalidVpcPeeringConnectionState.DnsHostnamesDisabled'
  | 'FilterLimitExceeded'
  | 'InvalidNextToken'
  | 'DryRunOperation'
  | 'UnauthorizedOperation'
  | 'AuthFailure'
  | 'InvalidAction'
  | 'UnsupportedOperation'
  | 'InvalidGroup.NotFound'
  | 'InvalidGroupId.Malformed'
  | 'InvalidNetworkAclID.NotFound'
  | 'InvalidNetworkAclId.Malformed';

/** The HTTP statuses of EC2 client errors (spec §9.3). */
export type HttpStatus = 400 | 401 | 403 | 412;

/** An EC2 error as a value: what the protocol layer sends, unchanged. */
export interface Ec2Error {
  /** The EC2 error code. */
  readonly code: Ec2ErrorCode;
  /** The message text. */
  readonly message: string;
  /** The HTTP status: 400 for every client error, 403 `UnauthorizedOperation`, 412 `DryRunOperation` (spec §9.3). */
  readonly httpStatus: HttpStatus;
}

const error = (code: Ec2ErrorCode, message: string, httpStatus: HttpStatus = 400): Ec2Error =>
  Object.freeze({ code, message, httpStatus });

/** A lifecycle refusal (NotFound, InvalidStateTransition, OperationNotPermitted) with its HTTP status, 400. */
export const fromLifecycle = (refusal: LifecycleError): Ec2Error => error(refusal.code, refusal.message);

/** A tag or TagSpecification error with its HTTP status, 400 (spec §7.2). */
export const fromTags = (refusal: TagError): Ec2Error => error(refusal.code, refusal.message);

// spec §9.1 [obs] (other actions).
export const missingParameter = (name: string): Ec2Error =>
  error('MissingParameter', `The request must contain the parameter ${name}`);

// spec §4.4 [obs] form, for a parameter of the wrong type or out of range.
export const invalidValue = (value: unknown, parameter: string, why: string): Ec2Error =>
  error('InvalidParameterValue', `Value ( ${String(value)} ) for parameter ${parameter} is invalid. ${why}`);

// spec §4.4 [obs] (DescribeVpcs).
export const invalidCombination = (a: string, b: string): Ec2Error =>
  error('InvalidParameterCombination', `The parameter ${a} cannot be used with the parameter ${b}`);

// spec §2.2 [obs] (the PeerVpcId path; the VpcId path uses the same text [?]).
export const vpcNotFound = (id: string): Ec2Error => error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);

// spec §8.1 [obs]: the observed code casing (`InvalidVpcId`), not the error table's (`InvalidVpcID`).
export const vpcMalformed = (id: string): Ec2Error => error('InvalidVpcId.Malformed', `The vpc ID ${id} is malformed`);

// spec §4.5 [doc] code, [emu] text (the lifecycle's text).
export const peeringNotFound = (id: string): Ec2Error =>
  error('InvalidVpcPeeringConnectionID.NotFound', ERROR_TEXTS.notFound.template.replace('{id}', id));

// spec §4.5 [doc] code and form ("pcx-xxxxxxxxxxxxxxxxx"); the wording around it [?].
export const peeringMalformed = (id: string): Ec2Error =>
  error('InvalidVpcPeeringConnectionId.Malformed', `Invalid id: "${id}" (expecting "pcx-xxxxxxxxxxxxxxxxx")`);

// spec §6.1 [obs]: the dotted code real responses use.
export const vpcRange = (cidr: string): Ec2Error => error('InvalidVpc.Range', `The CIDR '${cidr}' is invalid.`);

// [?] spec §6.1: a secondary block must not overlap the VPC's blocks; no text seen.
export const cidrConflict = (cidr: string, vpcId: string): Ec2Error =>
  error('InvalidVpc.Range', `The CIDR '${cidr}' conflicts with another CIDR block of the VPC ${vpcId}.`);

// [?] spec §6.2: a block overlapping a peer of an active connection; code and text unknown.
export const peerCidrConflict = (cidr: string, pcxId: string): Ec2Error =>
  error('InvalidVpc.Range', `The CIDR '${cidr}' overlaps with a CIDR of the peer VPC of active VPC peering connection ${pcxId}.`);

// [?] spec §6.2: the requester of a pending request cannot add blocks; code and text unknown.
export const requesterPending = (vpcId: string, pcxId: string): Ec2Error =>
  error(
    'OperationNotPermitted',
    `The VPC ${vpcId} is the requester of pending VPC peering connection ${pcxId}; CIDR blocks cannot be added until it is accepted or deleted.`,
  );

// [?] spec §6.1: 5 IPv4 and 5 IPv6 blocks per VPC; the text is ours.
export const cidrLimit = (vpcId: string, limit: number): Ec2Error =>
  error('CidrLimitExceeded', `This network '${vpcId}' has met its maximum number of allowed CIDRs: ${limit}`);

// [?] spec §6.1: the code and text are ours.
export const associationNotFound = (id: string): Ec2Error =>
  error('InvalidVpcCidrBlockAssociationID.NotFound', `The vpc cidr block association ID '${id}' does not exist`);

// [?] spec §6.1 [doc] rule ("the primary block cannot be disassociated"); the text is ours.
export const primaryBlock = (id: string): Ec2Error =>
  error(
    'OperationNotPermitted',
    `The vpc CIDR block with association ID ${id} may not be disassociated. It is the primary IPv4 CIDR block of the VPC`,
  );

// [?] spec §1.2 [doc] rule (the accepter cannot delete its VPC while a cross-account request points at it);
// the code is the one EC2 uses for every DeleteVpc with dependencies.
export const dependencyViolation = (vpcId: string): Ec2Error =>
  error('DependencyViolation', `The vpc '${vpcId}' has dependencies and cannot be deleted.`);

// [?] CreateTags/DeleteTags on an ID that is neither `vpc-` nor `pcx-`.
export const invalidId = (id: string): Ec2Error => error('InvalidID', `The ID '${id}' is not valid`);

// spec §7.1 [doc] limit (1000 IDs per CreateTags/DeleteTags). The code is [obs] on tagging at scale
// (redhat-performance/cloud-governance#582); the text is [obs] from RunInstances, [?] for tagging.
export const resourceCountExceeded = (): Ec2Error =>
  error('ResourceCountExceeded', 'You have exceeded the number of resources allowed in a single call of this type');

// spec §2.2, §2.3 [obs].
export const pendingLimit = (): Ec2Error =>
  error('PendingVpcPeeringConnectionLimitExceeded', 'Vpc peering connection request limit exceeded.');

// spec §2.3 [doc] code; the action (Accept) and the text are [?].
export const activeLimit = (vpcId: string): Ec2Error =>
  error(
    'ActiveVpcPeeringConnectionPerVpcLimitExceeded',
    `The maximum number of active VPC peering connections you can have for the specified VPC (${vpcId}) has been reached.`,
  );

// spec §2.2, §3.1 [obs].
export const alreadyExists = (pcxId: string): Ec2Error =>
  error('VpcPeeringConnectionAlreadyExists', `The vpc peering connection identified by ${pcxId} already exists.`);

// spec §5.2 [obs].
export const notActive = (pcxId: string): Ec2Error =>
  error('OperationNotPermitted', `Peering ${pcxId} is not active. Peering options can be added only to active peerings.`);

// spec §5.2 [doc] code and gist; the full text [?].
export const dnsHostnamesDisabled = (): Ec2Error =>
  error(
    'InvalidVpcPeeringConnectionState.DnsHostnamesDisabled',
    'Unable to modify peering connection options. DNS hostname support must be enabled for the VPCs.',
  );

// spec §5.2 [obs] (accepter side); the requester-side text by symmetry [?].
export const otherSide = (accountId: string, side: 'accepter' | 'requester'): Ec2Error =>
  error('OperationNotPermitted', `User ${accountId} does not have permission to modify the ${side} side peering options`);

// [?] spec §5.2 [doc] rule (each side from its own Region); the text is ours.
export const sideWrongRegion = (side: 'accepter' | 'requester', pcxId: string, region: string): Ec2Error =>
  error(
    'OperationNotPermitted',
    `The ${side} side peering options of VPC peering connection ${pcxId} must be modified in region ${region}`,
  );

// spec §5.2 [obs].
export const classicLinkCrossRegion = (): Ec2Error =>
  error(
    'OperationNotPermitted',
    'Modifying VPC peering connection options AllowEgressFromLocalClassicLinkToRemoteVpc, AllowEgressFromLocalVpcToRemoteClassicLink is not supported for cross-region VPC peering connections',
  );

// spec §4.3 [obs].
export const invalidFilter = (name: string): Ec2Error => error('InvalidParameterValue', `The filter '${name}' is invalid`);

// [?] a filter without values; the text is ours.
export const filterWithoutValues = (name: string): Ec2Error =>
  error('InvalidParameterValue', `The filter '${name}' must have at least one value`);

// spec §4.3 [obs].
export const filterLimit = (): Ec2Error =>
  error('FilterLimitExceeded', 'The maximum length for a filter value is 255 characters');

// spec §4.4 [obs] below 5 (AWS says "greater than 5" although 5 is allowed); [?] above 1000.
export const maxResultsInvalid = (value: unknown, tooSmall: boolean, upper = 1000): Ec2Error =>
  invalidValue(value, 'maxResults', tooSmall ? 'Expecting a value greater than 5.' : `Expecting a value less than ${upper}.`);

// spec §4.4 [doc] code (one of the two the table has); the text [?].
export const invalidNextToken = (token: string): Ec2Error =>
  error('InvalidNextToken', `The token '${token}' is invalid or has expired`);

// spec §8.3 [obs].
export const dryRunOperation = (): Ec2Error =>
  error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);

// spec §8.3 [obs].
export const unauthorized = (): Ec2Error =>
  error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);

// [?] spec §9.3: a caller that is not a 12-digit account in a Region the world knows; 401 is assumed.
export const authFailure = (why: string): Ec2Error => error('AuthFailure', why, 401);

// spec §9.1; DESIGN: an action the engine does not know.
export const invalidAction = (name: string): Ec2Error =>
  error('InvalidAction', `The action ${name} is not valid for this web service.`);

// ---- the read model around VPCs (attributes, ClassicLink, default network ACL and security group, Regions) ----

// [obs] (aws/aws-sdk-go#415, apache/libcloud#328): the names in the order the request gave them.
export const multipleAttributes = (names: readonly string[]): Ec2Error =>
  error('InvalidParameterCombination', `Fields for multiple attribute types specified: ${names.join(', ')}`);

// [doc] rule ("You can only enable DNS hostnames if you've enabled DNS support", ModifyVpcAttribute);
// the code and text are ours [?].
export const dnsSupportRequired = (vpcId: string): Ec2Error =>
  error('InvalidParameterValue', `DNS hostnames cannot be enabled for ${vpcId}: enable DNS support (enableDnsSupport) first.`);

// [?] the text of a value outside an enum of the model (VpcAttributeName, Tenancy, AccountAttributeName).
export const notOneOf = (value: string, parameter: string, allowed: readonly string[]): Ec2Error =>
  invalidValue(value, parameter, `Valid values: ${allowed.join(', ')}.`);

// [obs] (aws/aws-sdk-java#754, hashicorp/terraform-provider-aws#17460): what EC2 answers a ClassicLink
// call in a Region without EC2-Classic — since its retirement (2022-08-15), every Region.
export const unsupportedOperation = (): Ec2Error =>
  error('UnsupportedOperation', 'The functionality you requested is not available in this region.');

// [obs] code and text (common in public logs).
export const securityGroupNotFound = (id: string): Ec2Error => error('InvalidGroup.NotFound', `The security group '${id}' does not exist`);

// [obs] code; the text in the form of the other Malformed errors [?].
export const securityGroupMalformed = (id: string): Ec2Error =>
  error('InvalidGroupId.Malformed', `Invalid id: "${id}" (expecting "sg-...")`);

// [?] GroupName.N names groups of the default VPC only (the model's doc); pcxsim's accounts have none.
export const groupNameWithoutDefaultVpc = (name: string): Ec2Error =>
  error('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC 'none'`);

// [emu] code and text (moto).
export const networkAclNotFound = (id: string): Ec2Error =>
  error('InvalidNetworkAclID.NotFound', `The network acl ID '${id}' does not exist`);

// [?] code and text, in the form of the other Malformed errors.
export const networkAclMalformed = (id: string): Ec2Error =>
  error('InvalidNetworkAclId.Malformed', `Invalid id: "${id}" (expecting "acl-...")`);

// [?] DescribeRegions naming a Region the world does not have.
export const unknownRegion = (name: string): Ec2Error => invalidValue(name, 'RegionName', 'Invalid region name.');
