import { MAX_USER_TAGS, type Tag } from '@pcxsim/tags';
import fc from 'fast-check';
import { tag, type TagConstraints } from './tag.js';

/** Constraints of {@link tagSet}. */
export interface TagSetConstraints extends TagConstraints {
  /**
   * The fewest tags.
   * @defaultValue 0
   */
  readonly minLength?: number;
  /**
   * The most tags, at most `MAX_USER_TAGS` (50).
   * @defaultValue 50
   */
  readonly maxLength?: number;
}

/**
 * Valid tag lists for one resource (spec §7.1): up to 50 {@link tag}s, no key twice — what a
 * `CreateTags` call or a `TagSpecification` may carry. `validateTags` of `@pcxsim/tags` accepts every
 * one. The list is in no particular order; the engine stores it sorted by key.
 *
 * Generates a list of tags with distinct keys, mostly short. Shrinks towards fewer tags, then shrinks
 * each tag (see {@link tag}).
 *
 * @example
 * ```ts
 * tagSet({ minLength: 1, maxLength: 3, keys: ['Name', 'env', 'team'] })
 * // [{ Key: 'env', Value: 'prod' }, { Key: 'Name', Value: '' }], …
 * ```
 */
export function tagSet(constraints: TagSetConstraints = {}): fc.Arbitrary<Tag[]> {
  const minLength = constraints.minLength ?? 0;
  // A pool of keys bounds the number of distinct tags.
  const maxLength = Math.min(constraints.maxLength ?? MAX_USER_TAGS, constraints.keys?.length ?? MAX_USER_TAGS);
  if (minLength < 0 || (constraints.maxLength ?? 0) > MAX_USER_TAGS) {
    throw new RangeError(`tagSet(): ${minLength}..${maxLength} tags is not within 0..${MAX_USER_TAGS}`);
  }
  if (minLength > maxLength) throw new RangeError(`tagSet(): cannot make ${minLength} tags with distinct keys (at most ${maxLength})`);
  return fc.uniqueArray(tag(constraints), { selector: (item) => item.Key, minLength, maxLength });
}
