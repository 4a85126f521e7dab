// Which AWS rule a divergence breaks, with the section of docs/reference/peering.md that states
// it (docs/fidelity.md lists the same sections with their confidence and the tests that pin them).
// Chosen from the error code pcxsim answered, else from the target's code, else from the field that
// differs, else from the action.
import type { Difference } from './compare.js';
import type { Outcome } from './outcome.js';

/** An AWS rule a divergence breaks. */
export interface Rule {
  /** A short stable name, e.g. `peering-not-found`. */
  readonly id: string;
  /** The section(s) of the spec that state it, e.g. `§4.5`. */
  readonly spec: string;
  /** The rule in one sentence. */
  readonly title: string;
}

const rule = (id: string, spec: string, title: string): Rule => ({ id, spec, title });

const DRY_RUN = rule('dry-run', '§8.3', 'DryRun checks and changes nothing: DryRunOperation (412) when the call would succeed, UnauthorizedOperation (403) when not');
const OVERLAP = rule(
  'overlap-fails-later',
  '§2.2, §1.2',
  'Create accepts a request whose VPCs overlap (or whose VPC, account or Region is wrong); the connection then becomes failed',
);
const QUOTAS = rule('peering-quotas', '§2.3', 'Peering quotas: outstanding requests per account, active connections per VPC, each with its own error code');
const CIDRS = rule('vpc-cidr-blocks', '§6.1, §6.2', 'VPC CIDR blocks: /16–/28, at most 5, no overlap within the VPC or with the peer of an active connection');
const PROTOCOL = rule('query-protocol', '§9.1', 'The EC2 Query protocol: Action, Version and the model\'s parameter names');
const SERVER = rule('server-faults', '§9.3', 'Only faults of the server are 5xx; client errors are 4xx in the EC2 error document');
const CREDENTIALS = rule('credentials', '§8.1, §9.3', 'The caller is the account of the request\'s credentials');
const TAGS = rule('tag-rules', '§7.1, §7.2', 'Tag rules: keys 1..127, values ≤ 256, ≤ 50 per resource, no aws: keys, no duplicates');
const STATES = {
  failed: OVERLAP,
  rejected: rule('reject', '§3.2', 'The accepter owner rejects a pending request, which becomes rejected'),
  expired: rule('expiry', '§1.1', 'An unanswered request expires after 7 days'),
  deleting: rule('delete', '§3.3', 'A deleted connection passes through deleting to deleted and stays visible as deleted for a while'),
  active: rule('accept', '§3.1', 'The accepter owner accepts a pending request from the accepter Region: provisioning, then active'),
  'pending-acceptance': rule('request-checked', '§1.2, §2.4', 'A request is checked, then waits in pending-acceptance for the accepter'),
} as const;

/** pcxsim's error codes (exact casing), with the rule each stands for; some depend on the action. */
const BY_CODE: Readonly<Record<string, Rule | Readonly<Record<string, Rule>>>> = {
  'InvalidVpcPeeringConnectionID.NotFound': rule(
    'peering-not-found',
    '§4.5',
    'An unknown or invisible connection is InvalidVpcPeeringConnectionID.NotFound (capital "ID"), never an empty answer',
  ),
  'InvalidVpcPeeringConnectionId.Malformed': rule('peering-id-malformed', '§4.5, §8.1', 'An ID not of the form pcx-… is InvalidVpcPeeringConnectionId.Malformed (lower-case "Id")'),
  'InvalidVpcID.NotFound': rule('vpc-not-found', '§2.2', 'An unknown VPC is InvalidVpcID.NotFound'),
  'InvalidVpcId.Malformed': rule('vpc-id-malformed', '§8.1', 'An ID not of the form vpc-… is InvalidVpcId.Malformed'),
  InvalidStateTransition: {
    AcceptVpcPeeringConnection: rule('accept-only-pending', '§3.1', 'Only a pending-acceptance request can be accepted: InvalidStateTransition otherwise'),
    RejectVpcPeeringConnection: rule('reject-only-pending', '§3.2', 'Only a pending-acceptance request can be rejected: InvalidStateTransition otherwise'),
    DeleteVpcPeeringConnection: rule('delete-by-state', '§3.3', 'A failed, rejected, deleted or expired connection cannot be deleted: InvalidStateTransition "… to deleting"'),
    '*': rule('lifecycle', '§1.2', 'Only the transitions of the lifecycle table are allowed'),
  },
  OperationNotPermitted: {
    AcceptVpcPeeringConnection: rule('accept-by-accepter', '§3.1', 'Only the accepter owner accepts, and only from the accepter VPC\'s Region'),
    RejectVpcPeeringConnection: rule('reject-by-accepter', '§3.2', 'Only the accepter owner rejects, and only from the accepter VPC\'s Region'),
    DeleteVpcPeeringConnection: rule('delete-by-party', '§3.3', 'A pending request is deleted by its requester; an active connection by either owner'),
    ModifyVpcPeeringConnectionOptions: rule('options-active-own-side', '§5.2', 'Options change only on active connections, each owner its own side, from its own Region'),
    AssociateVpcCidrBlock: rule('cidr-while-peered', '§6.2', 'The requester of a pending request cannot add CIDR blocks'),
    '*': rule('operation-not-permitted', '§3', 'Who may do what to a connection'),
  },
  VpcPeeringConnectionAlreadyExists: rule('duplicate-pair', '§2.2, §3.1', 'A second live request between the same two VPCs is VpcPeeringConnectionAlreadyExists'),
  PendingVpcPeeringConnectionLimitExceeded: QUOTAS,
  OutstandingVpcPeeringConnectionLimitExceeded: QUOTAS,
  ActiveVpcPeeringConnectionPerVpcLimitExceeded: QUOTAS,
  VpcPeeringConnectionsPerVpcLimitExceeded: QUOTAS,
  'InvalidVpcPeeringConnectionState.DnsHostnamesDisabled': rule('dns-needs-hostnames', '§5.2', 'DNS resolution across a peering needs DNS hostnames and support on both VPCs'),
  DryRunOperation: DRY_RUN,
  UnauthorizedOperation: DRY_RUN,
  InvalidParameterValue: {
    DescribeVpcPeeringConnections: rule('filters-and-paging', '§4.3, §4.4', 'Describe validates its filters (an unknown name is an error, never ignored) and MaxResults (5..1000)'),
    DescribeVpcs: rule('filters-and-paging', '§4.3, §4.4', 'Describe validates its filters and MaxResults (5..1000)'),
    DescribeTags: rule('filters-and-paging', '§4.3, §4.4', 'Describe validates its filters and MaxResults (5..1000)'),
    CreateTags: TAGS,
    DeleteTags: TAGS,
    CreateVpc: CIDRS,
    AssociateVpcCidrBlock: CIDRS,
    '*': rule('parameter-values', '§9.1, §7.3', 'A bad parameter value (a wrong tag specification included) is InvalidParameterValue'),
  },
  MissingParameter: rule('required-parameters', '§9.1', 'A missing required parameter is MissingParameter'),
  InvalidParameterCombination: rule('parameter-combination', '§4.4', 'Parameters that exclude each other are InvalidParameterCombination'),
  'InvalidVpc.Range': CIDRS,
  CidrLimitExceeded: CIDRS,
  'InvalidVpcCidrBlockAssociationID.NotFound': CIDRS,
  DependencyViolation: rule('vpc-in-use', '§1.2', 'A VPC that a pending cross-account request points at cannot be deleted'),
  FilterLimitExceeded: rule('filters-and-paging', '§4.3', 'A filter value is at most 255 characters'),
  InvalidNextToken: rule('filters-and-paging', '§4.4', 'A NextToken that no page gave is InvalidNextToken'),
  TagLimitExceeded: TAGS,
  'InvalidTagKey.Malformed': TAGS,
  InvalidID: rule('taggable-ids', '§7', 'Only vpc- and pcx- resources are tagged here; any other ID is InvalidID'),
  UnknownParameter: PROTOCOL,
  InvalidParameter: PROTOCOL,
  InvalidAction: PROTOCOL,
  MissingAction: PROTOCOL,
  NoSuchVersion: PROTOCOL,
  AuthFailure: CREDENTIALS,
  SignatureDoesNotMatch: CREDENTIALS,
  RequestLimitExceeded: SERVER,
  InternalError: SERVER,
};

/** What each action does when it succeeds: the rule when pcxsim succeeded and the target refused. */
const BY_ACTION: Readonly<Record<string, Rule>> = {
  CreateVpc: rule('create-vpc', '§6.1', 'CreateVpc takes any /16–/28 block'),
  DeleteVpc: rule('delete-vpc', '§1.2', 'DeleteVpc ends the VPC\'s connections; only a pending cross-account request blocks it'),
  AssociateVpcCidrBlock: CIDRS,
  DisassociateVpcCidrBlock: CIDRS,
  ModifyVpcAttribute: rule('vpc-dns-attributes', '§5.2', 'ModifyVpcAttribute sets one DNS attribute per call'),
  DescribeVpcs: rule('describe-vpcs', '§8.2', 'DescribeVpcs lists the caller\'s VPCs in the caller\'s Region'),
  CreateVpcPeeringConnection: rule('create-peering', '§2.2, §2.4', 'CreateVpcPeeringConnection succeeds for any well-formed request between existing VPCs; the checks come afterwards'),
  AcceptVpcPeeringConnection: STATES.active,
  RejectVpcPeeringConnection: STATES.rejected,
  DeleteVpcPeeringConnection: STATES.deleting,
  DescribeVpcPeeringConnections: rule('describe-peering', '§4', 'DescribeVpcPeeringConnections by ID and by filter'),
  ModifyVpcPeeringConnectionOptions: rule('modify-options', '§5', 'ModifyVpcPeeringConnectionOptions on an active connection, each owner its own side'),
  CreateTags: TAGS,
  DeleteTags: TAGS,
  DescribeTags: rule('describe-tags', '§7.4', 'DescribeTags lists the caller\'s own tags'),
};

/** Output paths (list keys replaced by `[]`) and the rule a difference there breaks; first match wins. */
const BY_PATH: readonly (readonly [RegExp, Rule])[] = [
  [/Status\.Message$/, rule('status-message', '§1.1', 'Status messages: "Initiating Request to <acct>", "Pending Acceptance by <acct>", "Provisioning", "Active", the failed text')],
  [/AccepterVpcInfo\.(CidrBlock|CidrBlockSet|Ipv6CidrBlockSet|PeeringOptions)/, rule('accepter-hidden-until-accepted', '§2.4', 'Until the request is accepted the accepter side shows only OwnerId, VpcId and Region')],
  [/VpcInfo\.(OwnerId|Region)$/, rule('peer-owner-and-region', '§2.1, §4.5', 'PeerOwnerId and PeerRegion default to the caller\'s; each side reports its owner and Region')],
  [/VpcInfo\.VpcId$/, rule('vpc-info', '§2.4', 'Each side names its VPC')],
  [/PeeringOptions|PeeringConnectionOptions/, rule('peering-options', '§5.1', 'Peering options: all three flags, on the requester side always, on the accepter side once accepted; Modify shows at once')],
  [/ExpirationTime$/, rule('expiration-time', '§1.1, §2.4', 'ExpirationTime is there while the request can be accepted, and gone once it is answered')],
  [/(^|\.)Tags(\[\]|$|\.)/, rule('tags-per-view', '§7.4', 'Each account sees its own tags; Tags is always there, empty when there are none')],
  [/VpcInfo\.(CidrBlock|CidrBlockSet|Ipv6CidrBlockSet)/, rule('vpc-info-cidrs', '§2.4, §9.2', 'Each side reports its VPC\'s primary block and every IPv4 (and IPv6) block')],
  [/^VpcPeeringConnections\[\]$/, rule('visibility', '§4.5', 'A connection is seen by its two owners, each in its own VPC\'s Region; failed by the requester only; terminal ones for a while')],
  [/^Vpcs\[\]$/, BY_ACTION['DescribeVpcs']!],
  [/CidrBlockAssociation|CidrBlockState|^Vpc\.CidrBlock$/, CIDRS],
  [/^Return$/, rule('return-true', '§9.2', 'Accept/Reject/Delete-style actions answer <return>true</return>')],
  [/NextToken/, rule('pagination', '§4.1, §4.4', 'Pages: MaxResults 5..1000, a NextToken on every page but the last')],
];

const RESPONSE_SHAPE = rule('response-shape', '§9.2', 'The response carries the elements of the EC2 model, as AWS sends them');

function byCode(code: string, action: string): Rule | undefined {
  const entry = BY_CODE[code];
  if (entry === undefined || 'id' in entry) return entry as Rule | undefined;
  const table = entry as Readonly<Record<string, Rule>>;
  return table[action] ?? table['*'];
}

function byState(reference: unknown, target: unknown): Rule {
  const states = [reference, target];
  if (states.includes('failed')) return STATES.failed;
  if (states.includes('rejected')) return STATES.rejected;
  if (states.includes('expired')) return STATES.expired;
  if (states.includes('deleted') || states.includes('deleting')) return STATES.deleting;
  if (states.includes('active') || states.includes('provisioning')) return STATES.active;
  return STATES['pending-acceptance'];
}

/** What a rule is chosen from: the step's action and command, both answers, and how they differ. */
export interface RuleQuestion {
  /** The action of the step. */
  readonly action: string;
  /** Whether the command asked for a dry run. */
  readonly dryRun: boolean;
  /** pcxsim's answer. */
  readonly reference: Outcome;
  /** The target's answer. */
  readonly target: Outcome;
  /** The differences, first the one that decides. */
  readonly differences: readonly Difference[];
}

/** The AWS rule a diverging step breaks. */
export function ruleOf(question: RuleQuestion): Rule {
  const { action, reference, target } = question;
  const first = question.differences[0];
  const fallback = BY_ACTION[action] ?? RESPONSE_SHAPE;
  if (first === undefined) return fallback;
  if (first.kind === 'status' || first.kind === 'error-code') {
    // spec §8.3: a dry run that did something, or answered (or failed to answer) as a dry run.
    const dryRunAnswer = (outcome: Outcome): boolean => !outcome.ok && (outcome.code === 'DryRunOperation' || outcome.code === 'UnauthorizedOperation');
    if (question.dryRun && (target.ok || dryRunAnswer(target) || dryRunAnswer(reference))) return DRY_RUN;
    if (!reference.ok) return byCode(reference.code, action) ?? fallback;
    if (!target.ok && /overlap/i.test(target.code)) return OVERLAP;
    return fallback;
  }
  if (first.kind === 'state') return byState(first.reference, first.target);
  const path = first.path.replace(/\[[^\]]*\]/g, '[]');
  return BY_PATH.find(([pattern]) => pattern.test(path))?.[1] ?? RESPONSE_SHAPE;
}
