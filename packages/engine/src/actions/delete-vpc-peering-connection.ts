// DeleteVpcPeeringConnection (spec §3.3): the requester while pending, either owner while active;
// never a failed, rejected, expired or deleted one ("… to deleting").
import type { DeleteVpcPeeringConnectionCommand } from '../commands.js';
import { done, type Outcome } from '../outcome.js';
import type { ReturnOutput } from '../outputs.js';
import { enter } from '../peering-state.js';
import type { Tx } from '../tx.js';
import { userTrigger } from './user-trigger.js';

/** DeleteVpcPeeringConnection. */
export function deleteVpcPeeringConnection(tx: Tx, command: DeleteVpcPeeringConnectionCommand): Outcome<ReturnOutput> {
  const allowed = userTrigger(tx, command.VpcPeeringConnectionId, 'delete');
  if (!allowed.ok) return allowed;
  const { record, to, roles } = allowed.value;
  // spec §1.1: the deleter sees `deleted` for 2 h, the other owner for 2 days. An account holding both
  // roles gets the same-account window whichever it is called.
  enter(tx, record, to, { deletedBy: roles.includes('requester') ? 'requester' : 'accepter' });
  return done({ Return: true });
}
