// The checker: random command sequences (the testing kit's own generator, without clock steps — a
// target's clock is its own) run against a fresh pcxsim and the target at once; the first sequence
// where they disagree is shrunk by fast-check to a minimal one. Then the search goes on with that
// finding known (a sequence whose first divergence is already reported counts as agreeing), so
// distinct divergences are collected, each with its own minimal sequence.
import type { CommandType, WorldOptions } from '@pcxsim/engine';
import { PUBLIC_REGIONS } from '@pcxsim/engine';
import fc from 'fast-check';
import { commandSequence, type SequenceOptions } from '../arbitraries/command-sequences.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import { accountHeaders, type AccountHeader } from './account-header.js';
import { defaultCredentials, type AccountCredentials, type CredentialsByAccount } from './credentials.js';
import type { Outcome } from './outcome.js';
import type { ConformanceReport, Divergence } from './report.js';
import { runSequence, type RunSetup, type StepDivergence } from './run-sequence.js';
import { send } from './send.js';
import { TargetClients } from './target-clients.js';
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
  /** How long to keep asking a Describe that disagrees, in ms (default 2000). */
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
}

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

/**
 * What makes two divergences one finding: the rule and the kind of difference, and then the codes
 * exchanged when an error is involved (a wrong code is one bug whichever action shows it), else the
 * action.
 */
function keyOf(divergence: StepDivergence): string {
  const { reference, target } = divergence;
  const said = (outcome: Outcome): string => (outcome.ok ? String(outcome.status) : outcome.code);
  const what = reference.ok && target.ok ? divergence.step.command.type : `${said(reference)}→${said(target)}`;
  return `${divergence.rule.id} ${divergence.differences[0]?.kind ?? 'status'} ${what}`;
}

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

/**
 * Runs random command sequences against pcxsim and against `options.endpoint` at the same time and
 * reports every distinct divergence, each shrunk to a minimal sequence. Never throws for what the
 * target does; an unreachable target is reported in `error`.
 *
 * How answers are compared: the HTTP status and the error code (exact casing) must be equal; a
 * success must have the same fields, deep, with the same values, IDs compared through each side's
 * symbols (`$vpc0`), times and tokens by presence only. Transient states (initiating-request,
 * provisioning, deleting) take time on real systems, so before every step both sides settle —
 * pcxsim by a 0 ms clock step, the target by polling the sequence's connections until none is
 * transient (at most `settleMs`) — and a state still agrees with a state it would resolve to. A
 * Describe that disagrees is asked again for up to `readRetryMs` (eventual consistency). Without a
 * `resetUrl`, list-Describes are compared on the sequence's own resources only, and what a sequence
 * created on the target is deleted after it.
 *
 * @example
 * const report = await checkConformance({ endpoint: 'http://127.0.0.1:4566', runs: 50, seed: 7 });
 * process.stdout.write(formatReport(report));
 * process.exitCode = report.error !== undefined ? 2 : report.conformant ? 0 : 1;
 */
export async function checkConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const runs = options.runs ?? CONFORMANCE_DEFAULTS.runs;
  const maxSteps = options.maxSteps ?? CONFORMANCE_DEFAULTS.maxSteps;
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const summary = { endpoint: options.endpoint, seed, runs, maxSteps };
  const unreachable = await reachable(options.endpoint);
  if (unreachable !== undefined) return { ...summary, conformant: false, divergences: [], error: unreachable };

  const clients = new TargetClients(options.endpoint, credentialsOf(options));
  // A Region the generator uses must exist in pcxsim's world too.
  const worldOptions: WorldOptions = { seed, regions: [...new Set([...PUBLIC_REGIONS, ...(options.regions ?? [])])] };
  const setup: RunSetup = {
    worldOptions,
    sendToTarget: (caller, command) => send(clients.for(caller), command),
    timing: { settleMs: options.settleMs ?? CONFORMANCE_DEFAULTS.settleMs, pollMs: options.pollMs ?? CONFORMANCE_DEFAULTS.pollMs },
    readRetryMs: options.readRetryMs ?? CONFORMANCE_DEFAULTS.readRetryMs,
    resetUrl: options.resetUrl,
  };
  const sequences = options.sequences ?? commandSequence(sequenceOptions(options, maxSteps));
  // While fast-check shrinks, a diverging read is asked again only briefly (each candidate would
  // otherwise wait the whole retry); the minimal sequence is then confirmed with the full retry, and
  // if it does not hold up the first failing sequence (found with it) is reported instead.
  const shrinking: RunSetup = { ...setup, readRetryMs: Math.min(setup.readRetryMs, SHRINK_READ_RETRY_MS) };
  const divergences: Divergence[] = [];
  const known = new Set<string>();
  let stopped: TransportError | undefined;
  try {
    while (divergences.length < (options.maxDivergences ?? CONFORMANCE_DEFAULTS.maxDivergences)) {
      let first: { readonly steps: readonly SequenceStep[]; readonly divergence: StepDivergence } | undefined;
      let fault: unknown;
      const property = fc.asyncProperty(sequences, async (steps) => {
        // Once the target is gone (or the checker failed), the remaining runs and shrinking pass at once.
        if (stopped !== undefined || fault !== undefined) return true;
        try {
          const divergence = await runSequence(steps, first === undefined ? setup : shrinking);
          if (divergence === undefined || known.has(keyOf(divergence))) return true;
          first ??= { steps, divergence };
          return false;
        } catch (error) {
          if (error instanceof TransportError) stopped = error;
          else fault = error;
          return true;
        }
      });
      const details = await fc.check(property, { seed, numRuns: runs });
      if (fault !== undefined) throw fault;
      if (stopped !== undefined || !details.failed || first === undefined) break;
      const minimal = details.counterexample?.[0] ?? first.steps;
      const confirmed = minimal === first.steps ? first.divergence : await runSequence(minimal, setup);
      const holds = confirmed !== undefined && !known.has(keyOf(confirmed));
      const [steps, divergence] = holds ? [minimal, confirmed] : [first.steps, first.divergence];
      known.add(keyOf(divergence));
      divergences.push({
        key: keyOf(divergence),
        rule: divergence.rule,
        kind: divergence.differences[0]?.kind ?? 'status',
        action: divergence.step.command.type,
        step: divergence.index + 1,
        sequence: steps.slice(0, divergence.index + 1),
        reference: divergence.reference,
        target: divergence.target,
        differences: divergence.differences,
        shrinks: holds ? details.numShrinks : 0,
        path: holds ? (details.counterexamplePath ?? '') : '',
      });
    }
  } finally {
    clients.destroy();
  }
  // (Assigned inside the property: TypeScript cannot see that, so it is read through a cast.)
  const failure = stopped as TransportError | undefined;
  if (failure !== undefined) return { ...summary, conformant: false, divergences, error: failure.message };
  return { ...summary, conformant: divergences.length === 0, divergences };
}
