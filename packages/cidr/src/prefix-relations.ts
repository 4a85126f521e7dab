import { compareAddresses, addressFrom, type Address } from './address.js';
import { bitCount, wordCount } from './family.js';
import { prefixFrom, type Prefix } from './prefix.js';
import { err, ok, type Result } from './result.js';
import { addPowerOfTwoInto, maskOfWord } from './words.js';

function sameNetwork(a: ArrayLike<number>, b: ArrayLike<number>, length: number): boolean {
  for (let w = 0; w < a.length; w++) {
    const mask = maskOfWord(length, w);
    if (mask === 0) return true;
    if ((a[w]! & mask) !== (b[w]! & mask)) return false;
  }
  return true;
}

/** True when every address of `inner` (a prefix, or one address) lies in `outer`. */
export function prefixContains(outer: Prefix, inner: Prefix | Address): boolean {
  if (outer.family !== inner.family) return false;
  const innerLength = 'length' in inner ? inner.length : bitCount(inner.family);
  return outer.length <= innerLength && sameNetwork(outer.words, inner.words, outer.length);
}

/** True when the two prefixes share an address (for prefixes: one contains the other). */
export function prefixOverlaps(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && sameNetwork(a.words, b.words, Math.min(a.length, b.length));
}

/** True when the two prefixes are the same network with the same length. */
export function prefixEquals(a: Prefix, b: Prefix): boolean {
  return comparePrefixes(a, b) === 0;
}

/**
 * Total order on prefixes: IPv4 before IPv6, then by network address, then shorter (larger)
 * prefixes first — the order of {@link toPrefixes}.
 */
export function comparePrefixes(a: Prefix, b: Prefix): number {
  return compareAddresses(a, b) || a.length - b.length;
}

/** Number of addresses in the prefix, exact for IPv6 (2^(128 − length)). */
export function prefixSize(prefix: Prefix): bigint {
  return 1n << BigInt(bitCount(prefix.family) - prefix.length);
}

/** The network address: the first address of the prefix. */
export function firstAddress(prefix: Prefix): Address {
  return { family: prefix.family, words: prefix.words };
}

/** The last address of the prefix (all host bits set; the broadcast address of IPv4). */
export function lastAddress(prefix: Prefix): Address {
  const words = Uint32Array.from(prefix.words, (word, w) => word | ~maskOfWord(prefix.length, w));
  return addressFrom(prefix.family, words, 0);
}

/**
 * The subnets of the given length that tile the prefix, in address order, produced lazily (a
 * /8 split into /32s is 16 777 216 prefixes). Refused when `length` is shorter than the
 * prefix's or longer than the family allows.
 */
export function subnets(prefix: Prefix, length: number): Result<Iterable<Prefix>> {
  const bits = bitCount(prefix.family);
  if (!Number.isInteger(length) || length < prefix.length || length > bits) {
    return err('length-out-of-range', `cannot split a /${prefix.length} into /${length} subnets`);
  }
  return ok({
    *[Symbol.iterator]() {
      const k = wordCount(prefix.family);
      const cursor = Uint32Array.from(prefix.words);
      do yield prefixFrom(prefix.family, cursor, 0, length);
      while (addPowerOfTwoInto(cursor, 0, cursor, 0, bits - length, k) && sameNetwork(cursor, prefix.words, prefix.length));
    },
  });
}

/**
 * The prefix of the given length (by default one bit shorter) that contains this one.
 * Refused when `length` is negative or longer than the prefix's.
 */
export function supernet(prefix: Prefix, length: number = prefix.length - 1): Result<Prefix> {
  if (!Number.isInteger(length) || length < 0 || length > prefix.length) {
    return err('length-out-of-range', `a /${prefix.length} has no /${length} supernet`);
  }
  const words = Uint32Array.from(prefix.words, (word, w) => word & maskOfWord(length, w));
  return ok(prefixFrom(prefix.family, words, 0, length));
}
