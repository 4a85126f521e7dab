// The connections one view lists, read from the status index, so a query costs in proportion to
// what the view holds, not to the world.
import { PEERING_STATES, type PeeringState } from '@pcxsim/lifecycle';
import { byStatus, members } from './indexes.js';
import { peach } from './pmap.js';
import type { World } from './world.js';

/** The IDs a view lists in the given states (all states by default), visible now or not. */
export function listedIds(world: World, view: string, states: readonly PeeringState[] = PEERING_STATES): string[] {
  const out: string[] = [];
  for (const state of states) peach(members(world.statuses, byStatus(view, state)), (_, id) => out.push(id as string));
  return out;
}
