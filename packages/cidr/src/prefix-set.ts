import { addressFrom, compareAddresses, type Address } from './address.js';
import { wordCount, type Family, type WordCount } from './family.js';
import { bulkWriter } from './format.js';
import { prefixFrom, scanError, type ParsePrefixOptions, type Prefix } from './prefix.js';
import {
  containsRange,
  intersectRanges,
  normalizeRanges,
  overlapsRange,
  rangesToPrefixes,
  subtractRanges,
  unionRanges,
} from './ranges.js';
import { err, ok, type ErrAt, type Ok, type Result } from './result.js';
import { scanned, scanPrefix } from './scan.js';
import { maskOfWord } from './words.js';

/** An inclusive range of addresses of one family, first ≤ last. */
export interface AddressRange {
  /** The first address in the range. */
  readonly first: Address;
  /** The last address in the range (inclusive). */
  readonly last: Address;
}

/**
 * An immutable set of IPv4 and IPv6 addresses. Every operation returns a new set; none
 * changes its arguments. Inside, each family is a packed list of sorted, disjoint, maximal
 * ranges, so equal sets have equal representations. `JSON.stringify` writes the minimal
 * prefix list.
 */
export class PrefixSet {
  /** @internal The IPv4 ranges, packed (see ranges.ts). */
  readonly v4: Uint32Array;
  /** @internal The IPv6 ranges, packed. */
  readonly v6: Uint32Array;

  /** @internal Use {@link prefixSet}, {@link parsePrefixSet} or {@link rangeSet}. */
  constructor(v4: Uint32Array, v6: Uint32Array) {
    this.v4 = v4;
    this.v6 = v6;
    Object.freeze(this);
  }

  /** The minimal canonical prefix list as text, for `JSON.stringify`. */
  toJSON(): string[] {
    return formatPrefixSet(this);
  }
}

const NONE = new Uint32Array(0);

/** The set with no address. */
export const emptyPrefixSet: PrefixSet = new PrefixSet(NONE, NONE);

/** Writes the range of the prefix whose network is words[wi..wi+k] at data[at..at+2k]. */
function packPrefix(data: Uint32Array, at: number, words: ArrayLike<number>, wi: number, length: number, k: WordCount): void {
  for (let w = 0; w < k; w++) {
    const word = words[wi + w]!;
    data[at + w] = word;
    data[at + k + w] = word | ~maskOfWord(length, w);
  }
}

/** Room for n more ranges of k words after `used` words, doubling the array when full. */
function roomFor(data: Uint32Array, used: number, k: WordCount): Uint32Array {
  if (used + 2 * k <= data.length) return data;
  const bigger = new Uint32Array(Math.max(2 * data.length, 2 * k));
  bigger.set(data);
  return bigger;
}

/** The set of what was packed: each family's ranges sorted and merged. */
function finish(v4: Uint32Array, n4: number, v6: Uint32Array, n6: number): PrefixSet {
  return new PrefixSet(n4 === 0 ? NONE : normalizeRanges(v4, n4, 1), n6 === 0 ? NONE : normalizeRanges(v6, n6, 4));
}

/** Where parsePrefixSet scans each text. */
const scanBuffer = new Uint32Array(4);

/** The set of every address in any of the prefixes. */
export function prefixSet(prefixes: Iterable<Prefix>): PrefixSet {
  let v4: Uint32Array = NONE;
  let v6: Uint32Array = NONE;
  let n4 = 0;
  let n6 = 0;
  for (const p of prefixes) {
    if (p.family === 4) {
      v4 = roomFor(v4, 2 * n4, 1);
      packPrefix(v4, 2 * n4++, p.words, 0, p.length, 1);
    } else {
      v6 = roomFor(v6, 8 * n6, 4);
      packPrefix(v6, 8 * n6++, p.words, 0, p.length, 4);
    }
  }
  return finish(v4, n4, v6, n6);
}

/** The result of {@link parsePrefixSet}: the set, or why and at which index the parse stopped. */
export type ParsePrefixSetResult = Ok<PrefixSet> | ErrAt;

/**
 * Parses CIDR texts (strictly, as {@link parsePrefix}) straight into a set, without building
 * a {@link Prefix} per text: the fast way in for large lists. The first text refused stops
 * the parse; the error carries its index.
 */
export function parsePrefixSet(texts: readonly string[], options?: ParsePrefixOptions): ParsePrefixSetResult {
  const clear = options?.hostBits === 'clear';
  // Sized for one family at first; the other grows only if it turns up.
  let v4: Uint32Array = new Uint32Array(2 * texts.length);
  let v6: Uint32Array = NONE;
  let n4 = 0;
  let n6 = 0;
  const words = scanBuffer;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const code = typeof text === 'string' ? scanPrefix(text, words, 0) : -1;
    if (code < 0 || (scanned.hostBitsSet && !clear)) {
      const { error } = scanError(String(text), code);
      return { ok: false, error, index: i };
    }
    if (scanned.family === 4) {
      v4 = roomFor(v4, 2 * n4, 1);
      packPrefix(v4, 2 * n4++, words, 0, scanned.length, 1);
    } else {
      v6 = roomFor(v6, 8 * n6, 4);
      packPrefix(v6, 8 * n6++, words, 0, scanned.length, 4);
    }
  }
  return ok(finish(v4, n4, v6, n6));
}

/** The set of every address in any of the ranges; refused if a range mixes families or runs backwards. */
export function rangeSet(ranges: Iterable<AddressRange>): Result<PrefixSet> {
  const list = [...ranges];
  const packs = { 4: new Uint32Array(list.length * 2), 6: new Uint32Array(list.length * 8) };
  const counts = { 4: 0, 6: 0 };
  for (const { first, last } of list) {
    if (first.family !== last.family) return err('family-mismatch', 'a range must not mix IPv4 and IPv6');
    if (compareAddresses(first, last) > 0) return err('empty-range', 'a range must not start after it ends');
    const k = wordCount(first.family);
    const at = counts[first.family]++ * 2 * k;
    packs[first.family].set(first.words, at);
    packs[first.family].set(last.words, at + k);
  }
  return ok(new PrefixSet(normalizeRanges(packs[4], counts[4], 1), normalizeRanges(packs[6], counts[6], 4)));
}

/**
 * The minimal prefix list covering exactly the addresses from `first` to `last` inclusive.
 * Refused when the two differ in family or `first` comes after `last`.
 */
export function rangeToPrefixes(first: Address, last: Address): Result<Prefix[]> {
  const set = rangeSet([{ first, last }]);
  return set.ok ? ok(toPrefixes(set.value)) : set;
}

function combine(a: PrefixSet, b: PrefixSet, op: (x: Uint32Array, y: Uint32Array, k: WordCount) => Uint32Array): PrefixSet {
  return new PrefixSet(op(a.v4, b.v4, 1), op(a.v6, b.v6, 4));
}

/** A ∪ B: the addresses in either set. */
export function union(a: PrefixSet, b: PrefixSet): PrefixSet {
  return combine(a, b, unionRanges);
}

/** A ∩ B: the addresses in both sets. */
export function intersection(a: PrefixSet, b: PrefixSet): PrefixSet {
  return combine(a, b, intersectRanges);
}

/** A ∖ B: the addresses of A that are not in B. */
export function difference(a: PrefixSet, b: PrefixSet): PrefixSet {
  return combine(a, b, subtractRanges);
}

/** A △ B: the addresses in exactly one of the sets. */
export function symmetricDifference(a: PrefixSet, b: PrefixSet): PrefixSet {
  return union(difference(a, b), difference(b, a));
}

/** The addresses of the universe prefix that are not in the set. */
export function complement(set: PrefixSet, universe: Prefix): PrefixSet {
  return difference(prefixSet([universe]), set);
}

/** Range of a prefix in a scratch buffer: first at 0, last at 4. */
const probe = new Uint32Array(8);
function probeOf(prefix: Prefix): WordCount {
  const k = wordCount(prefix.family);
  for (let w = 0; w < k; w++) {
    probe[w] = prefix.words[w]!;
    probe[4 + w] = prefix.words[w]! | ~maskOfWord(prefix.length, w);
  }
  return k;
}

const rangesOf = (set: PrefixSet, family: Family): Uint32Array => (family === 4 ? set.v4 : set.v6);

/** True when the set holds at least one address of the prefix. */
export function overlaps(set: PrefixSet, prefix: Prefix): boolean {
  const k = probeOf(prefix);
  return overlapsRange(rangesOf(set, prefix.family), probe, 0, probe, 4, k);
}

/** True when the set holds every address of the prefix. */
export function containsPrefix(set: PrefixSet, prefix: Prefix): boolean {
  const k = probeOf(prefix);
  return containsRange(rangesOf(set, prefix.family), probe, 0, probe, 4, k);
}

/** True when the sets share at least one address (in either family). */
export function overlapsSet(a: PrefixSet, b: PrefixSet): boolean {
  return !isEmpty(intersection(a, b));
}

/** True when the set holds no address. */
export function isEmpty(set: PrefixSet): boolean {
  return set.v4.length === 0 && set.v6.length === 0;
}

/** True when the sets hold the same addresses. */
export function setEquals(a: PrefixSet, b: PrefixSet): boolean {
  const same = (x: Uint32Array, y: Uint32Array): boolean => x.length === y.length && x.every((word, i) => word === y[i]);
  return same(a.v4, b.v4) && same(a.v6, b.v6);
}

/** Number of addresses in the set (both families), exact. */
export function setSize(set: PrefixSet): bigint {
  let total = 0n;
  for (const [ranges, k] of [[set.v4, 1], [set.v6, 4]] as const) {
    for (let r = 0; r < ranges.length; r += 2 * k) {
      let first = 0n;
      let last = 0n;
      for (let w = 0; w < k; w++) {
        first = (first << 32n) | BigInt(ranges[r + w]!);
        last = (last << 32n) | BigInt(ranges[r + k + w]!);
      }
      total += last - first + 1n;
    }
  }
  return total;
}

/**
 * The minimal list of prefixes whose union is the set: canonical (one list per set), disjoint,
 * sorted by {@link comparePrefixes} — IPv4 first.
 */
export function toPrefixes(set: PrefixSet): Prefix[] {
  const out: Prefix[] = [];
  for (const family of [4, 6] as const) {
    const { words, lengths, count } = rangesToPrefixes(rangesOf(set, family), wordCount(family));
    for (let i = 0; i < count; i++) out.push(prefixFrom(family, words, i * wordCount(family), lengths[i]!));
  }
  return out;
}

/** {@link toPrefixes} as canonical text, without building the prefix objects. */
export function formatPrefixSet(set: PrefixSet): string[] {
  const v4 = rangesToPrefixes(set.v4, 1);
  const v6 = rangesToPrefixes(set.v6, 4);
  // Room for the longest lines (`255.255.255.255/32`, 39-character IPv6 + `/128`): no regrowth.
  const writer = bulkWriter(v4.count * 19 + v6.count * 44);
  for (let i = 0; i < v4.count; i++) writer.prefix(4, v4.words, i, v4.lengths[i]!, true);
  for (let i = 0; i < v6.count; i++) writer.prefix(6, v6.words, 4 * i, v6.lengths[i]!, true);
  return writer.lines();
}

/** The set as maximal disjoint ranges in address order, IPv4 first. */
export function toRanges(set: PrefixSet): AddressRange[] {
  const out: AddressRange[] = [];
  for (const family of [4, 6] as const) {
    const ranges = rangesOf(set, family);
    const k = wordCount(family);
    for (let r = 0; r < ranges.length; r += 2 * k) {
      out.push({ first: addressFrom(family, ranges, r), last: addressFrom(family, ranges, r + k) });
    }
  }
  return out;
}
