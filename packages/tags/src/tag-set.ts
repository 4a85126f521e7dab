// The tag-set reducers: what CreateTags and DeleteTags do to the tags of one resource (spec §7.1).
// A failed request changes nothing: the caller keeps its set.
import * as messages from './messages.js';
import { err, ok, type Result } from './result.js';
import { isReservedKey, toTagSet, type Tag, type TagInput, type TagSet } from './tag.js';
import { parseTagList, withinLimit } from './tag-list.js';
import { validateTag, validateTagToDelete } from './validate-tag.js';

/**
 * CreateTags on one resource: adds each tag, overwriting the value of a key already there (spec §7.1 [doc]).
 * The limit counts the user tags of the result, so overwriting a key at 50 succeeds (spec §7.1 [emu/obs]).
 *
 * @param set the resource's tags (a set this package produced, or any tag array with unique keys)
 * @param tags the request's `Tag.N` list; absent or empty is an error, as CreateTags requires one tag at least
 * @returns the new frozen set, or the EC2 error (the first invalid tag in list order, a repeated key, the limit)
 */
export function createTags(set: TagSet, tags: readonly TagInput[] | null | undefined): Result<TagSet> {
  const parsed = parseTagList(tags, (entry) => validateTag(entry as TagInput, 'CreateTags'));
  if (!parsed.ok) return parsed;
  if (parsed.value.length === 0) return err(messages.noTagsToCreate()); // [?] see messages.noTagsToCreate
  const merged = new Map(set.map((tag) => [tag.Key, tag]));
  for (const tag of parsed.value) merged.set(tag.Key, tag);
  return withinLimit([...merged.values()]);
}

/**
 * DeleteTags on one resource (spec §7.1 [doc]): a key without a value deletes the tag whatever its value; a
 * key with a value deletes it only on an exact match, the empty value included; a key the resource lacks is
 * ignored. No tag list deletes every user tag and never an `aws:` one. An `aws:` key in the list is an error.
 *
 * @param set the resource's tags (a set this package produced, or any tag array with unique keys)
 * @param tags the request's `Tag.N` list, or nothing to delete every user tag. An empty list counts as none:
 *   on the wire an empty list sends no parameter at all (spec §9.1), so EC2 cannot tell them apart [?]
 * @returns the new frozen set, or the EC2 error
 */
export function deleteTags(set: TagSet, tags?: readonly TagInput[] | null | undefined): Result<TagSet> {
  const parsed = parseTagList(tags, validateTagToDelete);
  if (!parsed.ok) return parsed;
  if (parsed.value.length === 0) return ok(toTagSet(set.filter((tag) => isReservedKey(tag.Key))));
  const doomed = new Map(parsed.value.map((entry) => [entry.Key, entry]));
  const deletes = (tag: Tag): boolean => {
    const entry = doomed.get(tag.Key);
    return entry !== undefined && (entry.Value === undefined || entry.Value === tag.Value);
  };
  return ok(toTagSet(set.filter((tag) => !deletes(tag))));
}
