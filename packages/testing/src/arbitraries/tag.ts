import { MAX_KEY_LENGTH, MAX_VALUE_LENGTH, RESERVED_KEY_PREFIX, type Tag } from '@pcxsim/tags';
import fc from 'fast-check';
import { tagText, type TagCharacters } from './tag-characters.js';

/** Constraints of {@link tag} and {@link tagSet}. */
export interface TagConstraints {
  /**
   * The characters of keys and values: `'portable'` (letters, digits, space and `+ - = . _ : / @`,
   * safe on any wire and in XML) or `'unicode'` (any well-formed code point, astral ones and control
   * characters included — valid for EC2, though not every transport carries all of them).
   * @defaultValue `'portable'`
   */
  readonly characters?: TagCharacters;
  /**
   * Draw keys from this pool instead (each a valid key), so that tags of different calls collide.
   * @defaultValue any valid key
   */
  readonly keys?: readonly string[];
  /**
   * The longest key, in code points, at most `MAX_KEY_LENGTH` (127).
   * @defaultValue 127
   */
  readonly maxKeyLength?: number;
  /**
   * The longest value, in code points, at most `MAX_VALUE_LENGTH` (256).
   * @defaultValue 256
   */
  readonly maxValueLength?: number;
}

/** Valid keys: 1..max code points, not starting with `aws:`. */
export function validKey(constraints: TagConstraints): fc.Arbitrary<string> {
  if (constraints.keys !== undefined) {
    if (constraints.keys.length === 0) throw new RangeError('tag(): `keys` is empty');
    return fc.constantFrom(...constraints.keys);
  }
  const maxKeyLength = constraints.maxKeyLength ?? MAX_KEY_LENGTH;
  if (maxKeyLength < 1 || maxKeyLength > MAX_KEY_LENGTH) throw new RangeError(`tag(): maxKeyLength must be 1..${MAX_KEY_LENGTH}`);
  return tagText(constraints.characters ?? 'portable', 1, maxKeyLength).filter((key) => !key.startsWith(RESERVED_KEY_PREFIX));
}

/** Valid values: 0..max code points. */
export function validValue(constraints: TagConstraints): fc.Arbitrary<string> {
  const maxValueLength = constraints.maxValueLength ?? MAX_VALUE_LENGTH;
  if (maxValueLength < 0 || maxValueLength > MAX_VALUE_LENGTH) throw new RangeError(`tag(): maxValueLength must be 0..${MAX_VALUE_LENGTH}`);
  return tagText(constraints.characters ?? 'portable', 0, maxValueLength);
}

/**
 * Valid EC2 tags `{ Key, Value }` (spec §7.1): a key of 1 to 127 code points that does not start
 * with `aws:`, a value of 0 to 256 code points (empty included). `validateTag` of `@pcxsim/tags`
 * accepts every one.
 *
 * Generates key and value independently, of any length within the bounds, mostly short. Shrinks
 * towards the shortest key and value of the first characters: `{ Key: 'a', Value: '' }`.
 *
 * @example
 * ```ts
 * tag() // { Key: 'team', Value: 'net ops' }, { Key: 'Q7', Value: '' }, …
 * ```
 */
export function tag(constraints: TagConstraints = {}): fc.Arbitrary<Tag> {
  return fc.record({ Key: validKey(constraints), Value: validValue(constraints) });
}
