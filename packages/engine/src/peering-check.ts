// The asynchronous check of a new request (spec §2.2): it passes, and the request waits for the
// accepter, or it fails, and the connection is `failed` although Create succeeded.
import { partitionOf } from './regions.js';
import type { PeeringRecord, World } from './world.js';
import { vpcById } from './store.js';
import { vpcsOverlap } from './vpc-cidr.js';

/** Why a request fails its check, or `null` when it passes. */
export type CheckFailure = 'requester-vpc-gone' | 'wrong-peer' | 'cross-partition' | 'overlap';

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
