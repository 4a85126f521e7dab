// The asynchronous check of a new request (spec §2.2): it passes, and the request waits for the
// accepter, or it fails, and the connection is `failed` although Create succeeded.
import { partitionOf } from './regions.js';
import type { Tx } from './tx.js';
import type { PeeringRecord, World } from './world.js';
import { vpcById } from './records.js';
import { vpcsOverlap } from './vpc-cidr.js';

/** Why a request fails its check, or `null` when it passes; `injected`: the FailPeeringChecks fault. */
export type CheckFailure = 'requester-vpc-gone' | 'wrong-peer' | 'cross-partition' | 'overlap' | 'injected';

/**
 * Checks a request (spec §2.2):
 * - the accepter VPC must exist with the owner and Region the request named (`PeerOwnerId`,
 *   `PeerRegion`): a wrong one fails the request, so naming another owner never hands it the
 *   connection [obs];
 * - the requester VPC must still exist;
 * - both Regions must be in one partition (spec §8.2 [doc]);
 * - no IPv4 block of one VPC, primary or secondary, may overlap or equal one of the other [doc]; nor
 *   any IPv6 block [?]. A VPC peered with itself overlaps itself, so it fails [?].
 */
export function checkRequest(world: World, record: PeeringRecord): CheckFailure | null {
  const requester = vpcById(world, record.requesterVpcId);
  if (requester === undefined || requester.ownerId !== record.requesterOwnerId || requester.region !== record.requesterRegion) {
    return 'requester-vpc-gone';
  }
  const accepter = vpcById(world, record.accepterVpcId);
  if (accepter === undefined || accepter.ownerId !== record.accepterOwnerId || accepter.region !== record.accepterRegion) {
    return 'wrong-peer';
  }
  if (partitionOf(record.requesterRegion) !== partitionOf(record.accepterRegion)) return 'cross-partition';
  if (vpcsOverlap(requester, accepter)) return 'overlap';
  return null;
}

/** Marks a request being created to fail its check when FailPeeringChecks has armed a failure. */
export function markIfArmed(tx: Tx, id: string): void {
  const faults = tx.w.checkFaults;
  if (faults === undefined || faults.armed === 0) return;
  tx.w.checkFaults = Object.freeze({ armed: faults.armed - 1, marked: Object.freeze([...faults.marked, id]) });
}

/**
 * Runs the check of a request as the simulation does: a request marked by FailPeeringChecks fails
 * (and is unmarked, so the fault leaves nothing behind), any other is {@link checkRequest}ed.
 */
export function runCheck(tx: Tx, record: PeeringRecord): CheckFailure | null {
  const faults = tx.w.checkFaults;
  const at = faults === undefined ? -1 : faults.marked.indexOf(record.id);
  if (faults === undefined || at === -1) return checkRequest(tx.w, record);
  const marked = faults.marked.filter((_, i) => i !== at);
  if (faults.armed === 0 && marked.length === 0) delete tx.w.checkFaults;
  else tx.w.checkFaults = Object.freeze({ armed: faults.armed, marked: Object.freeze(marked) });
  return 'injected';
}
