// DeleteVpc, and what it does to the VPC's connections (spec §1.2).
import type { Party } from '@pcxsim/lifecycle';
import type { DeleteVpcCommand } from '../commands.js';
import { dependencyViolation } from '../errors.js';
import { ownVpc } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import { enter, updatePeering } from '../peering-state.js';
import { writeVpc } from '../store.js';
import type { Tx } from '../tx.js';
import { blocksOf } from '../views.js';
import type { PeeringRecord } from '../world.js';
import { peeringsOfVpc } from './vpc-peerings.js';
import { removeVpcRouting, vpcHasRoutingDependencies } from '../routing/route-tables.js';

/**
 * spec §1.2 [doc]: the accepter cannot delete its VPC while a pending request from another account
 * points at it; it must reject the request first.
 */
const blocksDeletion = (record: PeeringRecord, vpcId: string): boolean =>
  record.status === 'pending-acceptance' && record.accepterVpcId === vpcId && record.requesterOwnerId !== record.accepterOwnerId;

/**
 * spec §1.2 [doc]: deleting a VPC deletes its active connections, and a requester deleting its VPC
 * deletes its pending request. A pending request to a VPC of the same account goes the same way [?].
 * Provisioning counts as active [?]. The connection goes straight to `deleted`, deleted by the party
 * whose VPC it was; the lifecycle table has no row for this, so it is the engine's own rule.
 */
const endsWithVpc = (record: PeeringRecord): boolean =>
  record.status === 'active' || record.status === 'provisioning' || record.status === 'pending-acceptance';

/** DeleteVpc. */
export function deleteVpc(tx: Tx, command: DeleteVpcCommand): Outcome<EmptyOutput> {
  const vpc = ownVpc(tx.w, tx.caller, command.VpcId, 'VpcId');
  if (!vpc.ok) return vpc;
  const vpcId = vpc.value.vpcId;
  // issue 13: subnets and custom route tables must go first; the main table goes with the VPC.
  if (vpcHasRoutingDependencies(tx.w, vpcId)) return refuse(dependencyViolation(vpcId));
  const peerings = peeringsOfVpc(tx.w, vpcId);
  if (peerings.some((record) => blocksDeletion(record, vpcId))) return refuse(dependencyViolation(vpcId));

  const blocks = Object.freeze(blocksOf(vpc.value));
  for (const record of peerings) {
    // The views of its connections still show the VPC's blocks after it is gone.
    const deletedVpcs = Object.freeze({ ...record.deletedVpcs, [vpcId]: blocks });
    if (endsWithVpc(record)) {
      const deletedBy: Party = record.requesterVpcId === vpcId ? 'requester' : 'accepter';
      enter(tx, record, 'deleted', { deletedBy, deletedVpcs });
    } else {
      updatePeering(tx, record, { deletedVpcs });
    }
  }
  removeVpcRouting(tx, vpcId);
  writeVpc(tx, vpc.value, undefined);
  tx.events.push({ type: 'VpcDeleted', vpcId, at: tx.w.clock });
  return done({});
}
