import fc from 'fast-check';
import { formatNumeric, numericPrefix, subnetOf } from './_internals/prefix-math.js';
import { disjointCidrBlocks } from './disjoint-cidr-blocks.js';
import { prefix } from './prefix.js';
import { vpcLengths } from './vpc-cidr-block.js';

/**
 * How two VPCs' address sets overlap:
 * - `equal`: the same addresses (the same block, or one block and its two halves);
 * - `nested`: `a` holds every address of `b` and more;
 * - `partial`: they share some addresses, and each has addresses the other lacks.
 */
export type OverlapKind = 'equal' | 'nested' | 'partial';

/** Two VPCs' IPv4 blocks that overlap, and how. */
export interface CidrOverlap {
  /** How `a` and `b` overlap. */
  readonly kind: OverlapKind;
  /** The first VPC's blocks: canonical VPC blocks that do not overlap one another. */
  readonly a: readonly string[];
  /** The second VPC's blocks, likewise. */
  readonly b: readonly string[];
}

/** Constraints of {@link overlappingCidrBlocks}. */
export interface OverlappingCidrBlocksConstraints {
  /**
   * The kinds of overlap to generate.
   * @defaultValue `['equal', 'nested', 'partial']`
   */
  readonly kinds?: readonly OverlapKind[];
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
   * The IPv4 range (canonical CIDR text) all blocks lie in.
   * @defaultValue `'10.0.0.0/8'`
   */
  readonly within?: string;
}

const halves = (text: string): string[] => {
  const block = numericPrefix(text, 'block');
  return [0n, 1n].map((half) => formatNumeric(subnetOf(block, block.length + 1, half, 1)));
};

function equal(within: string, minLength: number, maxLength: number): fc.Arbitrary<CidrOverlap> {
  return fc.tuple(prefix({ within, minLength, maxLength }), fc.boolean()).map(([block, split]) => {
    const canSplit = numericPrefix(block, 'block').length < maxLength;
    return { kind: 'equal' as const, a: [block], b: split && canSplit ? halves(block) : [block] };
  });
}

function nested(within: string, minLength: number, maxLength: number): fc.Arbitrary<CidrOverlap> {
  const spareBits = maxLength - minLength;
  return fc
    .tuple(prefix({ within, minLength, maxLength: maxLength - 1 }), fc.nat(), fc.bigInt({ min: 0n, max: (1n << BigInt(spareBits)) - 1n }))
    .map(([text, extra, raw]) => {
      const outer = numericPrefix(text, 'block');
      const length = outer.length + 1 + (extra % (maxLength - outer.length));
      return { kind: 'nested' as const, a: [text], b: [formatNumeric(subnetOf(outer, length, raw, spareBits))] };
    });
}

function partial(within: string, minLength: number, maxLength: number): fc.Arbitrary<CidrOverlap> {
  const spareBits = maxLength - minLength;
  return fc
    .tuple(disjointCidrBlocks(3, { within, minLength, maxLength }), fc.nat(), fc.bigInt({ min: 0n, max: (1n << BigInt(spareBits)) - 1n }))
    .map(([[p, q, r], extra, raw]) => {
      // They share q, or a part of it; p is a's own and r is b's own.
      const shared = numericPrefix(q!, 'block');
      const length = shared.length + (extra % (maxLength - shared.length + 1));
      return { kind: 'partial' as const, a: [p!, q!], b: [formatNumeric(subnetOf(shared, length, raw, spareBits)), r!] };
    });
}

const BUILDERS = { equal, nested, partial } as const;

/**
 * Two VPCs' IPv4 blocks that deliberately overlap, labelled with how (see {@link OverlapKind}):
 * what makes a peering request between them fail (spec §2.2). Every block is a valid VPC block
 * (`/16` to `/28`, canonical), and the blocks of one side never overlap each other, so each side can
 * be one VPC (its primary block and secondaries). `equal` and `nested` have one block per side (two
 * for the halves of an `equal`); `partial` has two per side, as two single blocks can only be equal
 * or nested.
 *
 * Shrinks towards `equal`, then towards the shortest blocks at the start of `within`:
 * `{ kind: 'equal', a: ['10.0.0.0/16'], b: ['10.0.0.0/16'] }`.
 *
 * @example
 * ```ts
 * overlappingCidrBlocks({ kinds: ['nested'] }) // { kind: 'nested', a: ['10.4.0.0/16'], b: ['10.4.192.0/18'] }, …
 * ```
 */
export function overlappingCidrBlocks(constraints: OverlappingCidrBlocksConstraints = {}): fc.Arbitrary<CidrOverlap> {
  const { minLength, maxLength } = vpcLengths(constraints);
  const within = constraints.within ?? '10.0.0.0/8';
  const kinds = constraints.kinds ?? (['equal', 'nested', 'partial'] as const);
  if (kinds.length === 0) throw new RangeError('overlappingCidrBlocks(): `kinds` is empty');
  if (minLength === maxLength && kinds.includes('nested')) {
    throw new RangeError('overlappingCidrBlocks(): a nested pair needs two lengths (minLength < maxLength)');
  }
  const arbitraries = kinds.map((kind) => BUILDERS[kind](within, minLength, maxLength));
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof({ withCrossShrink: true }, ...arbitraries);
}
