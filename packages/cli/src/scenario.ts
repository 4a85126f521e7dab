// `pcxsim run`: a scenario is a list of steps — a command sent by a caller, a step of the clock, or
// an expectation — replayed in process against a fresh engine world. Values a step returns can be
// saved under a name and used later as `$name`, so a scenario never hard-codes generated IDs.
import { apply, createWorld, type Caller, type Command, type World, type WorldOptions } from '@pcxsim/engine';
import { parse as parseYaml } from 'yaml';

/** A scenario file, after parsing. */
export interface Scenario {
  /** What it shows. */
  readonly name?: string;
  /** The world to start from (seed, timing …). */
  readonly world?: WorldOptions;
  /** Named callers, used by `as`. */
  readonly callers?: Readonly<Record<string, Caller>>;
  /** The steps, in order. */
  readonly steps: readonly ScenarioStep[];
}

/** A command step: `as` sends `do` with the members `with`, then saves values of its output. */
export interface CommandStep {
  /** The caller: a name from `callers`. */
  readonly as: string;
  /** The EC2 action. */
  readonly do: string;
  /** Its members (SDK-shaped); strings may use `$name`. */
  readonly with?: Readonly<Record<string, unknown>>;
  /** Output values to keep: name → dotted path into the output (`VpcPeeringConnection.VpcPeeringConnectionId`). */
  readonly save?: Readonly<Record<string, string>>;
}

/** A clock step: advance the simulated clock. */
export interface ClockStep {
  /** Milliseconds, or a duration such as `90s`, `2h`, `7d`. */
  readonly advance: number | string;
}

/** An expectation about the last step or a connection. */
export interface ExpectStep {
  /** What must hold. */
  readonly expect: {
    /** The error code of the last command step (`none` for success). */
    readonly error?: string;
    /** A connection (`$name`) whose state, as `as` sees it, must be `state` (`absent` when it is not visible). */
    readonly connection?: string;
    /** The expected state code. */
    readonly state?: string;
    /** Who looks (a caller name); default the caller of the last command step. */
    readonly as?: string;
  };
}

/** One step of a scenario. */
export type ScenarioStep = CommandStep | ClockStep | ExpectStep;

/** What one step did, as the timeline shows it. */
export interface TimelineEntry {
  /** Simulated time since the start, ms. */
  readonly elapsedMs: number;
  /** `command`, `clock` or `expect`. */
  readonly kind: 'command' | 'clock' | 'expect';
  /** Who acted (caller name), for command steps. */
  readonly actor?: string;
  /** The action, the clock step, or the expectation, in words. */
  readonly what: string;
  /** The outcome: an ID, a state and message, or an error code and message. */
  readonly outcome: string;
  /** False for a failed expectation (and for a malformed step). */
  readonly ok: boolean;
}

/** The result of a run: the timeline and whether every expectation held. */
export interface RunResult {
  /** The scenario's name. */
  readonly name: string;
  /** One entry per step. */
  readonly timeline: readonly TimelineEntry[];
  /** True when every expectation held. */
  readonly passed: boolean;
}

/** Reads a scenario from JSON or YAML text. */
export function parseScenario(text: string, fileName: string): Scenario {
  const data = (fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as Scenario;
  if (data === null || typeof data !== 'object' || !Array.isArray(data.steps)) throw new Error(`${fileName}: a scenario needs a list of steps`);
  return data;
}

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s` → 90000; a number is milliseconds already. */
export function durationMs(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(value.trim());
  if (match === null) throw new Error(`not a duration: ${value}`);
  return Number(match[1]) * UNITS[match[2]!]!;
}

/** Runs a scenario against a fresh world; never throws for a bad step (it becomes a failed entry). */
export function runScenario(scenario: Scenario): RunResult {
  let world: World = createWorld(scenario.world ?? {});
  const start = world.clock;
  const vars = new Map<string, unknown>();
  const timeline: TimelineEntry[] = [];
  let lastError = 'none';
  let lastActor: string | undefined;

  const callerOf = (name: string): Caller => {
    const caller = scenario.callers?.[name];
    if (caller === undefined) throw new Error(`unknown caller '${name}'`);
    return caller;
  };
  const substitute = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith('$')) {
      if (!vars.has(value.slice(1))) throw new Error(`no saved value ${value}`);
      return vars.get(value.slice(1));
    }
    if (Array.isArray(value)) return value.map(substitute);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
    return value;
  };
  const entry = (kind: TimelineEntry['kind'], what: string, outcome: string, ok: boolean, actor?: string): void => {
    timeline.push({ elapsedMs: world.clock - start, kind, what, outcome, ok, ...(actor === undefined ? {} : { actor }) });
  };

  for (const step of scenario.steps) {
    try {
      if ('advance' in step) {
        const ms = durationMs(step.advance);
        world = apply(world, callerOf(lastActor ?? Object.keys(scenario.callers ?? {})[0] ?? ''), { type: 'AdvanceClock', Milliseconds: ms }).world;
        entry('clock', `advance ${formatDuration(ms)}`, new Date(world.clock).toISOString(), true);
      } else if ('expect' in step) {
        const { error, connection, state, as } = step.expect;
        if (error !== undefined) entry('expect', `error ${error}`, `got ${lastError}`, lastError === error);
        if (connection !== undefined) {
          const looker = as ?? lastActor;
          if (looker === undefined) throw new Error('expect.connection needs `as` before any command');
          const seen = stateAs(world, callerOf(looker), String(substitute(connection)));
          entry('expect', `${String(substitute(connection))} is ${state ?? 'visible'} for ${looker}`, `got ${seen}`, state === undefined ? seen !== 'absent' : seen === state);
        }
      } else {
        const command = { ...(substitute(step.with ?? {}) as object), type: step.do } as Command;
        const result = apply(world, callerOf(step.as), command);
        world = result.world;
        lastActor = step.as;
        if (result.result.ok) {
          lastError = 'none';
          for (const [name, path] of Object.entries(step.save ?? {})) vars.set(name, valueAt(result.result.value, path));
          entry('command', step.do, describeOutput(result.result.value), true, step.as);
        } else {
          lastError = result.result.error.code;
          entry('command', step.do, `${result.result.error.code}: ${result.result.error.message}`, true, step.as);
        }
      }
    } catch (error) {
      entry('expect', 'a well-formed step', (error as Error).message, false);
    }
  }
  return { name: scenario.name ?? 'scenario', timeline, passed: timeline.every((e) => e.ok) };
}

/** The state of a connection as a caller sees it, or `absent`. */
function stateAs(world: World, caller: Caller, id: string): string {
  const step = apply(world, caller, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [id] });
  if (!step.result.ok) return 'absent';
  return step.result.value.VpcPeeringConnections[0]?.Status?.Code ?? 'absent';
}

function valueAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) current = current === null || typeof current !== 'object' ? undefined : (current as Record<string, unknown>)[key];
  if (current === undefined) throw new Error(`the output has nothing at ${path}`);
  return current;
}

/** The essentials of an output: an ID, and a connection's state and message. */
function describeOutput(value: unknown): string {
  const output = value as Record<string, Record<string, unknown> | undefined>;
  const connection = output['VpcPeeringConnection'];
  if (connection !== undefined) {
    const status = connection['Status'] as { Code?: string; Message?: string } | undefined;
    return `${String(connection['VpcPeeringConnectionId'])} ${status?.Code ?? ''} (${status?.Message ?? ''})`;
  }
  const vpc = output['Vpc'];
  if (vpc !== undefined) return `${String(vpc['VpcId'])} ${String(vpc['CidrBlock'])}`;
  const list = (output as Record<string, unknown>)['VpcPeeringConnections'];
  if (Array.isArray(list)) return list.map((c: { VpcPeeringConnectionId?: string; Status?: { Code?: string } }) => `${c.VpcPeeringConnectionId} ${c.Status?.Code}`).join(', ') || '(none)';
  return 'ok';
}

function formatDuration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** The timeline as text for people; `colour` adds ANSI colours (green ok, red failed expectations). */
export function formatTimeline(result: RunResult, colour: boolean): string {
  const paint = (code: number, text: string): string => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines = [paint(1, result.name)];
  for (const e of result.timeline) {
    const time = `+${formatDuration(e.elapsedMs) === '0ms' ? '0s' : formatDuration(e.elapsedMs)}`.padEnd(8);
    const who = (e.actor ?? '').padEnd(10);
    const mark = e.kind === 'expect' ? (e.ok ? paint(32, '✓') : paint(31, '✗')) : ' ';
    lines.push(`${time} ${who} ${mark} ${e.what.padEnd(36)} ${e.kind === 'expect' && !e.ok ? paint(31, e.outcome) : e.outcome}`);
  }
  lines.push(result.passed ? paint(32, 'all expectations held') : paint(31, 'an expectation failed'));
  return `${lines.join('\n')}\n`;
}
