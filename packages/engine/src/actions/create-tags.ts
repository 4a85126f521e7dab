// CreateTags on VPCs and connections (spec §7.1, §7.4).
import { createTags as addTags } from '@pcxsim/tags';
import type { CreateTagsCommand } from '../commands.js';
import type { Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import type { Tx } from '../tx.js';
import { retag, tagTargets } from './tag-targets.js';

/** CreateTags: adds or overwrites tags in the caller's view of each resource. */
export function createTags(tx: Tx, command: CreateTagsCommand): Outcome<EmptyOutput> {
  const targets = tagTargets(tx, command.Resources);
  if (!targets.ok) return targets;
  return retag(tx, targets.value, (set) => addTags(set, command.Tags));
}
