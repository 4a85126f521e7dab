// One sequence against both sides, step by step. Each side resolves the symbolic IDs through its
// own Bindings, so a later step uses the target's own IDs for what the target created (and an ID
// that names nothing where the target refused to create it); pcxsim settles by a 0 ms clock step,
// the target by polling (or by its clock, settle.ts); a read that disagrees is asked again while the
// target may be late (eventual consistency, spec §10.4; read-consistency.ts), a write never.
//
// A difference does not end the sequence: the comparison goes on as long as both worlds can still
// be the same — the step changed nothing on either side (a read; or both refused), or changed it
// on both (both succeeded, answering in other shapes). It stops after a step that changed one world
// and not the other (one side succeeded, the other refused) or after two sides disagreed on a
// connection's state: every later difference could then be an echo of that one.
import type { WorldOptions } from '@pcxsim/engine';
import { Bindings } from '../arbitraries/bindings.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import { cleanUp } from './cleanup.js';
import { compareOutcomes, type Difference } from './compare.js';
import { normaliseOutcome } from './normalise.js';
import type { Outcome } from './outcome.js';
import { sendAllPages } from './pages.js';
import type { ReadConsistency } from './read-consistency.js';
import { ReferenceSide } from './reference-side.js';
import { rulesOf, type Rule } from './rules.js';
import { settleTarget, sleep, type SendAs, type SettleTiming } from './settle.js';
import { TargetResources } from './target-resources.js';
import { TransportError } from './transport-error.js';

/** Everything a sequence run needs besides the sequence. */
export interface RunSetup {
  /** The options of pcxsim's world (the timing is always `instant`). */
  readonly worldOptions: WorldOptions;
  /** Sends to the target as a caller. */
  readonly sendToTarget: SendAs;
  /** How long to wait for the target's transient states (and its clock, when the checker moves it). */
  readonly timing: SettleTiming;
  /** How long to keep asking a read that disagrees, in ms (while the target may be late). */
  readonly readRetryMs: number;
  /** What is known of the target's read lag, shared by every sequence of a check. */
  readonly consistency: ReadConsistency;
  /** POSTed before the sequence, when given: the target's reset. */
  readonly resetUrl?: string | undefined;
  /** When aborted, the sequence stops before its next step (what it found so far is kept). */
  readonly signal?: AbortSignal | undefined;
}

/** One rule a step breaks: the step, both answers and the differences that break it. */
export interface StepDivergence {
  /** Its index in the sequence, from 0. */
  readonly index: number;
  /** The step, in symbolic form. */
  readonly step: SequenceStep;
  /** The rule it breaks. */
  readonly rule: Rule;
  /** What pcxsim answered, in the sequence's terms. */
  readonly reference: Outcome;
  /** What the target answered, in the sequence's terms. */
  readonly target: Outcome;
  /** The differences that break this rule, the deciding one first. */
  readonly differences: readonly Difference[];
}

/** What one sequence showed. */
export interface SequenceRun {
  /** Every rule broken, at the step it was first broken, in step order. */
  readonly divergences: readonly StepDivergence[];
  /** How many steps were compared (fewer than the sequence when the worlds parted, or on an abort). */
  readonly compared: number;
}

/**
 * Whether asking a read again might make the difference go away: a late view shows too little or
 * too old, but never another error code for the same question.
 */
const mayBeLate = (action: string, differences: readonly Difference[]): boolean =>
  action.startsWith('Describe') && differences.some((difference) => difference.kind !== 'error-code');

/** Whether both worlds may still be the same after a step with these answers and differences. */
function worldsMayAgree(action: string, reference: Outcome, target: Outcome, differences: readonly Difference[]): boolean {
  if (differences.some((difference) => difference.kind === 'state')) return false;
  return action.startsWith('Describe') || reference.ok === target.ok;
}

async function reset(url: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST' });
  } catch (error) {
    throw new TransportError(`reset ${url}: ${(error as Error).message}`, { cause: error });
  }
  await response.arrayBuffer();
  if (!response.ok) throw new TransportError(`reset ${url} answered ${response.status}`);
}

/** The symbols of a list-Describe's items, by their path in the comparison (`VpcPeeringConnections[$pcx0]`). */
function listedPaths(outcome: Outcome): Set<string> {
  const paths = new Set<string>();
  if (!outcome.ok) return paths;
  for (const [list, items] of Object.entries(outcome.output)) {
    if (!Array.isArray(items)) continue;
    for (const item of items as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const record = item as Record<string, unknown>;
      const key =
        typeof record['ResourceId'] === 'string' && typeof record['Key'] === 'string'
          ? `${record['ResourceId']}/${record['Key']}`
          : (record['VpcPeeringConnectionId'] ?? record['VpcId']);
      if (typeof key === 'string') paths.add(`${list}[${key}]`);
    }
  }
  return paths;
}

/** Runs `steps` on a fresh pcxsim and on the target; resolves with every rule the target broke. */
export async function runSequence(steps: readonly SequenceStep[], setup: RunSetup): Promise<SequenceRun> {
  if (setup.resetUrl !== undefined) await reset(setup.resetUrl);
  const reference = new ReferenceSide(setup.worldOptions);
  const ours = new Bindings();
  const theirs = new Bindings();
  const resources = new TargetResources();
  const { sendToTarget, consistency } = setup;
  const divergences: StepDivergence[] = [];
  let compared = 0;
  try {
    for (const [index, step] of steps.entries()) {
      if (setup.signal?.aborted === true) break;
      reference.settle();
      await settleTarget(resources, sendToTarget, setup.timing);
      const mine = ours.resolve(step);
      const yours = theirs.resolve(step);
      const askTarget = (): Promise<Outcome> => sendAllPages((command) => sendToTarget(yours.caller, command), yours.command);
      const referenceOutcome = await sendAllPages((command) => reference.send(mine.caller, command), mine.command);
      let targetOutcome = await askTarget();
      resources.note(yours.caller, yours.command, targetOutcome);
      const connectionsBefore = ours.count('pcx');
      if (referenceOutcome.ok) ours.record(step, referenceOutcome.output);
      if (targetOutcome.ok) theirs.record(step, targetOutcome.output);

      const action = step.command.type;
      const expected = normaliseOutcome(action, referenceOutcome, ours);
      let seen = normaliseOutcome(action, targetOutcome, theirs);
      let differences = compareOutcomes(expected, seen);
      compared = index + 1;
      if (mayBeLate(action, differences)) {
        const deadline = Date.now() + consistency.retryBudget(setup.readRetryMs, setup.timing.pollMs);
        for (let pause = Math.max(1, setup.timing.pollMs); differences.length > 0 && Date.now() + pause <= deadline; pause = Math.min(pause * 2, 1000)) {
          await sleep(pause);
          targetOutcome = await askTarget();
          seen = normaliseOutcome(action, targetOutcome, theirs);
          differences = compareOutcomes(expected, seen);
        }
        consistency.record(differences.length === 0);
      }
      if (differences.length === 0) continue;

      // An item one side lists and the other not, under filters: is it listed by both without them?
      let listedUnfiltered: ((path: string) => boolean) | undefined;
      const unfiltered = (command: SequenceStep['command']): SequenceStep['command'] => {
        const { Filters: _dropped, ...rest } = command as SequenceStep['command'] & { readonly Filters?: unknown };
        return rest as SequenceStep['command'];
      };
      if ((step.command as { readonly Filters?: unknown }).Filters !== undefined && differences.some((d) => d.kind === 'missing-item' || d.kind === 'extra-item')) {
        const mineUnfiltered = unfiltered(mine.command);
        const yoursUnfiltered = unfiltered(yours.command);
        const both = listedPaths(normaliseOutcome(action, await sendAllPages((c) => reference.send(mine.caller, c), mineUnfiltered), ours));
        const there = listedPaths(normaliseOutcome(action, await sendAllPages((c) => sendToTarget(yours.caller, c), yoursUnfiltered), theirs));
        listedUnfiltered = (path) => both.has(path) && there.has(path);
      }
      const dryRun = 'DryRun' in step.command && step.command.DryRun === true;
      const existedBefore = (symbol: string): boolean => {
        const match = /^\$pcx(\d+)$/.exec(symbol);
        return match !== null && Number(match[1]) < connectionsBefore;
      };
      for (const breach of rulesOf({ action, dryRun, reference: expected, target: seen, differences, listedUnfiltered, existedBefore })) {
        if (divergences.some((known) => known.rule.id === breach.rule.id)) continue;
        divergences.push({ index, step, rule: breach.rule, reference: expected, target: seen, differences: breach.differences });
      }
      if (!worldsMayAgree(action, expected, seen, differences)) break;
    }
    return { divergences, compared };
  } finally {
    reference.destroy();
    if (setup.resetUrl === undefined) await cleanUp(resources, sendToTarget, setup.timing).catch(() => undefined);
  }
}
