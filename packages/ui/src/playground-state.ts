// The playground's state and its reducer: pure (immer's `produce` over plain data), so every
// button is a tested function of (state, action). The world itself is never stored: it is the
// replay of `log` up to `cursor` (command-log.ts).
import { apply, reachability, type Caller, type Command, type WorldOptions } from '@pcxsim/engine';
import { produce, type Draft } from 'immer';
import { replay, type LogEntry } from './command-log.js';
import type { ScenarioLog } from './scenario-log.js';

/** What the last command or question gave, for the message line under the form. */
export type Outcome =
  | {
      /** It succeeded. */
      readonly ok: true;
      /** The command and the ID it made (or the new clock). */
      readonly text: string;
    }
  | {
      /** It was refused. */
      readonly ok: false;
      /** The EC2 error code, exactly as a client gets it. */
      readonly code: string;
      /** The EC2 error message. */
      readonly message: string;
    };

/** The answer to "can subnet X reach address Y?", for the page. */
export interface ReachAnswer {
  /** The subnet asked about. */
  readonly source: string;
  /** The address asked about. */
  readonly destinationIp: string;
  /** Whether a path was found. */
  readonly reachable: boolean;
  /** The hops of the forward path (IDs in order). */
  readonly path: readonly string[];
  /** The VPCs the forward path runs through, for the graph to pick out. */
  readonly vpcs: readonly string[];
  /** The engine's explanation sentences (routes §5.3), or the EC2 error. */
  readonly sentences: readonly string[];
}

/** The playground's state. */
export interface PlaygroundState {
  /** The options of the world the log starts from. */
  readonly worldOptions: WorldOptions;
  /** Every command sent, in order (refused ones too: the log shows their error). */
  readonly log: readonly LogEntry[];
  /** How many entries of the log are applied: less than its length after stepping back. */
  readonly cursor: number;
  /** Who the form acts as and whose view is drawn. */
  readonly caller: Caller;
  /** The callers offered in the picker. */
  readonly callers: readonly Caller[];
  /** The connection whose state the lifecycle diagram picks out. */
  readonly selected?: string;
  /** The last command's result. */
  readonly outcome?: Outcome;
  /** The last reachability answer. */
  readonly reach?: ReachAnswer;
  /** The loaded scenario's name. */
  readonly scenario?: string;
}

/** Everything a control of the playground can do. */
export type PlaygroundAction =
  | {
      /** Act as (and look as) another caller. */
      readonly type: 'act-as';
      /** The caller. */
      readonly caller: Caller;
    }
  | {
      /** Pick a connection for the lifecycle diagram. */
      readonly type: 'select';
      /** The connection, or undefined for none. */
      readonly connectionId: string | undefined;
    }
  | {
      /** Send a command as the current caller. */
      readonly type: 'command';
      /** The command. */
      readonly command: Command;
    }
  | {
      /** Move the clock on. */
      readonly type: 'advance';
      /** By this many milliseconds. */
      readonly ms: number;
    }
  | {
      /** One step back (or forward) through the log. */
      readonly type: 'back' | 'forward';
    }
  | {
      /** Start over from a scenario. */
      readonly type: 'load';
      /** The scenario, expanded. */
      readonly scenario: ScenarioLog;
    }
  | {
      /** Ask whether a subnet can reach an address. */
      readonly type: 'reach';
      /** The subnet (or VPC). */
      readonly source: string;
      /** The address. */
      readonly destinationIp: string;
    };

/** The callers a fresh playground offers: two accounts in one Region, and the first in another. */
export const DEFAULT_CALLERS: readonly Caller[] = [
  { accountId: '111111111111', region: 'us-east-1' },
  { accountId: '222222222222', region: 'us-east-1' },
  { accountId: '111111111111', region: 'us-west-2' },
];

/** A fresh playground: an empty world (seed 1, realistic timing, so the clock buttons matter). */
export function initialPlayground(worldOptions: WorldOptions = { seed: 1, timing: 'realistic' }): PlaygroundState {
  return { worldOptions, log: [], cursor: 0, caller: DEFAULT_CALLERS[0]!, callers: DEFAULT_CALLERS };
}

const sameCaller = (a: Caller, b: Caller): boolean => a.accountId === b.accountId && a.region === b.region;

// The ID a successful command's output names first, for the message line.
function idIn(value: unknown): string {
  const text = JSON.stringify(value);
  return /"((?:vpc|pcx|subnet|rtb|rtbassoc)-[0-9a-f]+)"/.exec(text)?.[1] ?? 'done';
}

function send(draft: Draft<PlaygroundState>, state: PlaygroundState, caller: Caller, command: Command): void {
  const before = replay(state.worldOptions, state.log, state.cursor).world;
  // The same apply the replay of the new log will make (the engine is pure): here for its output.
  const step = apply(before, caller, command);
  const log = [...state.log.slice(0, state.cursor), { caller, command }];
  draft.log = log as Draft<LogEntry>[];
  draft.cursor = log.length;
  draft.outcome = step.result.ok
    ? { ok: true, text: `${command.type}: ${command.type === 'AdvanceClock' ? new Date(step.world.clock).toISOString() : idIn(step.result.value)}` }
    : { ok: false, code: step.result.error.code, message: step.result.error.message };
}

/** A playground at the end of a scenario, acting as its first caller. */
function loaded(scenario: ScenarioLog): PlaygroundState {
  const callers = [...Object.values(scenario.callers)];
  for (const c of DEFAULT_CALLERS) if (!callers.some((k) => sameCaller(k, c))) callers.push(c);
  return { worldOptions: scenario.worldOptions, log: scenario.log, cursor: scenario.log.length, caller: callers[0]!, callers, scenario: scenario.name };
}

/** The reducer: the next state after `action`. Pure: never mutates `state`, never reads the clock. */
export function playgroundReducer(state: PlaygroundState, action: PlaygroundAction): PlaygroundState {
  if (action.type === 'load') return loaded(action.scenario);
  return produce(state, (draft) => {
    switch (action.type) {
      case 'act-as':
        draft.caller = action.caller;
        if (!state.callers.some((c) => sameCaller(c, action.caller))) draft.callers.push(action.caller);
        delete draft.reach;
        return;
      case 'select':
        if (action.connectionId === undefined) delete draft.selected;
        else draft.selected = action.connectionId;
        return;
      case 'command':
        send(draft, state, state.caller, action.command);
        return;
      case 'advance':
        send(draft, state, state.caller, { type: 'AdvanceClock', Milliseconds: action.ms });
        return;
      case 'back':
        draft.cursor = Math.max(0, state.cursor - 1);
        delete draft.outcome;
        return;
      case 'forward':
        draft.cursor = Math.min(state.log.length, state.cursor + 1);
        delete draft.outcome;
        return;
      case 'reach': {
        const world = replay(state.worldOptions, state.log, state.cursor).world;
        const answer = reachability(world, state.caller, { source: action.source, destinationIp: action.destinationIp });
        draft.reach = answer.ok
          ? {
              source: action.source,
              destinationIp: action.destinationIp,
              reachable: answer.value.NetworkPathFound,
              path: (answer.value.ForwardPathComponents ?? []).map((c) => c.Component.Id),
              vpcs: [...new Set((answer.value.ForwardPathComponents ?? []).flatMap((c) => (c.Vpc === undefined ? [] : [c.Vpc.Id])))],
              sentences: (answer.value.Explanations ?? []).map((e) => e.Sentence ?? e.ExplanationCode),
            }
          : { source: action.source, destinationIp: action.destinationIp, reachable: false, path: [], vpcs: [], sentences: [`${answer.error.code}: ${answer.error.message}`] };
        return;
      }
    }
  });
}
