// The playground's history: a list of (caller, command) and a cursor. The world at any point is
// the deterministic replay of the log up to the cursor from a fresh world — the engine is pure, so
// the same log always gives the same world, and stepping back is just replaying less.
import { apply, createWorld, type Caller, type Command, type World, type WorldOptions } from '@pcxsim/engine';
import type { JournalEntry } from './journal.js';

/** One command of the log, as it was sent. */
export interface LogEntry {
  /** Who sent it. */
  readonly caller: Caller;
  /** The command, with its `type`. */
  readonly command: Command;
}

/** How one entry of the log went: `ok`, or the EC2 error it was refused with. */
export type ReplayResult =
  | {
      /** Applied. */
      readonly ok: true;
    }
  | {
      /** Refused. */
      readonly ok: false;
      /** The EC2 error code. */
      readonly code: string;
      /** Its message. */
      readonly message: string;
    };

/** The world after some entries of a log, the result of each, and what each did. */
export interface Replayed {
  /** The world after the entries. */
  readonly world: World;
  /** Per entry: `ok`, or the EC2 error it was refused with. */
  readonly results: readonly ReplayResult[];
  /** Per entry that changed something: its events, as the timeline reads them. */
  readonly journal: readonly JournalEntry[];
}

// Replays are memoised per log array (logs are never mutated, only replaced) so that rendering the
// same state twice, or stepping forward, does not replay from the start again. The cache holds
// nothing a fresh replay would not give: it is invisible but for speed.
const cache = new WeakMap<readonly LogEntry[], Map<string, Replayed[]>>();

/** The world after the first `count` entries of `log`, replayed from `createWorld(options)`. */
export function replay(options: WorldOptions, log: readonly LogEntry[], count: number = log.length): Replayed {
  const key = JSON.stringify(options);
  let byOptions = cache.get(log);
  if (byOptions === undefined) cache.set(log, (byOptions = new Map()));
  let steps = byOptions.get(key);
  if (steps === undefined) byOptions.set(key, (steps = [{ world: createWorld(options), results: [], journal: [] }]));
  const end = Math.max(0, Math.min(count, log.length));
  while (steps.length <= end) {
    const before = steps[steps.length - 1]!;
    const entry = log[steps.length - 1]!;
    const step = apply(before.world, entry.caller, entry.command);
    const result = step.result.ok ? ({ ok: true } as const) : ({ ok: false, code: step.result.error.code, message: step.result.error.message } as const);
    steps.push({
      world: step.world,
      results: [...before.results, result],
      journal:
        step.events.length === 0
          ? before.journal
          : [...before.journal, { seq: steps.length, at: before.world.clock, caller: entry.caller, action: entry.command.type, events: step.events }],
    });
  }
  return steps[end]!;
}
