// Worlds built by running engine commands: reproducible by seed, plain data that survives JSON,
// reachable (their steps rebuild them), and shrinking by shrinking the steps.
import { apply, type World } from '@pcxsim/engine';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runSteps } from '../src/arbitraries/world.js';
import { DEFAULT_ACCOUNTS, DEFAULT_REGIONS, world } from '../src/index.js';

const VIEWERS = DEFAULT_ACCOUNTS.flatMap((accountId) => DEFAULT_REGIONS.map((region) => ({ accountId, region })));

/** What every viewer sees of the world: its VPCs, connections and tags. */
const everythingSeen = (state: World) =>
  VIEWERS.map((viewer) =>
    (['DescribeVpcs', 'DescribeVpcPeeringConnections', 'DescribeTags'] as const).map((type) => apply(state, viewer, { type }).result),
  );

const hasActive = (state: World) =>
  VIEWERS.some((viewer) => {
    const seen = apply(state, viewer, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values: ['active'] }] });
    return seen.result.ok && seen.result.value.VpcPeeringConnections.length > 0;
  });

describe('world', () => {
  test('the same seed gives the same worlds', () => {
    const once = fc.sample(world(), { seed: 7, numRuns: 15 });
    const again = fc.sample(world(), { seed: 7, numRuns: 15 });
    expect(JSON.stringify(again.map((generated) => generated.world))).toBe(JSON.stringify(once.map((generated) => generated.world)));
  });

  test('a world is plain data: JSON restores it exactly, and the engine reads the copy as the original', () => {
    fc.assert(
      fc.property(world({ maxLength: 20 }), ({ world: state }) => {
        const copy = JSON.parse(JSON.stringify(state)) as World;
        expect(copy).toEqual(state);
        expect(everythingSeen(copy)).toEqual(everythingSeen(state));
      }),
      { numRuns: 40 },
    );
  });

  test('a world is reachable: its own steps rebuild it, and its symbols are the IDs it handed out', () => {
    fc.assert(
      fc.property(world({ maxLength: 20 }), ({ world: state, steps, ids }) => {
        expect(runSteps(steps, { regions: state.config.regions }).world).toEqual(state);
        for (const [symbol, id] of Object.entries(ids)) {
          const kind = /^\$(vpc|pcx|assoc)\d+$/.exec(symbol)?.[1];
          expect(id.startsWith({ vpc: 'vpc-0', pcx: 'pcx-0', assoc: 'vpc-cidr-assoc-0' }[kind as 'vpc'])).toBe(true);
        }
        expect(new Set(Object.values(ids)).size).toBe(Object.keys(ids).length);
      }),
      { numRuns: 40 },
    );
  });

  test('the world options reach the world: seed, timing, Regions', () => {
    fc.assert(
      fc.property(world({ worldOptions: { seed: 99, timing: 'realistic' }, regions: ['us-east-1', 'ap-southeast-2'], maxLength: 5 }), ({ world: state }) => {
        expect(state.config.seed).toBe(99);
        expect(state.config.timing).toBe('realistic');
        expect(state.config.regions).toContain('ap-southeast-2');
      }),
      { numRuns: 10 },
    );
  });

  test('shrinks by shrinking its steps: a world with an active connection shrinks to the few steps that make one', () => {
    const details = fc.check(fc.property(world(), ({ world: state }) => !hasActive(state)), { numRuns: 1000 });
    expect(details.failed).toBe(true);
    const shrunk = details.counterexample![0];
    expect(hasActive(shrunk.world)).toBe(true);
    expect(shrunk.steps.length).toBeLessThanOrEqual(8);
    // The report prints the steps, not the world.
    expect(fc.stringify(shrunk)).toMatch(/^world\(\d+ steps: CreateVpc/);
  });
});
