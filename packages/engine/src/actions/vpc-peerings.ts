// The connections a VPC takes part in, from the index (every state, visible or not).
import { byVpc, members } from '../indexes.js';
import { pkeys } from '../pmap.js';
import { peeringById } from '../records.js';
import type { PeeringRecord, World } from '../world.js';

/** Every connection either side of which is `vpcId`, in ID order (deterministic). */
export function peeringsOfVpc(world: World, vpcId: string): PeeringRecord[] {
  const ids = pkeys(members(world.index, byVpc(vpcId))) as string[];
  return ids.sort().map((id) => peeringById(world, id)!);
}
