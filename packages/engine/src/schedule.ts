// The queue of scheduled transitions (DESIGN: advanceClock runs every transition that falls due, in
// due-time order with a stable tie-break).
//
// Why lanes and not a heap: every entry is scheduled at `clock + delay`, where the clock never goes
// back and each delay comes from the world's config (a transient delay, the expiry, a retention
// window). So the entries that share a delay arrive in due order, and a FIFO per delay — a lane —
// is already sorted. The next entry is the earliest head among a handful of lanes. Each lane is a
// persistent map from its position to the entry, so scheduling and firing copy one short path,
// whatever the world's size, and the queue stays plain JSON.
import { emptyPMap, freshObject, pdelete, pget, pset, type PMap } from './pmap.js';

/** What a scheduled entry does when it falls due (spec §1.2; DESIGN). */
export type ScheduledKind =
  | 'request-check'
  | 'provisioned'
  | 'deletion-finished'
  | 'expiry'
  | 'retire';

/** One scheduled transition. */
export interface ScheduledEntry {
  /** When it falls due, epoch ms. */
  readonly due: number;
  /** Scheduling order: the tie-break between entries due at the same time. */
  readonly seq: number;
  /** What happens. */
  readonly kind: ScheduledKind;
  /** The connection it concerns. */
  readonly id: string;
  /**
   * The connection's `statusSince` when the entry was made. A connection that has moved on since
   * makes the entry stale, and it is dropped when it falls due.
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

/** The queue with an entry due at `due`, scheduled when the clock reads `now`, and the entry's position in its lane. */
export function enqueue(
  schedule: Schedule,
  now: number,
  due: number,
  kind: ScheduledKind,
  id: string,
  since: number,
): { readonly schedule: Schedule; readonly position: number } {
  const name = laneOf(now, due);
  const lane = schedule.lanes[name] ?? { head: 0, tail: 0, entries: emptyPMap<ScheduledEntry>() };
  const entry = freshObject({ due, seq: schedule.seq, kind, id, since });
  const next = freshObject({ head: lane.head, tail: lane.tail + 1, entries: pset(lane.entries, lane.tail, entry) });
  return { schedule: freshObject({ seq: schedule.seq + 1, lanes: freshObject({ ...schedule.lanes, [name]: next }) }), position: lane.tail };
}

/** The lane with its head moved past removed entries; `null` when nothing is left in it. */
function settled(lane: Lane): Lane | null {
  let head = lane.head;
  while (head < lane.tail && pget(lane.entries, head) === undefined) head++;
  if (head === lane.tail) return null;
  return head === lane.head ? lane : freshObject({ head, tail: lane.tail, entries: lane.entries });
}

function withLane(schedule: Schedule, name: string, lane: Lane | null): Schedule {
  const lanes: Record<string, Lane> = { ...schedule.lanes };
  if (lane === null) delete lanes[name];
  else lanes[name] = lane;
  return freshObject({ seq: schedule.seq, lanes: freshObject(lanes) });
}

/**
 * The queue without the entry at `position` of lane `name`, if it is still there: an entry that
 * will never apply (a request answered before it expires) should not wait 7 days in memory.
 */
export function cancel(schedule: Schedule, name: string, position: number): Schedule {
  const lane = schedule.lanes[name];
  if (lane === undefined || pget(lane.entries, position) === undefined) return schedule;
  return withLane(schedule, name, settled({ head: lane.head, tail: lane.tail, entries: pdelete(lane.entries, position) }));
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
export function dequeue(schedule: Schedule, name: string): Schedule {
  const lane = schedule.lanes[name]!;
  return withLane(schedule, name, settled({ head: lane.head + 1, tail: lane.tail, entries: pdelete(lane.entries, lane.head) }));
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
