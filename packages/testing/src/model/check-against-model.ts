import type { WorldOptions } from '@pcxsim/engine';
import fc from 'fast-check';
import { formatStep } from '../arbitraries/format-step.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import { PeeringModel } from './peering-model.js';
import { peeringCommands, type PeeringCommandsOptions } from './peering-commands.js';
import type { RealSystem } from './real-system.js';

/** The commands a model-based run gets. */
export type PeeringCommandList = Iterable<fc.AsyncCommand<PeeringModel, RealSystem>>;

/** Options of {@link checkAgainstModel}. */
export interface CheckAgainstModelOptions extends PeeringCommandsOptions {
  /** A fresh real system for one run (a new endpoint, an emptied account, …), in the state of an empty world. */
  readonly real: () => RealSystem | Promise<RealSystem>;
  /** Called after each run with its real system, to release it. */
  readonly dispose?: (real: RealSystem) => void | Promise<void>;
  /**
   * The options of the model's world: match the real system's (timing, quotas, Regions).
   * @defaultValue `createWorld()`'s
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
    super(`pcxsim and the real system disagree after ${steps.length} step(s):\n${listed}\n\n${fc.defaultReportMessage(details) ?? ''}`, {
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
  let lastFailure: readonly SequenceStep[] = [];
  const property = fc.asyncProperty(peeringCommands(options), async (commands) => {
    let model: PeeringModel | undefined;
    let real: RealSystem | undefined;
    const setup = async () => {
      model = new PeeringModel(options.worldOptions);
      real = await options.real();
      return { model, real };
    };
    try {
      await fc.asyncModelRun(setup, commands);
    } catch (error) {
      // Shrinking ends on the last run that failed: its steps are the minimal sequence.
      lastFailure = model?.steps.slice() ?? [];
      throw error;
    } finally {
      if (real !== undefined) await options.dispose?.(real);
    }
  });
  const details = await fc.check(property, options.parameters ?? {});
  if (details.failed) throw new ModelCheckFailure(lastFailure, details);
}
