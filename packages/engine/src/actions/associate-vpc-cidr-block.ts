// AssociateVpcCidrBlock (spec §6.1), and what a new block means for the VPC's connections (§6.2).
import { countsAsActive, isOutstanding } from '@pcxsim/lifecycle';
import { associationStarts, blocksHeld } from '../block-states.js';
import type { AssociateVpcCidrBlockCommand } from '../commands.js';
import { cidrConflict, cidrLimit, invalidCombination, missingParameter, peerCidrConflict, requesterPending } from '../errors.js';
import { nextId } from '../ids.js';
import { optionalBoolean, optionalString } from '../input.js';
import { ownVpc } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { VpcCidrBlockOutput } from '../outputs.js';
import { systemDecision, systemMove } from '../lifecycle-decisions.js';
import { writeVpc } from '../records.js';
import type { Tx } from '../tx.js';
import { blocksOf, ipv4AssociationOutput, ipv6AssociationOutput, sideBlocks } from '../views.js';
import { overlapsBlocks, parseIpv4Block } from '../vpc-cidr.js';
import type { PeeringRecord, VpcRecord } from '../world.js';
import { allocateIpv6 } from './ipv6.js';
import { peeringsOfVpc } from './vpc-peerings.js';

/** AssociateVpcCidrBlock: a secondary IPv4 block, or an Amazon-provided IPv6 /56. */
export function associateVpcCidrBlock(tx: Tx, command: AssociateVpcCidrBlockCommand): Outcome<VpcCidrBlockOutput> {
  const vpc = ownVpc(tx.w, tx.caller, command.VpcId, 'VpcId');
  if (!vpc.ok) return vpc;
  const cidr = optionalString(command.CidrBlock, 'CidrBlock');
  if (!cidr.ok) return cidr;
  const ipv6 = optionalBoolean(command.AmazonProvidedIpv6CidrBlock, 'AmazonProvidedIpv6CidrBlock');
  if (!ipv6.ok) return ipv6;
  // [?] exactly one kind of block per call.
  if (cidr.value !== undefined && ipv6.value === true) return refuse(invalidCombination('CidrBlock', 'AmazonProvidedIpv6CidrBlock'));
  if (ipv6.value === true) return associateIpv6(tx, vpc.value);
  if (cidr.value === undefined) return refuse(missingParameter('CidrBlock'));
  return associateIpv4(tx, vpc.value, cidr.value);
}

function associateIpv6(tx: Tx, vpc: VpcRecord): Outcome<VpcCidrBlockOutput> {
  const limit = tx.w.config.quotas.ipv6BlocksPerVpc;
  // spec §6.1: the quota counts the blocks that hold addresses, a disassociated one no longer [?].
  if (blocksHeld(vpc.ipv6Blocks) >= limit) return refuse(cidrLimit(vpc.vpcId, limit));
  const block = allocateIpv6(tx, vpc.region, vpc.vpcId);
  writeVpc(tx, vpc, Object.freeze({ ...vpc, ipv6Blocks: Object.freeze([...vpc.ipv6Blocks, block]) }));
  tx.events.push({ type: 'VpcChanged', vpcId: vpc.vpcId, change: 'cidr-block-associated', at: tx.w.clock });
  // spec §6.1: the response shows the association just begun, `associating`, whatever the profile.
  return done({ VpcId: vpc.vpcId, Ipv6CidrBlockAssociation: ipv6AssociationOutput(block, vpc.region, 'associating') });
}

function associateIpv4(tx: Tx, vpc: VpcRecord, text: string): Outcome<VpcCidrBlockOutput> {
  const cidr = parseIpv4Block(text, 'cidrBlock'); // spec §6.1: /16–/28
  if (!cidr.ok) return cidr;
  const limit = tx.w.config.quotas.ipv4BlocksPerVpc;
  // spec §6.1: the quota counts the blocks that hold addresses, the primary included [doc]; a
  // disassociated one no longer [?].
  if (blocksHeld(vpc.ipv4Blocks) >= limit) return refuse(cidrLimit(vpc.vpcId, limit));
  // spec §6.1 [doc]: a secondary block must not overlap any block already on the VPC (a
  // disassociated one is no longer on it: block-states.ts `holdsAddresses`).
  if (overlapsBlocks(cidr.value, blocksOf(vpc))) return refuse(cidrConflict(cidr.value, vpc.vpcId));

  const peerings = peeringsOfVpc(tx.w, vpc.vpcId);
  for (const record of peerings) {
    const coupling = couplingError(tx, record, vpc.vpcId, cidr.value);
    if (coupling !== null) return refuse(coupling);
  }

  const [associationId, ids] = nextId(tx.w.ids, 'vpc-cidr-assoc-');
  tx.w.ids = ids;
  const block = Object.freeze({ associationId, cidrBlock: cidr.value, ...associationStarts(tx, vpc.vpcId) });
  writeVpc(tx, vpc, Object.freeze({ ...vpc, ipv4Blocks: Object.freeze([...vpc.ipv4Blocks, block]) }));
  tx.events.push({ type: 'VpcChanged', vpcId: vpc.vpcId, change: 'cidr-block-associated', at: tx.w.clock });

  // spec §6.2 [doc], §1.2: the accepter adding a block that overlaps the requester VPC fails the
  // pending request (the table says from which states).
  for (const record of peerings) {
    if (record.accepterVpcId !== vpc.vpcId || !systemDecision(record, 'accepter-cidr-overlap').ok) continue;
    const requester = sideBlocks(tx.w, record, 'requester');
    if (requester === undefined || !overlapsBlocks(cidr.value, requester)) continue;
    systemMove(tx, record, 'accepter-cidr-overlap');
  }
  // spec §6.1: the response shows the association just begun, `associating`; Describe shows its
  // stored state (`associated` at once under `instant`, after 5 s under `realistic` [?]).
  return done({ VpcId: vpc.vpcId, CidrBlockAssociation: ipv4AssociationOutput(block, 'associating') });
}

/** spec §6.2: the rules a new IPv4 block must keep with one of the VPC's connections. */
function couplingError(tx: Tx, record: PeeringRecord, vpcId: string, cidr: string) {
  const pending = isOutstanding(record.status);
  // spec §6.2 [doc]: the requester of a pending request cannot add any block at all (code [?]).
  if (pending && record.requesterVpcId === vpcId) return requesterPending(vpcId, record.id);
  // spec §6.2 [doc]: with an active connection, a new block must not overlap the peer VPC (code [?]).
  if (countsAsActive(record.status)) {
    const peerSide = record.requesterVpcId === vpcId ? 'accepter' : 'requester';
    const peer = sideBlocks(tx.w, record, peerSide);
    if (peer !== undefined && overlapsBlocks(cidr, peer)) return peerCidrConflict(cidr, record.id);
  }
  return null;
}
