import type { Family } from '@pcxsim/cidr';
import fc from 'fast-check';
import { bitsOf, formatNumeric, numericPrefix, subnetOf } from './_internals/prefix-math.js';

/** Constraints of {@link prefix}. */
export interface PrefixConstraints {
  /**
   * The address family: 4 or 6; both when absent.
   * @defaultValue both
   */
  readonly family?: Family;
  /**
   * The shortest prefix length.
   * @defaultValue 0 (or the length of `within`)
   */
  readonly minLength?: number;
  /**
   * The longest prefix length.
   * @defaultValue 32 for IPv4, 128 for IPv6
   */
  readonly maxLength?: number;
  /**
   * Canonical CIDR text every generated prefix lies inside, e.g. `'10.0.0.0/8'`; its family wins
   * over `family`.
   * @defaultValue `'0.0.0.0/0'` or `'::/0'`
   */
  readonly within?: string;
}

function prefixOfFamily(family: Family, constraints: PrefixConstraints): fc.Arbitrary<string> {
  const outer = numericPrefix(constraints.within ?? (family === 4 ? '0.0.0.0/0' : '::/0'), 'prefix({ within })');
  const minLength = Math.max(constraints.minLength ?? 0, outer.length);
  const maxLength = constraints.maxLength ?? bitsOf(outer.family);
  if (!Number.isInteger(minLength) || !Number.isInteger(maxLength) || minLength > maxLength || maxLength > bitsOf(outer.family)) {
    throw new RangeError(`prefix(): no /${minLength}../${maxLength} prefix fits in ${constraints.within ?? `IPv${family}`}`);
  }
  const spareBits = maxLength - outer.length;
  return fc
    .tuple(fc.integer({ min: minLength, max: maxLength }), fc.bigInt({ min: 0n, max: (1n << BigInt(spareBits)) - 1n }))
    .map(([length, raw]) => formatNumeric(subnetOf(outer, length, raw, spareBits)));
}

/**
 * CIDR prefixes as canonical text (`10.0.0.0/16`, `2001:db8::/32`): host bits clear, RFC 5952
 * spelling for IPv6 — exactly what `formatPrefix` of `@pcxsim/cidr` writes, so every value parses
 * strictly with `parsePrefix`.
 *
 * Generates a length between `minLength` and `maxLength`, then any network of that length inside
 * `within`. Shrinks towards the shortest length and the lowest network (the first subnet of
 * `within`), and from IPv6 towards IPv4 when both families are asked for.
 *
 * @example
 * ```ts
 * prefix({ family: 4, within: '10.0.0.0/8', minLength: 16, maxLength: 24 }) // '10.42.0.0/16', '10.3.128.0/17', …
 * ```
 */
export function prefix(constraints: PrefixConstraints = {}): fc.Arbitrary<string> {
  if (constraints.within !== undefined) {
    return prefixOfFamily(numericPrefix(constraints.within, 'prefix({ within })').family, constraints);
  }
  if (constraints.family !== undefined) return prefixOfFamily(constraints.family, constraints);
  // Both families: each keeps the lengths it can have (a /64 is IPv6 only).
  const ipv6 = prefixOfFamily(6, constraints);
  if ((constraints.minLength ?? 0) > 32) return ipv6;
  const ipv4 = prefixOfFamily(4, { ...constraints, maxLength: Math.min(constraints.maxLength ?? 32, 32) });
  return fc.oneof({ withCrossShrink: true }, ipv4, ipv6);
}
