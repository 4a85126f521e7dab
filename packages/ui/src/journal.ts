// The timeline's memory: what each applied command did (the engine's events), who sent it, and
// when. The live server keeps one (the endpoint records every change); the playground builds one
// by replaying its command log. Bounded: the page shows recent history, not all of it.
import type { Caller, EngineEvent } from '@pcxsim/engine';
import type { Picture } from './picture.js';

/** One applied command, as the timeline shows it. */
export interface JournalEntry {
  /** 1, 2, … in the order the commands were applied (never reused, even after entries are dropped). */
  readonly seq: number;
  /** The clock before the command, epoch ms. */
  readonly at: number;
  /** Who sent it. */
  readonly caller: Caller;
  /** The command's type (`CreateVpc`, `AdvanceClock` …). */
  readonly action: string;
  /** What it did, in order. */
  readonly events: readonly EngineEvent[];
}

/** How many entries a journal keeps by default: enough for a learner's session, bounded for a long-running server. */
export const JOURNAL_CAPACITY = 500;

/**
 * The last {@link JOURNAL_CAPACITY} applied commands with their events: a ring, so `record` is O(1)
 * on every change the server applies (it only keeps references to the engine's frozen events).
 */
export class Journal {
  private readonly ring: JournalEntry[] = [];
  private start = 0;
  private next = 1;

  /** A journal keeping the last `capacity` entries. */
  constructor(private readonly capacity: number = JOURNAL_CAPACITY) {}

  /**
   * Records one applied command. A clock step that did nothing but move the clock, right after
   * another such step, is merged into it: under `--clock wall` every request (each poll of the page
   * included) moves the clock, and those steps must not push the real events out.
   */
  record(at: number, caller: Caller, action: string, events: readonly EngineEvent[]): void {
    const newest = this.ring.length === 0 ? -1 : (this.start + this.ring.length - 1) % this.ring.length;
    const last = this.ring[newest];
    const tick = events.length === 1 && events[0]!.type === 'ClockAdvanced' ? events[0]! : undefined;
    const lastTick = last?.events.length === 1 && last.events[0]!.type === 'ClockAdvanced' ? last.events[0]! : undefined;
    if (tick?.type === 'ClockAdvanced' && lastTick?.type === 'ClockAdvanced') {
      this.ring[newest] = { ...last!, seq: this.next++, events: [{ type: 'ClockAdvanced', from: lastTick.from, to: tick.to }] };
      return;
    }
    const entry = { seq: this.next++, at, caller, action, events };
    if (this.ring.length < this.capacity) this.ring.push(entry);
    else {
      this.ring[this.start] = entry;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Forgets everything (a reset world); sequence numbers go on, so a poller sees the break. */
  clear(): void {
    this.ring.length = 0;
    this.start = 0;
  }

  /** The entries kept, oldest first. */
  list(): JournalEntry[] {
    return [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
  }
}

/** The resource an event is about, or undefined for the clock. */
export function subjectOf(event: EngineEvent): string | undefined {
  switch (event.type) {
    case 'VpcCreated':
    case 'VpcDeleted':
    case 'VpcChanged':
      return event.vpcId;
    case 'PeeringCreated':
    case 'PeeringStatusChanged':
    case 'PeeringOptionsChanged':
    case 'PeeringRetired':
      return event.id;
    case 'TagsChanged':
    case 'RoutingChanged':
      return event.resourceId;
    case 'RouteStateChanged':
      return event.routeTableId;
    case 'ClockAdvanced':
      return undefined;
  }
}

/** One line of the timeline. */
export interface TimelineItem {
  /** The journal entry's sequence number. */
  readonly seq: number;
  /** When it happened, epoch ms (the event's own time when it has one). */
  readonly at: number;
  /** The account that sent the command (`000000000000` for the clock). */
  readonly accountId: string;
  /** The command. */
  readonly action: string;
  /** The event's type. */
  readonly type: EngineEvent['type'];
  /** The resource, if any. */
  readonly subject?: string;
  /** The event in words. */
  readonly text: string;
}

/** An event in words: "pcx-… pending-acceptance → active". */
export function describeEvent(event: EngineEvent): string {
  switch (event.type) {
    case 'PeeringStatusChanged':
      return `${event.id} ${event.from} → ${event.to}`;
    case 'ClockAdvanced':
      return `clock ${new Date(event.from).toISOString()} → ${new Date(event.to).toISOString()}`;
    case 'VpcChanged':
      return `${event.vpcId} ${event.change}`;
    case 'RoutingChanged':
      return `${event.resourceId} ${event.change}${event.destination === undefined ? '' : ` ${event.destination}`}`;
    case 'RouteStateChanged':
      return `route ${event.destination} in ${event.routeTableId} ${event.from} → ${event.to} (${event.vpcPeeringConnectionId} ${event.peeringState})`;
    case 'TagsChanged':
      return `${event.resourceId} tags changed in ${event.view}`;
    default:
      return `${subjectOf(event) ?? ''} ${event.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`.trim();
  }
}

/**
 * The timeline for the caller of `seen`, newest last: the events of its own account's commands, and
 * any event about a resource it can see now (a connection another account accepted, a clock step
 * that moved its connection on). Clock steps that changed nothing it sees are left out. Events are
 * never about anything the caller could not describe, so the timeline leaks nothing the API would not.
 */
export function timelineFor(entries: readonly JournalEntry[], seen: Picture): TimelineItem[] {
  const visible = new Set<string>([
    ...seen.vpcs.filter((v) => !v.remote).map((v) => v.id),
    ...seen.connections.map((c) => c.id),
    ...seen.routeTables.map((t) => t.id),
    ...seen.subnets.map((s) => s.id),
  ]);
  const items: TimelineItem[] = [];
  for (const entry of entries) {
    const mine = entry.caller.accountId === seen.caller.accountId && entry.caller.region === seen.caller.region;
    for (const event of entry.events) {
      const subject = subjectOf(event);
      if (event.type === 'ClockAdvanced') {
        if (!mine && entry.action !== 'AdvanceClock') continue;
        // A clock step is shown when it was the caller's own or when something it sees moved with it.
        if (!mine && !entry.events.some((e) => e !== event && visible.has(subjectOf(e) ?? ''))) continue;
      } else if (!(mine || (subject !== undefined && visible.has(subject)))) continue;
      if (event.type === 'TagsChanged' && event.view !== `${seen.caller.accountId}|${seen.caller.region}`) continue;
      items.push({
        seq: entry.seq,
        at: 'at' in event ? event.at : event.to,
        accountId: entry.caller.accountId,
        action: entry.action,
        type: event.type,
        ...(subject === undefined ? {} : { subject }),
        text: describeEvent(event),
      });
    }
  }
  return items;
}
