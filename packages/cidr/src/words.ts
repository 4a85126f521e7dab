// Fixed-width unsigned arithmetic on addresses held as 32-bit words (1 word for IPv4, 4 for
// IPv6, most significant first) inside Uint32Arrays, at an offset. IPv6 stays out of BigInt
// so the set algorithms run on plain integers; these are the only places that carry.

import type { WordCount } from './family.js';

/** Compares the k-word numbers a[ai..] and b[bi..]: negative, 0 or positive. */
export function compareAt(a: Uint32Array, ai: number, b: Uint32Array, bi: number, k: WordCount): number {
  for (let w = 0; w < k; w++) {
    const x = a[ai + w]!;
    const y = b[bi + w]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** True when a[ai..] = b[bi..] + 1 (so the two ranges ending at b and starting at a touch). */
export function isSuccessorAt(a: Uint32Array, ai: number, b: Uint32Array, bi: number, k: WordCount): boolean {
  let carry = 1;
  for (let w = k - 1; w >= 0; w--) {
    let digit = b[bi + w]! + carry;
    if (digit === 0x1_0000_0000) digit = 0;
    else carry = 0;
    if (digit !== a[ai + w]) return false;
  }
  return carry === 0;
}

/** out[oi..] = a[ai..] + 1; false when a is the largest address (nothing follows it). */
export function incrementInto(out: Uint32Array, oi: number, a: Uint32Array, ai: number, k: WordCount): boolean {
  let carry = 1;
  for (let w = k - 1; w >= 0; w--) {
    const digit = a[ai + w]! + carry;
    carry = digit === 0x1_0000_0000 ? 1 : 0;
    out[oi + w] = digit;
  }
  return carry === 0;
}

/** out[oi..] = a[ai..] − 1; false when a is zero (nothing precedes it). */
export function decrementInto(out: Uint32Array, oi: number, a: Uint32Array, ai: number, k: WordCount): boolean {
  let borrow = 1;
  for (let w = k - 1; w >= 0; w--) {
    const digit = a[ai + w]! - borrow;
    borrow = digit < 0 ? 1 : 0;
    out[oi + w] = digit;
  }
  return borrow === 0;
}

/** The bits of word w (0-based, most significant first) that a prefix of this length fixes. */
export function maskOfWord(length: number, w: number): number {
  const bits = length - 32 * w;
  if (bits <= 0) return 0;
  if (bits >= 32) return 0xffff_ffff;
  return (0xffff_ffff << (32 - bits)) >>> 0;
}

/** Number of trailing zero bits of a[ai..] (32k when it is zero). */
export function trailingZerosAt(a: Uint32Array, ai: number, k: WordCount): number {
  for (let w = k - 1; w >= 0; w--) {
    const x = a[ai + w]!;
    if (x !== 0) return 32 * (k - 1 - w) + 31 - Math.clz32(x & -x);
  }
  return 32 * k;
}

const scratch = new Uint32Array(4);

/**
 * floor(log2(e − s + 1)) for s ≤ e: the length in bits of the largest power-of-two block
 * that fits in the inclusive range [s, e].
 */
export function spanBitsAt(s: Uint32Array, si: number, e: Uint32Array, ei: number, k: WordCount): number {
  // d = e − s
  let borrow = 0;
  for (let w = k - 1; w >= 0; w--) {
    const digit = e[ei + w]! - s[si + w]! - borrow;
    borrow = digit < 0 ? 1 : 0;
    scratch[w] = digit;
  }
  // d + 1, and its highest set bit; d + 1 overflowing means the whole space.
  if (!incrementInto(scratch, 0, scratch, 0, k)) return 32 * k;
  for (let w = 0; w < k; w++) {
    const x = scratch[w]!;
    if (x !== 0) return 32 * (k - 1 - w) + 31 - Math.clz32(x);
  }
  return 0; // unreachable: d + 1 ≥ 1
}

/** 2^b for b = 0..31 (a table: `2 ** b` is a slow generic power in optimised code). */
const POW2_31 = Float64Array.from({ length: 32 }, (_, b) => 2 ** b);

/** out[oi..] = a[ai..] + 2^bits; false on overflow past the largest address. */
export function addPowerOfTwoInto(out: Uint32Array, oi: number, a: Uint32Array, ai: number, bits: number, k: WordCount): boolean {
  let carry = 0;
  const word = k - 1 - (bits >>> 5);
  for (let w = k - 1; w >= 0; w--) {
    let digit = a[ai + w]! + carry;
    if (w === word) digit += POW2_31[bits & 31]!;
    carry = digit >= 0x1_0000_0000 ? 1 : 0;
    out[oi + w] = digit;
  }
  return carry === 0 && word >= 0;
}

/** dst[di..di+count] = src[si..si+count], as a plain loop: cheaper than a builtin call for a few words. */
export function copyWords(dst: Uint32Array, di: number, src: Uint32Array, si: number, count: number): void {
  for (let j = 0; j < count; j++) dst[di + j] = src[si + j]!;
}
