// Opt-in eventual consistency (spec §10.4; WorldConfig.consistency): with a delay of D ms, a Describe
// at time t shows the world as it was at the end of moment t − D. Only Describe lags: every other
// action acts on the true, current state, as EC2's control plane does.
//
// How the versions are kept. A connection carries the versions Describe may still show in its own
// record (`previous`, peering-record.ts); a VPC, which leaves `world.vpcs` at once when deleted, keeps
// them beside it, in `world.vpcVersions` (vpc-versions.ts). A change made at clock c is shown from
// c + D, and a `catch-up` entry scheduled for c + D drops, when it falls due, every version the change
// hides; once a resource's newest version is shown it keeps no other. So memory holds the changes of
// the last D ms and nothing older. The index keys `laggingPeerings`/`laggingVpcs` list, per view, the
// resources whose shown version is not their current one: the other indexes describe current
// versions, so a listing or filtered Describe adds exactly these to what they answer. With D = 0 none
// of this runs.
import { laggingPeerings, members, reindex } from './indexes.js';
import { describedVersion, withoutHiddenVersions } from './peering-record.js';
import { pkeys } from './pmap.js';
import { enqueue } from './schedule.js';
import { peeringById, writePeering } from './records.js';
import type { Tx } from './tx.js';
import { viewsOf } from './visibility.js';
import type { PeeringRecord, World } from './world.js';

/** The delay of Describe, ms (0: read-your-writes). */
export const describeDelay = (world: Pick<World, 'config'>): number => world.config.consistency.describeDelayMs;

/**
 * The moment whose state Describe shows now: the clock minus the delay. Visibility windows (spec
 * §1.1) are judged at this moment too, so a terminal connection stays listed D ms past its window,
 * and never disappears before the change that made it terminal has been shown.
 */
export const shownMoment = (world: Pick<World, 'clock' | 'config'>): number => world.clock - describeDelay(world);

function scheduleCatchUp(tx: Tx, id: string, due: number): void {
  tx.w.schedule = enqueue(tx.edit, tx.w.schedule, tx.w.clock, due, 'catch-up', id, tx.w.clock).schedule;
}

const peeringLagKeys = (record: PeeringRecord): string[] => viewsOf(record).map(([view]) => laggingPeerings(view));

/**
 * A connection got a version Describe does not show yet (`after.visibleFrom` is in the future): it
 * lags in both its views until then, and Describe catches up when that time comes.
 */
export function notePeeringLag(tx: Tx, before: PeeringRecord | undefined, after: PeeringRecord): void {
  const lagged = before !== undefined && before.visibleFrom > tx.w.clock;
  if (!lagged) tx.w.index = reindex(tx.edit, tx.w.index, after.id, [], peeringLagKeys(after));
  if (!lagged || before.visibleFrom !== after.visibleFrom) scheduleCatchUp(tx, after.id, after.visibleFrom);
}

/**
 * A connection removed from the world (retired) lags no more, whatever its `visibleFrom` says: a
 * change made after its last window (DeleteVpc noting the VPC's blocks) is never shown, and its
 * catch-up may fall due in the very ms of the removal, after it.
 */
export function forgetPeeringLag(tx: Tx, record: PeeringRecord): void {
  if (describeDelay(tx.w) > 0) tx.w.index = reindex(tx.edit, tx.w.index, record.id, peeringLagKeys(record), []);
}

/** The connection as Describe shows it now, whoever asks (see `seenBy` for who sees it), or `undefined`. */
export function shownPeering(world: World, id: string): PeeringRecord | undefined {
  const current = peeringById(world, id);
  if (current === undefined) return undefined;
  // Without a delay every change is shown at once: the current version (what withoutDescribeLag's
  // view of a lagging world relies on; in a world made with no delay it is what the walk finds).
  return describeDelay(world) === 0 ? current : describedVersion(current, world.clock);
}

/** The connections of a view that Describe shows in an older version than their current one. */
export const laggingPeeringIds = (world: World, view: string): string[] =>
  pkeys(members(world.index, laggingPeerings(view))) as string[];

/** A `catch-up` entry of a connection fell due: the versions Describe no longer shows are dropped. */
export function catchUpPeering(tx: Tx, id: string): void {
  const clock = tx.w.clock;
  const record = peeringById(tx.w, id);
  if (record === undefined) return;
  const pruned = withoutHiddenVersions(record, clock);
  if (pruned !== record) writePeering(tx, record, pruned);
  if (record.visibleFrom <= clock) tx.w.index = reindex(tx.edit, tx.w.index, id, peeringLagKeys(record), []);
}
