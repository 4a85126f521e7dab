#!/usr/bin/env node
// pcxsim's column in the shared CIDR benchmark (../shared/bench/cidr, entry protocol in its
// README). Runs on the built package: `pnpm run build` first, or use `pnpm run bench:cidr`.
//   node --expose-gc bench/cidr-entry.mjs --tool project --w W1 --n 10000 --data DIR
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const harness = resolve(process.env.CIDR_HARNESS ?? join(here, '../../shared/bench/cidr'));
const { parseArgs, runWorkload } = await import(pathToFileURL(join(harness, 'harness/common.mjs')).href);
const cidr = await import(pathToFileURL(join(here, '../packages/cidr/dist/index.js')).href);
const { version } = JSON.parse(readFileSync(join(here, '../packages/cidr/package.json'), 'utf8'));

const setOf = (lines) => {
  const parsed = cidr.parsePrefixSet(lines);
  if (!parsed.ok) throw new Error(`line ${parsed.index}: ${parsed.error.message}`);
  return parsed.value;
};

runWorkload(
  {
    name: 'project',
    version: `@pcxsim/cidr@${version}`,
    merge: (lines) => cidr.formatPrefixSet(setOf(lines)),
    exclude: (base, excluded) => cidr.formatPrefixSet(cidr.difference(setOf(base), setOf(excluded))),
    overlap: {
      build: (lines) => setOf(lines),
      query: (set, text) => {
        const parsed = cidr.parsePrefix(text);
        if (!parsed.ok) throw new Error(parsed.error.message);
        return cidr.overlaps(set, parsed.value);
      },
    },
    normalize: (lines) => {
      const canonical = cidr.canonicalPrefixes(lines);
      if (!canonical.ok) throw new Error(canonical.error.message);
      return canonical.value;
    },
    parseOnly: (lines) => {
      for (const text of lines) if (!cidr.parsePrefix(text, { hostBits: 'clear' }).ok) throw new Error(text);
    },
  },
  parseArgs(process.argv.slice(2)),
);
