// Which AWS rule a divergence breaks, named by its section of the reference (`spec §N` is
// docs/reference/peering.md, `routes §N` docs/reference/routing.md) and printed with how sure the
// reference is of it ([doc], [obs], [emu], [?]: the markers of those pages, copied here per rule).
//
// A divergence is labelled by the rule that decided pcxsim's answer, not by the action or the field
// that differs (a label from the field misnames every echo of one bug):
// - an error pcxsim answered names its rule by its code (the code is the rule's outcome);
// - an error only the target answered names the rule the target invoked, which pcxsim says does not apply;
// - a connection state that differs names the lifecycle rule that leads to either state;
// - the ID a Create answered names the duplicate-pair rule when pcxsim answered a connection that
//   already existed (spec §2.2: the existing ID comes back);
// - an item a filtered Describe lists on one side only names the filter rule when both sides list
//   it unfiltered, else the visibility rule (run-sequence.ts asks both sides without the filters);
// - a field present on one side only, or with another value, names the rule of the response's content.
import type { Difference } from './compare.js';
import type { Outcome } from './outcome.js';

/** How the reference knows a fact: the markers of docs/reference/peering.md and routing.md. */
export type Confidence = '[doc]' | '[obs]' | '[emu]' | '[?]';

/** An AWS rule a divergence breaks. */
export interface Rule {
  /** A short stable name, e.g. `peering-not-found`. */
  readonly id: string;
  /** Which page of docs/reference/ states it: `spec` is peering.md, `routes` routing.md. */
  readonly reference: 'spec' | 'routes';
  /** The section(s) of that page that state it, e.g. `§4.5`. */
  readonly spec: string;
  /**
   * How sure the reference is of what is compared: the rule's own marker first, then (when they
   * differ) the marker of its detail — an error code or text a rule of [doc] was only seen with.
   */
  readonly confidence: readonly Confidence[];
  /** The rule in one sentence. */
  readonly title: string;
}

/** `spec §4.5 [doc]`, `routes §2.2 [doc]/[?]`: where the rule is written, and how sure we are. */
export function citeRule(rule: Rule): string {
  return `${rule.reference} ${rule.spec} ${rule.confidence.join('/')}`;
}

const DOC: readonly Confidence[] = ['[doc]'];
const OBS: readonly Confidence[] = ['[obs]'];

const rule = (id: string, spec: string, confidence: readonly Confidence[], title: string): Rule => ({ id, reference: 'spec', spec, confidence, title });
/** A rule of routing.md: its sections are written `routes §N` here (so the citation check reads them as that page's) and kept as `§N`. */
const route = (id: string, cited: `routes ${string}`, confidence: readonly Confidence[], title: string): Rule => ({
  id,
  reference: 'routes',
  spec: cited.slice('routes '.length),
  confidence,
  title,
});

// Each rule's marker is the one its section gives the compared behaviour; where the rule is [doc]
// and its error code or text weaker, both are listed.
const DRY_RUN = rule('dry-run', '§8.3', ['[doc]', '[obs]'], 'DryRun checks and changes nothing: DryRunOperation (412) when the call would succeed, UnauthorizedOperation (403) when not');
const OVERLAP = rule('overlap-fails-later', '§2.2, §1.2', ['[doc]', '[obs]'], 'Create accepts a request whose VPCs overlap (or whose VPC, account or Region is wrong); the connection then becomes failed');
const QUOTAS = rule('peering-quotas', '§2.3', ['[doc]', '[?]'], 'Peering quotas: outstanding requests per account, active connections per VPC, each with its own error code');
const CIDRS = rule('vpc-cidr-blocks', '§6.1, §6.2', DOC, 'VPC CIDR blocks: /16–/28, at most 5, no overlap within the VPC or with the peer of an active connection');
const PROTOCOL = rule('query-protocol', '§9.1', DOC, "The EC2 Query protocol: Action, Version and the model's parameter names");
const SERVER = rule('server-faults', '§9.3', ['[doc]', '[obs]'], 'Only faults of the server are 5xx; client errors are 4xx in the EC2 error document');
const CREDENTIALS = rule('credentials', '§8.1, §9.3', DOC, "The caller is the account of the request's credentials");
const TAGS = rule('tag-rules', '§7.1, §7.2', ['[doc]', '[obs]'], 'Tag rules: keys 1..127, values ≤ 256, ≤ 50 per resource, no aws: keys, no duplicates');
const TAGS_PER_VIEW = rule('tags-per-view', '§7.4', DOC, 'Each account sees its own tags; Tags is always there, empty when there are none');
const FILTERS = rule('filters', '§4.2, §4.3', DOC, 'Filters: the documented names, AND across filters, OR across values, case-sensitive, * and ? wildcards; an unknown name is an error, never ignored');
const PAGING = rule('paging', '§4.1, §4.4', ['[doc]', '[obs]'], 'Pages: MaxResults 5..1000, a NextToken on every page but the last, an unknown NextToken refused');
const VISIBILITY = rule('visibility', '§4.5', DOC, 'A connection is seen by its two owners, each in its own VPC\'s Region; failed by the requester only; terminal ones for a while');
const DESCRIBE_VPCS = rule('describe-vpcs', '§8.2', DOC, "DescribeVpcs lists the caller's VPCs in the caller's Region");
const DUPLICATE = rule('duplicate-pair', '§2.2', OBS, 'A second request between the same two VPCs while one is pending or active answers the existing connection; the opposite pair fails at Accept with VpcPeeringConnectionAlreadyExists');
const RESPONSE_SHAPE = rule('response-shape', '§9.2', DOC, 'The response carries the elements of the EC2 model, as AWS sends them');
const ROUTE_TABLES = route('route-tables', 'routes §1.3, §1.4, §1.5', ['[doc]', '[obs]'], 'Route tables: created in a VPC, deleted when no subnet is associated, one table per subnet');
const PCX_ROUTES = route('pcx-routes', 'routes §2.2, §2.3', ['[doc]', '[obs]', '[?]'], 'A route to a peering connection: its table in one of the two VPCs, one route per destination, the connection usable');

const STATES = {
  failed: OVERLAP,
  rejected: rule('reject', '§3.2', DOC, 'The accepter owner rejects a pending request, which becomes rejected'),
  expired: rule('expiry', '§1.1', DOC, 'An unanswered request expires after 7 days'),
  deleting: rule('delete', '§3.3', DOC, 'A deleted connection passes through deleting to deleted and stays visible as deleted for a while'),
  active: rule('accept', '§3.1', ['[doc]', '[obs]'], 'The accepter owner accepts a pending request from the accepter Region: provisioning, then active'),
  'pending-acceptance': rule('request-checked', '§1.2, §2.4', ['[doc]', '[obs]'], 'A request is checked, then waits in pending-acceptance for the accepter'),
} as const;

/** Error codes (exact casing), with the rule each is the outcome of; some depend on the action. */
const BY_CODE: Readonly<Record<string, Rule | Readonly<Record<string, Rule>>>> = {
  'InvalidVpcPeeringConnectionID.NotFound': rule(
    'peering-not-found',
    '§4.5',
    DOC,
    'An unknown or invisible connection is InvalidVpcPeeringConnectionID.NotFound (capital "ID"), never an empty answer',
  ),
  'InvalidVpcPeeringConnectionId.Malformed': rule('peering-id-malformed', '§4.5, §8.1', DOC, 'An ID not of the form pcx-… is InvalidVpcPeeringConnectionId.Malformed (lower-case "Id")'),
  'InvalidVpcID.NotFound': rule('vpc-not-found', '§2.2', ['[doc]', '[obs]'], 'An unknown VPC is InvalidVpcID.NotFound'),
  'InvalidVpcId.Malformed': rule('vpc-id-malformed', '§8.1', OBS, 'An ID not of the form vpc-… is InvalidVpcId.Malformed'),
  InvalidStateTransition: {
    AcceptVpcPeeringConnection: rule('accept-only-pending', '§3.1', ['[doc]', '[?]'], 'Only a pending-acceptance request can be accepted: InvalidStateTransition otherwise'),
    RejectVpcPeeringConnection: rule('reject-only-pending', '§3.2', ['[doc]', '[?]'], 'Only a pending-acceptance request can be rejected: InvalidStateTransition otherwise'),
    DeleteVpcPeeringConnection: rule('delete-by-state', '§3.3', ['[obs]', '[?]'], 'A failed, rejected, deleted or expired connection cannot be deleted: InvalidStateTransition "… to deleting"'),
    '*': rule('lifecycle', '§1.2', DOC, 'Only the transitions of the lifecycle table are allowed'),
  },
  OperationNotPermitted: {
    AcceptVpcPeeringConnection: rule('accept-by-accepter', '§3.1', ['[doc]', '[obs]', '[emu]'], "Only the accepter owner accepts, and only from the accepter VPC's Region"),
    RejectVpcPeeringConnection: rule('reject-by-accepter', '§3.2', ['[doc]', '[emu]'], "Only the accepter owner rejects, and only from the accepter VPC's Region"),
    DeleteVpcPeeringConnection: rule('delete-by-party', '§3.3', ['[doc]', '[?]'], 'A pending request is deleted by its requester; an active connection by either owner'),
    ModifyVpcPeeringConnectionOptions: rule('options-active-own-side', '§5.2', ['[doc]', '[obs]'], 'Options change only on active connections, each owner its own side, from its own Region'),
    AssociateVpcCidrBlock: rule('cidr-while-peered', '§6.2', ['[doc]', '[?]'], 'The requester of a pending request cannot add CIDR blocks'),
    '*': rule('operation-not-permitted', '§3', DOC, 'Who may do what to a connection'),
  },
  VpcPeeringConnectionAlreadyExists: DUPLICATE,
  PendingVpcPeeringConnectionLimitExceeded: QUOTAS,
  OutstandingVpcPeeringConnectionLimitExceeded: QUOTAS,
  ActiveVpcPeeringConnectionPerVpcLimitExceeded: QUOTAS,
  VpcPeeringConnectionsPerVpcLimitExceeded: QUOTAS,
  'InvalidVpcPeeringConnectionState.DnsHostnamesDisabled': rule('dns-needs-hostnames', '§5.2', DOC, 'DNS resolution across a peering needs DNS hostnames and support on both VPCs'),
  DryRunOperation: DRY_RUN,
  UnauthorizedOperation: DRY_RUN,
  InvalidParameterValue: {
    DescribeVpcPeeringConnections: FILTERS,
    DescribeVpcs: FILTERS,
    DescribeTags: FILTERS,
    CreateTags: TAGS,
    DeleteTags: TAGS,
    CreateVpc: CIDRS,
    AssociateVpcCidrBlock: CIDRS,
    CreateRoute: PCX_ROUTES,
    ReplaceRoute: PCX_ROUTES,
    '*': rule('parameter-values', '§9.1, §7.3', ['[doc]', '[obs]'], 'A bad parameter value (a wrong tag specification included) is InvalidParameterValue'),
  },
  MissingParameter: {
    // A Describe's only required parameters are its filters' names (Filter.N.Name).
    DescribeVpcPeeringConnections: FILTERS,
    DescribeVpcs: FILTERS,
    DescribeTags: FILTERS,
    '*': rule('required-parameters', '§9.1', DOC, 'A missing required parameter is MissingParameter'),
  },
  InvalidParameterCombination: PAGING,
  'InvalidVpc.Range': CIDRS,
  CidrLimitExceeded: CIDRS,
  'InvalidVpcCidrBlockAssociationID.NotFound': CIDRS,
  DependencyViolation: rule('vpc-in-use', '§1.2', ['[doc]', '[?]'], 'A VPC that a pending cross-account request points at cannot be deleted'),
  FilterLimitExceeded: FILTERS,
  InvalidNextToken: PAGING,
  InvalidPaginationToken: PAGING,
  TagLimitExceeded: TAGS,
  'InvalidTagKey.Malformed': TAGS,
  InvalidID: rule('taggable-ids', '§7', DOC, 'Only vpc- and pcx- resources are tagged here; any other ID is InvalidID'),
  'InvalidRouteTableID.NotFound': ROUTE_TABLES,
  'InvalidRouteTableId.Malformed': ROUTE_TABLES,
  'InvalidAssociationID.NotFound': ROUTE_TABLES,
  RouteAlreadyExists: PCX_ROUTES,
  'InvalidRoute.NotFound': PCX_ROUTES,
  RouteLimitExceeded: PCX_ROUTES,
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

/**
 * What each action does when it succeeds: the rule when pcxsim succeeded and the target refused
 * with a code that names no rule (a code the EC2 model does not have).
 */
const BY_ACTION: Readonly<Record<string, Rule>> = {
  CreateVpc: rule('create-vpc', '§6.1', DOC, 'CreateVpc takes any /16–/28 block'),
  DeleteVpc: rule('delete-vpc', '§1.2', ['[doc]', '[?]'], "DeleteVpc ends the VPC's connections; only a pending cross-account request blocks it"),
  AssociateVpcCidrBlock: CIDRS,
  DisassociateVpcCidrBlock: CIDRS,
  ModifyVpcAttribute: rule('vpc-dns-attributes', '§5.2', DOC, 'ModifyVpcAttribute sets one DNS attribute per call'),
  DescribeVpcs: DESCRIBE_VPCS,
  CreateVpcPeeringConnection: rule('create-peering', '§2.2, §2.4', ['[doc]', '[obs]'], 'CreateVpcPeeringConnection succeeds for any well-formed request between existing VPCs; the checks come afterwards'),
  AcceptVpcPeeringConnection: STATES.active,
  RejectVpcPeeringConnection: STATES.rejected,
  DeleteVpcPeeringConnection: STATES.deleting,
  DescribeVpcPeeringConnections: VISIBILITY,
  ModifyVpcPeeringConnectionOptions: rule('modify-options', '§5', DOC, 'ModifyVpcPeeringConnectionOptions on an active connection, each owner its own side'),
  CreateTags: TAGS,
  DeleteTags: TAGS,
  DescribeTags: TAGS_PER_VIEW,
  CreateRouteTable: ROUTE_TABLES,
  DeleteRouteTable: ROUTE_TABLES,
  AssociateRouteTable: ROUTE_TABLES,
  DisassociateRouteTable: ROUTE_TABLES,
  ReplaceRouteTableAssociation: ROUTE_TABLES,
  CreateRoute: PCX_ROUTES,
  ReplaceRoute: PCX_ROUTES,
  DeleteRoute: PCX_ROUTES,
};

/** The rules of a response's content: output paths (list keys replaced by `[]`); first match wins. */
const BY_CONTENT: readonly (readonly [RegExp, Rule])[] = [
  [/Status\.Message$/, rule('status-message', '§1.1', ['[doc]', '[obs]'], 'Status messages: "Initiating Request to <acct>", "Pending Acceptance by <acct>", "Provisioning", "Active", the failed text')],
  [/AccepterVpcInfo\.(CidrBlock|CidrBlockSet|Ipv6CidrBlockSet|PeeringOptions)/, rule('accepter-hidden-until-accepted', '§2.4', OBS, 'Until the request is accepted the accepter side shows only OwnerId, VpcId and Region')],
  [/VpcInfo\.(OwnerId|Region)$/, rule('peer-owner-and-region', '§2.1, §4.5', DOC, "PeerOwnerId and PeerRegion default to the caller's; each side reports its owner and Region")],
  [/PeeringOptions|PeeringConnectionOptions/, rule('peering-options', '§5.1', ['[doc]', '[obs]'], 'Peering options: all three flags, on the requester side always, on the accepter side once accepted; Modify shows at once')],
  [/ExpirationTime$/, rule('expiration-time', '§1.1, §2.4', ['[doc]', '[obs]'], 'ExpirationTime is there while the request can be accepted, and gone once it is answered')],
  [/(^|\.)Tags(\[\]|$|\.)/, TAGS_PER_VIEW],
  [/VpcInfo\.(CidrBlock|CidrBlockSet|Ipv6CidrBlockSet)/, rule('vpc-info-cidrs', '§2.4, §9.2', ['[doc]', '[obs]'], "Each side reports its VPC's primary block and every IPv4 (and IPv6) block")],
  [/CidrBlockAssociation|CidrBlockState|^Vpc\.CidrBlock$/, CIDRS],
  [/^Return$/, rule('return-true', '§9.2', DOC, 'Accept/Reject/Delete-style actions answer <return>true</return>')],
  [/NextToken/, PAGING],
  [/^RouteTables?(\[\])?\.Routes/, PCX_ROUTES],
];

/** The list of a list-Describe: an item listed on one side only breaks the filter or the visibility rule. */
const LISTS: Readonly<Record<string, { readonly path: RegExp; readonly visibility: Rule }>> = {
  DescribeVpcPeeringConnections: { path: /^VpcPeeringConnections\[[^\]]*\]$/, visibility: VISIBILITY },
  DescribeVpcs: { path: /^Vpcs\[[^\]]*\]$/, visibility: DESCRIBE_VPCS },
  DescribeTags: { path: /^Tags\[[^\]]*\]$/, visibility: TAGS_PER_VIEW },
};

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
  /**
   * For a filtered list-Describe: whether an item (by its path, `VpcPeeringConnections[$pcx0]`) is
   * listed by both sides once the filters are dropped — then a side that lists it with the filters
   * and the other not broke the filter rule, not the visibility rule. Absent: not asked.
   */
  readonly listedUnfiltered?: ((path: string) => boolean) | undefined;
  /** Whether a symbol (`$pcx0`) was bound before this step: a Create that answered it returned an existing resource. */
  readonly existedBefore?: ((symbol: string) => boolean) | undefined;
}

/** The rule one difference of a step breaks. */
function ruleOfDifference(question: RuleQuestion, difference: Difference): Rule {
  const { action, reference, target } = question;
  const fallback = BY_ACTION[action] ?? RESPONSE_SHAPE;
  if (difference.kind === 'status' || difference.kind === 'error-code') {
    // spec §8.3: a dry run that did something, or answered (or failed to answer) as a dry run.
    const dryRunAnswer = (outcome: Outcome): boolean => !outcome.ok && (outcome.code === 'DryRunOperation' || outcome.code === 'UnauthorizedOperation');
    if (question.dryRun && (target.ok || dryRunAnswer(target) || dryRunAnswer(reference))) return DRY_RUN;
    if (!reference.ok) return byCode(reference.code, action) ?? fallback;
    if (!target.ok && /overlap/i.test(target.code)) return OVERLAP;
    // pcxsim succeeded: the target applied a rule that pcxsim says does not apply here.
    if (!target.ok) return byCode(target.code, action) ?? fallback;
    return fallback;
  }
  if (difference.kind === 'state') return byState(difference.reference, difference.target);
  // spec §2.2: a Create whose answer names another connection than pcxsim's: one side answered an existing one.
  if (action === 'CreateVpcPeeringConnection' && difference.path === 'VpcPeeringConnection.VpcPeeringConnectionId') {
    const named = [difference.reference, difference.target].filter((value): value is string => typeof value === 'string');
    if (named.some((symbol) => question.existedBefore?.(symbol) === true)) return DUPLICATE;
  }
  const list = LISTS[action];
  if (list !== undefined && (difference.kind === 'missing-item' || difference.kind === 'extra-item') && list.path.test(difference.path)) {
    return question.listedUnfiltered?.(difference.path) === true ? FILTERS : list.visibility;
  }
  const path = difference.path.replace(/\[[^\]]*\]/g, '[]');
  return BY_CONTENT.find(([pattern]) => pattern.test(path))?.[1] ?? RESPONSE_SHAPE;
}

/** The differences of one step that break one rule. */
export interface RuleBreach {
  /** The rule. */
  readonly rule: Rule;
  /** The differences that break it, in the comparison's order. */
  readonly differences: readonly Difference[];
}

/** The rules a diverging step breaks, each with its differences, in the order of their first difference. */
export function rulesOf(question: RuleQuestion): RuleBreach[] {
  const byRule = new Map<string, { rule: Rule; differences: Difference[] }>();
  for (const difference of question.differences) {
    const found = ruleOfDifference(question, difference);
    const entry = byRule.get(found.id) ?? { rule: found, differences: [] };
    entry.differences.push(difference);
    byRule.set(found.id, entry);
  }
  return [...byRule.values()];
}

/** The AWS rule a diverging step breaks first (the rule of its first difference). */
export function ruleOf(question: RuleQuestion): Rule {
  const [first] = question.differences;
  return first === undefined ? (BY_ACTION[question.action] ?? RESPONSE_SHAPE) : ruleOfDifference(question, first);
}
