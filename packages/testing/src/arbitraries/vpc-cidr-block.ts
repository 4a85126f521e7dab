import fc from 'fast-check';
import { containsNumeric, numericPrefix } from './_internals/prefix-math.js';
import { prefix } from './prefix.js';

/** The shortest IPv4 block a VPC may have (spec §6.1). */
export const SHORTEST_VPC_BLOCK = 16;
/** The longest IPv4 block a VPC may have (spec §6.1). */
export const LONGEST_VPC_BLOCK = 28;

/** The private ranges of RFC 1918: where VPC blocks come from unless told otherwise. */
export const RFC1918_RANGES: readonly string[] = Object.freeze(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']);

const LINK_LOCAL = numericPrefix('169.254.0.0/16', 'link-local');

/** Constraints of {@link vpcCidrBlock}. */
export interface VpcCidrBlockConstraints {
  /**
   * The shortest block, at least 16.
   * @defaultValue 16
   */
  readonly minLength?: number;
  /**
   * The longest block, at most 28.
   * @defaultValue 28
   */
  readonly maxLength?: number;
  /**
   * IPv4 ranges (canonical CIDR text) the blocks are drawn from, each equally likely;
   * `['0.0.0.0/0']` allows any block. Link-local blocks (`169.254.0.0/16`) are never generated.
   * @defaultValue {@link RFC1918_RANGES}
   */
  readonly within?: readonly string[];
}

/** The length bounds of a VPC block, checked. */
export function vpcLengths(constraints: { readonly minLength?: number; readonly maxLength?: number }): { minLength: number; maxLength: number } {
  const minLength = constraints.minLength ?? SHORTEST_VPC_BLOCK;
  const maxLength = constraints.maxLength ?? LONGEST_VPC_BLOCK;
  if (minLength < SHORTEST_VPC_BLOCK || maxLength > LONGEST_VPC_BLOCK || minLength > maxLength) {
    throw new RangeError(`vpcCidrBlock(): /${minLength}../${maxLength} is not within /${SHORTEST_VPC_BLOCK}../${LONGEST_VPC_BLOCK}`);
  }
  return { minLength, maxLength };
}

/**
 * IPv4 blocks a VPC accepts, as canonical CIDR text: `/16` to `/28` (spec §6.1), host bits clear,
 * never link-local — so `CreateVpc` and `AssociateVpcCidrBlock` take every one of them.
 *
 * Generates a length, then any block of that length in one of the `within` ranges. Shrinks towards
 * the first range, the shortest length and the lowest block in the range: `10.0.0.0/16` by default.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(vpcCidrBlock(), (cidr) => apply(createWorld(), me, { type: 'CreateVpc', CidrBlock: cidr }).result.ok));
 * ```
 */
export function vpcCidrBlock(constraints: VpcCidrBlockConstraints = {}): fc.Arbitrary<string> {
  const { minLength, maxLength } = vpcLengths(constraints);
  const ranges = constraints.within ?? RFC1918_RANGES;
  if (ranges.length === 0) throw new RangeError('vpcCidrBlock(): `within` is empty');
  const arbitraries = ranges.map((range) => {
    const outer = numericPrefix(range, 'vpcCidrBlock({ within })');
    if (outer.family !== 4 || outer.length > maxLength || containsNumeric(LINK_LOCAL, outer)) {
      throw new RangeError(`vpcCidrBlock(): ${range} holds no /${minLength}../${maxLength} VPC block`);
    }
    const blocks = prefix({ within: range, minLength: Math.max(minLength, outer.length), maxLength });
    // Only a range that covers 169.254.0.0/16 can produce a link-local block: filter just those.
    return containsNumeric(outer, LINK_LOCAL) ? blocks.filter((block) => !block.startsWith('169.254.')) : blocks;
  });
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof({ withCrossShrink: true }, ...arbitraries);
}
