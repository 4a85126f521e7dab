// AcceptVpcPeeringConnection (spec §3.1): the accepter's owner, from the accepter's Region, while
// pending; then the per-VPC quota and the one-connection-per-pair rule.
import { countsAsActive } from '@pcxsim/lifecycle';
import type { AcceptVpcPeeringConnectionCommand } from '../commands.js';
import { activeLimit, alreadyExists } from '../errors.js';
import { viewKey } from '../indexes.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { PeeringConnectionOutput } from '../outputs.js';
import { enter } from '../peering-state.js';
import { peeringById } from '../records.js';
import type { Tx } from '../tx.js';
import { peeringView } from '../views.js';
import { activeCount, pairMembers } from '../vpc-links.js';
import type { PeeringRecord } from '../world.js';
import { userTrigger } from './user-trigger.js';

/**
 * spec §2.2 [doc]: "You cannot have more than one VPC peering connection between two VPCs at the
 * same time"; [obs] it shows on Accept of the reverse pair. Another connection between the same two
 * VPCs, either direction, that is provisioning or active blocks the accept.
 */
function activeBetween(tx: Tx, record: PeeringRecord): PeeringRecord | undefined {
  for (const id of pairMembers(tx.w.links, record.requesterVpcId, record.accepterVpcId)) {
    const other = peeringById(tx.w, id)!;
    if (other.id !== record.id && countsAsActive(other.status)) return other;
  }
  return undefined;
}

/** AcceptVpcPeeringConnection. */
export function acceptVpcPeeringConnection(tx: Tx, command: AcceptVpcPeeringConnectionCommand): Outcome<PeeringConnectionOutput> {
  const allowed = userTrigger(tx, command.VpcPeeringConnectionId, 'accept');
  if (!allowed.ok) return allowed;
  const { record, to } = allowed.value;
  // spec §2.3 [doc]: active connections per VPC, checked on Accept [?] (the natural place).
  const limit = tx.w.config.quotas.activeConnectionsPerVpc;
  for (const vpcId of [record.requesterVpcId, record.accepterVpcId]) {
    if (activeCount(tx.w.links, vpcId) >= limit) return refuse(activeLimit(vpcId));
  }
  const existing = activeBetween(tx, record);
  // [?] the message names the connection already there.
  if (existing !== undefined) return refuse(alreadyExists(existing.id));
  const accepted = enter(tx, record, to, { accepted: true });
  return done({ VpcPeeringConnection: peeringView(tx.w, accepted, viewKey(tx.caller.accountId, tx.caller.region)) });
}
