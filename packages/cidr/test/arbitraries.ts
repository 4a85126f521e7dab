// Generators shared by the cidr tests. "Small universes" (a /20 of IPv4 and a /116 of IPv6,
// 4096 addresses each) let a bitmap serve as a brute-force model of any set.
import fc from 'fast-check';
import { parsePrefix, type Prefix } from '../src/index.js';

export const v4Word = fc.integer({ min: 0, max: 0xffff_ffff });

/** Any IPv4 prefix, host bits cleared. */
export const anyV4Prefix: fc.Arbitrary<Prefix> = fc
  .tuple(v4Word, fc.integer({ min: 0, max: 32 }))
  .map(([x, length]) => ({ family: 4, words: [length === 0 ? 0 : (x & (0xffff_ffff << (32 - length))) >>> 0], length }));

/** Any IPv6 prefix, host bits cleared; word values biased towards zero so `::` runs appear. */
export const anyV6Prefix: fc.Arbitrary<Prefix> = fc
  .tuple(fc.array(fc.oneof(v4Word, fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 128 }))
  .map(([words, length]) => ({
    family: 6,
    words: words.map((word, w) => {
      const bits = length - 32 * w;
      return bits <= 0 ? 0 : bits >= 32 ? word : (word & (0xffff_ffff << (32 - bits))) >>> 0;
    }),
    length,
  }));

export const anyPrefix = fc.oneof(anyV4Prefix, anyV6Prefix);

/** The small universes: 4096 addresses each. */
export const universe4 = parsed('10.20.16.0/20');
export const universe6 = parsed('2001:db8:0:0:1:2:3:4000/116');
export const UNIVERSE_SIZE = 4096;

export function parsed(text: string): Prefix {
  const result = parsePrefix(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.value;
}

/** A prefix inside the small universe of the family, as (offset, length) → Prefix. */
export function smallPrefix(family: 4 | 6): fc.Arbitrary<Prefix> {
  const base = family === 4 ? universe4 : universe6;
  return fc.tuple(fc.integer({ min: 0, max: UNIVERSE_SIZE - 1 }), fc.integer({ min: base.length, max: family === 4 ? 32 : 128 })).map(([offset, length]) => {
    const hostBits = (family === 4 ? 32 : 128) - length;
    const aligned = (offset >>> hostBits) << hostBits;
    const words = [...base.words];
    words[words.length - 1] = words[words.length - 1]! + aligned;
    return { family, words, length };
  });
}

/** Lists of prefixes from both small universes. */
export const smallPrefixes = fc.array(fc.oneof(smallPrefix(4), smallPrefix(6)), { maxLength: 12 });

/** The bitmap model: index = offset inside the universe, one bitmap per family. */
export interface Model {
  readonly 4: Uint8Array;
  readonly 6: Uint8Array;
}

export function modelOf(prefixes: readonly Prefix[]): Model {
  const model = { 4: new Uint8Array(UNIVERSE_SIZE), 6: new Uint8Array(UNIVERSE_SIZE) };
  for (const p of prefixes) {
    const [first, count] = offsetAndCount(p);
    model[p.family].fill(1, first, first + count);
  }
  return model;
}

/** Where a prefix of a small universe starts (offset) and how many addresses it spans. */
export function offsetAndCount(p: Prefix): [number, number] {
  const base = p.family === 4 ? universe4 : universe6;
  const last = p.words.length - 1;
  return [p.words[last]! - base.words[last]!, 2 ** ((p.family === 4 ? 32 : 128) - p.length)];
}
