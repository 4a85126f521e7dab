// Writing records: every change to a VPC or a connection goes through here, so the secondary
// indexes, the counters and each VPC's connections (vpc-links.ts) always agree with the records (all
// are derived from a record alone). A change touches only what its fields can move: a state change its status and
// counter entries, a tag change its tag entries; a connection's VPCs never change.
import { countsAsActive, isOutstanding } from '@pcxsim/lifecycle';
import * as ix from './indexes.js';
import { pdelete, pget, pset } from './pmap.js';
import type { Tx } from './tx.js';
import { ACCEPTER, BOTH, REQUESTER, listedFor, viewsOf } from './visibility.js';
import { linkPair, moveActive } from './vpc-links.js';
import { recordVpcChange } from './vpc-versions.js';
import type { PeeringRecord, VpcRecord, World } from './world.js';

/** The connection with this ID, visible or not. */
export const peeringById = (world: Pick<World, 'peerings'>, id: string): PeeringRecord | undefined => pget(world.peerings, id);

/** The VPC with this ID. */
export const vpcById = (world: Pick<World, 'vpcs'>, id: string): VpcRecord | undefined => pget(world.vpcs, id);

/**
 * The status-index keys of a connection: for each view that lists it, the view's set and, when its
 * state has one (indexes.ts `hasStatusSet`), its state's set.
 */
function statusKeys(record: PeeringRecord): string[] {
  const keys: string[] = [];
  for (const [view, roles] of viewsOf(record)) {
    if (!listedFor(record, roles)) continue;
    keys.push(ix.listedIn(view));
    if (ix.hasStatusSet(record.status)) keys.push(ix.byStatus(view, record.status));
  }
  return keys;
}

/** The state-set key a view holding `roles` lists the connection under, or `null`. */
const statusKeyIn = (record: PeeringRecord, view: string, listed: boolean): string | null =>
  listed && ix.hasStatusSet(record.status) ? ix.byStatus(view, record.status) : null;

/**
 * One view's entries moved from `before`'s state to `after`'s: the state sets, and the view's set
 * when the view starts or stops listing the connection. What `reindex` with the two
 * {@link statusKeys} does, with no key lists, as every state change of every connection comes here.
 */
function restatusIn(tx: Tx, view: string, roles: typeof BOTH, before: PeeringRecord, after: PeeringRecord): void {
  const id = after.id;
  const was = listedFor(before, roles);
  const is = listedFor(after, roles);
  const from = statusKeyIn(before, view, was);
  const to = statusKeyIn(after, view, is);
  if (from !== to) {
    if (from !== null) tx.w.statuses = ix.removeMember(tx.edit, tx.w.statuses, from, id);
    if (to !== null) tx.w.statuses = ix.addMember(tx.edit, tx.w.statuses, to, id);
  }
  if (was !== is) {
    const listed = ix.listedIn(view);
    tx.w.statuses = was ? ix.removeMember(tx.edit, tx.w.statuses, listed, id) : ix.addMember(tx.edit, tx.w.statuses, listed, id);
  }
}

/** The status index moved from `before`'s state to `after`'s, in each view of the connection. */
function restatus(tx: Tx, before: PeeringRecord, after: PeeringRecord): void {
  const requesterView = ix.viewKey(after.requesterOwnerId, after.requesterRegion);
  const accepterView = ix.viewKey(after.accepterOwnerId, after.accepterRegion);
  if (requesterView === accepterView) return restatusIn(tx, requesterView, BOTH, before, after);
  restatusIn(tx, requesterView, REQUESTER, before, after);
  restatusIn(tx, accepterView, ACCEPTER, before, after);
}

function tagKeys(record: PeeringRecord): string[] {
  const keys: string[] = [];
  for (const view in record.tags) for (const tag of record.tags[view]!) keys.push(ix.peeringsTagged(view, tag.Key));
  return keys;
}

function counters(tx: Tx, record: PeeringRecord, delta: 1 | -1): void {
  if (isOutstanding(record.status)) tx.w.counts = ix.bump(tx.edit, tx.w.counts, ix.outstandingOf(record.requesterOwnerId), delta);
  if (countsAsActive(record.status)) tx.w.links = moveActive(tx.edit, tx.w.links, record.requesterVpcId, record.accepterVpcId, delta);
}

/**
 * The counters moved from `before`'s state to `after`'s: only those whose count changes are
 * written (provisioning → active, say, changes none).
 */
function recount(tx: Tx, before: PeeringRecord, after: PeeringRecord): void {
  const outstanding = Number(isOutstanding(after.status)) - Number(isOutstanding(before.status));
  if (outstanding !== 0) tx.w.counts = ix.bump(tx.edit, tx.w.counts, ix.outstandingOf(after.requesterOwnerId), outstanding);
  const active = Number(countsAsActive(after.status)) - Number(countsAsActive(before.status));
  if (active !== 0) tx.w.links = moveActive(tx.edit, tx.w.links, after.requesterVpcId, after.accepterVpcId, active);
}

/** Replaces a connection (`before` → `after`; `undefined` for none) and its index entries. */
export function writePeering(tx: Tx, before: PeeringRecord | undefined, after: PeeringRecord | undefined): void {
  const id = (after ?? before)!.id;
  tx.w.peerings = after === undefined ? pdelete(tx.edit, tx.w.peerings, id) : pset(tx.edit, tx.w.peerings, id, after);
  if (before === undefined || after === undefined) {
    const record = (after ?? before)!;
    const statuses = statusKeys(record);
    tx.w.statuses = ix.reindex(tx.edit, tx.w.statuses, id, after === undefined ? statuses : [], after === undefined ? [] : statuses);
    const keys = tagKeys(record);
    if (keys.length > 0) tx.w.index = ix.reindex(tx.edit, tx.w.index, id, after === undefined ? keys : [], after === undefined ? [] : keys);
    counters(tx, record, after === undefined ? -1 : 1);
    tx.w.links = linkPair(tx.edit, tx.w.links, record.requesterVpcId, record.accepterVpcId, id, after !== undefined);
    return;
  }
  if (before.status !== after.status || before.deletedBy !== after.deletedBy) {
    restatus(tx, before, after);
    recount(tx, before, after);
  }
  if (before.tags !== after.tags) tx.w.index = ix.reindex(tx.edit, tx.w.index, id, tagKeys(before), tagKeys(after));
}

function vpcKeys(vpc: VpcRecord): string[] {
  const view = ix.viewKey(vpc.ownerId, vpc.region);
  return [ix.vpcsOf(view), ...vpc.tags.map((tag) => ix.vpcsTagged(view, tag.Key))];
}

/**
 * Replaces a VPC (`before` → `after`; `undefined` for none) and its index entries; with eventual
 * consistency, keeps what DescribeVpcs still shows (vpc-versions.ts).
 */
export function writeVpc(tx: Tx, before: VpcRecord | undefined, after: VpcRecord | undefined): void {
  const id = (after ?? before)!.vpcId;
  tx.w.vpcs = after === undefined ? pdelete(tx.edit, tx.w.vpcs, id) : pset(tx.edit, tx.w.vpcs, id, after);
  if (tx.w.config.consistency.describeDelayMs > 0) recordVpcChange(tx, before, after);
  if (before !== undefined && after !== undefined && before.tags === after.tags) return;
  tx.w.index = ix.reindex(tx.edit, tx.w.index, id, before === undefined ? [] : vpcKeys(before), after === undefined ? [] : vpcKeys(after));
}
