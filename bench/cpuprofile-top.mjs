#!/usr/bin/env node
// Summarises a V8 .cpuprofile (`node --cpu-prof`, e.g. `pnpm run bench:load -- --profile DIR`): the
// functions with the most self time, and — with `--by file` — the source files. Self time is
// what a function spends in its own code, not its callees: the place to take time out.
//   node bench/cpuprofile-top.mjs <file.cpuprofile | dir> [--top 30] [--by function|file] [--after-ms A --until-ms B]
// `--after-ms`/`--until-ms` keep only the samples in that span of the profile (ms from its start):
// bench:load prints the span of its measured window, so start-up (module loading, JIT) stays out.
// A directory means its newest .cpuprofile. `(idle)`, `(program)` and `(garbage collector)` are V8's
// own entries; percentages are of the samples outside `(idle)`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const TOP = Number(option('top', '30'));
const BY = option('by', 'function');
const AFTER_US = Number(option('after-ms', '0')) * 1000;
const UNTIL_US = Number(option('until-ms', 'Infinity')) * 1000;
let path = args.find((arg, i) => !arg.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
if (path === undefined) {
  console.error('usage: cpuprofile-top.mjs <file.cpuprofile | dir> [--top N] [--by function|file]');
  process.exit(2);
}
if (statSync(path).isDirectory()) {
  const newest = readdirSync(path)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => ({ name, at: statSync(join(path, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)[0];
  if (newest === undefined) throw new Error(`no .cpuprofile in ${path}`);
  path = join(path, newest.name);
}

const profile = JSON.parse(readFileSync(path, 'utf8'));
// Self time per node: the sampling intervals (timeDeltas) attributed to the sample's node.
const selfUs = new Map();
let at = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at < AFTER_US || at > UNTIL_US) continue;
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
}
const shortUrl = (url) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^.*?\/packages\//, 'packages/');
const totals = new Map();
let busy = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url === '' ? '(native)' : shortUrl(url);
  const key = BY === 'file' ? (functionName.startsWith('(') ? functionName : file) : `${functionName || '(anonymous)'}  ${url === '' ? '' : `${file}:${lineNumber + 1}`}`;
  totals.set(key, (totals.get(key) ?? 0) + us);
  if (functionName !== '(idle)') busy += us;
}
const rows = [...totals].filter(([key]) => !key.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, TOP);
console.log(`${path}: ${(busy / 1000).toFixed(0)} ms busy`);
console.log(`| self % | self ms | ${BY} |`);
console.log('|---:|---:|---|');
for (const [key, us] of rows) console.log(`| ${((100 * us) / busy).toFixed(1)} | ${(us / 1000).toFixed(1)} | ${key} |`);
