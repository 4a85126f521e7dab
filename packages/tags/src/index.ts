/**
 * What EC2 does with the tags of a resource, as pure functions over immutable data (spec §7 of
 * `docs/reference/peering.md`):
 *
 * - {@link validateTag} and {@link validateTags}: the rules for one tag and for a tag list;
 * - {@link tagsFromSpecifications}: the TagSpecifications of a create call, checked against the action;
 * - {@link createTags} and {@link deleteTags}: the CreateTags and DeleteTags reducers on a {@link TagSet}.
 *
 * Every function returns a {@link Result}: the value, or the `{ code, message }` EC2 would send. None throws
 * for any request input: missing fields, fields of the wrong type, lone surrogates, NUL, very long text. (The
 * tag set and the action are the engine's own state, not request input, and are trusted.) Every number is in
 * one place ({@link MAX_USER_TAGS}, {@link MAX_KEY_LENGTH}, {@link MAX_VALUE_LENGTH}); lengths count Unicode
 * code points.
 *
 * @packageDocumentation
 */
export { MAX_KEY_LENGTH, MAX_USER_TAGS, MAX_VALUE_LENGTH, RESERVED_KEY_PREFIX } from './limits.js';
export type { Err, Ok, Result, TagError, TagErrorCode } from './result.js';
export { isReservedKey, type Tag, type TagInput, type TagSet } from './tag.js';
export { validateTag, type TagSource } from './validate-tag.js';
export { validateTags } from './tag-list.js';
export { createTags, deleteTags } from './tag-set.js';
export {
  TAGGED_RESOURCE_TYPE,
  tagsFromSpecifications,
  type TaggingAction,
  type TagSpecificationInput,
} from './tag-specifications.js';
