// Writing connections and moving them between states. Every change to a connection goes through
// updatePeering (so eventual consistency keeps the version Describe still shows), and every state
// change through enter (so the transition that follows is scheduled: spec §1.2, DESIGN).
import { transientDelayMs, type PeeringState } from '@pcxsim/lifecycle';
import { cancel, enqueue, laneOf, type ScheduledKind } from './schedule.js';
import { peeringById, writePeering } from './store.js';
import type { Tx } from './tx.js';
import { retiresAt } from './visibility.js';
import type { PeeringRecord } from './world.js';

/** The fields a change may set. */
export type PeeringChanges = Partial<Omit<PeeringRecord, 'id' | 'previous' | 'visibleFrom'>>;

/** The version of a connection Describe shows at `clock` (spec §10.4), or `undefined` when none yet. */
export function describedVersion(record: PeeringRecord, clock: number): PeeringRecord | undefined {
  let version: PeeringRecord | null = record;
  while (version !== null && version.visibleFrom > clock) version = version.previous;
  return version ?? undefined;
}

const pick = <K extends keyof PeeringChanges>(base: Omit<PeeringRecord, 'previous' | 'visibleFrom'>, changes: PeeringChanges, key: K) =>
  (changes[key] === undefined ? base[key] : changes[key]) as PeeringRecord[K];

/**
 * A frozen record: `base` with `changes`. Written out field by field rather than spread: records are
 * made on every change, and a literal of fixed shape is much cheaper for V8 than a 20-field spread.
 */
export function makeRecord(
  base: Omit<PeeringRecord, 'previous' | 'visibleFrom'>,
  changes: PeeringChanges,
  previous: PeeringRecord | null,
  visibleFrom: number,
): PeeringRecord {
  return Object.freeze({
    id: base.id,
    requesterVpcId: base.requesterVpcId,
    requesterOwnerId: base.requesterOwnerId,
    requesterRegion: base.requesterRegion,
    accepterVpcId: base.accepterVpcId,
    accepterOwnerId: base.accepterOwnerId,
    accepterRegion: base.accepterRegion,
    status: pick(base, changes, 'status'),
    statusSince: pick(base, changes, 'statusSince'),
    createdAt: pick(base, changes, 'createdAt'),
    expiresAt: pick(base, changes, 'expiresAt'),
    accepted: pick(base, changes, 'accepted'),
    deletedBy: pick(base, changes, 'deletedBy'),
    expiryEntry: pick(base, changes, 'expiryEntry'),
    requesterOptions: pick(base, changes, 'requesterOptions'),
    accepterOptions: pick(base, changes, 'accepterOptions'),
    tags: pick(base, changes, 'tags'),
    deletedVpcs: pick(base, changes, 'deletedVpcs'),
    previous,
    visibleFrom,
  });
}

function versioned(
  tx: Tx,
  before: PeeringRecord | undefined,
  base: Omit<PeeringRecord, 'previous' | 'visibleFrom'>,
  changes: PeeringChanges,
): PeeringRecord {
  const delay = tx.w.config.consistency.describeDelayMs;
  const clock = tx.w.clock;
  if (delay === 0) return makeRecord(base, changes, null, clock);
  // A version already visible now hides everything older: keep only what Describe may still show.
  const shown = before === undefined ? null : before.visibleFrom <= clock ? makeRecord(before, {}, null, before.visibleFrom) : before;
  return makeRecord(base, changes, shown, clock + delay);
}

/**
 * Adds a new connection. One created in a later state than `initiating-request` (a request checked
 * within Create, spec §2.4) is written once, in its final state, and reports the step it went through.
 */
export function createPeering(tx: Tx, record: Omit<PeeringRecord, 'previous' | 'visibleFrom'>): PeeringRecord {
  const created = versioned(tx, undefined, record, {});
  writePeering(tx, undefined, created);
  tx.events.push({ type: 'PeeringCreated', id: created.id, at: tx.w.clock });
  if (created.status !== 'initiating-request') {
    tx.events.push({ type: 'PeeringStatusChanged', id: created.id, from: 'initiating-request', to: created.status, at: tx.w.clock });
  }
  followUp(tx, created);
  return created;
}

/** Changes fields of a connection (not its state: see {@link enter}). */
export function updatePeering(tx: Tx, before: PeeringRecord, changes: PeeringChanges): PeeringRecord {
  const after = versioned(tx, before, before, changes);
  writePeering(tx, before, after);
  return after;
}

/** Moves a connection to `to` now, and schedules what follows. */
export function enter(tx: Tx, before: PeeringRecord, to: PeeringState, changes: PeeringChanges = {}): PeeringRecord {
  if (before.expiryEntry !== null) {
    tx.w.schedule = cancel(tx.w.schedule, laneOf(before.statusSince, before.expiresAt), before.expiryEntry);
  }
  const after = updatePeering(tx, before, { ...changes, status: to, statusSince: tx.w.clock, expiryEntry: null });
  tx.events.push({ type: 'PeeringStatusChanged', id: after.id, from: before.status, to, at: tx.w.clock });
  followUp(tx, after);
  return after;
}

function schedule(tx: Tx, due: number, kind: ScheduledKind, record: PeeringRecord): number {
  const queued = enqueue(tx.w.schedule, tx.w.clock, due, kind, record.id, record.statusSince);
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
    // spec §1.1: 7 days after creation without an answer. The record keeps the entry's position.
    case 'pending-acceptance': {
      const position = schedule(tx, record.expiresAt, 'expiry', record);
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
      // spec §1.1: gone for everyone once the last retention window ends.
      const at = retiresAt(tx.w.config, record);
      if (at !== null) schedule(tx, at, 'retire', record);
      return;
    }
  }
}
