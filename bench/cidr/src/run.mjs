#!/usr/bin/env node
// The CIDR benchmark: generates the inputs (once per preset), runs every (workload, size, tool)
// cell in a fresh process under a timeout, prints the table and the fingerprint check, and exits 1
// when the check fails. Needs @pcxsim/cidr built (`pnpm run bench:cidr` builds it).
//
//   node bench/cidr/src/run.mjs                          every row, every tool (tens of minutes)
//   node bench/cidr/src/run.mjs --quick                  small sizes, seconds (what the test runs)
//   node bench/cidr/src/run.mjs --rows W1:10000,W4:1000000 --tools pcxsim,cidr-tools
//   options: --timeout SECONDS (per cell; 120, quick 60)  --data DIR  --markdown  --results FILE
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkFingerprints } from './consensus.mjs';
import { ensureInputs } from './inputs.mjs';
import { renderReport } from './report.mjs';
import { loadTool, TOOL_NAMES } from './tools/index.mjs';
import { PRESETS, WORKLOADS } from './workloads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PROJECT = 'pcxsim';
const USAGE = 'usage: run.mjs [--quick] [--rows W1:10000,…] [--tools pcxsim,cidr-tools,…] [--timeout SECONDS] [--data DIR] [--markdown] [--results FILE]';

let options;
try {
  options = parseArgs({
    // `pnpm run bench:cidr -- --quick` passes the `--` on
    args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--')),
    options: {
      quick: { type: 'boolean', default: false },
      rows: { type: 'string' },
      tools: { type: 'string' },
      timeout: { type: 'string' },
      data: { type: 'string' },
      markdown: { type: 'boolean', default: false },
      results: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const presetName = options.quick ? 'quick' : 'full';
const preset = PRESETS[presetName];
const rows = options.rows === undefined ? preset.rows : options.rows.split(',').map((row) => [row.split(':')[0], Number(row.split(':')[1])]);
const unknownRow = rows.find(([workload, size]) => !preset.rows.some(([w, n]) => w === workload && n === size));
if (unknownRow) {
  console.error(`no row ${unknownRow.join(':')} in the ${presetName} preset (rows: ${preset.rows.map((r) => r.join(':')).join(', ')})`);
  process.exit(2);
}
const tools = options.tools === undefined ? TOOL_NAMES : options.tools.split(',');
const unknownTool = tools.find((tool) => !TOOL_NAMES.includes(tool));
if (unknownTool) {
  console.error(`unknown tool ${unknownTool} (tools: ${TOOL_NAMES.join(', ')})`);
  process.exit(2);
}
const timeoutMs = 1000 * Number(options.timeout ?? (options.quick ? 60 : 120));
const data = resolve(options.data ?? join(here, `../../.data/cidr-inputs-${presetName}`));

const started = process.hrtime.bigint();
if (ensureInputs(data, presetName, preset)) console.error(`generated the ${presetName} inputs in ${data}`);
const results = options.results ?? join(data, 'results.jsonl');
writeFileSync(results, '');

const offered = new Map();
for (const name of tools) offered.set(name, await loadTool(name));

const records = [];
const timedOut = new Set();
const record = (result) => {
  records.push(result);
  appendFileSync(results, JSON.stringify(result) + '\n');
  const shown = result.ms === undefined ? result.status : `${result.status} ${result.ms.toFixed(1)} ms`;
  console.error(`${result.workload} ${result.size} ${result.tool}: ${shown}${result.note ? ` (${result.note})` : ''}`);
};
const unavailable = (name, workload) => offered.get(name)[WORKLOADS[workload].operation] === undefined;

if (preset.once) {
  // Quick: one process per tool, for all the cells it offers.
  for (const name of tools) {
    const cells = rows.filter(([workload]) => !unavailable(name, workload));
    for (const result of runCells(name, cells)) record(result);
  }
} else {
  for (const [workload, size] of rows) {
    for (const name of tools) {
      if (unavailable(name, workload) || !timedOut.has(`${name} ${workload}`)) continue;
      record({ tool: name, workload, size, status: 'skip', note: 'timed out at a smaller size' });
    }
    for (const name of tools) {
      if (unavailable(name, workload) || timedOut.has(`${name} ${workload}`)) continue;
      const [result] = runCells(name, [[workload, size]]);
      if (result.status === 'timeout') timedOut.add(`${name} ${workload}`);
      record(result);
    }
  }
}
for (const [workload, size] of rows) {
  for (const name of tools) {
    if (unavailable(name, workload)) records.push({ tool: name, workload, size, status: 'unavailable', note: offered.get(name).unavailable?.[workload] });
  }
}

const check = checkFingerprints(records, { project: PROJECT });
console.log(renderReport(records, check, { tools, markdown: options.markdown }));
console.error(`\n${records.length} cells in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s; raw results: ${results}`);
process.exitCode = check.failures.length === 0 ? 0 : 1;

/** Runs `cells` of one tool in one fresh process; a result for every cell, in order. */
function runCells(tool, cells) {
  if (cells.length === 0) return [];
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', join(here, 'cell.mjs'), '--preset', presetName, '--tool', tool, '--cells', cells.map((cell) => cell.join(':')).join(','), '--data', data],
    { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
  );
  const printed = child.stdout
    .split('\n')
    .filter((line) => line.startsWith('CIDRBENCH '))
    .map((line) => JSON.parse(line.slice('CIDRBENCH '.length)));
  const killed = child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGKILL';
  const why = `${child.stderr}`.trim().split('\n').slice(-3).join(' ').slice(0, 200);
  return cells.map(([workload, size], i) =>
    printed[i] ??
    (killed
      ? { tool, workload, size, status: 'timeout', note: `over ${timeoutMs / 1000} s` }
      : { tool, workload, size, status: 'error', note: `exit ${child.status}: ${why}` }),
  );
}
