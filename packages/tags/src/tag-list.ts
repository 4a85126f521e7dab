import { MAX_USER_TAGS } from './limits.js';
import * as messages from './messages.js';
import { err, ok, type Result } from './result.js';
import { toTagSet, userTagCount, type Tag, type TagInput, type TagSet } from './tag.js';
import { validateTag, type TagSource } from './validate-tag.js';
import { readList } from './wire.js';

/** Reads a request's tag list: each entry valid, and no key twice in one request (spec §7.2). */
export function parseTagList<T extends { readonly Key: string }>(
  raw: unknown,
  parseEntry: (entry: unknown) => Result<T>,
): Result<readonly T[]> {
  const list = readList(raw, 'Tags');
  if (!list.ok) return list;
  const entries: T[] = [];
  const seen = new Set<string>();
  for (const item of list.value) {
    const entry = parseEntry(item);
    if (!entry.ok) return entry;
    if (seen.has(entry.value.Key)) return err(messages.duplicateKey(entry.value.Key)); // spec §7.2
    seen.add(entry.value.Key);
    entries.push(entry.value);
  }
  return ok(entries);
}

/** The tags as a frozen set, unless more than {@link MAX_USER_TAGS} of them count (spec §7.1: `aws:` tags do not). */
export const withinLimit = (tags: readonly Tag[]): Result<TagSet> =>
  userTagCount(tags) > MAX_USER_TAGS ? err(messages.tagLimitExceeded()) : ok(toTagSet(tags));

/**
 * Validates a tag list on its own, as the tags of a resource that has none yet: every tag valid
 * ({@link validateTag}), no key twice, at most {@link MAX_USER_TAGS} tags (spec §7.1, §7.2).
 * Total: any input gives a result. An absent list is the empty set.
 *
 * @param tags the list as the request carries it
 * @param source the call it arrives in, which decides the `aws:` error (default `CreateTags`)
 * @returns the tags as a frozen {@link TagSet}, or the first error in list order
 */
export function validateTags(
  tags: readonly TagInput[] | null | undefined,
  source: TagSource = 'CreateTags',
): Result<TagSet> {
  const parsed = parseTagList(tags, (entry) => validateTag(entry as TagInput, source));
  return parsed.ok ? withinLimit(parsed.value) : parsed;
}
