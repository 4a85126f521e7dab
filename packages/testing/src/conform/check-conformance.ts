// The checker: random command sequences (the testing kit's own generator, without clock steps — a
// target's clock is its own) run against a fresh pcxsim and the target at once. A sequence is
// compared past its first difference (run-sequence.ts), so each run shows every rule it breaks; the
// first run that breaks a rule not reported yet is shrunk by fast-check to a minimal sequence that
// still breaks that rule. Then the search goes on with that rule known — a run that breaks only
// known rules agrees, but a run that breaks a known rule at step 1 and a new one at step 6 does not —
// so each distinct rule is reported once, with its own minimal sequence.
import type { CommandType, WorldOptions } from '@pcxsim/engine';
import { PUBLIC_REGIONS } from '@pcxsim/engine';
import fc from 'fast-check';
import { commandSequence, type SequenceOptions } from '../arbitraries/command-sequences.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import { accountHeaders, type AccountHeader } from './account-header.js';
import { defaultCredentials, type AccountCredentials, type CredentialsByAccount } from './credentials.js';
import { ReadConsistency } from './read-consistency.js';
import type { ConformanceReport, Divergence } from './report.js';
import { runSequence, type RunSetup, type StepDivergence } from './run-sequence.js';
import { TargetClients } from './target-clients.js';
import { manualClockOf } from './target-clock.js';
import { TransportError } from './transport-error.js';

/** What to check, and how. Only `endpoint` is required. */
export interface ConformanceOptions {
  /** The EC2 endpoint under test, e.g. `http://127.0.0.1:4566`. */
  readonly endpoint: string;
  /** How many random sequences to run (per search; default 100). */
  readonly runs?: number;
  /** The seed of the sequences; default random. The report carries it, so a run can be replayed. */
  readonly seed?: number;
  /** The longest sequence (default 10 steps). */
  readonly maxSteps?: number;
  /** The accounts the sequences call as (default the generator's). */
  readonly accounts?: readonly string[];
  /** The Regions the sequences call in (default the generator's). */
  readonly regions?: readonly string[];
  /** Only these actions (default every EC2 action the generator knows). */
  readonly actions?: readonly CommandType[];
  /** The weight of deliberately invalid steps, in tenths of the valid ones' (default the generator's, 1; 0 for none). */
  readonly invalid?: number;
  /** Credentials per account for the target; an account not listed signs with its own ID as the access key. */
  readonly credentials?: CredentialsByAccount;
  /** Headers added to every request to the target, their value naming the calling account. */
  readonly accountHeaders?: readonly AccountHeader[];
  /** A URL POSTed before every sequence to reset the target (e.g. `http://127.0.0.1:4599/_pcxsim/reset`). */
  readonly resetUrl?: string;
  /** How long to wait for the target's connections to leave transient states before a step, in ms (default 10000). */
  readonly settleMs?: number;
  /**
   * How long to keep asking a Describe that disagrees, in ms (default 2000), while the target may be
   * late: once two such reads never came to agree and none ever did, the target is taken to answer
   * at once and a disagreeing read is asked again only once (read-consistency.ts).
   */
  readonly readRetryMs?: number;
  /** The first pause between two polls of the target, in ms (default 25). */
  readonly pollMs?: number;
  /** Stop after this many distinct divergences (default 5). */
  readonly maxDivergences?: number;
  /**
   * The sequences to run instead of the kit's `commandSequence` (then `maxSteps`, `accounts`,
   * `regions`, `actions` and `invalid` are not used): e.g. one aimed at a rule an emulator is
   * suspected to break. Symbolic IDs as `commandSequence` makes them; no clock steps.
   */
  readonly sequences?: fc.Arbitrary<readonly SequenceStep[]>;
  /**
   * One sequence to run alone, once, instead of any search (a divergence saved earlier, see
   * `replayFile`): every rule it breaks is reported, not shrunk.
   */
  readonly replay?: readonly SequenceStep[];
  /** Told of every run and every shrinking step, e.g. to print a progress line. */
  readonly onProgress?: (progress: ConformanceProgress) => void;
  /** Stops the check: the sequence under way ends before its next step, and what was found so far is reported. */
  readonly signal?: AbortSignal;
  /** Stops the check after this long, in ms, reporting what was found so far (default: no limit). */
  readonly timeoutMs?: number;
}

/** What the checker is doing, for a progress line. */
export type ConformanceProgress =
  | {
      /** A run of a search has ended. */
      readonly kind: 'run';
      /** The search (from 1): each search looks for one rule not reported yet. */
      readonly search: number;
      /** The run of this search (from 1). */
      readonly run: number;
      /** Runs per search. */
      readonly runs: number;
      /** Distinct divergences reported so far. */
      readonly found: number;
      /** The rules this run broke (known ones included). */
      readonly broken: readonly string[];
      /** Since the check started, in ms. */
      readonly elapsedMs: number;
    }
  | {
      /** A shrinking candidate has run. */
      readonly kind: 'shrink';
      /** The search (from 1). */
      readonly search: number;
      /** The rule being shrunk. */
      readonly rule: string;
      /** Candidates tried so far. */
      readonly candidate: number;
      /** The steps of the smallest sequence that still breaks it. */
      readonly steps: number;
      /** Since the check started, in ms. */
      readonly elapsedMs: number;
    };

/** The defaults of {@link ConformanceOptions}. */
export const CONFORMANCE_DEFAULTS = {
  /** Sequences per search. */
  runs: 100,
  /** Steps per sequence, at most. */
  maxSteps: 10,
  /** Waiting for transient states, ms: pcxsim's realistic timing needs 5 s, AWS "passes quickly". */
  settleMs: 10_000,
  /** Asking a diverging read again, ms. */
  readRetryMs: 2_000,
  /** The first pause between polls, ms. */
  pollMs: 25,
  /** Distinct divergences before stopping. */
  maxDivergences: 5,
} as const;

/** How long a diverging read is asked again while shrinking, in ms. */
const SHRINK_READ_RETRY_MS = 100;

/** What makes two divergences one finding: the rule they break (each rule is reported once). */
const keyOf = (divergence: StepDivergence): string => divergence.rule.id;

/** Whether anything answers HTTP at `endpoint` (any status will do). */
async function reachable(endpoint: string): Promise<string | undefined> {
  try {
    const response = await fetch(endpoint, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return `${endpoint} does not answer: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
  }
}

function credentialsOf(options: ConformanceOptions): (accountId: string) => AccountCredentials {
  return (accountId) => {
    const configured = options.credentials?.[accountId] ?? defaultCredentials(accountId);
    const headers = { ...configured.headers, ...accountHeaders(options.accountHeaders ?? [], accountId) };
    return Object.keys(headers).length === 0 ? configured : { ...configured, headers };
  };
}

function sequenceOptions(options: ConformanceOptions, maxSteps: number): SequenceOptions {
  return {
    clockSteps: false,
    maxLength: maxSteps,
    ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
    ...(options.regions === undefined ? {} : { regions: options.regions }),
    ...(options.actions === undefined ? {} : { actions: options.actions }),
    ...(options.invalid === undefined ? {} : { invalid: options.invalid }),
  };
}

/** A reported divergence from the step that showed it and the sequence it was shown by. */
function divergenceOf(found: StepDivergence, steps: readonly SequenceStep[], shrinks: number, path: string): Divergence {
  return {
    key: keyOf(found),
    rule: found.rule,
    kind: found.differences[0]?.kind ?? 'status',
    action: found.step.command.type,
    step: found.index + 1,
    sequence: steps.slice(0, found.index + 1),
    reference: found.reference,
    target: found.target,
    differences: found.differences,
    shrinks,
    path,
  };
}

/** `signal` and `timeoutMs` as one signal, with the reason a report gives. */
function stopSignal(options: ConformanceOptions): AbortSignal | undefined {
  const signals = [
    ...(options.signal === undefined ? [] : [options.signal]),
    ...(options.timeoutMs === undefined ? [] : [AbortSignal.timeout(options.timeoutMs)]),
  ];
  return signals.length === 0 ? undefined : AbortSignal.any(signals);
}

function stopReason(signal: AbortSignal, options: ConformanceOptions): string {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') return `stopped after the time limit (${options.timeoutMs} ms)`;
  return typeof reason === 'string' ? reason : reason instanceof Error ? reason.message : 'interrupted';
}

/**
 * Runs random command sequences against pcxsim and against `options.endpoint` at the same time and
 * reports every distinct rule the target breaks, each once, with a sequence shrunk to the minimum
 * that still breaks it. Never throws for what the target does; an unreachable target is reported in
 * `error`; a check stopped by `signal` or `timeoutMs` reports what it found so far in `interrupted`.
 *
 * How answers are compared: the HTTP status and the error code (exact casing) must be equal; a
 * success must have the same fields, deep, with the same values, IDs compared through each side's
 * symbols (`$vpc0`), times and tokens by presence only. Transient states (initiating-request,
 * provisioning, deleting) take time on real systems, so before every step both sides settle —
 * pcxsim by a 0 ms clock step, the target by polling the sequence's connections until none is
 * transient (at most `settleMs`), or, for a pcxsim target on a manual clock, by moving its clock
 * through its control API — and a state still agrees with a state it would resolve to. A Describe
 * that disagrees is asked again while the target may be late (`readRetryMs`, measured and adapted).
 * Without a `resetUrl`, list-Describes are compared on the sequence's own resources only, and what a
 * sequence created on the target is deleted after it.
 *
 * @example
 * const report = await checkConformance({ endpoint: 'http://127.0.0.1:4566', runs: 50, seed: 7 });
 * process.stdout.write(formatReport(report));
 * process.exitCode = report.error !== undefined ? 2 : report.conformant ? 0 : 1;
 */
export async function checkConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const runs = options.replay === undefined ? (options.runs ?? CONFORMANCE_DEFAULTS.runs) : 1;
  const maxSteps = options.replay?.length ?? options.maxSteps ?? CONFORMANCE_DEFAULTS.maxSteps;
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const summary = { endpoint: options.endpoint, seed, runs, maxSteps };
  const unreachable = await reachable(options.endpoint);
  if (unreachable !== undefined) return { ...summary, conformant: false, divergences: [], error: unreachable };

  const signal = stopSignal(options);
  const clients = new TargetClients(options.endpoint, credentialsOf(options));
  const clock = await manualClockOf(options.endpoint);
  const consistency = new ReadConsistency();
  // A Region the generator uses must exist in pcxsim's world too.
  const worldOptions: WorldOptions = { seed, regions: [...new Set([...PUBLIC_REGIONS, ...(options.regions ?? [])])] };
  const setup: RunSetup = {
    worldOptions,
    sendToTarget: (caller, command) => clients.send(caller, command),
    timing: { settleMs: options.settleMs ?? CONFORMANCE_DEFAULTS.settleMs, pollMs: options.pollMs ?? CONFORMANCE_DEFAULTS.pollMs, clock },
    readRetryMs: options.readRetryMs ?? CONFORMANCE_DEFAULTS.readRetryMs,
    consistency,
    resetUrl: options.resetUrl,
    signal,
  };
  const measured = (): Pick<ConformanceReport, 'target'> => ({
    target: { clock: clock === undefined ? 'own' : 'moved-by-checker', reads: consistency.verdict() },
  });
  const elapsed = (): number => Date.now() - started;
  const divergences: Divergence[] = [];
  let stopped: TransportError | undefined;
  try {
    if (options.replay !== undefined) {
      const shown = await runSequence(options.replay, setup);
      for (const found of shown.divergences) divergences.push(divergenceOf(found, options.replay, 0, ''));
    } else {
      stopped = await search(options, setup, runs, maxSteps, seed, divergences, elapsed);
    }
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    stopped = error;
  } finally {
    clients.destroy();
  }
  const interrupted = signal?.aborted === true ? { interrupted: stopReason(signal, options) } : {};
  if (stopped !== undefined) return { ...summary, conformant: false, divergences, error: stopped.message, ...measured(), ...interrupted };
  return { ...summary, conformant: divergences.length === 0 && signal?.aborted !== true, divergences, ...measured(), ...interrupted };
}

/** The searches, one per new rule, until `maxDivergences`, a search that finds nothing new, or a stop; resolves with the transport failure that ended them, if any. */
async function search(
  options: ConformanceOptions,
  setup: RunSetup,
  runs: number,
  maxSteps: number,
  seed: number,
  divergences: Divergence[],
  elapsed: () => number,
): Promise<TransportError | undefined> {
  const sequences = options.sequences ?? commandSequence(sequenceOptions(options, maxSteps));
  // While fast-check shrinks, a diverging read is asked again only briefly (each candidate would
  // otherwise wait the whole retry); the minimal sequence is then confirmed with the full retry, and
  // if it does not hold up the first failing sequence (found with it) is reported instead.
  const shrinking: RunSetup = { ...setup, readRetryMs: Math.min(setup.readRetryMs, SHRINK_READ_RETRY_MS) };
  const known = new Set<string>();
  const aborted = (): boolean => setup.signal?.aborted === true;
  let stopped: TransportError | undefined;
  for (let searchNo = 1; divergences.length < (options.maxDivergences ?? CONFORMANCE_DEFAULTS.maxDivergences) && !aborted(); searchNo++) {
    // The first run that breaks a new rule, and the smallest sequence seen since that still breaks it.
    let first: { readonly steps: readonly SequenceStep[]; readonly found: StepDivergence } | undefined;
    let smallest: { readonly steps: readonly SequenceStep[]; readonly found: StepDivergence } | undefined;
    let fault: unknown;
    let run = 0;
    let candidate = 0;
    const property = fc.asyncProperty(sequences, async (steps) => {
      // Once the target is gone, the check failed or was stopped, the remaining runs and shrinking pass at once.
      if (stopped !== undefined || fault !== undefined || aborted()) return true;
      try {
        if (first === undefined) {
          const shown = await runSequence(steps, setup);
          run++;
          options.onProgress?.({ kind: 'run', search: searchNo, run, runs, found: divergences.length, broken: shown.divergences.map(keyOf), elapsedMs: elapsed() });
          const fresh = shown.divergences.find((found) => !known.has(keyOf(found)));
          if (fresh === undefined || aborted()) return true;
          first = { steps, found: fresh };
          smallest = first;
          return false;
        }
        // Shrinking: a candidate fails only when it breaks the rule being chased.
        const chased = keyOf(first.found);
        const shown = await runSequence(steps, shrinking);
        candidate++;
        const found = shown.divergences.find((d) => keyOf(d) === chased);
        if (found !== undefined && !aborted()) smallest = { steps, found };
        options.onProgress?.({ kind: 'shrink', search: searchNo, rule: chased, candidate, steps: smallest?.steps.length ?? steps.length, elapsedMs: elapsed() });
        return found === undefined || aborted();
      } catch (error) {
        if (error instanceof TransportError) stopped = error;
        else fault = error;
        return true;
      }
    });
    const details = await fc.check(property, { seed, numRuns: runs });
    if (fault !== undefined) throw fault;
    if (first === undefined) break;
    const chased = keyOf(first.found);
    known.add(chased);
    if (stopped !== undefined || aborted()) {
      // Stopped while shrinking: the smallest sequence so far, as it was seen.
      divergences.push(divergenceOf(smallest!.found, smallest!.steps, candidate, ''));
      break;
    }
    const minimal = details.counterexample?.[0] ?? first.steps;
    const confirmed = minimal === first.steps ? first.found : (await runSequence(minimal, setup)).divergences.find((d) => keyOf(d) === chased);
    divergences.push(
      confirmed !== undefined
        ? divergenceOf(confirmed, minimal, details.numShrinks, details.counterexamplePath ?? '')
        : divergenceOf(first.found, first.steps, 0, ''),
    );
  }
  return stopped;
}
