// The ready-made scenarios of examples/scenarios (the format `pcxsim run` reads, packages/cli/src/
// scenario.ts) turned into a playground command log: each command step with its `$name`s filled in
// from the outputs of the steps before, each clock step an AdvanceClock. Expectations are checks for
// `pcxsim run`; the playground shows the world instead, so they are left out.
import { apply, createWorld, type Caller, type Command, type WorldOptions } from '@pcxsim/engine';
import type { LogEntry } from './command-log.js';

/** A scenario file after parsing (the subset of packages/cli's `Scenario` the playground reads). */
export interface ScenarioFile {
  /** What it shows. */
  readonly name?: string;
  /** The world to start from. */
  readonly world?: WorldOptions;
  /** Named callers. */
  readonly callers?: Readonly<Record<string, Caller>>;
  /** The steps: `{as, do, with, save}`, `{advance}` or `{expect}`. */
  readonly steps: readonly Readonly<Record<string, unknown>>[];
}

/** A scenario ready for the playground. */
export interface ScenarioLog {
  /** Its name. */
  readonly name: string;
  /** The world it starts from. */
  readonly worldOptions: WorldOptions;
  /** Its named callers. */
  readonly callers: Readonly<Record<string, Caller>>;
  /** Its commands, in order. */
  readonly log: readonly LogEntry[];
}

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s` → 90000, as `pcxsim run` reads durations; a number is milliseconds already. */
function durationMs(value: unknown): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(String(value).trim());
  if (match === null) throw new Error(`not a duration: ${String(value)}`);
  return Number(match[1]) * UNITS[match[2]!]!;
}

const valueAt = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((at, key) => (at === null || typeof at !== 'object' ? undefined : (at as Record<string, unknown>)[key]), value);

/** Expands a scenario into a command log. Throws on a step that names an unknown caller or saved value. */
export function scenarioLog(scenario: ScenarioFile): ScenarioLog {
  const callers = scenario.callers ?? {};
  const worldOptions = scenario.world ?? {};
  const vars = new Map<string, unknown>();
  const substitute = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith('$')) {
      if (!vars.has(value.slice(1))) throw new Error(`no saved value ${value}`);
      return vars.get(value.slice(1));
    }
    if (Array.isArray(value)) return value.map(substitute);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
    return value;
  };
  const callerOf = (name: unknown): Caller => {
    const caller = callers[String(name)];
    if (caller === undefined) throw new Error(`unknown caller '${String(name)}'`);
    return caller;
  };
  let world = createWorld(worldOptions);
  let last: Caller = Object.values(callers)[0] ?? { accountId: '111111111111', region: 'us-east-1' };
  const log: LogEntry[] = [];
  for (const step of scenario.steps) {
    let entry: LogEntry;
    if ('advance' in step) entry = { caller: last, command: { type: 'AdvanceClock', Milliseconds: durationMs(step['advance']) } };
    else if ('do' in step) {
      last = callerOf(step['as']);
      entry = { caller: last, command: { ...(substitute(step['with'] ?? {}) as object), type: String(step['do']) } as Command };
    } else continue;
    const applied = apply(world, entry.caller, entry.command);
    world = applied.world;
    if (applied.result.ok) {
      for (const [name, path] of Object.entries((step['save'] ?? {}) as Record<string, string>)) vars.set(name, valueAt(applied.result.value, path));
    }
    log.push(entry);
  }
  return { name: scenario.name ?? 'scenario', worldOptions, callers, log };
}
