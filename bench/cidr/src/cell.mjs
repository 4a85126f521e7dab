#!/usr/bin/env node
// A process for measurements of one tool: the driver (run.mjs) starts one per cell in a full run,
// so no measurement runs on a heap or JIT state another one left behind; a quick run (which
// checks results, not speed) gives a tool all its cells at once, to spend less time starting Node.
// Prints one line per cell: `CIDRBENCH {json}` (see measure-cell.mjs).
//   node --expose-gc src/cell.mjs --preset full --tool pcxsim --cells W1:10000[,W2:10000…] --data DIR
import { parseArgs } from 'node:util';
import { measureCell } from './measure-cell.mjs';
import { loadTool } from './tools/index.mjs';
import { PRESETS, WORKLOADS } from './workloads.mjs';

export const RESULT_TAG = 'CIDRBENCH';

const { values } = parseArgs({
  options: { preset: { type: 'string' }, tool: { type: 'string' }, cells: { type: 'string' }, data: { type: 'string' } },
  strict: true,
});
const preset = PRESETS[values.preset];
const cells = (values.cells ?? '').split(',').map((cell) => [cell.split(':')[0], Number(cell.split(':')[1])]);
if (!preset || !values.tool || !values.data || cells.some(([workload, size]) => !WORKLOADS[workload] || !Number.isInteger(size))) {
  console.error('usage: cell.mjs --preset full|quick --tool NAME --cells W1:N[,W2:N…] --data DIR');
  process.exit(2);
}

const tool = await loadTool(values.tool);
for (const [workload, size] of cells) {
  const record = measureCell(tool, { toolName: values.tool, workload, size, data: values.data, preset });
  console.log(`${RESULT_TAG} ${JSON.stringify(record)}`);
}
