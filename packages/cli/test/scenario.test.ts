import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { durationMs, formatTimeline, parseScenario, runScenario } from '../src/scenario.js';

const examples = fileURLToPath(new URL('../../../examples/scenarios/', import.meta.url));
const files = readdirSync(examples).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('pcxsim run scenarios', () => {
  it('ships the six examples the issue names', () => {
    expect(files.sort()).toEqual([
      'cross-account.yaml',
      'cross-region-wrong-region.yaml',
      'expiry.yaml',
      'overlapping-cidrs.yaml',
      'reject-retention.yaml',
      'same-account.yaml',
    ]);
  });

  it.each(files)('every expectation of examples/scenarios/%s holds', (file) => {
    const result = runScenario(parseScenario(readFileSync(examples + file, 'utf8'), file));
    const failed = result.timeline.filter((e) => !e.ok);
    expect(failed).toEqual([]);
    expect(result.timeline.filter((e) => e.kind === 'expect').length).toBeGreaterThan(1);
  });

  it('fails a run whose expectation does not hold, and says what it got', () => {
    const result = runScenario(
      parseScenario(
        `callers: { a: { accountId: '111111111111', region: us-east-1 } }
steps:
  - { as: a, do: CreateVpc, with: { CidrBlock: 10.0.0.0/8 } }
  - expect: { error: none }`,
        'x.yaml',
      ),
    );
    expect(result.passed).toBe(false);
    expect(result.timeline.at(-1)).toMatchObject({ kind: 'expect', ok: false, outcome: 'got InvalidVpc.Range' });
    expect(formatTimeline(result, false)).toContain('an expectation failed');
  });

  it('reports a malformed step as a failure instead of throwing', () => {
    const result = runScenario({ steps: [{ as: 'nobody', do: 'CreateVpc' }] });
    expect(result.passed).toBe(false);
    expect(result.timeline[0]?.outcome).toBe("unknown caller 'nobody'");
  });

  it('reads durations', () => {
    expect([durationMs('90s'), durationMs('2h'), durationMs('7d'), durationMs(5)]).toEqual([90_000, 7_200_000, 604_800_000, 5]);
    expect(() => durationMs('soon')).toThrow('not a duration');
  });
});
