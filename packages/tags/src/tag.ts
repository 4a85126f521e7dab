import { RESERVED_KEY_PREFIX } from './limits.js';

/** One tag as EC2 stores it. The field names are the SDK's, so a tag set can be handed to the engine as is. */
export interface Tag {
  /** The key: 1 to {@link MAX_KEY_LENGTH} code points, case-sensitive, unique on a resource (spec §7.1). */
  readonly Key: string;
  /** The value: 0 to {@link MAX_VALUE_LENGTH} code points, case-sensitive; empty but never absent (spec §7.1). */
  readonly Value: string;
}

/**
 * The tags of one resource (one account-and-Region view of it, spec §7.4): frozen, sorted by key in UTF-16
 * code-unit order, keys unique. Plain data, so `JSON.parse(JSON.stringify(set))` restores it exactly.
 */
export type TagSet = readonly Tag[];

/**
 * One tag as a request carries it: `Tag.N.Key` / `Tag.N.Value` on the wire, `{ Key, Value }` in an SDK.
 * Either field may be missing; the validators also cope with fields of any other type.
 */
export interface TagInput {
  /** The key, if the request sent one. */
  readonly Key?: string | null | undefined;
  /** The value, if the request sent one. Absent means "no value", which differs from the empty string. */
  readonly Value?: string | null | undefined;
}

/** Whether `key` is reserved for AWS: such tags do not count against the limit and no user may touch them (spec §7.1). */
export const isReservedKey = (key: string): boolean => key.startsWith(RESERVED_KEY_PREFIX);

/** The number of tags that count against {@link MAX_USER_TAGS}. */
export const userTagCount = (tags: readonly Tag[]): number => tags.filter((tag) => !isReservedKey(tag.Key)).length;

const byKey = (a: Tag, b: Tag): number => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0);

/** A fresh frozen {@link TagSet} of `tags` (keys assumed unique): new tag objects, so no caller object is frozen or shared. */
export const toTagSet = (tags: Iterable<Tag>): TagSet =>
  Object.freeze([...tags].map(({ Key, Value }) => Object.freeze({ Key, Value })).sort(byKey));
