#!/usr/bin/env node
// Root postinstall: compile better-sqlite3's native binding against the Node headers this machine
// already has (<prefix>/include/node), with the workspace's own node-gyp. Its package script would
// first try to download a prebuilt binary, then headers; neither is reachable here. Skips the
// build when the binding is already there.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(join(process.cwd(), 'packages/cli/package.json'));
let packageDir;
try {
  packageDir = dirname(realpathSync(require.resolve('better-sqlite3/package.json')));
} catch {
  process.exit(0); // not installed (e.g. a filtered install): nothing to build
}
const binding = join(packageDir, 'build/Release/better_sqlite3.node');
if (existsSync(binding)) process.exit(0);

const prefix = dirname(dirname(process.execPath));
const nodedir = existsSync(join(prefix, 'include/node/node.h')) ? [`--nodedir=${prefix}`] : [];
const nodeGyp = createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
console.log(`building better-sqlite3 in ${packageDir} (about a minute)…`);
const run = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', ...nodedir], { cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] });
if (run.status !== 0 || !existsSync(binding)) {
  console.error('better-sqlite3: the native build failed (see above); pcxsim serve --data needs it');
  process.exit(1);
}
