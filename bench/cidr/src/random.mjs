// A seeded source of random integers for the input generator. pure-rand (fast-check's own
// generator library) does the generating; this file only names the draws the generator needs.
// Same seed, same draws, on every machine: the inputs, and so the fingerprints, are reproducible.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * @param {number} seed a 32-bit integer
 */
export function randomSource(seed) {
  const rng = xoroshiro128plus(seed);
  const int = (from, to) => uniformInt(rng, from, to);
  return {
    /** An integer in [from, to], both included. */
    int,
    /** An unsigned 32-bit integer. */
    u32: () => int(0, 0xffff) * 0x10000 + int(0, 0xffff),
    /** True with probability `numerator / denominator`. */
    chance: (numerator, denominator) => int(1, denominator) <= numerator,
    /**
     * One of the values of a weight table `[[value, weight], …]` (integer weights), with the
     * probability of its weight. The table's running sums are computed once per table.
     */
    weighted: (table) => {
      let sums = cumulative.get(table);
      if (sums === undefined) {
        let total = 0;
        sums = table.map(([, weight]) => (total += weight));
        cumulative.set(table, sums);
      }
      const draw = int(1, sums[sums.length - 1]);
      let low = 0;
      let high = sums.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (sums[middle] >= draw) high = middle;
        else low = middle + 1;
      }
      return table[low][0];
    },
  };
}

const cumulative = new WeakMap();
