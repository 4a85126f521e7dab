// One sequence against both sides, step by step, until the first step where they disagree (after
// that the two worlds differ and later steps would only echo it). Each side resolves the symbolic
// IDs through its own Bindings; pcxsim settles by a 0 ms clock step, the target by polling; a read
// that disagrees is asked again for a moment (eventual consistency, spec §10.4: a real target may
// show a change a little late), a write never.
import type { WorldOptions } from '@pcxsim/engine';
import { Bindings } from '../arbitraries/bindings.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import { cleanUp } from './cleanup.js';
import { compareOutcomes, type Difference } from './compare.js';
import { normaliseOutcome } from './normalise.js';
import type { Outcome } from './outcome.js';
import { sendAllPages } from './pages.js';
import { ReferenceSide } from './reference-side.js';
import { ruleOf, type Rule } from './rules.js';
import { settleTarget, sleep, type SendAs, type SettleTiming } from './settle.js';
import { TargetResources } from './target-resources.js';
import { TransportError } from './transport-error.js';

/** Everything a sequence run needs besides the sequence. */
export interface RunSetup {
  /** The options of pcxsim's world (the timing is always `instant`). */
  readonly worldOptions: WorldOptions;
  /** Sends to the target as a caller. */
  readonly sendToTarget: SendAs;
  /** How long to wait for the target's transient states. */
  readonly timing: SettleTiming;
  /** How long to keep asking a read that disagrees, in ms. */
  readonly readRetryMs: number;
  /** POSTed before the sequence, when given: the target's reset. */
  readonly resetUrl?: string | undefined;
}

/** The step where the two sides first disagree. */
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
  /** How they differ, the deciding difference first. */
  readonly differences: readonly Difference[];
}

/**
 * Whether asking a read again might make the difference go away: a late view shows too little or
 * too old, but never another error code for the same question.
 */
const mayBeLate = (action: string, differences: readonly Difference[]): boolean =>
  action.startsWith('Describe') && differences.some((difference) => difference.kind !== 'error-code');

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

/** Runs `steps` on a fresh pcxsim and on the target; resolves with the first divergence, if any. */
export async function runSequence(steps: readonly SequenceStep[], setup: RunSetup): Promise<StepDivergence | undefined> {
  if (setup.resetUrl !== undefined) await reset(setup.resetUrl);
  const reference = new ReferenceSide(setup.worldOptions);
  const ours = new Bindings();
  const theirs = new Bindings();
  const resources = new TargetResources();
  const { sendToTarget } = setup;
  try {
    for (const [index, step] of steps.entries()) {
      reference.settle();
      await settleTarget(resources, sendToTarget, setup.timing);
      const mine = ours.resolve(step);
      const yours = theirs.resolve(step);
      const askTarget = (): Promise<Outcome> => sendAllPages((command) => sendToTarget(yours.caller, command), yours.command);
      const referenceOutcome = await sendAllPages((command) => reference.send(mine.caller, command), mine.command);
      let targetOutcome = await askTarget();
      resources.note(yours.caller, yours.command, targetOutcome);
      if (referenceOutcome.ok) ours.record(step, referenceOutcome.output);
      if (targetOutcome.ok) theirs.record(step, targetOutcome.output);

      const action = step.command.type;
      const expected = normaliseOutcome(action, referenceOutcome, ours);
      let seen = normaliseOutcome(action, targetOutcome, theirs);
      let differences = compareOutcomes(expected, seen);
      const deadline = Date.now() + setup.readRetryMs;
      for (let pause = Math.max(1, setup.timing.pollMs); mayBeLate(action, differences) && Date.now() + pause <= deadline; pause = Math.min(pause * 2, 1000)) {
        await sleep(pause);
        targetOutcome = await askTarget();
        seen = normaliseOutcome(action, targetOutcome, theirs);
        differences = compareOutcomes(expected, seen);
      }
      if (differences.length > 0) {
        const dryRun = 'DryRun' in step.command && step.command.DryRun === true;
        const rule = ruleOf({ action, dryRun, reference: expected, target: seen, differences });
        return { index, step, rule, reference: expected, target: seen, differences };
      }
    }
    return undefined;
  } finally {
    reference.destroy();
    if (setup.resetUrl === undefined) await cleanUp(resources, sendToTarget, setup.timing).catch(() => undefined);
  }
}
