// DeleteVpc, and what it does to the VPC's connections (spec §1.2).
import { decide, type Decision, type Party } from '@pcxsim/lifecycle';
import type { DeleteVpcCommand } from '../commands.js';
import { dependencyViolation } from '../errors.js';
import { ownVpc } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import { enter, updatePeering } from '../peering-state.js';
import { writeVpc } from '../records.js';
import type { Tx } from '../tx.js';
import { blocksOf } from '../views.js';
import { accountRoles } from '../visibility.js';
import type { PeeringRecord } from '../world.js';
import { peeringsOfVpc } from './vpc-peerings.js';

/**
 * What the lifecycle table says of the VPC's owner deleting it under `record` (its `vpc-deleted`
 * rows, spec §1.2): an active (or provisioning [?]) connection, or the requester's pending request,
 * goes straight to `deleted`. The owner acts in every role its account holds, whatever the Region:
 * an account owning both VPCs ends its own pending request whichever it deletes [?].
 */
const vpcDeleted = (tx: Tx, record: PeeringRecord): Decision =>
  decide(record.status, 'vpc-deleted', accountRoles(record, tx.caller.accountId), tx.caller.region, record.accepterRegion);

/** DeleteVpc. */
export function deleteVpc(tx: Tx, command: DeleteVpcCommand): Outcome<EmptyOutput> {
  const vpc = ownVpc(tx.w, tx.caller, command.VpcId, 'VpcId');
  if (!vpc.ok) return vpc;
  const vpcId = vpc.value.vpcId;
  const peerings = peeringsOfVpc(tx.w, vpcId);
  const decisions = peerings.map((record) => vpcDeleted(tx, record));
  // spec §1.2 [doc]: the accepter cannot delete its VPC while a pending request from another account
  // points at it; it must reject the request first. The table refuses it that role.
  if (decisions.some((decision) => !decision.ok && decision.kind === 'wrongParty')) return refuse(dependencyViolation(vpcId));

  const blocks = Object.freeze(blocksOf(vpc.value));
  for (let i = 0; i < peerings.length; i++) {
    const record = peerings[i]!;
    const decision = decisions[i]!;
    // The views of its connections still show the VPC's blocks after it is gone.
    const deletedVpcs = Object.freeze({ ...record.deletedVpcs, [vpcId]: blocks });
    if (decision.ok) {
      const deletedBy: Party = record.requesterVpcId === vpcId ? 'requester' : 'accepter';
      enter(tx, record, decision.to, { deletedBy, deletedVpcs });
    } else {
      updatePeering(tx, record, { deletedVpcs });
    }
  }
  writeVpc(tx, vpc.value, undefined);
  tx.events.push({ type: 'VpcDeleted', vpcId, at: tx.w.clock });
  return done({});
}
