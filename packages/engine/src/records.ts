// Writing records: every change to a VPC or a connection goes through here, so the secondary
// indexes, the counters and the pair table always agree with the records (all are derived from a
// record alone). A change touches only what its fields can move: a state change its status and
// counter entries, a tag change its tag entries; a connection's VPCs never change.
import { countsAsActive, isOutstanding } from '@pcxsim/lifecycle';
import * as ix from './indexes.js';
import { pdelete, pget, pset } from './pmap.js';
import type { Tx } from './tx.js';
import { ACCEPTER, BOTH, REQUESTER, listedFor } from './visibility.js';
import { recordVpcChange } from './vpc-versions.js';
import type { PeeringRecord, VpcRecord, World } from './world.js';

/** The connection with this ID, visible or not. */
export const peeringById = (world: Pick<World, 'peerings'>, id: string): PeeringRecord | undefined => pget(world.peerings, id);

/** The VPC with this ID. */
export const vpcById = (world: Pick<World, 'vpcs'>, id: string): VpcRecord | undefined => pget(world.vpcs, id);

/** The status-index keys: one per view that lists the connection in its state. */
function statusKeys(record: PeeringRecord): string[] {
  const requesterView = ix.viewKey(record.requesterOwnerId, record.requesterRegion);
  const accepterView = ix.viewKey(record.accepterOwnerId, record.accepterRegion);
  if (requesterView === accepterView) return listedFor(record, BOTH) ? [ix.byStatus(requesterView, record.status)] : [];
  const keys: string[] = [];
  if (listedFor(record, REQUESTER)) keys.push(ix.byStatus(requesterView, record.status));
  if (listedFor(record, ACCEPTER)) keys.push(ix.byStatus(accepterView, record.status));
  return keys;
}

/** The status key a view holding `roles` lists the connection under, or `null`. */
const statusKeyIn = (record: PeeringRecord, view: string, roles: typeof BOTH): string | null =>
  listedFor(record, roles) ? ix.byStatus(view, record.status) : null;

/**
 * The status index moved from `before`'s state to `after`'s: what `reindex` with the two
 * {@link statusKeys} does (the old keys left first, then the new ones entered), with each view key
 * built once and no key lists, as every state change of every connection comes here.
 */
function restatus(tx: Tx, before: PeeringRecord, after: PeeringRecord): void {
  const id = after.id;
  const requesterView = ix.viewKey(after.requesterOwnerId, after.requesterRegion);
  const accepterView = ix.viewKey(after.accepterOwnerId, after.accepterRegion);
  const one = requesterView === accepterView;
  const requesterFrom = statusKeyIn(before, requesterView, one ? BOTH : REQUESTER);
  const requesterTo = statusKeyIn(after, requesterView, one ? BOTH : REQUESTER);
  const accepterFrom = one ? null : statusKeyIn(before, accepterView, ACCEPTER);
  const accepterTo = one ? null : statusKeyIn(after, accepterView, ACCEPTER);
  let index = tx.w.statuses;
  if (requesterFrom !== null && requesterFrom !== requesterTo && requesterFrom !== accepterTo) index = ix.removeMember(tx.edit, index, requesterFrom, id);
  if (accepterFrom !== null && accepterFrom !== accepterTo && accepterFrom !== requesterTo) index = ix.removeMember(tx.edit, index, accepterFrom, id);
  if (requesterTo !== null && requesterTo !== requesterFrom && requesterTo !== accepterFrom) index = ix.addMember(tx.edit, index, requesterTo, id);
  if (accepterTo !== null && accepterTo !== accepterFrom && accepterTo !== requesterFrom) index = ix.addMember(tx.edit, index, accepterTo, id);
  tx.w.statuses = index;
}

function tagKeys(record: PeeringRecord): string[] {
  const keys: string[] = [];
  for (const view in record.tags) for (const tag of record.tags[view]!) keys.push(ix.peeringsTagged(view, tag.Key));
  return keys;
}

const vpcKeysOf = (record: PeeringRecord): string[] =>
  record.requesterVpcId === record.accepterVpcId ? [ix.byVpc(record.requesterVpcId)] : [ix.byVpc(record.requesterVpcId), ix.byVpc(record.accepterVpcId)];

function counters(tx: Tx, record: PeeringRecord, delta: 1 | -1): void {
  if (isOutstanding(record.status)) tx.w.counts = ix.bump(tx.edit, tx.w.counts, ix.outstandingOf(record.requesterOwnerId), delta);
  if (countsAsActive(record.status)) {
    tx.w.counts = ix.bump(tx.edit, tx.w.counts, ix.activeOf(record.requesterVpcId), delta);
    if (record.accepterVpcId !== record.requesterVpcId) tx.w.counts = ix.bump(tx.edit, tx.w.counts, ix.activeOf(record.accepterVpcId), delta);
  }
}

/**
 * The counters moved from `before`'s state to `after`'s: only those whose count changes are
 * written (provisioning → active, say, changes none).
 */
function recount(tx: Tx, before: PeeringRecord, after: PeeringRecord): void {
  const outstanding = Number(isOutstanding(after.status)) - Number(isOutstanding(before.status));
  if (outstanding !== 0) tx.w.counts = ix.bump(tx.edit, tx.w.counts, ix.outstandingOf(after.requesterOwnerId), outstanding);
  const active = Number(countsAsActive(after.status)) - Number(countsAsActive(before.status));
  if (active !== 0) {
    tx.w.counts = ix.bump(tx.edit, tx.w.counts, ix.activeOf(after.requesterVpcId), active);
    if (after.accepterVpcId !== after.requesterVpcId) tx.w.counts = ix.bump(tx.edit, tx.w.counts, ix.activeOf(after.accepterVpcId), active);
  }
}

function pair(tx: Tx, record: PeeringRecord, add: boolean): void {
  const key = ix.pairOf(record.requesterVpcId, record.accepterVpcId);
  const ids = pget(tx.w.pairs, key) ?? [];
  const next = add ? Object.freeze([...ids, record.id]) : Object.freeze(ids.filter((id) => id !== record.id));
  tx.w.pairs = next.length === 0 ? pdelete(tx.edit, tx.w.pairs, key) : pset(tx.edit, tx.w.pairs, key, next);
}

/** Replaces a connection (`before` → `after`; `undefined` for none) and its index entries. */
export function writePeering(tx: Tx, before: PeeringRecord | undefined, after: PeeringRecord | undefined): void {
  const id = (after ?? before)!.id;
  tx.w.peerings = after === undefined ? pdelete(tx.edit, tx.w.peerings, id) : pset(tx.edit, tx.w.peerings, id, after);
  if (before === undefined || after === undefined) {
    const record = (after ?? before)!;
    const statuses = statusKeys(record);
    tx.w.statuses = ix.reindex(tx.edit, tx.w.statuses, id, after === undefined ? statuses : [], after === undefined ? [] : statuses);
    const keys = [...tagKeys(record), ...vpcKeysOf(record)];
    tx.w.index = ix.reindex(tx.edit, tx.w.index, id, after === undefined ? keys : [], after === undefined ? [] : keys);
    counters(tx, record, after === undefined ? -1 : 1);
    pair(tx, record, after !== undefined);
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
