// The five workloads, their sizes, and the input files each reads. Every tool gets the same strings
// and must return strings (the way people call these libraries: text in, text out).
//
// W1/W2 merge: the minimal list of prefixes covering the union of the inputs.
// W3 exclude: 10.0.0.0/8 minus every input, as minimal prefixes.
// W4 overlap: build a set from the 100k-prefix set file, then answer, for each query, whether the
//    query prefix shares an address with the set.
// W5 normalise: each line (IPv4 or IPv6, host bits set or not, IPv6 in any spelling) to its
//    canonical text: dotted decimal or RFC 5952, host bits cleared.

/** @typedef {'W1' | 'W2' | 'W3' | 'W4' | 'W5'} WorkloadId */

export const WORKLOADS = {
  W1: { title: 'W1 merge IPv4', operation: 'merge' },
  W2: { title: 'W2 merge IPv6', operation: 'merge' },
  W3: { title: 'W3 /8 minus N', operation: 'exclude' },
  W4: { title: 'W4 overlap queries vs set', operation: 'overlap' },
  W5: { title: 'W5 parse + normalise', operation: 'normalize' },
};

/**
 * The sizes of a run. For W4 and W5 the size is the number of queries / lines; `w4Set` is the
 * size of W4's set; `w4BudgetMs` is how long a W4 run may take before it stops and extrapolates.
 * `quick` is small enough for the test suite (so the harness cannot rot): it checks results, not
 * speed, so it times one run per cell (`once`).
 */
export const PRESETS = {
  full: {
    rows: [['W1', 10_000], ['W1', 100_000], ['W1', 1_000_000], ['W2', 10_000], ['W2', 100_000], ['W3', 10_000], ['W3', 100_000], ['W4', 1_000_000], ['W5', 1_000_000]],
    w4Set: 100_000,
    w4BudgetMs: 5_000,
    once: false,
  },
  quick: {
    rows: [['W1', 500], ['W2', 500], ['W3', 500], ['W4', 2_000], ['W5', 2_000]],
    w4Set: 500,
    w4BudgetMs: 200,
    once: true,
  },
};

/** The largest size of each workload in a preset: what the generator must write. */
export function largestSizes(preset) {
  const largest = {};
  for (const [workload, size] of preset.rows) largest[workload] = Math.max(largest[workload] ?? 0, size);
  return largest;
}

/** Input file names of one cell (relative to the data directory). */
export function inputFiles(workload, size) {
  switch (workload) {
    case 'W1': return { items: `w1-ipv4-${size}.txt` };
    case 'W2': return { items: `w2-ipv6-${size}.txt` };
    case 'W3': return { base: 'w3-base.txt', items: `w3-exclude-${size}.txt` };
    case 'W4': return { set: 'w4-set.txt', items: `w4-queries-${size}.txt` };
    case 'W5': return { items: `w5-mixed-${size}.txt` };
    default: throw new Error(`unknown workload ${workload}`);
  }
}
