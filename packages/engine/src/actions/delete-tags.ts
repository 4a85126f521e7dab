// DeleteTags on VPCs and connections (spec §7.1, §7.4).
import { deleteTags as removeTags } from '@pcxsim/tags';
import type { DeleteTagsCommand } from '../commands.js';
import type { Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import type { Tx } from '../tx.js';
import { retag, tagTargets } from './tag-targets.js';

/** DeleteTags: removes tags from the caller's view of each resource. */
export function deleteTags(tx: Tx, command: DeleteTagsCommand): Outcome<EmptyOutput> {
  const targets = tagTargets(tx, command.Resources);
  if (!targets.ok) return targets;
  return retag(tx, targets.value, (set) => removeTags(set, command.Tags));
}
