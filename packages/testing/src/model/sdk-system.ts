import * as ec2 from '@aws-sdk/client-ec2';
import type { Caller } from '@pcxsim/engine';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import type { Answer } from './answer.js';
import type { RealSystem } from './real-system.js';

/** Options of {@link sdkSystem}. */
export interface SdkSystemOptions {
  /**
   * The client a caller's steps go through: its account's credentials, its Region. Called for every
   * step: cache the clients if building them is costly.
   */
  readonly clientFor: (caller: Caller) => ec2.EC2Client;
  /**
   * Moves the system's clock for an `AdvanceClock` step (e.g. `(ms) => endpoint.advanceClock(ms)`).
   * Without it a clock step is an error: use `clockSteps: false` for a system without a clock.
   */
  readonly advanceClock?: (ms: number) => unknown;
}

type SdkCommand = Parameters<ec2.EC2Client['send']>[0];
type SdkCommandClass = new (input: object) => SdkCommand;

/** The SDK's command of a step: `CreateVpc` → `new CreateVpcCommand(input)`. */
function sdkCommandOf({ command }: SequenceStep): SdkCommand {
  const { type, ...input } = command;
  const Command = (ec2 as unknown as Record<string, SdkCommandClass | undefined>)[`${type}Command`];
  if (Command === undefined) throw new Error(`@aws-sdk/client-ec2 has no ${type}Command`);
  return new Command(input);
}

/**
 * A {@link RealSystem} that sends each step through `@aws-sdk/client-ec2`: to AWS itself, to an
 * emulator, or to pcxsim (`new InProcessHandler(endpoint)`). EC2 errors come back as answers, with
 * the code the SDK parsed (its `name`); any other error (a network fault) fails the check.
 *
 * @example
 * ```ts
 * const endpoint = new Ec2Endpoint();
 * const real = sdkSystem({
 *   clientFor: ({ accountId, region }) =>
 *     new EC2Client({ region, credentials: { accessKeyId: accountId, secretAccessKey: 'notasecret' }, requestHandler: new InProcessHandler(endpoint) }),
 *   advanceClock: (ms) => endpoint.advanceClock(ms),
 * });
 * ```
 */
export function sdkSystem(options: SdkSystemOptions): RealSystem {
  return {
    async send(step: SequenceStep): Promise<Answer> {
      if (step.command.type === 'AdvanceClock') {
        if (options.advanceClock === undefined) throw new Error('sdkSystem: an AdvanceClock step, but no `advanceClock` option (use clockSteps: false)');
        await options.advanceClock(step.command.Milliseconds);
        return { ok: true, output: {} };
      }
      try {
        const { $metadata: _, ...output } = (await options.clientFor(step.caller).send(sdkCommandOf(step))) as { $metadata: unknown };
        return { ok: true, output };
      } catch (thrown) {
        if (!(thrown instanceof ec2.EC2ServiceException)) throw thrown;
        return { ok: false, code: thrown.name, message: thrown.message, httpStatus: thrown.$metadata.httpStatusCode };
      }
    },
  };
}
