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

/** Hex digit values by character code; −1 for everything else. */
const HEX = new Int8Array(128).fill(-1);
for (let d = 0; d < 16; d++) {
  HEX['0123456789abcdef'.charCodeAt(d)] = d;
  HEX['0123456789ABCDEF'.charCodeAt(d)] = d;
}

/** The decimal digit at i, or −1 (also past the end). */
function digitAt(text: string, i: number): number {
  if (i >= text.length) return -1;
  const d = text.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Reads a dotted quad starting at i; leaves it in v4Value; returns the index after it or −1. */
function scanV4At(text: string, i: number): number {
  const n = text.length;
  let value = 0;
  for (let part = 0; ; part++) {
    if (i >= n) return -1;
    let octet = text.charCodeAt(i++) - ZERO;
    if (octet < 0 || octet > 9) return -1;
    let c = i < n ? text.charCodeAt(i) - ZERO : -1;
    if (c >= 0 && c <= 9) {
      // "0" stands alone: "01" would be octal to some parsers, so AWS-style text refuses it.
      if (octet === 0) return -1;
      octet = octet * 10 + c;
      c = ++i < n ? text.charCodeAt(i) - ZERO : -1;
      if (c >= 0 && c <= 9) {
        octet = octet * 10 + c;
        c = ++i < n ? text.charCodeAt(i) - ZERO : -1;
        if (octet > 255 || (c >= 0 && c <= 9)) return -1;
      }
    }
    value = value * 256 + octet;
    if (part === 3) break;
    if (c !== DOT - ZERO) return -1;
    i++;
  }
  v4Value = value;
  return i;
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
    let c = 0;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      const h = c < 128 ? HEX[c]! : -1;
      if (h < 0) break;
      value = (value << 4) | h;
    }
    if (i === n) c = 0;
    if (c === DOT) {
      // The last 32 bits as a dotted quad (RFC 4291 §2.2, form 3).
      if (count > 6 || (i = scanV4At(text, start)) < 0) return -1;
      groups[count++] = v4Value >>> 16;
      groups[count++] = v4Value & 0xffff;
      break;
    }
    const digits = i - start;
    if (digits === 0 || digits > 4 || count === 8) return -1;
    groups[count++] = value;
    if (c !== COLON) {
      if (c === SLASH || i === n) break;
      return -1;
    }
    i++;
    if (i < n && text.charCodeAt(i) === COLON) {
      if (gap >= 0) return -1;
      gap = count;
      i++;
      if (i === n || text.charCodeAt(i) === SLASH) break;
    }
  }
  if (gap < 0 ? count !== 8 : count > 7) return -1;
  if (gap < 0) {
    for (let w = 0; w < 4; w++) out[oi + w] = groups[2 * w]! * 0x10000 + groups[2 * w + 1]!;
    return i;
  }
  // Expand the gap: groups [0, gap) stay, then zeros, then the tail.
  const zeros = 8 - count;
  for (let w = 0; w < 4; w++) out[oi + w] = groupAt(2 * w, gap, zeros) * 0x10000 + groupAt(2 * w + 1, gap, zeros);
  return i;
}

function groupAt(position: number, gap: number, zeros: number): number {
  if (position < gap) return groups[position]!;
  if (position < gap + zeros) return 0;
  return groups[position - zeros]!;
}

/**
 * Scans an address (family detected from the text) into out[oi..]; returns the index after
 * it or −1. Sets scanned.family.
 */
export function scanAddress(text: string, out: Uint32Array, oi: number): number {
  // Most text is IPv4: try it first. IPv6 that starts with digits fails it within 5 characters.
  const end = scanV4At(text, 0);
  if (end >= 0) {
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
  // Plain decimal, 1..3 digits, no leading zero ("/08" is refused).
  let length = digitAt(text, ++i);
  if (length < 0) return MALFORMED_LENGTH;
  let d = digitAt(text, ++i);
  if (d >= 0) {
    if (length === 0) return MALFORMED_LENGTH;
    length = length * 10 + d;
    d = digitAt(text, ++i);
    if (d >= 0) {
      length = length * 10 + d;
      i++;
    }
  }
  if (i !== n) return MALFORMED_LENGTH;
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
