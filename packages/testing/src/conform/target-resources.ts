// What one sequence created on the target, and as whom: the checker waits on these connections'
// transient states before each step, and deletes everything afterwards — a target that is never
// reset would otherwise fill up (25 outstanding requests per account, spec §2.3) and answer later
// sequences with limit errors that pcxsim, fresh each time, never gives.
import type { Caller, Command } from '@pcxsim/engine';
import type { Outcome } from './outcome.js';

/** A resource the sequence created, and the caller that created it. */
export interface CreatedResource {
  /** The target's ID. */
  readonly id: string;
  /** Who created it: the requester, for a connection. */
  readonly caller: Caller;
}

const idAt = (output: Readonly<Record<string, unknown>>, container: string, name: string): unknown => {
  const inner = output[container];
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>)[name] : undefined;
};

/** A connection the sequence created, and whether a Describe has shown it yet. */
export interface CreatedPeering extends CreatedResource {
  /** Whether the requester's Describe has listed it (until then an eventually consistent target is waited for). */
  seen: boolean;
}

/** The target's resources of one sequence. */
export class TargetResources {
  /** The VPCs, in creation order. */
  readonly vpcs: CreatedResource[] = [];
  /** The peering connections, in creation order. */
  readonly peerings: CreatedPeering[] = [];
  /** Whether something changed since the connections last settled. */
  unsettled = false;

  /** Takes note of what a step did on the target. */
  note(caller: Caller, command: Command, outcome: Outcome): void {
    if (!outcome.ok) return;
    if (!command.type.startsWith('Describe')) this.unsettled = true;
    const id =
      command.type === 'CreateVpc'
        ? idAt(outcome.output, 'Vpc', 'VpcId')
        : command.type === 'CreateVpcPeeringConnection'
          ? idAt(outcome.output, 'VpcPeeringConnection', 'VpcPeeringConnectionId')
          : undefined;
    if (typeof id !== 'string') return;
    if (command.type === 'CreateVpc') this.vpcs.push({ id, caller });
    else this.peerings.push({ id, caller, seen: false });
  }
}
