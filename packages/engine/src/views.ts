// Views, not copies (DESIGN): what one (account, Region) sees of a record, computed on demand as a
// fresh SDK-shaped object.
import { isOutstanding, renderStatusMessage } from '@pcxsim/lifecycle';
import type { TagSet } from '@pcxsim/tags';
import type {
  CidrBlockAssociationOutput,
  Ipv6CidrBlockAssociationOutput,
  PeeringOptionsOutput,
  TagOutput,
  VpcOutput,
  VpcPeeringConnectionOutput,
  VpcPeeringConnectionVpcInfoOutput,
} from './outputs.js';
import { holdsAddresses } from './block-states.js';
import { defaultDhcpOptionsId } from './derived-ids.js';
import { vpcById } from './records.js';
import { tenancyOf } from './vpc-attributes.js';
import type { BlockState, Ipv4Block, Ipv6Block, PeeringOptionsRecord, PeeringRecord, VpcBlocks, VpcRecord, World } from './world.js';

/**
 * Where a view reads a VPC from: the VPC as it now is (responses to changes), or as Describe shows it
 * now (`shownVpc`, spec §10.4).
 */
export type VpcLookup = (world: World, id: string) => VpcRecord | undefined;

const messages = new Map<string, Map<string, string>>();

/**
 * A connection's `Status.Message` (the lifecycle's text), memoised by state, then by accepter
 * account: a pure function of the two, and Describe renders it for every item.
 */
export function statusMessage(record: PeeringRecord): string {
  let byAccount = messages.get(record.status);
  if (byAccount === undefined) {
    byAccount = new Map();
    messages.set(record.status, byAccount);
  }
  let message = byAccount.get(record.accepterOwnerId);
  if (message === undefined) {
    if (byAccount.size > 10_000) byAccount.clear();
    message = renderStatusMessage(record.status, { accepterAccountId: record.accepterOwnerId });
    byAccount.set(record.accepterOwnerId, message);
  }
  return message;
}

/** A fresh SDK tag list. */
export const tagsOutput = (tags: TagSet | undefined): TagOutput[] =>
  tags === undefined ? [] : tags.map((tag) => ({ Key: tag.Key, Value: tag.Value }));

const EMPTY_TAGS: TagSet = Object.freeze([]);

/** The tag set a view keeps for a connection (spec §7.4: one per account and Region). */
export const tagsIn = (record: PeeringRecord, view: string): TagSet => record.tags[view] ?? EMPTY_TAGS;

/** A side's options in SDK shape. */
export const optionsOutput = (options: PeeringOptionsRecord): PeeringOptionsOutput => ({
  AllowDnsResolutionFromRemoteVpc: options.allowDnsResolutionFromRemoteVpc,
  AllowEgressFromLocalClassicLinkToRemoteVpc: options.allowEgressFromLocalClassicLinkToRemoteVpc,
  AllowEgressFromLocalVpcToRemoteClassicLink: options.allowEgressFromLocalVpcToRemoteClassicLink,
});

/**
 * spec §2.4, §3.1: the accepter's CIDRs and options are shown once the connection is accepted
 * (from `provisioning` on), and stay shown after an accepted connection is deleted [?].
 */
export const showsAccepterDetails = (record: PeeringRecord): boolean => record.accepted;

/** spec §1.2: `ExpirationTime` is shown while the request can still be accepted. */
export const showsExpiration = (record: PeeringRecord): boolean => isOutstanding(record.status);

/**
 * The blocks of a side's VPC: the live VPC when it is still the one the record names (same owner and
 * Region: a wrong `PeerOwnerId` never shows someone else's VPC), or what it had when it was deleted.
 */
export function sideBlocks(
  world: World,
  record: PeeringRecord,
  side: 'requester' | 'accepter',
  vpcOf: VpcLookup = vpcById,
): VpcBlocks | undefined {
  const vpcId = side === 'requester' ? record.requesterVpcId : record.accepterVpcId;
  const vpc = vpcOf(world, vpcId);
  const owner = side === 'requester' ? record.requesterOwnerId : record.accepterOwnerId;
  const region = side === 'requester' ? record.requesterRegion : record.accepterRegion;
  if (vpc !== undefined && vpc.ownerId === owner && vpc.region === region) return blocksOf(vpc);
  return record.deletedVpcs?.[vpcId];
}

/** A VPC's blocks that hold addresses (not `disassociated`: spec §6.1, block-states.ts), as plain CIDR texts. */
export function blocksOf(vpc: VpcRecord): VpcBlocks {
  const ipv4: string[] = [];
  const ipv6: string[] = [];
  for (const block of vpc.ipv4Blocks) if (holdsAddresses(block)) ipv4.push(block.cidrBlock);
  for (const block of vpc.ipv6Blocks) if (holdsAddresses(block)) ipv6.push(block.ipv6CidrBlock);
  return { ipv4, ipv6 };
}

function vpcInfo(world: World, record: PeeringRecord, side: 'requester' | 'accepter', vpcOf: VpcLookup): VpcPeeringConnectionVpcInfoOutput {
  const requester = side === 'requester';
  const info: VpcPeeringConnectionVpcInfoOutput = {
    OwnerId: requester ? record.requesterOwnerId : record.accepterOwnerId,
    VpcId: requester ? record.requesterVpcId : record.accepterVpcId,
    Region: requester ? record.requesterRegion : record.accepterRegion,
  };
  // spec §2.4: the requester side always carries its blocks and options; the accepter side only once accepted.
  if (!requester && !showsAccepterDetails(record)) return info;
  const blocks = sideBlocks(world, record, side, vpcOf);
  if (blocks !== undefined && blocks.ipv4.length > 0) {
    info.CidrBlock = blocks.ipv4[0]!;
    info.CidrBlockSet = blocks.ipv4.map((cidr) => ({ CidrBlock: cidr }));
  }
  // spec §3.1: Ipv6CidrBlockSet only when the VPC has IPv6.
  if (blocks !== undefined && blocks.ipv6.length > 0) info.Ipv6CidrBlockSet = blocks.ipv6.map((cidr) => ({ Ipv6CidrBlock: cidr }));
  info.PeeringOptions = optionsOutput(requester ? record.requesterOptions : record.accepterOptions);
  return info;
}

/** The connection as the view `view` (`account|region`) sees it, its VPCs read through `vpcOf`. */
export function peeringView(world: World, record: PeeringRecord, view: string, vpcOf: VpcLookup = vpcById): VpcPeeringConnectionOutput {
  const out: VpcPeeringConnectionOutput = {
    VpcPeeringConnectionId: record.id,
    RequesterVpcInfo: vpcInfo(world, record, 'requester', vpcOf),
    AccepterVpcInfo: vpcInfo(world, record, 'accepter', vpcOf),
    Status: { Code: record.status, Message: statusMessage(record) },
    Tags: tagsOutput(tagsIn(record, view)),
  };
  if (showsExpiration(record)) out.ExpirationTime = new Date(record.expiresAt);
  return out;
}

/** An IPv4 association in SDK shape, in `state` (its stored one by default). */
export const ipv4AssociationOutput = (block: Ipv4Block, state: BlockState = block.state): CidrBlockAssociationOutput => ({
  AssociationId: block.associationId,
  CidrBlock: block.cidrBlock,
  CidrBlockState: { State: state },
});

/** An IPv6 association of a VPC in `region` in SDK shape, in `state` (its stored one by default). */
export const ipv6AssociationOutput = (block: Ipv6Block, region: string, state: BlockState = block.state): Ipv6CidrBlockAssociationOutput => ({
  AssociationId: block.associationId,
  Ipv6CidrBlock: block.ipv6CidrBlock,
  Ipv6CidrBlockState: { State: state },
  Ipv6Pool: 'Amazon',
  NetworkBorderGroup: region,
});

/** A VPC as its owner sees it: every association, in its state, a `disassociated` one too (spec §6.1). */
export function vpcView(vpc: VpcRecord): VpcOutput {
  return {
    VpcId: vpc.vpcId,
    OwnerId: vpc.ownerId,
    State: 'available',
    CidrBlock: vpc.ipv4Blocks[0]!.cidrBlock,
    CidrBlockAssociationSet: vpc.ipv4Blocks.map((block) => ipv4AssociationOutput(block)),
    Ipv6CidrBlockAssociationSet: vpc.ipv6Blocks.map((block) => ipv6AssociationOutput(block, vpc.region)),
    InstanceTenancy: tenancyOf(vpc),
    IsDefault: false,
    Tags: tagsOutput(vpc.tags),
    DhcpOptionsId: defaultDhcpOptionsId(vpc.ownerId, vpc.region),
    // [?] AWS lists the VPC Block Public Access state of every VPC since that feature (2024-11): `off`.
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
  };
}
