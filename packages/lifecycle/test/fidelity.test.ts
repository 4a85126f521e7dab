import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const FIDELITY = readFileSync(new URL('../../../docs/fidelity.md', import.meta.url), 'utf8');
const SECTION = FIDELITY.split('## @pcxsim/lifecycle')[1]?.split('\n## ')[0] ?? '';
const CITED = [...SECTION.matchAll(/`packages\/lifecycle\/test\/([\w.-]+\.test\.ts) › ([^`]+)`/g)].map(([, file, name]) => ({
  file: file ?? '',
  name: name ?? '',
}));

describe('docs/fidelity.md, @pcxsim/lifecycle section', () => {
  test('the section cites lifecycle tests', () => {
    expect(CITED.length).toBeGreaterThan(20);
  });

  test('every test that fidelity.md cites for @pcxsim/lifecycle exists', () => {
    const missing = CITED.filter(({ file, name }) => {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      return !source.includes(`'${name}'`) && !source.includes(`"${name}"`) && !source.includes(`\`${name}\``);
    });
    expect(missing).toEqual([]);
  });
});
