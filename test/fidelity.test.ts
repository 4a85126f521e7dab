// docs/fidelity.md is a promise that each rule is pinned by a named test. This keeps the promise
// checkable: every citation `packages/<pkg>/test/<file> › <name>` must name a test that exists.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const FIDELITY = readFileSync(new URL('../docs/fidelity.md', import.meta.url), 'utf8');
const SECTIONS = FIDELITY.split('\n## @pcxsim/').slice(1).map((section) => ({
  name: section.split('\n')[0]!.trim(),
  citations: [...section.matchAll(/`packages\/([\w-]+)\/test\/([\w.-]+\.test\.ts) › ([^`]+)`/g)].map(([, pkg, file, name]) => ({
    path: `../packages/${pkg}/test/${file}`,
    name: name!,
  })),
}));

describe('docs/fidelity.md', () => {
  test('has a section with citations for each package it lists', () => {
    expect(SECTIONS.length).toBeGreaterThanOrEqual(3);
    for (const section of SECTIONS) expect(section.citations.length, section.name).toBeGreaterThan(0);
  });

  test.each(SECTIONS.map((s) => [s.name, s] as const))('every test cited for @pcxsim/%s exists', (_, section) => {
    const missing = section.citations.filter(({ path, name }) => {
      const source = readFileSync(new URL(path, import.meta.url), 'utf8');
      return ![`'${name}'`, `"${name}"`, `\`${name}\``].some((quoted) => source.includes(quoted));
    });
    expect(missing).toEqual([]);
  });
});
