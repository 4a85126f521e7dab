/**
 * IPv4 and IPv6 prefixes and prefix sets, as immutable values with errors as values.
 *
 * Parsing is strict, like AWS: four-part decimal IPv4 only, RFC 4291 IPv6, a decimal prefix
 * length in range, and host bits either refused or cleared on request. Sets hold both
 * families at once and answer what VPC peering asks — do two VPCs' blocks overlap? — as
 * well as the whole set algebra, on sorted packed ranges that need no BigInt.
 *
 * @example
 * ```ts
 * import { parsePrefixSet, overlapsSet, formatPrefixSet, union } from '@pcxsim/cidr';
 * const a = parsePrefixSet(['10.0.0.0/16', '2600:1f18:abcd:1200::/56']);
 * const b = parsePrefixSet(['10.0.128.0/17']);
 * if (a.ok && b.ok) overlapsSet(a.value, b.value); // true
 * ```
 *
 * @packageDocumentation
 */

export type { Family } from './family.js';
export type { CidrError, CidrErrorCode, Result, Ok, Err, ErrAt, AtIndex } from './result.js';
export { type Address, parseAddress, formatAddress, compareAddresses } from './address.js';
export {
  type Prefix,
  type ParsePrefixOptions,
  type ParsedPrefix,
  type PrefixParsed,
  parsePrefix,
  canonicalPrefix,
  canonicalPrefixes,
  formatPrefix,
  prefixOf,
} from './prefix.js';
export {
  prefixContains,
  prefixOverlaps,
  prefixEquals,
  comparePrefixes,
  prefixSize,
  firstAddress,
  lastAddress,
  subnets,
  supernet,
} from './prefix-relations.js';
export {
  type AddressRange,
  type ParsePrefixSetResult,
  PrefixSet,
  emptyPrefixSet,
  prefixSet,
  parsePrefixSet,
  rangeSet,
  rangeToPrefixes,
  union,
  intersection,
  difference,
  symmetricDifference,
  complement,
  overlaps,
  overlapsSet,
  containsPrefix,
  isEmpty,
  setEquals,
  setSize,
  toPrefixes,
  formatPrefixSet,
  toRanges,
} from './prefix-set.js';
