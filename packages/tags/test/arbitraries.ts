// Shared arbitraries and an independent oracle for "a valid tag set", written from spec §7.1 rather than from
// the package's code, so the properties compare the package against the spec.
import { Buffer } from 'node:buffer';
import { fc } from '@fast-check/vitest';
import type { Tag, TagSet } from '../src/index.js';

/** Code points, the unit the spec counts in (an emoji is one). */
export const codePoints = (text: string): number => [...text].length;

/** UTF-8 cannot carry a lone surrogate: Node replaces it, so the round trip changes the text. */
export const isWellFormed = (text: string): boolean => Buffer.from(text, 'utf8').toString('utf8') === text;

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyChar = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), // any code point, astral ones included
  codeUnit, // lone surrogates
  fc.constantFrom('\0', '😀', 'a', 'A', ':'),
);

/** Any string at all: lone surrogates, NUL, emoji, up to 10k long (a cut may split a surrogate pair). */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: anyChar, maxLength: 40 }),
  fc
    .tuple(fc.string({ unit: anyChar, minLength: 1, maxLength: 6 }), fc.integer({ min: 100, max: 10_000 }))
    .map(([seed, length]) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length)),
  fc.constantFrom('', 'aws:', 'aws:x', 'AWS:x', 'Name', 'name'),
);

/** Well-formed text of `min..max` code points. */
export const text = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: 'binary', minLength, maxLength });

/** A small pool of keys, so commands collide with existing tags and reach the 50-tag limit. */
const pooledKey = fc.oneof(
  fc.constantFrom('Name', 'name', 'env', ' ', '\0', '😀'),
  fc.integer({ min: 0, max: 59 }).map((i) => `k${i}`),
);

/** A key a user may write: 1..127 code points, not `aws:`. */
export const userKey: fc.Arbitrary<string> = fc
  .oneof(pooledKey, text(1, 127))
  .filter((key) => !key.startsWith('aws:'));

/** A reserved key, as AWS itself writes them. */
export const awsKey: fc.Arbitrary<string> = text(0, 40).map((rest) => `aws:${rest}`);

/** A value: 0..256 code points, often empty or from a tiny pool, so exact-match deletes hit. */
export const value: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('', 'x', 'X'), text(0, 256));

/** A valid user tag. */
export const userTag: fc.Arbitrary<Tag> = fc.record({ Key: userKey, Value: value });

/**
 * A valid tag set as the engine may hold it: up to 50 user tags plus some `aws:` tags, in no particular order
 * and not frozen (the reducers must accept any tag array with unique keys).
 */
export const tagSet = (maxUserTags = 50): fc.Arbitrary<Tag[]> =>
  fc
    .tuple(
      fc.uniqueArray(userTag, { selector: (tag) => tag.Key, maxLength: maxUserTags, size: 'max' }),
      fc.uniqueArray(fc.record({ Key: awsKey, Value: value }), { selector: (tag) => tag.Key, maxLength: 4 }),
    )
    .chain(([user, reserved]) => fc.shuffledSubarray([...user, ...reserved], { minLength: user.length + reserved.length }));

/** Anything an in-process caller could pass where a request field belongs. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withMap: true }),
);

/** A tag as a request may carry it: valid, reserved, fields missing, of odd types, odd text. */
export const tagInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: userTag },
  { weight: 1, arbitrary: fc.record({ Key: userKey }) },
  { weight: 1, arbitrary: fc.record({ Key: awsKey, Value: value }) },
  { weight: 1, arbitrary: fc.record({ Key: anyText, Value: anyText }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ Key: garbage, Value: garbage }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: garbage },
);

/** The invariant of a tag set, from spec §7.1. Returns the broken rule, or `undefined`. */
export function brokenRule(set: TagSet): string | undefined {
  if (!Object.isFrozen(set)) return 'set not frozen';
  for (const [i, tag] of set.entries()) {
    if (!Object.isFrozen(tag)) return 'tag not frozen';
    if (Object.keys(tag).join() !== 'Key,Value') return 'tag has other fields';
    if (typeof tag.Key !== 'string' || typeof tag.Value !== 'string') return 'not strings';
    if (!isWellFormed(tag.Key) || !isWellFormed(tag.Value)) return 'lone surrogate';
    if (codePoints(tag.Key) < 1 || codePoints(tag.Key) > 127) return 'key length';
    if (codePoints(tag.Value) > 256) return 'value length';
    const previous = set[i - 1];
    if (previous !== undefined && !(previous.Key < tag.Key)) return 'keys not unique and ascending';
  }
  if (set.filter((tag) => !tag.Key.startsWith('aws:')).length > 50) return 'more than 50 user tags';
  return undefined;
}

/** The same tags sorted by key, plain: what a set must equal. */
export const sorted = (tags: readonly Tag[]): Tag[] =>
  [...tags].map(({ Key, Value }) => ({ Key, Value })).sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
