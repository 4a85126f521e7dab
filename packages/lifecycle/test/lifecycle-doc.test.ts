import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PEERING_STATES, STATES, TRANSITIONS, TRIGGERS, renderLifecycleDoc } from '../src/index.js';

const DOC_PATH = new URL('../../../docs/lifecycle.md', import.meta.url);

describe('docs/lifecycle.md', () => {
  const rendered = renderLifecycleDoc();

  test('docs/lifecycle.md is up to date (run pnpm run docs:lifecycle)', () => {
    const committed = readFileSync(DOC_PATH, 'utf8');
    expect(committed === rendered, 'docs/lifecycle.md is stale: run `pnpm run docs:lifecycle`').toBe(true);
  });

  test('the diagram has one edge per row of the table', () => {
    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(rendered)?.[1] ?? '';
    expect(mermaid.startsWith('stateDiagram-v2\n')).toBe(true);
    const edges = mermaid.split('\n').filter((line) => line.includes('-->'));
    expect(edges).toHaveLength(TRANSITIONS.length);
    for (const rule of TRANSITIONS) {
      const from = rule.from === null ? '[*]' : rule.from.replaceAll('-', '_');
      const to = rule.to.replaceAll('-', '_');
      expect(edges).toContainEqual(expect.stringContaining(`${from} --> ${to} : ${TRIGGERS[rule.trigger].name}`));
    }
  });

  test('the transitions table has one line per row, and every state has a line in the states table', () => {
    const section = rendered.split('## Transitions')[1]?.split('\n## ')[0] ?? '';
    const lines = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| From') && !line.startsWith('| ---'));
    expect(lines).toHaveLength(TRANSITIONS.length);
    for (const state of PEERING_STATES) expect(rendered).toContain(`| \`${state}\` | ${STATES[state].kind} |`);
  });

  test('the page says it is generated and how to regenerate it', () => {
    expect(rendered).toContain('pnpm run docs:lifecycle');
    expect(rendered).toMatch(/^<!-- Generated/);
  });
});
