// Wrong-state steps (issue 16 §5): generated sequences send lifecycle actions to connections in
// states the lifecycle table refuses them from, often enough to matter, and the engine answers each
// with the lifecycle's own refusal code. The expectations are computed from the table, not listed.
import { apply, createWorld, type Caller, type World } from '@pcxsim/engine';
import { PEERING_STATES, TRIGGERS, decide, ruleFor, type Actor, type PeeringState, type Trigger } from '@pcxsim/lifecycle';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CONNECTION_TRIGGERS } from '../src/arbitraries/_internals/state-steps.js';
import { Bindings, commandSequence, type SequenceStep } from '../src/index.js';

const TRIGGER_OF: Readonly<Record<string, Trigger>> = Object.fromEntries(CONNECTION_TRIGGERS.map(({ action, trigger }) => [action, trigger]));

/** A lifecycle action the caller sent to a connection it saw in a state the table has no row for. */
interface WrongStateCall {
  readonly trigger: Trigger;
  readonly from: PeeringState;
  /** What the lifecycle table decides for this caller, state and Region. */
  readonly expected: string;
  /** What the engine answered. */
  readonly answered: string;
}

/** The state `caller` sees a connection in, and its roles and the accepter's Region. */
function seenBy(world: World, caller: Caller, id: string): { state: PeeringState; roles: Actor[]; accepterRegion: string } | undefined {
  const seen = apply(world, caller, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [id] });
  const pcx = seen.result.ok ? seen.result.value.VpcPeeringConnections[0] : undefined;
  if (pcx === undefined) return undefined;
  const roles: Actor[] = [];
  const { RequesterVpcInfo: requester, AccepterVpcInfo: accepter } = pcx;
  if (requester.OwnerId === caller.accountId && requester.Region === caller.region) roles.push('requester');
  if (accepter.OwnerId === caller.accountId && accepter.Region === caller.region) roles.push('accepter');
  return { state: pcx.Status.Code, roles, accepterRegion: accepter.Region ?? caller.region };
}

/** Runs a sequence on the engine; returns every wrong-state call it made. */
function wrongStateCalls(steps: readonly SequenceStep[]): WrongStateCall[] {
  let world = createWorld();
  const ids = new Bindings();
  const calls: WrongStateCall[] = [];
  for (const step of steps) {
    const { caller, command } = ids.resolve(step);
    const trigger = TRIGGER_OF[command.type];
    const id = 'VpcPeeringConnectionId' in command ? command.VpcPeeringConnectionId : undefined;
    const before = trigger !== undefined && typeof id === 'string' && !('DryRun' in command && command.DryRun === true) ? seenBy(world, caller, id) : undefined;
    const result = apply(world, caller, command);
    world = result.world;
    if (result.result.ok) ids.record(step, result.result.value);
    if (before === undefined || trigger === undefined || ruleFor(before.state, trigger) !== undefined) continue;
    const decision = decide(before.state, trigger, before.roles, caller.region, before.accepterRegion);
    calls.push({
      trigger,
      from: before.state,
      expected: decision.ok ? 'allowed' : decision.code,
      answered: result.result.ok ? 'ok' : result.result.error.code,
    });
  }
  return calls;
}

describe('wrong-state steps', () => {
  test('the table gives each user trigger on a connection its refused states (none hard-coded here)', () => {
    expect(CONNECTION_TRIGGERS.map(({ action }) => action).sort()).toEqual(
      (Object.keys(TRIGGERS) as Trigger[])
        .filter((trigger) => TRIGGERS[trigger].kind === 'user' && PEERING_STATES.some((state) => ruleFor(state, trigger) !== undefined))
        .map((trigger) => TRIGGERS[trigger].action)
        .sort(),
    );
    for (const entry of CONNECTION_TRIGGERS) {
      expect([...entry.refusedFrom, ...entry.allowedFrom].sort()).toEqual([...PEERING_STATES].sort());
      for (const state of entry.refusedFrom) expect(decide(state, entry.trigger, entry.parties, null, 'x').ok).toBe(false);
    }
  });

  // The measure: 700 runs of the default sequence had 0 InvalidStateTransition answers.
  const runs = fc.sample(commandSequence(), { numRuns: 700 }).map(wrongStateCalls);
  const calls = runs.flat();

  test('how often: in 700 default runs, wrong-state calls turn up for every trigger and from many states', () => {
    const byTrigger = new Map<string, number>();
    for (const call of calls) byTrigger.set(call.trigger, (byTrigger.get(call.trigger) ?? 0) + 1);
    const refusals = calls.filter(({ answered }) => answered === 'InvalidStateTransition').length;
    const share = runs.filter((found) => found.length > 0).length / runs.length;
    console.log(`wrong-state calls in 700 runs: ${calls.length} (${refusals} InvalidStateTransition) in ${(share * 100).toFixed(1)}% of runs; by trigger ${JSON.stringify(Object.fromEntries(byTrigger))}; from ${[...new Set(calls.map(({ from }) => from))].sort().join(', ')}`);
    expect(refusals).toBeGreaterThan(50);
    expect(share).toBeGreaterThan(0.06);
    for (const { trigger } of CONNECTION_TRIGGERS) expect(byTrigger.get(trigger) ?? 0).toBeGreaterThan(10);
    // accept twice (provisioning/active), reject an active one, delete a deleted or rejected one …
    expect(new Set(calls.map(({ from }) => from)).size).toBeGreaterThanOrEqual(4);
  });

  test('every wrong-state call is answered with the refusal code the lifecycle table decides', () => {
    const mismatches = calls.filter(({ expected, answered }) => expected !== answered);
    expect(mismatches).toEqual([]);
    expect(new Set(calls.map(({ expected }) => expected))).toContain('InvalidStateTransition');
  });

  test('as a property: in any sequence, a lifecycle action in a refused state gets the table’s refusal', () => {
    fc.assert(
      fc.property(commandSequence({ invalid: 3 }), (steps) => {
        for (const call of wrongStateCalls(steps)) expect(call.answered).toBe(call.expected);
      }),
      { numRuns: 100 },
    );
  });
});
