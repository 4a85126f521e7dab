// The live view's JSON feed: what `GET /_pcxsim/ui/state?account=…&region=…` answers. One function
// of (world, journal, caller), so the server route stays a thin adapter.
import type { Caller, World } from '@pcxsim/engine';
import { timelineFor, type JournalEntry, type TimelineItem } from './journal.js';
import { picture, type Picture } from './picture.js';

/** What the live page polls for. */
export interface LiveState {
  /** The world as the caller sees it. */
  readonly picture: Picture;
  /** The caller's timeline, newest last. */
  readonly timeline: readonly TimelineItem[];
  /** The callers that have sent a command (from the journal), for the picker. */
  readonly callers: readonly Caller[];
  /** The journal's latest sequence number: the page redraws only when it or the clock moved. */
  readonly seq: number;
}

/** The live state for `caller` over `world` and what `journal` remembers. */
export function liveState(world: World, journal: readonly JournalEntry[], caller: Caller): LiveState {
  const seen = picture(world, caller);
  const callers = new Map<string, Caller>();
  for (const entry of journal) {
    if (entry.action === 'AdvanceClock' || entry.caller.accountId === '000000000000') continue;
    callers.set(`${entry.caller.accountId}|${entry.caller.region}`, { accountId: entry.caller.accountId, region: entry.caller.region });
  }
  return { picture: seen, timeline: timelineFor(journal, seen), callers: [...callers.values()], seq: journal[journal.length - 1]?.seq ?? 0 };
}
