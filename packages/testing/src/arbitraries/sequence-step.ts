import type { Caller, Command } from '@pcxsim/engine';

/**
 * One step: who calls, and the command. IDs of resources created earlier in the sequence are
 * symbolic: `"$vpc0"`, `"$vpc1"`, `"$pcx0"`, `"$assoc0"` … (the Nth VPC / peering connection / CIDR
 * block association created so far, counting successful creations only, in order), and with routes
 * `"$subnet0"`, `"$rtb0"`, `"$rtbassoc0"` (subnets, route tables, route table associations). A
 * {@link Bindings} turns them into the IDs of one backend.
 */
export interface SequenceStep {
  /** The account and Region the call is made as. */
  readonly caller: Caller;
  /** The engine command: an SDK-shaped input plus its `type`, the action's name. */
  readonly command: Command;
}
