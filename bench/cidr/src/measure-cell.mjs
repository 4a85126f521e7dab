// One measurement: one tool, one workload, one size. Reads the inputs (not timed), times the
// operation (measure.mjs), and fingerprints the result outside the timed region. Returns the
// record the driver collects; a tool that throws gives a record with status `error`.
import { join } from 'node:path';
import { fingerprintAnswers, fingerprintSequence, fingerprintSet } from './fingerprint.mjs';
import { readLines } from './inputs.mjs';
import { measure, measureQueries } from './measure.mjs';
import { inputFiles, WORKLOADS } from './workloads.mjs';

/**
 * @param {object} tool a loaded tool (tools/index.mjs)
 * @param {{ toolName: string, workload: string, size: number, data: string, preset: object }} cell
 */
export function measureCell(tool, { toolName, workload, size, data, preset }) {
  const base = { tool: toolName, workload, size, version: tool.version };
  const operation = WORKLOADS[workload].operation;
  const files = inputFiles(workload, size);
  const read = (name) => readLines(join(data, name));
  try {
    if (operation === 'merge' || operation === 'exclude') {
      const items = read(files.items);
      const baseSet = files.base ? read(files.base) : [];
      const run = measure(
        () => (operation === 'merge' ? [items.slice()] : [baseSet.slice(), items.slice()]),
        (args) => tool[operation](...args),
        preset,
      );
      return { ...base, status: 'ok', ms: run.ms, minMs: run.minMs, runs: run.runs, ...fingerprintSet(run.result) };
    }
    if (operation === 'overlap') {
      const queries = read(files.items);
      const run = measureQueries(tool.overlap.build, tool.overlap.query, read(files.set), queries, { budgetMs: preset.w4BudgetMs, once: preset.once });
      return {
        ...base,
        status: run.partial ? 'partial' : 'ok',
        ms: run.ms,
        minMs: run.minMs,
        runs: run.runs,
        buildMs: run.buildMs,
        answered: run.answers.length,
        ...fingerprintAnswers(run.answers, queries),
      };
    }
    const items = read(files.items);
    const run = measure(() => items.slice(), (lines) => tool.normalize(lines), preset);
    const parseOnlyMs = tool.parseOnly ? measure(() => items.slice(), (lines) => tool.parseOnly(lines), preset).ms : undefined;
    return { ...base, status: 'ok', ms: run.ms, minMs: run.minMs, runs: run.runs, parseOnlyMs, ...fingerprintSequence(run.result) };
  } catch (error) {
    return { ...base, status: 'error', note: String(error?.message ?? error).slice(0, 200) };
  }
}
