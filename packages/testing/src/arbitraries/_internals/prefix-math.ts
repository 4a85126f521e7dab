// Prefixes as (family, network as a bigint, length): the arithmetic the CIDR arbitraries build
// blocks with, and the way back to canonical text through @pcxsim/cidr.
import { formatPrefix, parsePrefix, type Family, type Prefix } from '@pcxsim/cidr';

/** Number of address bits of a family. */
export const bitsOf = (family: Family): number => (family === 4 ? 32 : 128);

/** A prefix the arithmetic can work on. */
export interface NumericPrefix {
  readonly family: Family;
  /** The network address as an unsigned integer (host bits clear). */
  readonly network: bigint;
  readonly length: number;
}

/** Parses canonical CIDR text given as an option; a bad option is a programming error, so it throws. */
export function numericPrefix(text: string, option: string): NumericPrefix {
  const parsed = parsePrefix(text);
  if (!parsed.ok) throw new RangeError(`${option}: ${parsed.error.message}`);
  return fromPrefix(parsed.value);
}

/** The numeric form of a @pcxsim/cidr prefix. */
export function fromPrefix(prefix: Prefix): NumericPrefix {
  let network = 0n;
  for (const word of prefix.words) network = (network << 32n) | BigInt(word >>> 0);
  return { family: prefix.family, network, length: prefix.length };
}

/** Canonical text of a numeric prefix. */
export function formatNumeric({ family, network, length }: NumericPrefix): string {
  const words: number[] = [];
  for (let w = family === 4 ? 0 : 3; w >= 0; w--) words.push(Number((network >> BigInt(32 * w)) & 0xffff_ffffn));
  return formatPrefix({ family, words, length });
}

/** Number of addresses in a prefix of `length` in `family`. */
export const sizeOf = (family: Family, length: number): bigint => 1n << BigInt(bitsOf(family) - length);

/**
 * The prefix of `length` inside `outer` chosen by `raw`, a number of `spareBits` bits: its top
 * `length - outer.length` bits pick the subnet, so shrinking `raw` towards 0 shrinks towards the
 * first subnet.
 */
export function subnetOf(outer: NumericPrefix, length: number, raw: bigint, spareBits: number): NumericPrefix {
  const choiceBits = length - outer.length;
  const index = raw >> BigInt(spareBits - choiceBits);
  return { family: outer.family, network: outer.network + index * sizeOf(outer.family, length), length };
}

/** Whether `inner` lies inside `outer` (same family). */
export const containsNumeric = (outer: NumericPrefix, inner: NumericPrefix): boolean =>
  outer.family === inner.family &&
  outer.length <= inner.length &&
  inner.network >> BigInt(bitsOf(outer.family) - outer.length) === outer.network >> BigInt(bitsOf(outer.family) - outer.length);
