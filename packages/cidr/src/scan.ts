// The strict text scanner behind every parser of this package: it reads an address (and a
// prefix length) straight from a string into 32-bit words, allocating nothing.
//
// Accepted, like AWS: IPv4 as exactly four dot-separated decimal parts 0..255 with no leading
// zeros (`10.0/16`, `010.0.0.0`, `0x0a.0.0.0` are refused), IPv6 as RFC 4291 text — 1..4 hex
// digits per group, at most one `::` standing for one or more zero groups, optionally the last
// 32 bits as a strict dotted quad — and a prefix length in plain decimal. No whitespace, no
// zone ids. ipaddr.js accepts the legacy forms refused here; tests hold the two parsers to the
// same answers on everything both accept.

import type { Family } from './family.js';
import { maskOfWord } from './words.js';

const DOT = 46;
const SLASH = 47;
const COLON = 58;
const ZERO = 48;

export const MALFORMED_ADDRESS = -1;
export const MISSING_LENGTH = -2;
export const MALFORMED_LENGTH = -3;
export const LENGTH_OUT_OF_RANGE = -4;

/** What the last successful scan found besides the words it wrote. */
export const scanned = { family: 4 as Family, length: 0, hostBitsSet: false };

let v4Value = 0;
const groups = new Int32Array(8);

/** Reads a dotted quad starting at i; leaves it in v4Value; returns the index after it or −1. */
function scanV4At(text: string, i: number): number {
  const n = text.length;
  let value = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (i >= n || text.charCodeAt(i) !== DOT) return -1;
      i++;
    }
    if (i >= n) return -1;
    let digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    let octet = digit;
    i++;
    if (octet === 0) {
      // "0" alone; "01" would be read as octal by some parsers, so AWS-style text refuses it.
      if (i < n && (digit = text.charCodeAt(i) - ZERO) >= 0 && digit <= 9) return -1;
    } else {
      while (i < n && (digit = text.charCodeAt(i) - ZERO) >= 0 && digit <= 9) {
        octet = octet * 10 + digit;
        if (octet > 255) return -1;
        i++;
      }
    }
    value = value * 256 + octet;
  }
  v4Value = value;
  return i;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

/** Reads IPv6 text from the start of `text` into out[oi..oi+4]; returns the index after it or −1. */
function scanV6(text: string, out: Uint32Array, oi: number): number {
  const n = text.length;
  let i = 0;
  let count = 0;
  let gap = -1;
  if (n >= 2 && text.charCodeAt(0) === COLON) {
    if (text.charCodeAt(1) !== COLON) return -1;
    gap = 0;
    i = 2;
  }
  const bare = gap === 0 && (i === n || text.charCodeAt(i) === SLASH); // "::" alone
  while (!bare) {
    const start = i;
    let value = 0;
    let h: number;
    while (i < n && (h = hexValue(text.charCodeAt(i))) >= 0) {
      value = (value << 4) | h;
      i++;
    }
    if (i < n && text.charCodeAt(i) === DOT) {
      // The last 32 bits as a dotted quad (RFC 4291 §2.2, form 3).
      if (count > 6 || (i = scanV4At(text, start)) < 0) return -1;
      groups[count++] = v4Value >>> 16;
      groups[count++] = v4Value & 0xffff;
      break;
    }
    const digits = i - start;
    if (digits === 0 || digits > 4 || count === 8) return -1;
    groups[count++] = value;
    if (i === n) break;
    const c = text.charCodeAt(i);
    if (c === SLASH) break;
    if (c !== COLON) return -1;
    i++;
    if (i < n && text.charCodeAt(i) === COLON) {
      if (gap >= 0) return -1;
      gap = count;
      i++;
      if (i === n || text.charCodeAt(i) === SLASH) break;
    }
  }
  if (gap < 0 ? count !== 8 : count > 7) return -1;
  // Expand the gap: groups [0, gap) stay, then zeros, then the tail.
  const zeros = 8 - count;
  for (let w = 0; w < 4; w++) {
    const hi = groupAt(2 * w, gap, zeros);
    const lo = groupAt(2 * w + 1, gap, zeros);
    out[oi + w] = hi * 0x10000 + lo;
  }
  return i;
}

function groupAt(position: number, gap: number, zeros: number): number {
  if (gap < 0 || position < gap) return groups[position]!;
  if (position < gap + zeros) return 0;
  return groups[position - zeros]!;
}

/**
 * Scans an address (family detected from the text) into out[oi..]; returns the index after
 * it or −1. Sets scanned.family.
 */
export function scanAddress(text: string, out: Uint32Array, oi: number): number {
  // IPv4 text starts with 1..3 decimal digits and a dot; anything else can only be IPv6.
  let i = 0;
  const n = text.length;
  while (i < n && i < 4) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  if (i < n && text.charCodeAt(i) === DOT) {
    const end = scanV4At(text, 0);
    if (end < 0) return -1;
    out[oi] = v4Value;
    scanned.family = 4;
    return end;
  }
  scanned.family = 6;
  return scanV6(text, out, oi);
}

/**
 * Scans `address/length` into out[oi..] with host bits cleared. Returns 0 and fills
 * `scanned`, or one of the negative codes above.
 */
export function scanPrefix(text: string, out: Uint32Array, oi: number): number {
  let i = scanAddress(text, out, oi);
  if (i < 0) return MALFORMED_ADDRESS;
  const n = text.length;
  if (i === n) return MISSING_LENGTH;
  if (text.charCodeAt(i) !== SLASH) return MALFORMED_ADDRESS;
  i++;
  if (i === n || i + 3 < n) return MALFORMED_LENGTH;
  let length = 0;
  const first = i;
  for (; i < n; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return MALFORMED_LENGTH;
    length = length * 10 + digit;
  }
  if (length === 0 ? n - first > 1 : text.charCodeAt(first) === ZERO) return MALFORMED_LENGTH;
  const family = scanned.family;
  if (length > (family === 4 ? 32 : 128)) return LENGTH_OUT_OF_RANGE;
  scanned.length = length;
  scanned.hostBitsSet = clearHostBits(out, oi, family === 4 ? 1 : 4, length);
  return 0;
}

/** Clears the bits past `length`; true when any was set. */
export function clearHostBits(out: Uint32Array, oi: number, k: 1 | 4, length: number): boolean {
  let changed = false;
  for (let w = 0; w < k; w++) {
    const word = out[oi + w]!;
    const kept = (word & maskOfWord(length, w)) >>> 0;
    if (kept !== word) {
      out[oi + w] = kept;
      changed = true;
    }
  }
  return changed;
}
