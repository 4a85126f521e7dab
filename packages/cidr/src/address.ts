import type { Family } from './family.js';
import { formatWords } from './format.js';
import { err, ok, type Result } from './result.js';
import { scanAddress, scanned } from './scan.js';

/**
 * One IPv4 or IPv6 address as plain, read-only, JSON-safe data: its family and its bits as
 * unsigned 32-bit words, most significant first (one word for IPv4, four for IPv6). Values are
 * never changed after they are made; they are not frozen, because freezing doubled the cost of
 * parsing (measured: +160 ms per million prefixes).
 */
export interface Address {
  /** 4 or 6. */
  readonly family: Family;
  /** The address bits: `[w0]` for IPv4, `[w0, w1, w2, w3]` for IPv6. */
  readonly words: readonly number[];
}

const buffer = new Uint32Array(4);

/** The words of an address of the family at words[wi..], copied out of a scratch buffer. */
export function wordsFrom(family: Family, words: Uint32Array, wi: number): number[] {
  return family === 4 ? [words[wi]!] : [words[wi]!, words[wi + 1]!, words[wi + 2]!, words[wi + 3]!];
}

/** Builds an {@link Address} from words[wi..] of a scratch buffer. */
export function addressFrom(family: Family, words: Uint32Array, wi: number): Address {
  return { family, words: wordsFrom(family, words, wi) };
}

/**
 * Parses an address, strictly: four-part decimal IPv4 without leading zeros, or RFC 4291 IPv6
 * text (the embedded dotted-quad form included). No prefix length, whitespace or zone id.
 *
 * @example parseAddress('2600:1F18::1') // ok: { family: 6, words: [0x26001f18, 0, 0, 1] }
 */
export function parseAddress(text: string): Result<Address> {
  if (typeof text !== 'string' || scanAddress(text, buffer, 0) !== text.length) {
    return err('malformed-address', `'${String(text)}' is not a valid IPv4 or IPv6 address`);
  }
  return ok(addressFrom(scanned.family, buffer, 0));
}

/** Canonical text of an address: dotted decimal, or RFC 5952 compressed lowercase IPv6. */
export function formatAddress(address: Address): string {
  buffer.set(address.words);
  return formatWords(address.family, buffer, 0);
}

/** Total order on addresses: every IPv4 address before every IPv6 one, then numerically. */
export function compareAddresses(a: Address, b: Address): number {
  if (a.family !== b.family) return a.family - b.family;
  for (let w = 0; w < a.words.length; w++) {
    const x = a.words[w]!;
    const y = b.words[w]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
