#!/usr/bin/env node
// Writes the live view's script to dist/browser/live.js, where a packed @pcxsim/ui reads it
// (src/assets.ts). Run after tsc (prepack, and the root `pnpm run build`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundle } from '../dist/assets.js';

const out = new URL('../dist/browser/', import.meta.url);
mkdirSync(out, { recursive: true });
const text = bundle('live');
writeFileSync(new URL('live.js', out), text);
process.stdout.write(`@pcxsim/ui: dist/browser/live.js (${text.length} bytes)\n`);
