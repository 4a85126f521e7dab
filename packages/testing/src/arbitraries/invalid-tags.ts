import { MAX_KEY_LENGTH, MAX_VALUE_LENGTH, RESERVED_KEY_PREFIX, type TagError, type TagSource } from '@pcxsim/tags';
import fc from 'fast-check';
import { tagText } from './tag-characters.js';

/**
 * Every way `validateTag` of `@pcxsim/tags` tells one tag apart as invalid (spec §7.1, §7.2):
 * - `keyMissing`: no key, a `null` key or the empty key;
 * - `keyTooLong`: a key over 127 code points;
 * - `keyNotUnicode`: a key with an unpaired UTF-16 surrogate;
 * - `keyNotString`: a key that is no string (only an in-process caller can send one);
 * - `reservedPrefix`: a key starting with `aws:`;
 * - `valueMissing`: no value or a `null` one (the empty string is a value);
 * - `valueTooLong`: a value over 256 code points;
 * - `valueNotUnicode`: a value with an unpaired surrogate;
 * - `valueNotString`: a value that is no string.
 */
export type InvalidTagKind =
  | 'keyMissing'
  | 'keyTooLong'
  | 'keyNotUnicode'
  | 'keyNotString'
  | 'reservedPrefix'
  | 'valueMissing'
  | 'valueTooLong'
  | 'valueNotUnicode'
  | 'valueNotString';

/** A tag as an in-process caller may pass it: either field missing, or of any type. */
export interface LooseTag {
  /** The key, if any: a string for every kind but `keyNotString`. */
  readonly Key?: unknown;
  /** The value, if any: a string for every kind but `valueMissing` and `valueNotString`. */
  readonly Value?: unknown;
}

/** An invalid tag, labelled with why and with the exact error EC2 (and the engine) answers. */
export interface InvalidTag {
  /** What is wrong with it. */
  readonly kind: InvalidTagKind;
  /** The tag. Cast it to `TagInput` to put it in a command. */
  readonly tag: LooseTag;
  /**
   * The error `validateTag(tag, source)` gives, by where the tag arrives: only `reservedPrefix`
   * differs (`InvalidParameterValue` for CreateTags, `InvalidTagKey.Malformed` in a
   * TagSpecification).
   */
  readonly errors: Readonly<Record<TagSource, TagError>>;
  /**
   * Whether the tag survives the EC2 Query wire unchanged. An unpaired surrogate cannot be encoded
   * in UTF-8 and a non-string has no wire form: those reach a server as something else.
   */
  readonly wire: boolean;
}

// The texts of @pcxsim/tags (its messages.ts), written out again so a test can hold the two together.
const invalid = (message: string): TagError => ({ code: 'InvalidParameterValue', message });
const same = (error: TagError) => ({ CreateTags: error, TagSpecification: error });

/** A valid key or value for the field the kind does not spoil. */
const shortKey = tagText('portable', 1, 16).filter((key) => !key.startsWith(RESERVED_KEY_PREFIX));
const shortValue = tagText('portable', 0, 16);

/** One unpaired surrogate (high or low): a UTF-16 unit that is not a code point on its own. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

/** Text with an unpaired surrogate somewhere; the text around it is portable, so it cannot pair. */
const notUnicodeText = fc
  .tuple(tagText('portable', 0, 8), loneSurrogate, tagText('portable', 0, 8))
  .map(([before, lone, after]) => before + lone + after);

/** Anything that is not a string. */
const notString: fc.Arbitrary<unknown> = fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }));

/** `{ Value }` with the key absent, `null` or empty. Shrinks towards an absent key and an empty value. */
function keyMissing(): fc.Arbitrary<InvalidTag> {
  return fc.tuple(fc.constantFrom('absent', 'null', 'empty'), shortValue).map(([how, Value]) => ({
    kind: 'keyMissing' as const,
    tag: how === 'absent' ? { Value } : { Key: how === 'null' ? null : '', Value },
    errors: same(invalid("Value ( '' ) for parameter Tag key is invalid. Tag key cannot be null or empty.")),
    wire: true,
  }));
}

/** A key of 128 to 255 code points, any prefix. Shrinks towards 128 `a`s and an empty value. */
function keyTooLong(): fc.Arbitrary<InvalidTag> {
  return fc.tuple(tagText('portable', MAX_KEY_LENGTH + 1, 2 * MAX_KEY_LENGTH + 1), shortValue).map(([Key, Value]) => ({
    kind: 'keyTooLong' as const,
    tag: { Key, Value },
    errors: same(invalid(`Tag key exceeds the maximum length of ${MAX_KEY_LENGTH} characters`)),
    wire: true,
  }));
}

/** A short key with one unpaired surrogate. Shrinks towards the surrogate alone (`'\ud800'`). */
function keyNotUnicode(): fc.Arbitrary<InvalidTag> {
  return fc.tuple(notUnicodeText, shortValue).map(([Key, Value]) => ({
    kind: 'keyNotUnicode' as const,
    tag: { Key, Value },
    errors: same(invalid('Tag key is not valid Unicode: it contains an unpaired surrogate.')),
    wire: false,
  }));
}

/** A key that is a number, boolean, list or object. Shrinks towards `0`. */
function keyNotString(): fc.Arbitrary<InvalidTag> {
  return fc.tuple(notString, shortValue).map(([Key, Value]) => ({
    kind: 'keyNotString' as const,
    tag: { Key, Value },
    errors: same(invalid('Invalid type for parameter Key: expected a string.')),
    wire: false,
  }));
}

/** A key `aws:…` of at most 127 code points. Shrinks towards `'aws:'` and an empty value. */
function reservedPrefix(): fc.Arbitrary<InvalidTag> {
  return fc.tuple(tagText('portable', 0, MAX_KEY_LENGTH - RESERVED_KEY_PREFIX.length), shortValue).map(([rest, Value]) => {
    const Key = RESERVED_KEY_PREFIX + rest;
    return {
      kind: 'reservedPrefix' as const,
      tag: { Key, Value },
      errors: {
        CreateTags: invalid(`Value ( ${Key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use`),
        TagSpecification: {
          code: 'InvalidTagKey.Malformed' as const,
          message: `The tag key '${Key}' is not valid. Tag keys starting with 'aws:' are reserved for internal use.`,
        },
      },
      wire: true,
    };
  });
}

/** A valid key with the value absent or `null`. Shrinks towards `{ Key: 'a' }`. */
function valueMissing(): fc.Arbitrary<InvalidTag> {
  return fc.tuple(shortKey, fc.boolean()).map(([Key, explicitNull]) => ({
    kind: 'valueMissing' as const,
    tag: explicitNull ? { Key, Value: null } : { Key },
    errors: same(invalid(`Value ( ${Key} ) for parameter value is invalid. Tag value cannot be null. Use empty string instead.`)),
    wire: true,
  }));
}

/** A valid key and a value of 257 to 512 code points. Shrinks towards 257 `a`s. */
function valueTooLong(): fc.Arbitrary<InvalidTag> {
  return fc.tuple(shortKey, tagText('portable', MAX_VALUE_LENGTH + 1, 2 * MAX_VALUE_LENGTH)).map(([Key, Value]) => ({
    kind: 'valueTooLong' as const,
    tag: { Key, Value },
    errors: same(invalid(`Tag value exceeds the maximum length of ${MAX_VALUE_LENGTH} characters`)),
    wire: true,
  }));
}

/** A valid key and a short value with one unpaired surrogate. Shrinks towards the surrogate alone. */
function valueNotUnicode(): fc.Arbitrary<InvalidTag> {
  return fc.tuple(shortKey, notUnicodeText).map(([Key, Value]) => ({
    kind: 'valueNotUnicode' as const,
    tag: { Key, Value },
    errors: same(invalid('Tag value is not valid Unicode: it contains an unpaired surrogate.')),
    wire: false,
  }));
}

/** A valid key and a value that is a number, boolean, list or object. Shrinks towards `0`. */
function valueNotString(): fc.Arbitrary<InvalidTag> {
  return fc.tuple(shortKey, notString).map(([Key, Value]) => ({
    kind: 'valueNotString' as const,
    tag: { Key, Value },
    errors: same(invalid('Invalid type for parameter Value: expected a string.')),
    wire: false,
  }));
}

/**
 * One arbitrary per kind of invalid tag (see {@link InvalidTagKind}), each generating
 * {@link InvalidTag}s labelled with the exact error `validateTag` gives — and so the engine, for
 * CreateTags or a TagSpecification. Every field but the one at fault is valid, so the labelled error
 * is the one that comes first.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(invalidTags.keyTooLong(), ({ tag, errors }) => {
 *   expect(validateTag(tag as TagInput)).toEqual({ ok: false, error: errors.CreateTags });
 * }));
 * ```
 */
export const invalidTags: { readonly [K in InvalidTagKind]: () => fc.Arbitrary<InvalidTag> } = Object.freeze({
  keyMissing,
  keyTooLong,
  keyNotUnicode,
  keyNotString,
  reservedPrefix,
  valueMissing,
  valueTooLong,
  valueNotUnicode,
  valueNotString,
});

/** Every kind of {@link InvalidTagKind}, in the order of {@link invalidTags}. */
export const INVALID_TAG_KINDS: readonly InvalidTagKind[] = Object.freeze(Object.keys(invalidTags) as InvalidTagKind[]);

/** Constraints of {@link invalidTag}. */
export interface InvalidTagConstraints {
  /**
   * The kinds to draw from.
   * @defaultValue every kind
   */
  readonly kinds?: readonly InvalidTagKind[];
  /**
   * Only tags that survive the EC2 Query wire unchanged (see {@link InvalidTag.wire}): for tests
   * that go through an SDK or over HTTP.
   * @defaultValue false
   */
  readonly wireOnly?: boolean;
}

/**
 * Invalid tags of any kind (see {@link invalidTags} for one kind at a time), each labelled with its
 * kind and the exact error it gets.
 *
 * Generates one of the kinds, equally likely, then a tag of that kind. Shrinks within the kind (see
 * each of {@link invalidTags}), and towards the first kind, `keyMissing`.
 *
 * @example
 * ```ts
 * invalidTag({ wireOnly: true }) // { kind: 'reservedPrefix', tag: { Key: 'aws:x', Value: '' }, errors: { … }, wire: true }, …
 * ```
 */
export function invalidTag(constraints: InvalidTagConstraints = {}): fc.Arbitrary<InvalidTag> {
  const wireKinds = new Set<InvalidTagKind>(['keyMissing', 'keyTooLong', 'reservedPrefix', 'valueMissing', 'valueTooLong']);
  const kinds = (constraints.kinds ?? INVALID_TAG_KINDS).filter((kind) => constraints.wireOnly !== true || wireKinds.has(kind));
  if (kinds.length === 0) throw new RangeError('invalidTag(): no kind left to draw from');
  return fc.oneof({ withCrossShrink: true }, ...kinds.map((kind) => invalidTags[kind]()));
}
