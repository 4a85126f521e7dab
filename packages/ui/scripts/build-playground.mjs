#!/usr/bin/env node
// `pnpm --filter @pcxsim/ui run build:playground [DIR]`: the static playground (index.html and one
// script, the engine running in the browser) in DIR, default packages/ui/playground/. Open
// index.html from disk or host the directory anywhere: it fetches nothing.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlayground } from '../dist/index.js';

const dir = resolve(process.argv[2] ?? fileURLToPath(new URL('../playground/', import.meta.url)));
for (const [name, size] of buildPlayground(dir)) process.stdout.write(`${dir}/${name} (${size} bytes)\n`);
