// Sets of addresses as sorted, disjoint, non-adjacent inclusive ranges, packed into one
// Uint32Array: range r occupies words [r·2k, r·2k + 2k): its first address (k words), then its
// last (k words); k = 1 for IPv4, 4 for IPv6. Because the ranges are maximal (touching ones are
// merged), a set has exactly one packing — equality is equality of the arrays.

import type { WordCount } from './family.js';
import {
  addPowerOfTwoInto,
  compareAt,
  copyWords,
  decrementInto,
  incrementInto,
  isSuccessorAt,
  spanBitsAt,
  trailingZerosAt,
} from './words.js';

/** Writes [s, e] at out[at..at+2k]; returns the words in use after it. */
function pushRange(out: Uint32Array, at: number, s: Uint32Array, si: number, e: Uint32Array, ei: number, k: WordCount): number {
  copyWords(out, at, s, si, k);
  copyWords(out, at + k, e, ei, k);
  return at + 2 * k;
}

/**
 * Appends [s, e], whose start is not before the last range's start, to the first `size` words of
 * out: merged into the last range when the two overlap or touch. Returns the words in use after it.
 */
function appendRange(out: Uint32Array, size: number, s: Uint32Array, si: number, e: Uint32Array, ei: number, k: WordCount): number {
  const lastEnd = size - k;
  if (size > 0 && (compareAt(s, si, out, lastEnd, k) <= 0 || isSuccessorAt(s, si, out, lastEnd, k))) {
    if (compareAt(e, ei, out, lastEnd, k) > 0) copyWords(out, lastEnd, e, ei, k);
    return size;
  }
  return pushRange(out, size, s, si, e, ei, k);
}

const RADIX_BITS = 11;
const BUCKETS = 1 << RADIX_BITS;
const DIGITS_PER_WORD = 3; // 11 + 11 + 10 bits

/** The digit a pass sorts on: pass 0 is the least significant 11 bits of the last word. */
const shiftOf = (pass: number): number => (pass % DIGITS_PER_WORD) * RADIX_BITS;
const wordOf = (pass: number, k: WordCount): number => k - 1 - Math.floor(pass / DIGITS_PER_WORD);

/** Every pass's digit histogram, in one read of the n ranges' first addresses. */
function digitHistograms(data: Uint32Array, n: number, k: WordCount): Uint32Array {
  const stride = 2 * k;
  const counts = new Uint32Array(k * DIGITS_PER_WORD * BUCKETS);
  for (let base = 0; base < n * stride; base += stride) {
    for (let w = 0; w < k; w++) {
      const x = data[base + w]!;
      const p = (k - 1 - w) * DIGITS_PER_WORD * BUCKETS;
      counts[p + (x & 0x7ff)]!++;
      counts[p + BUCKETS + ((x >>> 11) & 0x7ff)]!++;
      counts[p + 2 * BUCKETS + (x >>> 22)]!++;
    }
  }
  return counts;
}

/**
 * Turns a pass's histogram into the first position of each digit; false (and nothing to do)
 * when every range has the same digit there.
 */
function positions(counts: Uint32Array, pass: number, n: number, someDigit: number): boolean {
  const offset = pass * BUCKETS;
  if (counts[offset + someDigit] === n) return false;
  let position = 0;
  for (let b = offset; b < offset + BUCKETS; b++) {
    const c = counts[b]!;
    counts[b] = position;
    position += c;
  }
  return true;
}

/** One pass over IPv4 ranges (2 words each), moving them whole from source to target. */
function scatterPairs(source: Uint32Array, target: Uint32Array, n: number, counts: Uint32Array, offset: number, shift: number): void {
  for (let base = 0; base < 2 * n; base += 2) {
    const at = counts[offset + ((source[base]! >>> shift) & 0x7ff)]!++ * 2;
    target[at] = source[base]!;
    target[at + 1] = source[base + 1]!;
  }
}

/** One pass over a permutation, keyed by `keys[r]` (the key word of range r). */
function scatterOrder(order: Uint32Array, next: Uint32Array, keys: Uint32Array, n: number, counts: Uint32Array, offset: number, shift: number): void {
  for (let i = 0; i < n; i++) {
    const r = order[i]!;
    next[counts[offset + ((keys[r]! >>> shift) & 0x7ff)]!++] = r;
  }
}

/**
 * Sorts n packed ranges by first address: LSD radix sort on 11-bit digits, skipping digits
 * that every range shares. IPv4 ranges (2 words) move whole on each pass; IPv6 ranges
 * (8 words) are sorted as a permutation, each pass keyed by a compact copy of one word, and
 * moved once at the end.
 */
function sortByStart(data: Uint32Array, n: number, k: WordCount): Uint32Array {
  if (n < 48) return insertionSortByStart(data, n, k);
  const passes = k * DIGITS_PER_WORD;
  const counts = digitHistograms(data, n, k);
  if (k === 1) {
    let source: Uint32Array = data;
    let target: Uint32Array = new Uint32Array(n * 2);
    for (let pass = 0; pass < passes; pass++) {
      if (!positions(counts, pass, n, (source[0]! >>> shiftOf(pass)) & 0x7ff)) continue;
      scatterPairs(source, target, n, counts, pass * BUCKETS, shiftOf(pass));
      [source, target] = [target, source];
    }
    return source;
  }
  const stride = 2 * k;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const keys = new Uint32Array(n);
  let keyWord = -1;
  for (let pass = 0; pass < passes; pass++) {
    const w = wordOf(pass, k);
    if (!positions(counts, pass, n, (data[w]! >>> shiftOf(pass)) & 0x7ff)) continue;
    if (keyWord !== w) {
      for (let r = 0, at = w; r < n; r++, at += stride) keys[r] = data[at]!;
      keyWord = w;
    }
    scatterOrder(order, next, keys, n, counts, pass * BUCKETS, shiftOf(pass));
    [order, next] = [next, order];
  }
  const sorted = new Uint32Array(n * stride);
  for (let i = 0, at = 0; i < n; i++, at += stride) copyWords(sorted, at, data, order[i]! * stride, stride);
  return sorted;
}

function insertionSortByStart(data: Uint32Array, n: number, k: WordCount): Uint32Array {
  const stride = 2 * k;
  const held = new Uint32Array(stride);
  for (let i = 1; i < n; i++) {
    let j = i;
    if (compareAt(data, (j - 1) * stride, data, j * stride, k) <= 0) continue;
    held.set(data.subarray(i * stride, i * stride + stride));
    while (j > 0 && compareAt(data, (j - 1) * stride, held, 0, k) > 0) {
      data.copyWithin(j * stride, (j - 1) * stride, j * stride);
      j--;
    }
    data.set(held, j * stride);
  }
  return data;
}

/** Canonical packing of n arbitrary ranges (each first ≤ last): sorted, merged. May reuse `data`. */
export function normalizeRanges(data: Uint32Array, n: number, k: WordCount): Uint32Array {
  const sorted = sortByStart(data, n, k);
  const stride = 2 * k;
  // Merge in place: `kept` trails the reading position.
  let kept = 0;
  for (let base = 0; base < n * stride; base += stride) {
    const lastEnd = kept - k;
    if (kept > 0 && (compareAt(sorted, base, sorted, lastEnd, k) <= 0 || isSuccessorAt(sorted, base, sorted, lastEnd, k))) {
      if (compareAt(sorted, base + k, sorted, lastEnd, k) > 0) copyWords(sorted, lastEnd, sorted, base + k, k);
    } else {
      if (kept !== base) copyWords(sorted, kept, sorted, base, stride);
      kept += stride;
    }
  }
  return sorted.slice(0, kept);
}

// Each set operation yields at most |A| + |B| ranges, so its output is sized once, up front.

/** A ∪ B for canonical packings. */
export function unionRanges(a: Uint32Array, b: Uint32Array, k: WordCount): Uint32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const stride = 2 * k;
  const out = new Uint32Array(a.length + b.length);
  let size = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && compareAt(a, i, b, j, k) <= 0)) {
      size = appendRange(out, size, a, i, a, i + k, k);
      i += stride;
    } else {
      size = appendRange(out, size, b, j, b, j + k, k);
      j += stride;
    }
  }
  return out.slice(0, size);
}

/** A ∩ B for canonical packings. */
export function intersectRanges(a: Uint32Array, b: Uint32Array, k: WordCount): Uint32Array {
  const stride = 2 * k;
  const out = new Uint32Array(a.length + b.length);
  let size = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    // The overlap, if any, runs from the later start to the earlier end.
    const aStartsLater = compareAt(a, i, b, j, k) >= 0;
    const aEndsFirst = compareAt(a, i + k, b, j + k, k) <= 0;
    const [from, fi] = aStartsLater ? [a, i] : [b, j];
    const [to, ti] = aEndsFirst ? [a, i + k] : [b, j + k];
    if (compareAt(from, fi, to, ti, k) <= 0) size = pushRange(out, size, from, fi, to, ti, k);
    if (aEndsFirst) i += stride;
    else j += stride;
  }
  return out.slice(0, size);
}

/** A ∖ B for canonical packings. */
export function subtractRanges(a: Uint32Array, b: Uint32Array, k: WordCount): Uint32Array {
  if (a.length === 0 || b.length === 0) return a;
  const stride = 2 * k;
  const out = new Uint32Array(a.length + b.length);
  let size = 0;
  const cursor = new Uint32Array(k); // first address of A's range not yet decided
  const before = new Uint32Array(k);
  let j = 0;
  for (let i = 0; i < a.length; i += stride) {
    const aEnd = i + k;
    copyWords(cursor, 0, a, i, k);
    let open = true;
    while (j < b.length && compareAt(b, j + k, cursor, 0, k) < 0) j += stride; // B ranges wholly before
    while (j < b.length && compareAt(b, j, a, aEnd, k) <= 0) {
      if (compareAt(b, j, cursor, 0, k) > 0) {
        decrementInto(before, 0, b, j, k);
        size = pushRange(out, size, cursor, 0, before, 0, k);
      }
      if (compareAt(b, j + k, a, aEnd, k) >= 0) {
        open = false; // B covers the rest of this A range, and may reach into the next
        break;
      }
      incrementInto(cursor, 0, b, j + k, k);
      j += stride;
    }
    if (open) size = pushRange(out, size, cursor, 0, a, aEnd, k);
  }
  return out.slice(0, size);
}

/** True when some range of the canonical packing shares an address with [s, e]. */
export function overlapsRange(data: Uint32Array, s: Uint32Array, si: number, e: Uint32Array, ei: number, k: WordCount): boolean {
  if (k === 1) return overlapsRangeV4(data, s[si]!, e[ei]!);
  const stride = 2 * k;
  // The last range whose first address is ≤ e is the only candidate.
  let lo = 0;
  let hi = data.length / stride; // ranges [lo, hi) are candidates
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(data, mid * stride, e, ei, k) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && compareAt(data, (lo - 1) * stride + k, s, si, k) >= 0;
}

/** overlapsRange for IPv4, on plain numbers (the query path of a large set). */
function overlapsRangeV4(data: Uint32Array, s: number, e: number): boolean {
  let lo = 0;
  let hi = data.length >>> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (data[2 * mid]! <= e) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && data[2 * lo - 1]! >= s;
}

/** True when one range of the canonical packing holds all of [s, e]. */
export function containsRange(data: Uint32Array, s: Uint32Array, si: number, e: Uint32Array, ei: number, k: WordCount): boolean {
  const stride = 2 * k;
  let lo = 0;
  let hi = data.length / stride;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(data, mid * stride, s, si, k) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && compareAt(data, (lo - 1) * stride + k, e, ei, k) >= 0;
}

/** 2^b for b = 0..32, as a table: `2 ** b` is a slow generic power in V8's optimised code. */
const POW2 = Float64Array.from({ length: 33 }, (_, b) => 2 ** b);

/** The minimal prefix list covering the canonical packing, in address order. */
export function rangesToPrefixes(data: Uint32Array, k: WordCount): PackedPrefixes {
  return k === 1 ? rangesToPrefixesV4(data) : rangesToPrefixesWords(data, k);
}

/** Prefixes packed as network words (k per prefix) and their lengths. */
export interface PackedPrefixes {
  readonly words: Uint32Array;
  readonly lengths: Uint8Array;
  readonly count: number;
}

/** Doubles a typed array's room, keeping its contents. */
function grown<T extends Uint32Array | Uint8Array>(array: T, make: (n: number) => T): T {
  const bigger = make(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** IPv4 fits in doubles: the walk below without word loops (the hot path of merging). */
function rangesToPrefixesV4(data: Uint32Array): PackedPrefixes {
  let words = new Uint32Array(Math.max(data.length, 4));
  let lengths = new Uint8Array(words.length);
  let count = 0;
  for (let r = 0; r < data.length; r += 2) {
    let s = data[r]!;
    const e = data[r + 1]!;
    do {
      const alignBits = s === 0 ? 32 : 31 - Math.clz32(s & -s);
      const span = e - s + 1;
      const blockBits = Math.min(alignBits, span === 0x1_0000_0000 ? 32 : 31 - Math.clz32(span));
      if (count === lengths.length) {
        words = grown(words, (n) => new Uint32Array(n));
        lengths = grown(lengths, (n) => new Uint8Array(n));
      }
      words[count] = s;
      lengths[count++] = 32 - blockBits;
      s += POW2[blockBits]!;
    } while (s <= e);
  }
  return { words, lengths, count };
}

/** The general walk: from each range's first address, the largest aligned block that fits, again and again. */
function rangesToPrefixesWords(data: Uint32Array, k: WordCount): PackedPrefixes {
  let words = new Uint32Array(Math.max(data.length, 4 * k));
  let lengths = new Uint8Array(words.length / k);
  let count = 0;
  const cursor = new Uint32Array(k);
  for (let r = 0; r < data.length; r += 2 * k) {
    const end = r + k;
    copyWords(cursor, 0, data, r, k);
    let blockBits: number;
    do {
      blockBits = Math.min(trailingZerosAt(cursor, 0, k), spanBitsAt(cursor, 0, data, end, k));
      if (count === lengths.length) {
        words = grown(words, (n) => new Uint32Array(n));
        lengths = grown(lengths, (n) => new Uint8Array(n));
      }
      copyWords(words, count * k, cursor, 0, k);
      lengths[count++] = 32 * k - blockBits;
    } while (addPowerOfTwoInto(cursor, 0, cursor, 0, blockBits, k) && compareAt(cursor, 0, data, end, k) <= 0);
  }
  return { words, lengths, count };
}
