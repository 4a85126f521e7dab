// The playground's reducer, without a browser: commands, refusals with the exact EC2 error, the
// clock, step-back by replay, scenarios, and "can it reach?".
import { apply, createWorld, type Caller, type Command, type World } from '@pcxsim/engine';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { replay, type LogEntry } from '../src/command-log.js';
import { picture } from '../src/picture.js';
import { initialPlayground, playgroundReducer, type PlaygroundAction, type PlaygroundState } from '../src/playground-state.js';
import { scenarioLog } from '../src/scenario-log.js';
import { readScenarios } from '../src/playground-build.js';

const A: Caller = { accountId: '111111111111', region: 'us-east-1' };
const B: Caller = { accountId: '222222222222', region: 'us-east-1' };
const STRANGER: Caller = { accountId: '333333333333', region: 'us-east-1' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const run = (state: PlaygroundState, ...actions: PlaygroundAction[]): PlaygroundState => actions.reduce(playgroundReducer, state);
const worldOf = (state: PlaygroundState): World => replay(state.worldOptions, state.log, state.cursor).world;
const lastId = (state: PlaygroundState, prefix: string): string => {
  const text = state.outcome?.ok === true ? state.outcome.text : '';
  const id = new RegExp(`${prefix}-[0-9a-f]+`).exec(text)?.[0];
  if (id === undefined) throw new Error(`no ${prefix} in ${JSON.stringify(state.outcome)}`);
  return id;
};

/** Two VPCs in two accounts and a request between them, as the form would send them. */
function requested(): { state: PlaygroundState; pcx: string; mine: string; theirs: string } {
  let state = run(initialPlayground(), { type: 'act-as', caller: B }, { type: 'command', command: { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' } });
  const theirs = lastId(state, 'vpc');
  state = run(state, { type: 'act-as', caller: A }, { type: 'command', command: { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' } });
  const mine = lastId(state, 'vpc');
  state = run(state, { type: 'command', command: { type: 'CreateVpcPeeringConnection', VpcId: mine, PeerVpcId: theirs, PeerOwnerId: B.accountId } });
  return { state, pcx: lastId(state, 'pcx'), mine, theirs };
}

describe('the playground reducer', () => {
  test('a refused command shows the exact EC2 error and changes no world', () => {
    const { state: asked, pcx } = requested();
    const state = run(asked, { type: 'advance', ms: HOUR }); // realistic timing: past initiating-request
    const before = worldOf(state);
    // spec §3.1: only the accepter's owner may accept; a third account does not see the connection.
    const byRequester = run(state, { type: 'command', command: { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx } });
    expect(byRequester.outcome).toMatchObject({ ok: false, code: 'OperationNotPermitted' });
    expect(JSON.stringify(worldOf(byRequester))).toBe(JSON.stringify(before));
    const byStranger = run(state, { type: 'act-as', caller: STRANGER }, { type: 'command', command: { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx } });
    expect(byStranger.outcome).toEqual({
      ok: false,
      code: 'InvalidVpcPeeringConnectionID.NotFound',
      message: apply(before, STRANGER, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx }).result.error!.message,
    });
  });

  test('accept, then the clock: the connection becomes active; back steps undo by replay', () => {
    const { state, pcx } = requested();
    const accepted = run(state, { type: 'advance', ms: HOUR }, { type: 'act-as', caller: B }, { type: 'command', command: { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx } }, { type: 'advance', ms: HOUR });
    expect(accepted.outcome).toMatchObject({ ok: true });
    expect(picture(worldOf(accepted), B).connections.map((c) => c.state)).toEqual(['active']);
    const back = run(accepted, { type: 'back' }, { type: 'back' });
    expect(back.cursor).toBe(accepted.cursor - 2);
    expect(picture(worldOf(back), B).connections.map((c) => c.state)).toEqual(['pending-acceptance']);
    // A command sent after stepping back replaces the undone future.
    const rejected = run(back, { type: 'command', command: { type: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: pcx } });
    expect(rejected.log.length).toBe(back.cursor + 1);
    expect(picture(worldOf(rejected), B).connections.map((c) => c.state)).toEqual(['rejected']);
  });

  test('an unanswered request expires after 7 days (spec §1.2)', () => {
    const { state } = requested();
    const later = run(state, { type: 'advance', ms: 7 * DAY });
    expect(picture(worldOf(later), A).connections.map((c) => c.state)).toEqual(['expired']);
  });

  test('the reducer never mutates the state it is given', () => {
    const { state, pcx } = requested();
    const copy = JSON.stringify(state);
    run(state, { type: 'back' }, { type: 'select', connectionId: pcx }, { type: 'advance', ms: DAY }, { type: 'act-as', caller: STRANGER });
    expect(JSON.stringify(state)).toBe(copy);
  });

  test('step-back is replay: the world at any cursor is the log replayed from a fresh world', () => {
    const cidr = fc.integer({ min: 0, max: 255 }).map((n) => `10.${n}.0.0/16`);
    const caller = fc.constantFrom(A, B, STRANGER);
    const action: fc.Arbitrary<PlaygroundAction> = fc.oneof(
      fc.record({ type: fc.constant('act-as' as const), caller }),
      cidr.map((c) => ({ type: 'command' as const, command: { type: 'CreateVpc', CidrBlock: c } as Command })),
      fc.constantFrom(HOUR, DAY, 7 * DAY).map((ms) => ({ type: 'advance' as const, ms })),
      fc.constant({ type: 'back' as const }),
      fc.constant({ type: 'forward' as const }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const state = run(initialPlayground(), ...actions);
        // A fresh fold of apply over a copy of the log (no memo shared with the reducer's replays).
        let world = createWorld(state.worldOptions);
        for (const entry of state.log.slice(0, state.cursor) as LogEntry[]) world = apply(world, entry.caller, entry.command).world;
        expect(JSON.stringify(worldOf(state))).toBe(JSON.stringify(world));
        expect(state.cursor).toBeLessThanOrEqual(state.log.length);
      }),
    );
  });
});

describe('the scenarios of examples/scenarios', () => {
  const scenarios = readScenarios();

  test('there are some, and each loads into a log with no unknown caller or saved value', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(6);
    for (const { scenario } of scenarios) expect(() => scenarioLog(scenario as never)).not.toThrow();
  });

  test('cross-account.yaml ends with the connection active for both owners; back steps show it pending', () => {
    const file = scenarios.find((s) => s.file === 'cross-account.yaml')!;
    const loaded = run(initialPlayground(), { type: 'load', scenario: scenarioLog(file.scenario as never) });
    const [requester, accepter] = loaded.callers;
    expect(picture(worldOf(loaded), requester!).connections.map((c) => c.state)).toEqual(['active']);
    expect(picture(worldOf(loaded), accepter!).connections.map((c) => c.state)).toEqual(['active']);
    // The last steps: accept, advance 10s. Two back: before the accept.
    const back = run(loaded, { type: 'back' }, { type: 'back' });
    expect(picture(worldOf(back), accepter!).connections.map((c) => c.state)).toEqual(['pending-acceptance']);
  });
});

describe('can it reach?', () => {
  test('the engine explains a missing route; after the routes are added the path crosses the connection', () => {
    let { state, pcx, mine, theirs } = requested();
    state = run(state, { type: 'advance', ms: HOUR }, { type: 'act-as', caller: B }, { type: 'command', command: { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx } }, { type: 'advance', ms: HOUR });
    state = run(state, { type: 'command', command: { type: 'CreateSubnet', VpcId: theirs, CidrBlock: '10.1.1.0/24' } });
    state = run(state, { type: 'act-as', caller: A }, { type: 'command', command: { type: 'CreateSubnet', VpcId: mine, CidrBlock: '10.0.1.0/24' } });
    const subnet = lastId(state, 'subnet');
    const asked = run(state, { type: 'reach', source: subnet, destinationIp: '10.1.1.10' });
    expect(asked.reach).toMatchObject({ reachable: false });
    expect(asked.reach!.sentences.join(' ')).toMatch(/route/i);

    const tableOf = (caller: Caller, vpc: string): string => picture(worldOf(state), caller).routeTables.find((t) => t.vpcId === vpc && t.main)!.id;
    state = run(state, { type: 'command', command: { type: 'CreateRoute', RouteTableId: tableOf(A, mine), DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx } });
    expect(state.outcome).toMatchObject({ ok: true });
    state = run(state, { type: 'act-as', caller: B }, { type: 'command', command: { type: 'CreateRoute', RouteTableId: tableOf(B, theirs), DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: pcx } });
    state = run(state, { type: 'act-as', caller: A }, { type: 'reach', source: subnet, destinationIp: '10.1.1.10' });
    expect(state.reach).toMatchObject({ reachable: true, sentences: [] });
    expect(state.reach!.path).toContain(pcx);
    expect(state.reach!.vpcs).toEqual([mine, theirs]);
  });
});
