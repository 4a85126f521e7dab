// RejectVpcPeeringConnection (spec §3.2): the accepter's owner, from the accepter's Region, while pending.
import type { RejectVpcPeeringConnectionCommand } from '../commands.js';
import { done, type Outcome } from '../outcome.js';
import type { ReturnOutput } from '../outputs.js';
import { enter } from '../peering-state.js';
import type { Tx } from '../tx.js';
import { userTrigger } from './user-trigger.js';

/** RejectVpcPeeringConnection. */
export function rejectVpcPeeringConnection(tx: Tx, command: RejectVpcPeeringConnectionCommand): Outcome<ReturnOutput> {
  const allowed = userTrigger(tx, command.VpcPeeringConnectionId, 'reject');
  if (!allowed.ok) return allowed;
  enter(tx, allowed.value.record, allowed.value.to);
  return done({ Return: true });
}
