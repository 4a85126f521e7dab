// packages/engine/README.md maps every source file of the engine to its concept, so that a reader
// finds where a rule lives. Engine files are added and renamed often; this keeps the map whole.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../packages/engine/src/', import.meta.url));
const README = readFileSync(new URL('../packages/engine/README.md', import.meta.url), 'utf8');

test('the engine README names every file of packages/engine/src', () => {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((file) => file.replaceAll('\\', '/'))
    .filter((file) => file.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(30);
  expect(files.filter((file) => !README.includes(`\`${file}\``))).toEqual([]);
});

test('the engine README names no file that is gone', () => {
  // Every `x.ts` or `dir/x.ts` in backticks is a path under src/.
  const named = [...README.matchAll(/`((?:[\w-]+\/)*[\w-]+\.ts)`/g)].map((m) => m[1]!);
  const files = new Set(readdirSync(SRC, { recursive: true, encoding: 'utf8' }).map((file) => file.replaceAll('\\', '/')));
  expect(named.filter((file) => !files.has(file))).toEqual([]);
});
