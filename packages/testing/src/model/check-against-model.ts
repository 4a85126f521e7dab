import type { WorldOptions } from '@pcxsim/engine';
import fc from 'fast-check';
import { withPcxsim, worldOptionsOf, type PcxsimContext, type PcxsimOptions } from '../fixture/with-pcxsim.js';
import { formatStep } from '../arbitraries/format-step.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import { PeeringModel } from './peering-model.js';
import { peeringCommands, type PeeringCommandsOptions } from './peering-commands.js';
import { fixtureSystem } from './pcxsim-over-sdk.js';
import type { RealSystem } from './real-system.js';

/** The commands a model-based run gets. */
export type PeeringCommandList = Iterable<fc.AsyncCommand<PeeringModel, RealSystem>>;

/** Options of {@link checkAgainstModel}. */
export interface CheckAgainstModelOptions extends PeeringCommandsOptions {
  /**
   * A fresh real system for one run (a new endpoint, an emptied account, …), in the state of an
   * empty world. Give this or {@link CheckAgainstModelOptions.pcxsim}.
   */
  readonly real?: () => RealSystem | Promise<RealSystem>;
  /** Called after each run with its real system, to release it. */
  readonly dispose?: (real: RealSystem) => void | Promise<void>;
  /**
   * Runs each run inside a fresh `withPcxsim(pcxsim, …)` fixture instead of `real`: the steps go
   * through the fixture's clients, so its faults, eventual consistency and call log apply, and a
   * failing run's calls are printed in the failure. The system is
   * {@link CheckAgainstModelOptions.system}'s, by default the fixture's own ({@link fixtureSystem}).
   */
  readonly pcxsim?: PcxsimOptions;
  /**
   * With `pcxsim`: the real system of a run, made from its fixture — your wrapper over
   * `context.ec2For`, where one step may be one of your functions rather than one EC2 action.
   * @defaultValue {@link fixtureSystem}
   */
  readonly system?: (context: PcxsimContext) => RealSystem | Promise<RealSystem>;
  /**
   * The options of the model's world: match the real system's (timing, quotas, Regions).
   * @defaultValue with `pcxsim`, the fixture's world options (timing, consistency …); else `createWorld()`'s
   */
  readonly worldOptions?: WorldOptions;
  /**
   * fast-check's run parameters (`numRuns`, `seed`, `path`, …).
   * @defaultValue the global ones (`fc.configureGlobal`)
   */
  readonly parameters?: fc.Parameters<[PeeringCommandList]>;
}

/** {@link checkAgainstModel} found a disagreement: the minimal sequence of steps that shows it. */
export class ModelCheckFailure extends Error {
  /** The shrunk sequence, symbolic, in order; the last step is where the two sides disagreed. */
  readonly steps: readonly SequenceStep[];
  /** fast-check's report: seed, path, counterexample, the error. */
  readonly details: fc.RunDetails<[PeeringCommandList]>;

  /** A failure showing `steps`, with fast-check's `details`. */
  constructor(steps: readonly SequenceStep[], details: fc.RunDetails<[PeeringCommandList]>) {
    const listed = steps.map((step, i) => `  ${i + 1}. ${formatStep(step)}`).join('\n');
    // What the last run threw (inside a fixture, with the EC2 calls it made), unless fast-check's report has it already.
    const error = details.errorInstance;
    const why = error instanceof Error && !details.runConfiguration.includeErrorInReport ? `\n\n${error.message}` : '';
    super(`pcxsim and the real system disagree after ${steps.length} step(s):\n${listed}${why}\n\n${fc.defaultReportMessage(details) ?? ''}`, {
      cause: details.errorInstance,
    });
    this.name = 'ModelCheckFailure';
    this.steps = steps;
    this.details = details;
  }
}

/**
 * Checks a real system against pcxsim's engine in one call: runs {@link peeringCommands} with
 * `fc.asyncModelRun` (a fresh model and a fresh real system per run), and when the two disagree,
 * shrinks to a minimal sequence and throws a {@link ModelCheckFailure} that lists it.
 *
 * With `pcxsim` instead of `real`, each run gets a fresh `withPcxsim` fixture: its faults, lag and
 * call log apply to the steps, which go through `system(context)` (the fixture's own clients by
 * default, or your wrapper over them).
 *
 * @example
 * ```ts
 * // Your wrapper over EC2, checked against pcxsim's engine, through an in-process endpoint:
 * await checkAgainstModel({
 *   real: () => {
 *     const endpoint = new Ec2Endpoint();
 *     return sdkSystem({
 *       clientFor: ({ accountId, region }) => new EC2Client({ region, credentials: { accessKeyId: accountId, secretAccessKey: 'notasecret' }, requestHandler: new InProcessHandler(endpoint) }),
 *       advanceClock: (ms) => endpoint.advanceClock(ms),
 *     });
 *   },
 *   parameters: { numRuns: 50 },
 * });
 * ```
 */
export async function checkAgainstModel(options: CheckAgainstModelOptions): Promise<void> {
  const { pcxsim, real: makeReal } = options;
  if ((pcxsim === undefined) === (makeReal === undefined)) throw new TypeError('checkAgainstModel: give either `real` or `pcxsim`');
  const worldOptions = options.worldOptions ?? (pcxsim === undefined ? undefined : worldOptionsOf(pcxsim, pcxsim.seed ?? 1));
  let lastFailure: readonly SequenceStep[] = [];
  const run = async (commands: PeeringCommandList, real: () => RealSystem | Promise<RealSystem>) => {
    let model: PeeringModel | undefined;
    let made: RealSystem | undefined;
    const setup = async () => {
      model = new PeeringModel(worldOptions);
      made = await real();
      return { model, real: made };
    };
    try {
      await fc.asyncModelRun(setup, commands);
    } catch (error) {
      // Shrinking ends on the last run that failed: its steps are the minimal sequence.
      lastFailure = model?.steps.slice() ?? [];
      throw error;
    } finally {
      if (made !== undefined) await options.dispose?.(made);
    }
  };
  const system = options.system ?? fixtureSystem;
  const property = fc.asyncProperty(peeringCommands(options), (commands) =>
    pcxsim === undefined ? run(commands, makeReal!) : withPcxsim(pcxsim, (context) => run(commands, () => system(context))),
  );
  const details = await fc.check(property, options.parameters ?? {});
  if (details.failed) throw new ModelCheckFailure(lastFailure, details);
}
