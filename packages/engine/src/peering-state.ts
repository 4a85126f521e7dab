// Writing connections and moving them between states. Every change to a connection goes through
// updatePeering (so eventual consistency keeps the version Describe still shows), and every state
// change through enter (so the transition that follows is scheduled: spec §1.2, DESIGN).
import { transientDelayMs, type PeeringState } from '@pcxsim/lifecycle';
import { describeDelay, notePeeringLag } from './eventual-consistency.js';
import { makeRecord, withoutHiddenVersions, type PeeringChanges } from './peering-record.js';
import { cancel, enqueue, laneOf, nextPosition, type ScheduledKind } from './schedule.js';
import { peeringById, writePeering } from './records.js';
import type { Tx } from './tx.js';
import { retiresAt } from './visibility.js';
import type { PeeringRecord } from './world.js';

function versioned(
  tx: Tx,
  before: PeeringRecord | undefined,
  base: Omit<PeeringRecord, 'previous' | 'visibleFrom'>,
  changes: PeeringChanges,
): PeeringRecord {
  const delay = describeDelay(tx.w);
  const clock = tx.w.clock;
  if (delay === 0) return makeRecord(base, changes, null, clock);
  // spec §10.4: shown D ms from now. A version made earlier in this same ms is replaced, not stacked;
  // a version already shown hides everything older, which is dropped (eventual-consistency.ts).
  const visibleFrom = clock + delay;
  const previous = before === undefined ? null : before.visibleFrom === visibleFrom ? before.previous : withoutHiddenVersions(before, clock);
  return makeRecord(base, changes, previous, visibleFrom);
}

/**
 * Adds a new connection; `createdIn` is the state Create led to. One already in a later state (a
 * request checked within Create, spec §2.4) is written once, in its final state, and reports the step
 * it went through.
 */
export function createPeering(tx: Tx, record: Omit<PeeringRecord, 'previous' | 'visibleFrom'>, createdIn: PeeringState): PeeringRecord {
  const created = versioned(tx, undefined, record, { expiryEntry: expiryPosition(tx, record.status, record.expiresAt) });
  writePeering(tx, undefined, created);
  if (created.visibleFrom > tx.w.clock) notePeeringLag(tx, undefined, created);
  tx.events.push({ type: 'PeeringCreated', id: created.id, at: tx.w.clock });
  if (created.status !== createdIn) {
    tx.events.push({ type: 'PeeringStatusChanged', id: created.id, from: createdIn, to: created.status, at: tx.w.clock });
  }
  followUp(tx, created);
  return created;
}

/** Changes fields of a connection (not its state: see {@link enter}). */
export function updatePeering(tx: Tx, before: PeeringRecord, changes: PeeringChanges): PeeringRecord {
  const after = versioned(tx, before, before, changes);
  writePeering(tx, before, after);
  if (after.visibleFrom > tx.w.clock) notePeeringLag(tx, before, after);
  return after;
}

/** What a state change may set besides the state. */
export type EntryChanges = Pick<PeeringChanges, 'accepted' | 'deletedBy' | 'deletedVpcs'>;

const NO_CHANGES: EntryChanges = Object.freeze({});

/**
 * Where the expiry of a connection entering `status` now will be queued (followUp queues it), so
 * that the record is written once, already holding it; `null` for any other state.
 */
function expiryPosition(tx: Tx, status: PeeringState, expiresAt: number): number | null {
  switch (status) {
    // spec §1.1: the state that expires, as followUp schedules it.
    case 'pending-acceptance':
      return nextPosition(tx.w.schedule, tx.w.clock, expiresAt);
    default:
      return null;
  }
}

/** Moves a connection to `to` now, and schedules what follows. */
export function enter(tx: Tx, before: PeeringRecord, to: PeeringState, changes: EntryChanges = NO_CHANGES): PeeringRecord {
  if (before.expiryEntry !== null) {
    tx.w.schedule = cancel(tx.edit, tx.w.schedule, laneOf(before.statusSince, before.expiresAt), before.expiryEntry);
  }
  // One literal shape for every state change, rather than a spread of `changes` (see makeRecord).
  const after = updatePeering(tx, before, {
    status: to,
    statusSince: tx.w.clock,
    expiryEntry: expiryPosition(tx, to, before.expiresAt),
    accepted: changes.accepted,
    deletedBy: changes.deletedBy,
    deletedVpcs: changes.deletedVpcs,
  });
  tx.events.push({ type: 'PeeringStatusChanged', id: after.id, from: before.status, to, at: tx.w.clock });
  followUp(tx, after);
  return after;
}

function schedule(tx: Tx, due: number, kind: ScheduledKind, record: PeeringRecord): number {
  const queued = enqueue(tx.edit, tx.w.schedule, tx.w.clock, due, kind, record.id, record.statusSince);
  tx.w.schedule = queued.schedule;
  return queued.position;
}

/** What the system does next with a connection in its new state (spec §1.1, §1.2). */
function followUp(tx: Tx, record: PeeringRecord): void {
  const delay = transientDelayMs(tx.w.config.timing, record.status);
  switch (record.status) {
    case 'initiating-request':
      schedule(tx, tx.w.clock + delay!, 'request-check', record);
      return;
    case 'provisioning':
      schedule(tx, tx.w.clock + delay!, 'provisioned', record);
      return;
    case 'deleting':
      schedule(tx, tx.w.clock + delay!, 'deletion-finished', record);
      return;
    // spec §1.1: 7 days after creation without an answer. The record keeps the entry's position,
    // written with it already (expiryPosition); only an entry queued in the same lane since (a
    // catch-up whose delay equals the expiry) moves it, and then the record is written again.
    case 'pending-acceptance': {
      const position = schedule(tx, record.expiresAt, 'expiry', record);
      if (position === record.expiryEntry) return;
      const current = peeringById(tx.w, record.id)!;
      writePeering(tx, current, makeRecord(current, { expiryEntry: position }, current.previous, current.visibleFrom));
      return;
    }
    case 'active':
      return;
    case 'deleted':
    case 'rejected':
    case 'expired':
    case 'failed': {
      // spec §1.1: gone for everyone once the last retention window ends — and, with eventual
      // consistency, once Describe has caught up with that end too (spec §10.4).
      const at = retiresAt(tx.w.config, record);
      if (at !== null) schedule(tx, at + describeDelay(tx.w), 'retire', record);
      return;
    }
  }
}
