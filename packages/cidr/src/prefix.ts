import { wordsFrom, type Address } from './address.js';
import { bitCount, type Family } from './family.js';
import { bulkWriter, formatPrefixWords } from './format.js';
import { err, ok, type Err, type ErrAt, type Ok, type Result } from './result.js';
import {
  clearHostBits,
  LENGTH_OUT_OF_RANGE,
  MALFORMED_ADDRESS,
  MALFORMED_LENGTH,
  MISSING_LENGTH,
  scanned,
  scanPrefix,
} from './scan.js';

/**
 * A CIDR prefix as plain, read-only, JSON-safe data (like {@link Address}): the network
 * address (host bits always clear) and the prefix length.
 */
export interface Prefix {
  /** 4 or 6. */
  readonly family: Family;
  /** The network address bits, as in {@link Address.words}; bits past `length` are zero. */
  readonly words: readonly number[];
  /** Prefix length: 0..32 for IPv4, 0..128 for IPv6. */
  readonly length: number;
}

/** Options of {@link parsePrefix}. */
export interface ParsePrefixOptions {
  /**
   * What to do with bits set past the prefix length (`10.0.0.1/16`): `'reject'` (the
   * default) refuses the text with `host-bits-set`; `'clear'` clears them, as AWS stores a
   * VPC block (`100.68.0.18/18` becomes `100.68.0.0/18`).
   */
  readonly hostBits?: 'reject' | 'clear';
}

/** A successful {@link parsePrefix}: the prefix, and whether the text had host bits set. */
export interface PrefixParsed extends Ok<Prefix> {
  /** True when the text had bits set past the prefix length (cleared in the value). */
  readonly hostBitsSet: boolean;
}

/** The result of {@link parsePrefix}. */
export type ParsedPrefix = PrefixParsed | Err;

const buffer = new Uint32Array(4);

/** Why a scan failed, as an error value naming the text. */
export function scanError(text: string, code: number): Err {
  switch (code) {
    case MALFORMED_ADDRESS:
      return err('malformed-address', `'${text}' does not start with a valid IPv4 or IPv6 address`);
    case MISSING_LENGTH:
      return err('missing-length', `'${text}' has no prefix length (expected address/length)`);
    case MALFORMED_LENGTH:
      return err('malformed-length', `'${text}' has a malformed prefix length`);
    case LENGTH_OUT_OF_RANGE:
      return err('length-out-of-range', `'${text}' has a prefix length out of range for its family`);
    default:
      return err('host-bits-set', `'${text}' has host bits set past its prefix length`);
  }
}

/** Builds a {@link Prefix} from words[wi..] (already masked). */
export function prefixFrom(family: Family, words: Uint32Array, wi: number, length: number): Prefix {
  return { family, words: wordsFrom(family, words, wi), length };
}

/**
 * Parses CIDR text strictly, like AWS: a valid address (see {@link parseAddress}), `/`, and a
 * decimal length without leading zeros in range for the family. Host bits are refused or
 * cleared per {@link ParsePrefixOptions.hostBits}; either way the result says whether the
 * text had any.
 *
 * @example parsePrefix('10.0.0.1/16', { hostBits: 'clear' }) // ok, 10.0.0.0/16, hostBitsSet: true
 */
export function parsePrefix(text: string, options?: ParsePrefixOptions): ParsedPrefix {
  if (typeof text !== 'string') return scanError(String(text), MALFORMED_ADDRESS);
  const code = scanPrefix(text, buffer, 0);
  if (code < 0) return scanError(text, code);
  const hostBitsSet = scanned.hostBitsSet;
  if (hostBitsSet && options?.hostBits !== 'clear') return scanError(text, 0);
  return { ok: true, value: prefixFrom(scanned.family, buffer, 0, scanned.length), hostBitsSet };
}

/**
 * Parses CIDR text and returns its canonical spelling, host bits cleared: the fast path of
 * `formatPrefix(parsePrefix(text, { hostBits: 'clear' }).value)`.
 */
export function canonicalPrefix(text: string): Result<string> {
  if (typeof text !== 'string') return scanError(String(text), MALFORMED_ADDRESS);
  const code = scanPrefix(text, buffer, 0);
  if (code < 0) return scanError(text, code);
  if (isCanonicalIPv4()) return ok(text);
  const canonical = formatPrefixWords(scanned.family, buffer, 0, scanned.length);
  return ok(canonical === text ? text : canonical);
}

/**
 * True when the text just scanned is IPv4 without host bits: the strict scanner accepts no other
 * spelling of an IPv4 prefix than the canonical one, so the text can be returned as it is.
 */
function isCanonicalIPv4(): boolean {
  return scanned.family === 4 && !scanned.hostBitsSet;
}

/**
 * {@link canonicalPrefix} over a list, in order: the fast way to normalise many texts. The
 * first text refused stops the work; the error carries its index.
 */
export function canonicalPrefixes(texts: readonly string[]): Ok<string[]> | ErrAt {
  // Texts already canonical are returned as they are; only the others are written out, and
  // become strings in one decode at the end (see format.ts).
  const out = new Array<string>(texts.length);
  const rewritten = new Uint32Array(texts.length);
  let count = 0;
  const writer = bulkWriter(texts.length * 20);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const code = typeof text === 'string' ? scanPrefix(text, buffer, 0) : MALFORMED_ADDRESS;
    if (code < 0) return { ...scanError(String(text), code), index: i };
    if (isCanonicalIPv4()) {
      out[i] = text;
      continue;
    }
    const mark = writer.mark();
    writer.prefix(scanned.family, buffer, 0, scanned.length);
    if (writer.spells(text, mark)) {
      writer.rewind(mark);
      out[i] = text;
    } else {
      writer.newline();
      rewritten[count++] = i;
    }
  }
  const lines = writer.lines();
  for (let j = 0; j < count; j++) out[rewritten[j]!] = lines[j]!;
  return ok(out);
}

/** Canonical CIDR text: the address as {@link formatAddress} writes it, `/`, the length. */
export function formatPrefix(prefix: Prefix): string {
  buffer.set(prefix.words);
  return formatPrefixWords(prefix.family, buffer, 0, prefix.length);
}

/** The prefix of the given length that contains the address (its host bits cleared). */
export function prefixOf(address: Address, length: number): Result<Prefix> {
  if (!Number.isInteger(length) || length < 0 || length > bitCount(address.family)) {
    return err('length-out-of-range', `/${length} is not a prefix length of an IPv${address.family} address`);
  }
  buffer.set(address.words);
  clearHostBits(buffer, 0, address.family === 4 ? 1 : 4, length);
  return ok(prefixFrom(address.family, buffer, 0, length));
}
