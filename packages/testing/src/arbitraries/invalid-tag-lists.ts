import { MAX_USER_TAGS, type Tag, type TagError } from '@pcxsim/tags';
import fc from 'fast-check';
import { tag } from './tag.js';
import { tagSet } from './tag-set.js';

/**
 * Every way `validateTags` of `@pcxsim/tags` refuses a list of valid tags (spec §7.1, §7.2):
 * - `duplicateKey`: one key twice in one request;
 * - `tooMany`: more than 50 user tags on one resource.
 */
export type InvalidTagListKind = 'duplicateKey' | 'tooMany';

/** A list of valid tags that is invalid as a whole, labelled with why and the exact error. */
export interface InvalidTagList {
  /** What is wrong with it. */
  readonly kind: InvalidTagListKind;
  /** The tags, each valid on its own. */
  readonly tags: readonly Tag[];
  /** The error `validateTags(tags)` gives (the same for CreateTags and a TagSpecification). */
  readonly error: TagError;
}

/**
 * A valid list with one of its tags repeated under the same key (any value), inserted anywhere after
 * it. Shrinks towards `[{ Key: 'a', Value: '' }, { Key: 'a', Value: '' }]`.
 */
function duplicateKey(): fc.Arbitrary<InvalidTagList> {
  return fc
    .tuple(tagSet({ minLength: 1, maxLength: 8, maxKeyLength: 16, maxValueLength: 16 }), fc.nat(), fc.nat(), tag({ maxKeyLength: 16, maxValueLength: 16 }))
    .map(([tags, which, where, other]) => {
      const index = which % tags.length;
      const original = tags[index]!;
      const at = index + 1 + (where % (tags.length - index));
      const repeated = [...tags.slice(0, at), { Key: original.Key, Value: other.Value }, ...tags.slice(at)];
      return { kind: 'duplicateKey' as const, tags: repeated, error: { code: 'InvalidParameterValue' as const, message: `Duplicate tag key '${original.Key}' specified.` } };
    });
}

/** 51 to 60 tags with distinct keys. Shrinks towards 51 short tags. */
function tooMany(): fc.Arbitrary<InvalidTagList> {
  return fc
    .uniqueArray(tag({ maxKeyLength: 8, maxValueLength: 8 }), { selector: (item) => item.Key, minLength: MAX_USER_TAGS + 1, maxLength: MAX_USER_TAGS + 10 })
    .map((tags) => ({
      kind: 'tooMany' as const,
      tags,
      error: { code: 'TagLimitExceeded' as const, message: 'The maximum number of Tags for a resource has been reached.' },
    }));
}

/**
 * One arbitrary per way a list of valid tags can be refused (see {@link InvalidTagListKind}), each
 * generating {@link InvalidTagList}s labelled with the exact error `validateTags` gives.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(invalidTagLists.tooMany(), ({ tags, error }) => {
 *   expect(validateTags(tags)).toEqual({ ok: false, error });
 * }));
 * ```
 */
export const invalidTagLists: { readonly [K in InvalidTagListKind]: () => fc.Arbitrary<InvalidTagList> } = Object.freeze({
  duplicateKey,
  tooMany,
});
