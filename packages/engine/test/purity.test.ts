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

  test('the engine depends on the three lower packages only', () => {
    expect(Object.keys(packageJson.dependencies).sort()).toEqual(['@pcxsim/cidr', '@pcxsim/lifecycle', '@pcxsim/tags']);
  });
});
