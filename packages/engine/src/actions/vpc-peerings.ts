// The connections a VPC takes part in, from its entry in `world.links` (every state, visible or not).
import { peeringById } from '../records.js';
import { connectionIds } from '../vpc-links.js';
import type { PeeringRecord, World } from '../world.js';

/** Every connection either side of which is `vpcId`, in ID order (deterministic). */
export function peeringsOfVpc(world: World, vpcId: string): PeeringRecord[] {
  const ids = connectionIds(world.links, vpcId);
  return ids.sort().map((id) => peeringById(world, id)!);
}
