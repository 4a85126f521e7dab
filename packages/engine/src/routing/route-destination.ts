// A route's destination: parsed from CreateRoute/ReplaceRoute/DeleteRoute's members, stored as
// canonical text (routes §1.7 [doc]: `100.68.0.18/18` is stored as `100.68.0.0/18`), and keyed so
// that the longest-prefix match can look a masked address up by exact key (longest-prefix-match.ts).
import { formatPrefix, parsePrefix, type Address, type Prefix } from '@pcxsim/cidr';

/** The key of the prefix of `length` bits of `words` (bits past `length` ignored): `family:w0.w1…/length`. */
export function maskedKey(family: 4 | 6, words: readonly number[], length: number): string {
  let key = family === 4 ? '4:' : '6:';
  for (let w = 0; w < words.length; w++) {
    const bits = Math.max(0, Math.min(32, length - 32 * w));
    const mask = bits === 0 ? 0 : bits === 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
    key += (w === 0 ? '' : '.') + ((words[w]! & mask) >>> 0).toString(16);
  }
  return `${key}/${length}`;
}

/** The key a route with this destination is stored under in its table. */
export const destinationKey = (prefix: Prefix): string => maskedKey(prefix.family, prefix.words, prefix.length);

/** The key of the prefix of `length` bits holding `address`. */
export const addressKey = (address: Address, length: number): string => maskedKey(address.family, address.words, length);

/** A destination as a request gives it, read. */
export interface Destination {
  /** The prefix, host bits cleared. */
  readonly prefix: Prefix;
  /** Its canonical text. */
  readonly text: string;
  /** Its key in a table. */
  readonly key: string;
}

/**
 * Reads a destination of `family` (4: `DestinationCidrBlock`, 6: `DestinationIpv6CidrBlock`), host
 * bits cleared; `null` when the text is no CIDR of that family.
 */
export function readDestination(text: string, family: 4 | 6): Destination | null {
  const parsed = parsePrefix(text, { hostBits: 'clear' });
  if (!parsed.ok || parsed.value.family !== family) return null;
  return { prefix: parsed.value, text: formatPrefix(parsed.value), key: destinationKey(parsed.value) };
}
