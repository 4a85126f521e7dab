import type { SequenceStep } from '../arbitraries/sequence-step.js';
import type { Answer } from './answer.js';

/**
 * The system checked against pcxsim's engine: anything that can run one step as its caller and say
 * what happened — an `EC2Client` pointed at an endpoint (see {@link sdkSystem}), your own wrapper
 * or state machine, another emulator.
 *
 * @example
 * ```ts
 * const mine: RealSystem = {
 *   async send({ caller, command }) {
 *     try {
 *       return { ok: true, output: await myPeeringManager.run(caller, command) };
 *     } catch (error) {
 *       return { ok: false, code: (error as { name: string }).name };
 *     }
 *   },
 * };
 * ```
 */
export interface RealSystem {
  /**
   * Runs one step: its IDs are this system's own (the kit resolved the symbols), its caller says
   * which account calls in which Region. Resolves with the output or the EC2 error; rejects only
   * for a fault of the system itself (which fails the check). A successful creation's output must
   * carry the new ID where the SDK's does (`Vpc.VpcId`, `VpcPeeringConnection.VpcPeeringConnectionId`,
   * `CidrBlockAssociation.AssociationId`), so later steps can name it. `AdvanceClock` steps (unless
   * `clockSteps: false`) must move the system's clock by `Milliseconds`.
   */
  send(step: SequenceStep): Promise<Answer>;
}
