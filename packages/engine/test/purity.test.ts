// DESIGN: no wall clock, no randomness, no I/O anywhere in the engine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };

const SRC = join(import.meta.dirname, '../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));

describe('purity', () => {
  test('the engine source never reads the clock, draws random numbers or does I/O', () => {
    const sources = files(SRC).filter((file) => file.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(20);
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/Date\.now|new Date\(\)|Math\.random|performance\.now|process\.|from 'node:|require\(|fetch\(|setTimeout|setInterval/);
    }
  });

  // DESIGN: the edit scope of a command is carried on its transaction, never module state. A binding
  // a module reassigns, or a collection it fills, would be state that outlives a command; the only
  // ones allowed are memos of pure functions, which no caller can tell from recomputing.
  test('the engine keeps no state in its modules: no top-level let or var, collections only as memos of pure functions', () => {
    const memos = new Set(['vpc-cidr.ts: vpcPrefixes', 'views.ts: messages']);
    const found: string[] = [];
    for (const file of files(SRC).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(file, 'utf8');
      const name = file.slice(SRC.length + 1);
      for (const match of text.matchAll(/^(?:export )?(let|var) (\w+)/gm)) found.push(`${name}: ${match[1]} ${match[2]}`);
      for (const match of text.matchAll(/^(?:export )?const (\w+)\b[^=\n]*= new (?:Map|Set|WeakMap|WeakSet|Array)\b/gm)) {
        if (!memos.has(`${name}: ${match[1]}`)) found.push(`${name}: ${match[1]}`);
      }
    }
    expect(found).toEqual([]);
  });

  test('the engine depends on the three lower packages only', () => {
    expect(Object.keys(packageJson.dependencies).sort()).toEqual(['@pcxsim/cidr', '@pcxsim/lifecycle', '@pcxsim/tags']);
  });
});
