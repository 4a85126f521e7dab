// The routing arbitraries (issue 13): valid routing is accepted, each routing mistake is refused with
// its code and changes nothing, subnet blocks fit their VPC, sequences with routes reach every
// routing action, and in every world they build a route is active exactly while its connection is.
import { apply, createWorld, type Caller, type Step, type World } from '@pcxsim/engine';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePrefix } from '@pcxsim/cidr';
import {
  Bindings,
  commandSequence,
  invalidRoutingStep,
  peeredRoute,
  ROUTING_ACTIONS,
  ROUTING_MISTAKE_KINDS,
  SEQUENCE_ACTIONS,
  subnetCidrBlock,
  world,
  type SequenceStep,
} from '../src/index.js';

const SETTLE = { type: 'AdvanceClock', Milliseconds: 0 } as const;
const nobody: Caller = { accountId: '000000000000', region: 'us-east-1' };

/** Runs steps on the engine, settling after each (as a real endpoint is, moments later). */
function run(steps: readonly SequenceStep[]): { results: Step[]; before: World[]; world: World; ids: Bindings } {
  let current = createWorld();
  const ids = new Bindings();
  const results: Step[] = [];
  const before: World[] = [];
  for (const step of steps) {
    const { caller, command } = ids.resolve(step);
    before.push(current);
    const result = apply(current, caller, command);
    results.push(result);
    current = apply(result.world, nobody, SETTLE).world;
    if (result.result.ok) ids.record(step, result.result.value);
  }
  return { results, before, world: current, ids };
}

const code = (step: Step): string => (step.result.ok ? 'ok' : step.result.error.code);

describe('invalidRoutingStep', () => {
  test('as a property: every step before the mistake is accepted; the mistake is refused with its code and leaves the world ===', () => {
    fc.assert(
      fc.property(invalidRoutingStep(), ({ steps, code: expected, kind }) => {
        const { results, before } = run(steps);
        expect(results.slice(0, -1).map(code), kind).toEqual(results.slice(0, -1).map(() => 'ok'));
        const last = results.at(-1)!;
        expect(code(last), `${kind}: ${JSON.stringify(steps.at(-1))}`).toBe(expected);
        expect(last.world).toBe(before.at(-1));
      }),
      { numRuns: 200 },
    );
  });

  test('every kind of mistake is reached, each with a section of the rule', () => {
    for (const kind of ROUTING_MISTAKE_KINDS) {
      const [planned] = fc.sample(invalidRoutingStep({ kinds: [kind] }), { numRuns: 1 });
      expect(planned?.kind).toBe(kind);
      expect(planned?.section).not.toBe('');
      const { results } = run(planned!.steps);
      expect(code(results.at(-1)!), kind).toBe(planned!.code);
    }
    expect(() => invalidRoutingStep({ kinds: ['no-such-kind'] })).toThrow(RangeError);
  });
});

describe('peeredRoute', () => {
  test('as a property: every step is accepted, and the route shows active once the connection is, blackhole while pending (routes §2.3)', () => {
    fc.assert(
      fc.property(peeredRoute(), ({ steps, routeState }) => {
        const { results, world: w, ids } = run(steps);
        expect(results.map(code)).toEqual(results.map(() => 'ok'));
        const alice = steps[0]!.caller;
        const tables = apply(w, alice, { type: 'DescribeRouteTables', RouteTableIds: [ids.idOf('$rtb0')!] });
        if (!tables.result.ok) throw new Error(tables.result.error.message);
        const viaPcx = tables.result.value.RouteTables[0]!.Routes.filter((r) => r.VpcPeeringConnectionId === ids.idOf('$pcx0'));
        expect(viaPcx.map((r) => r.State)).toEqual([routeState]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('subnetCidrBlock', () => {
  test('as a property: a /16–/28 block inside the VPC block, which CreateSubnet takes', () => {
    fc.assert(
      fc.property(fc.constantFrom('10.0.0.0/16', '172.31.0.0/20', '192.168.0.0/24', '10.1.16.0/28'), fc.context(), (vpcBlock, ctx) => {
        const [subnet] = fc.sample(subnetCidrBlock(vpcBlock), { numRuns: 1, seed: vpcBlock.length });
        ctx.log(subnet!);
        const parsed = parsePrefix(subnet!);
        expect(parsed.ok && parsed.value.length >= 16 && parsed.value.length <= 28).toBe(true);
        const { results } = run([
          { caller: nobody, command: { type: 'CreateVpc', CidrBlock: vpcBlock } },
          { caller: nobody, command: { type: 'CreateSubnet', VpcId: '$vpc0', CidrBlock: subnet! } },
        ]);
        expect(results.map(code)).toEqual(['ok', 'ok']);
      }),
    );
    fc.assert(
      fc.property(subnetCidrBlock('10.0.0.0/16'), (subnet) => {
        const { results } = run([
          { caller: nobody, command: { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' } },
          { caller: nobody, command: { type: 'CreateSubnet', VpcId: '$vpc0', CidrBlock: subnet } },
        ]);
        expect(results.map(code)).toEqual(['ok', 'ok']);
      }),
    );
    expect(() => subnetCidrBlock('10.0.0.0/29')).toThrow(RangeError);
  });
});

describe('commandSequence({ routes: true })', () => {
  const runs = fc.sample(commandSequence({ routes: true, clockSteps: false, maxLength: 60 }), { numRuns: 200 }).map((steps) => ({ steps, ...run(steps) }));

  test('every routing action turns up, mostly accepted; with invalid steps, the routing refusals turn up too', () => {
    const byAction = new Map<string, { ok: number; all: number }>();
    const refusals = new Set<string>();
    for (const { steps, results } of runs) {
      steps.forEach(({ command }, i) => {
        const tally = byAction.get(command.type) ?? { ok: 0, all: 0 };
        tally.all++;
        if (results[i]!.result.ok) tally.ok++;
        else if ((ROUTING_ACTIONS as readonly string[]).includes(command.type)) refusals.add(`${command.type}:${code(results[i]!)}`);
        byAction.set(command.type, tally);
      });
    }
    console.log(
      'routing steps in 200 runs of up to 60 steps (ok/all): ' +
        ROUTING_ACTIONS.map((action) => `${action} ${byAction.get(action)?.ok ?? 0}/${byAction.get(action)?.all ?? 0}`).join(', ') +
        `; ${refusals.size} distinct routing refusals: ${[...refusals].sort().join(' ')}`,
    );
    for (const action of ROUTING_ACTIONS) expect(byAction.get(action)?.ok ?? 0, action).toBeGreaterThan(0);
    // Each kind of mistake is pinned by invalidRoutingStep's tests; here, that sequences carry many.
    expect(refusals.size).toBeGreaterThanOrEqual(15);
    expect([...refusals].filter((refusal) => refusal.startsWith('CreateRoute:')).length).toBeGreaterThanOrEqual(3);
  });

  test('invalid: 0 with routes: routing steps are accepted nearly always', () => {
    const valid = fc.sample(commandSequence({ routes: true, clockSteps: false, invalid: 0 }), { numRuns: 150 }).map(run);
    let ok = 0;
    let all = 0;
    for (const { results } of valid) {
      for (const result of results) {
        all++;
        if (result.result.ok) ok++;
      }
    }
    expect(ok / all).toBeGreaterThan(0.9);
  });

  test('as a property: any subset of the actions, routing ones included, gives only those actions', () => {
    const everything = [...SEQUENCE_ACTIONS, ...ROUTING_ACTIONS];
    fc.assert(
      fc.property(
        fc.subarray(everything, { minLength: 1 }).chain((actions) => fc.tuple(fc.constant(actions), commandSequence({ actions, maxLength: 20 }))),
        ([actions, steps]) => {
          for (const { command } of steps) expect(actions).toContain(command.type);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('deterministic for a seed', () => {
    const seed = fc.readConfigureGlobal().seed ?? 1;
    const options = { routes: true, density: 6 } as const;
    expect(fc.sample(commandSequence(options), { numRuns: 10, seed })).toEqual(fc.sample(commandSequence(options), { numRuns: 10, seed }));
  });
});

describe('world({ routes: true })', () => {
  test('as a property: in every world reached, a route to a connection is active iff the connection is (routes §2.3)', () => {
    fc.assert(
      fc.property(world({ routes: true }), ({ world: w }) => {
        for (const accountId of ['111111111111', '222222222222', '333333333333']) {
          for (const region of ['us-east-1', 'eu-west-1']) {
            const tables = apply(w, { accountId, region }, { type: 'DescribeRouteTables' });
            if (!tables.result.ok) throw new Error(tables.result.error.message);
            for (const table of tables.result.value.RouteTables) {
              for (const r of table.Routes) {
                if (r.VpcPeeringConnectionId === undefined) continue;
                const pcx = apply(w, { accountId, region }, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [r.VpcPeeringConnectionId] });
                const state = pcx.result.ok ? pcx.result.value.VpcPeeringConnections[0]?.Status.Code : undefined;
                expect(r.State === 'active').toBe(state === 'active');
              }
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  test('worlds with routes hold subnets, tables, associations and pcx routes', () => {
    const worlds = fc.sample(world({ routes: true }), { numRuns: 100 });
    const withRoutes = worlds.filter(({ ids }) => Object.keys(ids).some((s) => s.startsWith('$rtb')) && Object.keys(ids).some((s) => s.startsWith('$subnet')));
    expect(withRoutes.length / worlds.length).toBeGreaterThan(0.35);
  });
});
