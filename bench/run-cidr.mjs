#!/usr/bin/env node
// `pnpm run bench:cidr [-- --rows W1:10000,W4:1000000 --tools cidr-tools,project]`
// Copies the shared harness (read-only where it is found) to bench/.data/harness, installs its
// anchors once, and runs it with pcxsim's entry as the `project` column. Inputs are generated
// once into bench/.data/inputs (~60 MB, git-ignored).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(process.env.CIDR_HARNESS_SRC ?? join(here, '../../shared/bench/cidr'));
const work = join(here, '.data');
const harness = join(work, 'harness');
if (!existsSync(join(source, 'run'))) {
  console.error(`no CIDR harness at ${source} (set CIDR_HARNESS_SRC)`);
  process.exit(2);
}
mkdirSync(harness, { recursive: true });
cpSync(source, harness, { recursive: true, filter: (path) => !/[/\\](node_modules|data)$/.test(path) });
spawnSync('chmod', ['-R', 'u+w', harness]);
if (!existsSync(join(harness, 'node_modules'))) {
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: harness, stdio: 'inherit' });
  if (install.status !== 0) console.error('anchor install failed: only the project column will run');
}
const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
const run = spawnSync(join(harness, 'run'), args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    PROJECT_CIDR_BENCH: join(here, 'cidr-entry.mjs'),
    CIDR_HARNESS: harness,
    CIDR_BENCH_DATA: process.env.CIDR_BENCH_DATA ?? join(work, 'inputs'),
  },
});
process.exit(run.status ?? 1);
