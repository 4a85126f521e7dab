// docs/guides/iac-clients.md carries a table of the EC2 actions each IaC tool calls, generated from
// src/client-actions.ts and the per-action table; these tests keep the committed copy current and
// the table honest.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ACTIONS, actionStatus, CLIENT_RESOURCES, CLIENT_TABLE_MARKERS, NOT_SERVED, renderClientActionTable, withClientActionTable } from '../src/index.js';

const GUIDE = new URL('../../../docs/guides/iac-clients.md', import.meta.url);

describe('the IaC clients guide', () => {
  test('docs/guides/iac-clients.md carries the current action table (run pnpm run docs:iac)', () => {
    const committed = readFileSync(GUIDE, 'utf8');
    expect(committed === withClientActionTable(committed), 'the table in docs/guides/iac-clients.md is stale: run `pnpm run docs:iac`').toBe(true);
  });

  test('an action the endpoint serves reads served; one it does not, why not; no action lacks a reason', () => {
    for (const resource of CLIENT_RESOURCES) {
      for (const action of resource.actions) {
        const status = actionStatus(action);
        if (Object.hasOwn(ACTIONS, action)) expect(status, action).toBe('served');
        else expect(status, action).toBe(`not served: ${NOT_SERVED[action]!}`);
        expect(status, `${resource.resource} ${action}`).not.toContain('no reason recorded');
      }
    }
    // A reason kept for an action that is served by now is stale.
    for (const action of Object.keys(NOT_SERVED)) expect(Object.hasOwn(ACTIONS, action), action).toBe(false);
  });

  test('the table has one row per action of each resource, and the page keeps its markers', () => {
    const rows = renderClientActionTable().split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Tool') && !line.startsWith('| ---'));
    expect(rows).toHaveLength(CLIENT_RESOURCES.reduce((n, resource) => n + resource.actions.length, 0));
    expect(() => withClientActionTable('no markers')).toThrow();
    expect(readFileSync(GUIDE, 'utf8')).toContain(CLIENT_TABLE_MARKERS.end);
  });
});
