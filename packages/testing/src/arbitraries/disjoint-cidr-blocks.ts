import fc from 'fast-check';
import { formatNumeric, numericPrefix, sizeOf, type NumericPrefix } from './_internals/prefix-math.js';
import { vpcLengths } from './vpc-cidr-block.js';

/** How many blocks: exactly `n`, or a range. */
export type BlockCount = number | CountRange;

/** A range of counts, both ends included. */
export interface CountRange {
  /** The fewest. */
  readonly min: number;
  /** The most. */
  readonly max: number;
}

/** Constraints of {@link disjointCidrBlocks}. */
export interface DisjointCidrBlocksConstraints {
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
   * The one IPv4 range (canonical CIDR text) all blocks lie in.
   * @defaultValue `'10.0.0.0/8'`
   */
  readonly within?: string;
}

/** One block of the walk: its length, the gap before it (in blocks of its size), and its rank in the output order. */
interface Pace {
  readonly length: number;
  readonly gap: number;
  readonly rank: number;
}

// Each block takes at most 4 of its own sizes of the range: < 1 of alignment, ≤ 2 of gap, 1 for itself.
const MAX_GAP = 2;
const ROOM_PER_BLOCK = 4n;

/** The blocks of a walk up the range, in the order of their ranks. */
function walk(outer: NumericPrefix, paces: readonly Pace[]): string[] {
  const end = outer.network + sizeOf(4, outer.length);
  let cursor = outer.network;
  const placed: { text: string; rank: number; index: number }[] = [];
  for (const [index, { length, gap, rank }] of paces.entries()) {
    const size = sizeOf(4, length);
    const network = ((cursor + size - 1n) / size) * size + BigInt(gap) * size;
    cursor = network + size;
    if (cursor > end) throw new Error('disjointCidrBlocks: ran out of room (a bug: the count check should prevent it)');
    placed.push({ text: formatNumeric({ family: 4, network, length }), rank, index });
  }
  return placed.sort((a, b) => a.rank - b.rank || a.index - b.index).map((block) => block.text);
}

/**
 * Lists of VPC blocks (canonical IPv4 CIDR text, `/16` to `/28`) that share no address: each is a
 * valid VPC block, and no two overlap, so each can be a VPC of its own that peers with every other.
 *
 * Generates the blocks by walking up `within`: each block aligned to its size, after a gap of 0 to 2
 * blocks of its size (so adjacent blocks are common), then shuffled. Shrinks towards fewer blocks,
 * the shortest length, no gaps and address order: `['10.0.0.0/16', '10.1.0.0/16']` for two.
 *
 * @param count - how many blocks: a number, or `{ min, max }` (default `{ min: 2, max: 4 }`); at most
 *   2^(minLength − within's length − 2), 64 with the defaults
 *
 * @example
 * ```ts
 * disjointCidrBlocks(3) // ['10.1.0.0/16', '10.0.0.0/16', '10.3.0.0/16'], ['10.0.0.0/20', '10.0.16.0/28', '10.0.32.0/24'], …
 * ```
 */
export function disjointCidrBlocks(count: BlockCount = { min: 2, max: 4 }, constraints: DisjointCidrBlocksConstraints = {}): fc.Arbitrary<readonly string[]> {
  const { minLength, maxLength } = vpcLengths(constraints);
  const range = constraints.within ?? '10.0.0.0/8';
  const outer = numericPrefix(range, 'disjointCidrBlocks({ within })');
  const { min, max } = typeof count === 'number' ? { min: count, max: count } : count;
  const room = sizeOf(4, outer.length) / (ROOM_PER_BLOCK * sizeOf(4, Math.max(minLength, outer.length)));
  if (outer.family !== 4 || outer.length > minLength || !Number.isInteger(min) || min < 0 || min > max || BigInt(max) > room) {
    throw new RangeError(`disjointCidrBlocks(): ${min}..${max} blocks of /${minLength}../${maxLength} do not fit in ${range} (at most ${room})`);
  }
  const pace = fc.record({
    length: fc.integer({ min: minLength, max: maxLength }),
    gap: fc.integer({ min: 0, max: MAX_GAP }),
    rank: fc.nat({ max: max }),
  });
  return fc.array(pace, { minLength: min, maxLength: max }).map((paces) => walk(outer, paces));
}
