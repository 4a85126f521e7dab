import fc from 'fast-check';
import { settingsOf, type SequenceOptions } from '../arbitraries/command-sequences.js';
import { formatStep } from '../arbitraries/format-step.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import { stepTemplate } from '../arbitraries/_internals/step-templates.js';
import type { StepTemplate } from '../arbitraries/_internals/template.js';
import { answerOf } from './answer.js';
import { compareOutcomes, type Comparison } from './compare-outcomes.js';
import { trackerOf, type PeeringModel } from './peering-model.js';
import type { RealSystem } from './real-system.js';

/** Options of {@link peeringCommands}. */
export interface PeeringCommandsOptions extends Pick<SequenceOptions, 'accounts' | 'regions' | 'invalid' | 'clockSteps' | 'actions'> {
  /**
   * The most commands in one run.
   * @defaultValue 30
   */
  readonly maxCommands?: number;
  /**
   * How the real system's answer is checked against the engine's.
   * @defaultValue {@link compareOutcomes}
   */
  readonly compare?: Comparison;
}

/**
 * One step of a model-based run: planned against the model when it runs (so it names resources
 * that exist, as the party that may act on them), applied to the engine and to the real system,
 * and the two answers compared.
 */
class PeeringCommand implements fc.AsyncCommand<PeeringModel, RealSystem> {
  private planned: SequenceStep | undefined;

  constructor(
    private readonly template: StepTemplate,
    private readonly compare: Comparison,
    private readonly settle: boolean,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: PeeringModel, real: RealSystem): Promise<void> {
    const tracker = trackerOf(model);
    const step = this.template.plan(tracker);
    this.planned = step;
    model.steps.push(step);
    const expected = answerOf(tracker.run(step).result);
    const actual = await real.send(model.realIds.resolve(step));
    if (actual.ok) model.realIds.record(step, actual.output);
    // Without clock steps the model assumes the real system has settled by the next step.
    if (this.settle) tracker.settle();
    this.compare(expected, actual, { step, model });
  }

  toString(): string {
    return this.planned === undefined ? `${this.template.action}(…)` : formatStep(this.planned);
  }

  /** A fresh copy for each run: what the command planned belongs to one run. */
  [fc.cloneMethod](): PeeringCommand {
    return new PeeringCommand(this.template, this.compare, this.settle);
  }
}

/**
 * Ready `fc.commands` for the VPC peering actions, with pcxsim's engine as the model: run them with
 * `fc.asyncModelRun` against your own system (a {@link RealSystem}: your wrapper, your state machine,
 * another emulator, an `EC2Client`) to check that it behaves as EC2 does, and let fast-check shrink
 * any disagreement to a minimal sequence of calls.
 *
 * Each command is one step of a {@link commandSequence} (the same weighted mix: VPCs, peering
 * requests in every scope, Accept, Reject, Delete, Describe, options, tags, clock steps, and invalid
 * steps as asked), planned when it runs against the model, applied to the engine and — its symbolic
 * IDs resolved to the real system's own — to the real system, then the two answers compared
 * ({@link compareOutcomes} unless `compare` says otherwise). Shrinks as `fc.commands` does: fewer
 * commands, each planned again against what the remaining ones built. Reports print the steps that
 * ran, e.g. `CreateVpc{CidrBlock:10.0.0.0/16} as 111111111111@us-east-1,…`.
 *
 * @example
 * ```ts
 * await fc.assert(
 *   fc.asyncProperty(peeringCommands({ clockSteps: false }), (commands) =>
 *     fc.asyncModelRun(() => ({ model: new PeeringModel(), real: mySystem() }), commands),
 *   ),
 * );
 * ```
 */
export function peeringCommands(options: PeeringCommandsOptions = {}): fc.Arbitrary<Iterable<fc.AsyncCommand<PeeringModel, RealSystem>>> {
  const settings = settingsOf(options);
  const compare = options.compare ?? compareOutcomes;
  const settle = !settings.allowed.has('AdvanceClock');
  const command = stepTemplate(settings, options.invalid ?? 1).map((template): fc.AsyncCommand<PeeringModel, RealSystem> => new PeeringCommand(template, compare, settle));
  return fc.commands([command], { maxCommands: options.maxCommands ?? 30, size: 'max' });
}
