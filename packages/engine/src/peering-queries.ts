// The connections one view lists, read from the status index, so a query costs in proportion to
// what the view holds, not to the world.
import { listedIn, members } from './indexes.js';
import { pkeys } from './pmap.js';
import type { World } from './world.js';

/** The IDs a view lists, in any state, visible now or not. */
export const listedIds = (world: World, view: string): string[] => pkeys(members(world.statuses, listedIn(view))) as string[];
