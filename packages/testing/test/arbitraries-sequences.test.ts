// Command sequences: what they contain over many samples, that they name what exists, that they
// shrink to meaningful sequences, and that options are honoured.
import { apply, createWorld, type CommandType, type Step, type World } from '@pcxsim/engine';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { SEQUENCE_ACTIONS } from '../src/arbitraries/_internals/step-templates.js';
import { Bindings, commandSequence, DEFAULT_ACCOUNTS, DEFAULT_REGIONS, type SequenceOptions, type SequenceStep } from '../src/index.js';

const SYMBOL = /\$(vpc|pcx|assoc)\d+/g;

interface Run {
  readonly steps: readonly SequenceStep[];
  readonly results: readonly Step[];
  /** Symbols named by each step, and how many of them were bound when it ran. */
  readonly named: number;
  readonly bound: number;
  readonly world: World;
}

/** Runs a sequence on the engine, as any backend would: through a Bindings of its own. */
function run(steps: readonly SequenceStep[]): Run {
  let world = createWorld();
  const ids = new Bindings();
  const results: Step[] = [];
  let named = 0;
  let bound = 0;
  for (const step of steps) {
    for (const [symbol] of JSON.stringify(step.command).matchAll(SYMBOL)) {
      named++;
      if (ids.idOf(symbol) !== undefined) bound++;
    }
    const { caller, command } = ids.resolve(step);
    const result = apply(world, caller, command);
    world = result.world;
    results.push(result);
    if (result.result.ok) ids.record(step, result.result.value);
  }
  return { steps, results, named, bound, world };
}

const requests = (r: Run) => r.steps.filter(({ command }) => command.type === 'CreateVpcPeeringConnection');
const codes = (r: Run) => r.results.map(({ result }) => (result.ok ? 'ok' : result.error.code));
/** Every connection state any output showed. */
const statesShown = (r: Run) =>
  r.results.flatMap(({ result }) => {
    if (!result.ok) return [];
    const output = result.value as { VpcPeeringConnection?: { Status: { Code: string } }; VpcPeeringConnections?: { Status: { Code: string } }[] };
    return [output.VpcPeeringConnection, ...(output.VpcPeeringConnections ?? [])].flatMap((pcx) => (pcx === undefined ? [] : [pcx.Status.Code]));
  });

/** The share of runs with the feature. */
const share = (runs: readonly Run[], feature: (r: Run) => boolean) => runs.filter(feature).length / runs.length;

describe('commandSequence', () => {
  const runs = fc.sample(commandSequence(), { numRuns: 300 }).map(run);

  test('the mix over many samples: several accounts, every scope of request, clock steps, invalid steps', () => {
    const rates = {
      multiAccount: share(runs, (r) => new Set(r.steps.filter(({ command }) => command.type !== 'AdvanceClock').map(({ caller }) => caller.accountId)).size > 1),
      multiRegion: share(runs, (r) => new Set(r.steps.map(({ caller }) => caller.region)).size > 1),
      sameScope: share(runs, (r) =>
        requests(r).some(
          ({ caller, command }) =>
            command.type === 'CreateVpcPeeringConnection' && [undefined, caller.accountId].includes(command.PeerOwnerId) && [undefined, caller.region].includes(command.PeerRegion),
        ),
      ),
      crossAccount: share(runs, (r) => requests(r).some(({ caller, command }) => command.type === 'CreateVpcPeeringConnection' && command.PeerOwnerId !== undefined && command.PeerOwnerId !== caller.accountId)),
      crossRegion: share(runs, (r) => requests(r).some(({ caller, command }) => command.type === 'CreateVpcPeeringConnection' && command.PeerRegion !== undefined && command.PeerRegion !== caller.region)),
      clock: share(runs, (r) => r.steps.some(({ command }) => command.type === 'AdvanceClock')),
      invalid: share(runs, (r) => codes(r).some((code) => /Malformed|DryRunOperation|MissingParameter|InvalidVpc\.Range/.test(code))),
      failed: share(runs, (r) => statesShown(r).includes('failed')),
      active: share(runs, (r) => statesShown(r).includes('active')),
    };
    expect(rates.multiAccount).toBeGreaterThan(0.6);
    expect(rates.multiRegion).toBeGreaterThan(0.6);
    expect(rates.sameScope).toBeGreaterThan(0.2);
    expect(rates.crossAccount).toBeGreaterThan(0.3);
    expect(rates.crossRegion).toBeGreaterThan(0.2);
    expect(rates.clock).toBeGreaterThan(0.5);
    expect(rates.invalid).toBeGreaterThan(0.2);
    expect(rates.failed).toBeGreaterThan(0.03);
    expect(rates.active).toBeGreaterThan(0.02);
  });

  test('every action turns up, with the default cast of accounts and Regions', () => {
    const actions = new Set(runs.flatMap((r) => r.steps.map(({ command }) => command.type)));
    expect([...actions].sort()).toEqual(
      [
        'AcceptVpcPeeringConnection', 'AdvanceClock', 'AssociateVpcCidrBlock', 'CreateTags', 'CreateVpc', 'CreateVpcPeeringConnection', 'DeleteTags',
        'DeleteVpc', 'DeleteVpcPeeringConnection', 'DescribeTags', 'DescribeVpcPeeringConnections', 'DescribeVpcs', 'DisassociateVpcCidrBlock',
        'ModifyVpcAttribute', 'ModifyVpcPeeringConnectionOptions', 'RejectVpcPeeringConnection',
      ].sort(),
    );
    const callers = runs.flatMap((r) => r.steps.map(({ caller }) => caller));
    expect(new Set(callers.map(({ accountId }) => accountId))).toEqual(new Set(DEFAULT_ACCOUNTS));
    expect(new Set(callers.map(({ region }) => region))).toEqual(new Set(DEFAULT_REGIONS));
  });

  test('steps name resources that exist when they run', () => {
    const valid = fc.sample(commandSequence({ invalid: 0 }), { numRuns: 200 }).map(run);
    const named = valid.reduce((sum, r) => sum + r.named, 0);
    const bound = valid.reduce((sum, r) => sum + r.bound, 0);
    expect(bound / named).toBeGreaterThan(0.9);
  });
});

describe('commandSequence options', () => {
  const sample = (options: SequenceOptions, numRuns = 100) => fc.sample(commandSequence(options), { numRuns });

  test('lengths stay within minLength..maxLength', () => {
    for (const steps of sample({ minLength: 5, maxLength: 8 })) {
      expect(steps.length).toBeGreaterThanOrEqual(5);
      expect(steps.length).toBeLessThanOrEqual(8);
    }
  });

  test('clockSteps: false has no clock step; `actions` keeps to the actions named', () => {
    for (const steps of sample({ clockSteps: false })) expect(steps.map(({ command }) => command.type)).not.toContain('AdvanceClock');
    const allowed: CommandType[] = ['CreateVpc', 'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection'];
    for (const steps of sample({ actions: allowed })) for (const { command } of steps) expect(allowed).toContain(command.type);
  });

  test('any subset of actions: only those actions, whatever fallbacks the planner would like', () => {
    fc.assert(
      fc.property(fc.subarray([...SEQUENCE_ACTIONS], { minLength: 1 }), fc.integer({ min: 0, max: 3 }), (actions, invalid) => {
        for (const steps of fc.sample(commandSequence({ actions, invalid, maxLength: 10 }), 5)) for (const { command } of steps) expect(actions).toContain(command.type);
      }),
      { numRuns: 30 },
    );
  });

  test('`accounts` and `regions` are the only callers', () => {
    const cast = { accounts: ['123456789012', '210987654321'], regions: ['us-west-2', 'eu-central-1'] };
    for (const steps of sample(cast)) {
      for (const { caller } of steps) {
        expect(cast.accounts).toContain(caller.accountId);
        expect(cast.regions).toContain(caller.region);
      }
    }
  });

  test('invalid: 0 gives valid-looking steps only, and every CreateVpc of them succeeds', () => {
    for (const steps of sample({ invalid: 0 }, 200)) {
      const r = run(steps);
      expect(codes(r).filter((code) => /Malformed|DryRunOperation|MissingParameter|FilterLimitExceeded|AuthFailure/.test(code))).toEqual([]);
      r.steps.forEach(({ command }, i) => {
        if (command.type === 'CreateVpc') expect(codes(r)[i]).toBe('ok');
      });
    }
  });

  test('more weight on invalid steps gives more of them', () => {
    const invalidShare = (invalid: number) => {
      const all = sample({ invalid }, 200).map(run);
      const steps = all.reduce((sum, r) => sum + r.steps.length, 0);
      return all.reduce((sum, r) => sum + codes(r).filter((code) => /Malformed|DryRunOperation|MissingParameter/.test(code)).length, 0) / steps;
    };
    expect(invalidShare(5)).toBeGreaterThan(invalidShare(1));
  });

  test('the same seed gives the same sequences', () => {
    const once = fc.sample(commandSequence(), { seed: 42, numRuns: 20 });
    const again = fc.sample(commandSequence(), { seed: 42, numRuns: 20 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));
  });

  it.each([
    ['no accounts', { accounts: [] }],
    ['no action', { actions: ['AdvanceClock'], clockSteps: false }],
  ] as const)('refuses %s', (_, options) => {
    expect(() => commandSequence(options as SequenceOptions)).toThrow(RangeError);
  });
});

describe('commandSequence shrinking', () => {
  const reaches = (state: string) => (steps: readonly SequenceStep[]) => {
    const r = run(steps);
    const viewers = DEFAULT_ACCOUNTS.flatMap((accountId) => DEFAULT_REGIONS.map((region) => ({ accountId, region })));
    return viewers.some((viewer) => {
      const seen = apply(r.world, viewer, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values: [state] }] });
      return seen.result.ok && seen.result.value.VpcPeeringConnections.length > 0;
    });
  };

  test('a sequence that reaches an active connection shrinks to a short one that still does', () => {
    const details = fc.check(fc.property(commandSequence(), (steps) => !reaches('active')(steps)), { numRuns: 1000 });
    expect(details.failed).toBe(true);
    const shrunk = details.counterexample![0];
    expect(reaches('active')(shrunk)).toBe(true);
    // Two VPCs, the request, the Accept and the clock steps that settle it.
    expect(shrunk.length).toBeLessThanOrEqual(8);
  });

  test('a sequence whose request failed shrinks to two overlapping VPCs and the request', () => {
    const details = fc.check(fc.property(commandSequence(), (steps) => !reaches('failed')(steps)), { numRuns: 1000 });
    const shrunk = details.counterexample![0];
    expect(reaches('failed')(shrunk)).toBe(true);
    expect(shrunk.length).toBeLessThanOrEqual(6);
  });
});
