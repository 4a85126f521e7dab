// The queue of scheduled transitions (DESIGN: advanceClock runs every transition that falls due, in
// due-time order with a stable tie-break).
//
// Why lanes and not a heap: every entry is scheduled at `clock + delay`, where the clock never goes
// back and each delay comes from the world's config (a transient delay, the expiry, a retention
// window). So the entries that share a delay arrive in due order, and a FIFO per delay — a lane —
// is already sorted. The next entry is the earliest head among a handful of lanes. Each lane is a
// persistent map from its position to the entry, so scheduling and firing copy one short path,
// whatever the world's size, and the queue stays plain JSON.
import type { EditScope } from './edit-scope.js';
import { emptyPMap, pdelete, pget, pset, type PMap } from './pmap.js';

/**
 * What a scheduled entry does when it falls due (spec §1.2; DESIGN). The first five move a
 * connection; `block-state` moves on the CIDR block associations of a VPC (spec §6.1, block-states.ts);
 * `catch-up` lets Describe catch up with a change and drops the versions it no longer shows (spec
 * §10.4, eventual-consistency.ts).
 */
export type ScheduledKind =
  | 'request-check'
  | 'provisioned'
  | 'deletion-finished'
  | 'expiry'
  | 'retire'
  | 'block-state'
  | 'catch-up';

/** One scheduled transition. */
export interface ScheduledEntry {
  /** When it falls due, epoch ms. */
  readonly due: number;
  /** Scheduling order: the tie-break between entries due at the same time. */
  readonly seq: number;
  /** What happens. */
  readonly kind: ScheduledKind;
  /** The connection it concerns; for `block-state` the VPC, for `catch-up` the connection or VPC. */
  readonly id: string;
  /**
   * The connection's `statusSince` when the entry was made. A connection that has moved on since
   * makes the entry stale, and it is dropped when it falls due. (`block-state` and `catch-up`
   * entries hold the clock when they were made, and check their resource themselves.)
   */
  readonly since: number;
}

/** The entries that share one delay, in due order. */
export interface Lane {
  /** Position of the first entry still queued. */
  readonly head: number;
  /** Position the next entry will take. */
  readonly tail: number;
  /** The queued entries by position. */
  readonly entries: PMap<ScheduledEntry>;
}

/** The queue: lanes keyed `d<delay ms>`, and the next sequence number. */
export interface Schedule {
  /** The next sequence number. */
  readonly seq: number;
  /** The lanes. */
  readonly lanes: Readonly<Record<string, Lane>>;
}

/** The empty queue. */
export const EMPTY_SCHEDULE: Schedule = Object.freeze({ seq: 0, lanes: Object.freeze({}) });

/** The lane an entry due at `due` goes to when scheduled at `now`. */
export const laneOf = (now: number, due: number): string => `d${due - now}`;

/** The position {@link enqueue} will give the next entry due at `due`, scheduled when the clock reads `now`. */
export const nextPosition = (schedule: Schedule, now: number, due: number): number => schedule.lanes[laneOf(now, due)]?.tail ?? 0;

/** The queue with an entry due at `due`, scheduled when the clock reads `now`, and the entry's position in its lane. */
export function enqueue(
  scope: EditScope,
  schedule: Schedule,
  now: number,
  due: number,
  kind: ScheduledKind,
  id: string,
  since: number,
): { readonly schedule: Schedule; readonly position: number } {
  const name = laneOf(now, due);
  const out = editable(scope, schedule);
  const lane = out.lanes[name];
  const entry = scope.own({ due, seq: out.seq, kind, id, since });
  out.seq++;
  if (lane === undefined) {
    out.lanes[name] = scope.own({ head: 0, tail: 1, entries: pset(scope, emptyPMap<ScheduledEntry>(), 0, entry) });
    return { schedule: out, position: 0 };
  }
  const position = lane.tail;
  const next = editableLane(scope, lane);
  next.entries = pset(scope, lane.entries, position, entry);
  next.tail = position + 1;
  out.lanes[name] = next;
  return { schedule: out, position };
}

type MutableSchedule = { seq: number; lanes: Record<string, Lane> };
type MutableLane = { -readonly [K in keyof Lane]: Lane[K] };

// A scheduled transition changes the queue, and a clock step may fire and queue hundreds: like the
// trie nodes (pmap.ts), the queue, its lane table and its lanes made in the running command's edit
// scope are edited in place, and any others (earlier worlds') are copied. A queue the scope made
// always has a lane table it made. Copies keep the lanes' order, so the world's JSON text is the same.

function editable(scope: EditScope, schedule: Schedule): MutableSchedule {
  if (scope.owns(schedule)) return schedule as MutableSchedule;
  const lanes: Record<string, Lane> = {};
  for (const name in schedule.lanes) lanes[name] = schedule.lanes[name]!;
  return scope.own({ seq: schedule.seq, lanes: scope.own(lanes) });
}

function editableLane(scope: EditScope, lane: Lane): MutableLane {
  return scope.owns(lane) ? (lane as MutableLane) : scope.own({ head: lane.head, tail: lane.tail, entries: lane.entries });
}

/** The lane with its head moved past removed entries; `null` when nothing is left in it. */
function settle(lane: MutableLane): MutableLane | null {
  let head = lane.head;
  while (head < lane.tail && pget(lane.entries, head) === undefined) head++;
  if (head === lane.tail) return null;
  lane.head = head;
  return lane;
}

function withLane(scope: EditScope, schedule: Schedule, name: string, lane: Lane | null): Schedule {
  const out = editable(scope, schedule);
  if (lane === null) delete out.lanes[name];
  else out.lanes[name] = lane;
  return out;
}

/**
 * The queue without the entry at `position` of lane `name`, if it is still there: an entry that
 * will never apply (a request answered before it expires) should not wait 7 days in memory.
 */
export function cancel(scope: EditScope, schedule: Schedule, name: string, position: number): Schedule {
  const lane = schedule.lanes[name];
  if (lane === undefined || pget(lane.entries, position) === undefined) return schedule;
  const next = editableLane(scope, lane);
  next.entries = pdelete(scope, lane.entries, position);
  return withLane(scope, schedule, name, settle(next));
}

/** The earliest queued entry (by due time, then sequence) and its lane, or `null` when nothing is queued. */
export function peek(schedule: Schedule): { readonly entry: ScheduledEntry; readonly lane: string } | null {
  let best: ScheduledEntry | null = null;
  let bestLane = '';
  for (const name in schedule.lanes) {
    const lane = schedule.lanes[name]!;
    const entry = pget(lane.entries, lane.head);
    if (entry === undefined) continue;
    if (best === null || entry.due < best.due || (entry.due === best.due && entry.seq < best.seq)) {
      best = entry;
      bestLane = name;
    }
  }
  return best === null ? null : { entry: best, lane: bestLane };
}

/** The queue without the head of `lane`; an emptied lane is dropped. */
export function dequeue(scope: EditScope, schedule: Schedule, name: string): Schedule {
  const lane = schedule.lanes[name]!;
  const next = editableLane(scope, lane);
  next.entries = pdelete(scope, lane.entries, lane.head);
  next.head = lane.head + 1;
  return withLane(scope, schedule, name, settle(next));
}

/** Every queued entry, in the order they will fire. */
export function queued(schedule: Schedule): ScheduledEntry[] {
  const out: ScheduledEntry[] = [];
  for (const lane of Object.values(schedule.lanes)) {
    for (let at = lane.head; at < lane.tail; at++) {
      const entry = pget(lane.entries, at);
      if (entry !== undefined) out.push(entry);
    }
  }
  return out.sort((a, b) => a.due - b.due || a.seq - b.seq);
}
