// What the page draws for a caller is what that caller could describe: the engine's visibility,
// reused; the timeline shows nothing about resources the caller cannot see; the lifecycle diagram
// is the table's rows.
import { apply, createWorld, type Caller, type World } from '@pcxsim/engine';
import { PEERING_STATES, TRANSITIONS, isTerminal } from '@pcxsim/lifecycle';
import { describe, expect, test } from 'vitest';
import { Journal, timelineFor } from '../src/journal.js';
import { lifecycleDiagram, nextTransitions } from '../src/lifecycle-diagram.js';
import { liveState } from '../src/live-state.js';
import { picture } from '../src/picture.js';

const A: Caller = { accountId: '111111111111', region: 'us-east-1' };
const B: Caller = { accountId: '222222222222', region: 'us-east-1' };
const STRANGER: Caller = { accountId: '333333333333', region: 'us-east-1' };

function peered(): { world: World; journal: Journal; pcx: string; mine: string; theirs: string } {
  let world = createWorld({ seed: 3 });
  const journal = new Journal();
  const step = (caller: Caller, command: Parameters<typeof apply>[2]): any => {
    const s = apply(world, caller, command);
    if (s.world !== world) journal.record(world.clock, caller, command.type, s.events);
    world = s.world;
    if (!s.result.ok) throw new Error(s.result.error.code);
    return s.result.value;
  };
  const mine = step(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }).Vpc.VpcId;
  const theirs = step(B, { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' }).Vpc.VpcId;
  const pcx = step(A, { type: 'CreateVpcPeeringConnection', VpcId: mine, PeerVpcId: theirs, PeerOwnerId: B.accountId }).VpcPeeringConnection.VpcPeeringConnectionId;
  step(A, { type: 'AdvanceClock', Milliseconds: 0 });
  return { world, journal, pcx, mine, theirs };
}

describe('picture', () => {
  test('the requester sees its VPC, the connection pending, and the peer VPC drawn as a remote end', () => {
    const { world, pcx, mine, theirs } = peered();
    const p = picture(world, A);
    expect(p.vpcs.map((v) => [v.id, v.remote])).toEqual([
      [mine, false],
      [theirs, true],
    ]);
    expect(p.connections).toHaveLength(1);
    expect(p.connections[0]).toMatchObject({ id: pcx, state: 'pending-acceptance', requester: { vpcId: mine, ownerId: A.accountId }, accepter: { vpcId: theirs } });
    expect(p.connections[0]!.message).toBe(apply(world, A, { type: 'DescribeVpcPeeringConnections' }).result.value!.VpcPeeringConnections[0]!.Status!.Message);
    expect(p.connections[0]!.expiresAt).toBeGreaterThan(world.clock);
  });

  test('a stranger sees nothing, and its timeline is empty', () => {
    const { world, journal } = peered();
    const p = picture(world, STRANGER);
    expect(p.vpcs).toEqual([]);
    expect(p.connections).toEqual([]);
    expect(timelineFor(journal.list(), p)).toEqual([]);
  });

  test('a bad caller is the EC2 error, not a crash', () => {
    const { world } = peered();
    expect(picture(world, { accountId: 'nope', region: 'us-east-1' }).error?.code).toBe('AuthFailure');
  });

  test("the accepter's timeline holds the connection's events but not the requester's VPC creation", () => {
    const { world, journal, pcx, mine } = peered();
    const items = timelineFor(journal.list(), picture(world, B));
    expect(items.map((i) => i.text)).toContain(`${pcx} initiating-request → pending-acceptance`);
    expect(items.some((i) => i.subject === mine)).toBe(false);
    const state = liveState(world, journal.list(), A);
    expect(state.callers).toEqual([A, B]);
    expect(state.seq).toBe(4);
  });
});

describe('the journal', () => {
  test('keeps the last entries in order, numbered on across a clear', () => {
    const journal = new Journal(3);
    for (let i = 0; i < 5; i++) journal.record(i, A, `C${i}`, []);
    expect(journal.list().map((e) => [e.seq, e.action])).toEqual([
      [3, 'C2'],
      [4, 'C3'],
      [5, 'C4'],
    ]);
    journal.clear();
    journal.record(9, A, 'X', []);
    expect(journal.list().map((e) => e.seq)).toEqual([6]);
  });

  test('merges clock steps that only moved the clock, so a wall clock cannot push the real events out', () => {
    const journal = new Journal(3);
    const tick = (from: number, to: number) => [{ type: 'ClockAdvanced' as const, from, to }];
    journal.record(0, A, 'CreateVpc', [{ type: 'VpcCreated', vpcId: 'vpc-1', at: 0 }]);
    for (let t = 0; t < 100; t++) journal.record(t, A, 'AdvanceClock', tick(t, t + 1));
    journal.record(100, A, 'AdvanceClock', [...tick(100, 200), { type: 'PeeringRetired', id: 'pcx-1', at: 200 }]);
    journal.record(200, A, 'AdvanceClock', tick(200, 201));
    expect(journal.list().map((e) => e.events)).toEqual([
      tick(0, 100),
      [...tick(100, 200), { type: 'PeeringRetired', id: 'pcx-1', at: 200 }],
      tick(200, 201),
    ]);
  });
});

describe('the lifecycle diagram', () => {
  test('has every state once and every row of the table as an edge', () => {
    const d = lifecycleDiagram();
    expect(d.nodes.map((n) => n.state).sort()).toEqual(['start', ...PEERING_STATES].sort());
    expect(d.edges).toHaveLength(TRANSITIONS.length);
    const cells = new Set(d.nodes.map((n) => `${n.column},${n.row}`));
    expect(cells.size).toBe(d.nodes.length);
  });

  test('from pending-acceptance: accept and reject by the accepter, delete by the requester, expiry by AWS', () => {
    const next = nextTransitions('pending-acceptance');
    expect(next.find((e) => e.action === 'AcceptVpcPeeringConnection')).toMatchObject({ to: 'provisioning', by: ['accepter'] });
    expect(next.find((e) => e.action === 'RejectVpcPeeringConnection')).toMatchObject({ to: 'rejected', by: ['accepter'] });
    expect(next.find((e) => e.action === 'DeleteVpcPeeringConnection')).toMatchObject({ to: 'deleting', by: ['requester'] });
    expect(next.find((e) => e.to === 'expired')).toMatchObject({ by: ['system'] });
  });

  test('nothing leaves a terminal state', () => {
    for (const state of PEERING_STATES.filter(isTerminal)) expect(nextTransitions(state)).toEqual([]);
  });
});
