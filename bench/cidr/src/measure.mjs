// How a cell is timed, the same for every tool, so that fast and slow tools are measured fairly
// in bounded time: run once; under 1 s that run was a warm-up (the JIT had not compiled the tool
// yet), so run 5 more and report their median; under 10 s run 2 more and report the median of 3;
// longer, report the one run. A gc() before each run (node --expose-gc) keeps one run's garbage
// out of the next one's time. `once` (the quick preset, which checks results, not speed) stops
// after the first run.

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const collectGarbage = () => globalThis.gc?.();

const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

/** How many more runs to count after a first run of `ms`, and whether the first one counts. */
function plan(ms, once) {
  if (once) return { countFirst: true, more: 0 };
  if (ms < 1_000) return { countFirst: false, more: 5 };
  return { countFirst: true, more: ms < 10_000 ? 2 : 0 };
}

/**
 * Times `run` (which gets a fresh input from `input()` each time) under the policy above.
 * @template T
 * @param {() => unknown} input
 * @param {(input: any) => T} run
 * @param {{ once?: boolean }} [options]
 * @returns {{ result: T, ms: number, minMs: number, runs: number }}
 */
export function measure(input, run, { once = false } = {}) {
  const timedRun = () => {
    const fresh = input();
    collectGarbage();
    const start = nowMs();
    const result = run(fresh);
    return { result, ms: nowMs() - start };
  };
  const first = timedRun();
  const { countFirst, more } = plan(first.ms, once);
  const counted = countFirst ? [first] : [];
  for (let i = 0; i < more; i++) counted.push(timedRun());
  const times = counted.map((run) => run.ms);
  return { result: first.result, ms: median(times), minMs: Math.min(...times), runs: times.length };
}

/**
 * W4: build the set and answer every query in order, timed together (`buildMs` is the build alone).
 * A tool that would take too long stops once `budgetMs` has passed (after at least `minQueries`
 * queries); its time is then extrapolated to all queries and the result marked partial.
 */
export function measureQueries(build, query, setLines, queries, { budgetMs = 5_000, minQueries = 100, once = false } = {}) {
  const timedRun = () => {
    const fresh = setLines.slice();
    collectGarbage();
    const start = nowMs();
    const set = build(fresh);
    const buildMs = nowMs() - start;
    const answers = new Uint8Array(queries.length);
    let answered = 0;
    while (answered < queries.length) {
      answers[answered] = query(set, queries[answered]) ? 1 : 0;
      answered++;
      if ((answered & 15) === 0 && answered >= minQueries && answered < queries.length && nowMs() - start > budgetMs) break;
    }
    return { answers: answers.subarray(0, answered), ms: nowMs() - start, buildMs };
  };
  const first = timedRun();
  if (first.answers.length < queries.length) {
    const ms = first.buildMs + ((first.ms - first.buildMs) * queries.length) / first.answers.length;
    return { answers: first.answers, partial: true, ms, minMs: ms, runs: 1, buildMs: first.buildMs };
  }
  const { countFirst, more } = plan(first.ms, once);
  const counted = countFirst ? [first] : [];
  for (let i = 0; i < more; i++) counted.push(timedRun());
  const times = counted.map((run) => run.ms);
  return { answers: first.answers, partial: false, ms: median(times), minMs: Math.min(...times), runs: times.length, buildMs: median(counted.map((run) => run.buildMs)) };
}
