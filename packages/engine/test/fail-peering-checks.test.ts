// FailPeeringChecks, the simulation's fault: the next requests created fail their asynchronous
// check (spec §2.2) as an overlapping one does, and the fault leaves nothing behind in the world.
import { STATUS_MESSAGES } from '@pcxsim/lifecycle';
import { describe, expect, test } from 'vitest';
import { createWorld } from '../src/index.js';
import { A, B, Sim } from './helpers.js';

const FAILED = STATUS_MESSAGES.failed.template;

/** A world with A's VPC and B's, which do not overlap. */
function twoVpcs(options = {}) {
  const sim = new Sim(options);
  return { sim, a: sim.vpc(A, '10.0.0.0/16'), b: sim.vpc(B, '10.1.0.0/16'), mine: sim.vpc(A, '10.2.0.0/16') };
}

describe('FailPeeringChecks', () => {
  test('a request created while armed fails its check at the next clock step, with the failed message', () => {
    const { sim, a, b } = twoVpcs();
    expect(sim.ok(A, { type: 'FailPeeringChecks', Count: 1 })).toEqual({ Armed: 1 });
    const id = sim.request(A, a, b, { owner: B.accountId });
    expect(sim.world.checkFaults).toEqual({ armed: 0, marked: [id] });
    sim.tick(0);
    const seen = sim.describe(A, id);
    expect('Status' in seen && seen.Status).toEqual({ Code: 'failed', Message: FAILED });
    expect(sim.world.checkFaults).toBeUndefined();
  });

  test('a same-account, same-Region request, checked within Create, answers failed at once', () => {
    const { sim, a, mine } = twoVpcs();
    sim.ok(A, { type: 'FailPeeringChecks', Count: 1 });
    const out = sim.ok(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: mine });
    expect(out.VpcPeeringConnection.Status).toEqual({ Code: 'failed', Message: FAILED });
    expect(sim.world.checkFaults).toBeUndefined();
  });

  test('Count n marks the next n requests only; realistic timing fails them when their check falls due', () => {
    const { sim, a, b, mine } = twoVpcs({ timing: 'realistic' });
    sim.ok(A, { type: 'FailPeeringChecks', Count: 2 });
    const first = sim.request(A, a, b, { owner: B.accountId });
    const second = sim.request(A, mine, b, { owner: B.accountId });
    const third = sim.request(B, b, a, { owner: A.accountId });
    sim.tick(1_999);
    expect([first, second, third].map((id) => sim.status(id === third ? B : A, id))).toEqual(['initiating-request', 'initiating-request', 'initiating-request']);
    sim.tick(1);
    expect([first, second, third].map((id) => sim.status(id === third ? B : A, id))).toEqual(['failed', 'failed', 'pending-acceptance']);
    expect(sim.world.checkFaults).toBeUndefined();
  });

  test('Count replaces what is armed; 0 disarms; requests already marked still fail', () => {
    const { sim, a, b, mine } = twoVpcs();
    sim.ok(A, { type: 'FailPeeringChecks', Count: 3 });
    const marked = sim.request(A, a, b, { owner: B.accountId });
    sim.ok(A, { type: 'FailPeeringChecks', Count: 0 });
    const clean = sim.request(A, mine, b, { owner: B.accountId });
    sim.tick(0);
    expect(sim.status(A, marked)).toBe('failed');
    expect(sim.status(A, clean)).toBe('pending-acceptance');
  });

  test('a refused Create or a DryRun does not use the fault up, and returns the same world', () => {
    const { sim, a, b } = twoVpcs();
    sim.ok(A, { type: 'FailPeeringChecks', Count: 1 });
    sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b, PeerOwnerId: B.accountId, DryRun: true });
    sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: 'vpc-0123456789abcdef0', PeerVpcId: b });
    expect(sim.world.checkFaults).toEqual({ armed: 1, marked: [] });
  });

  test('a bad Count is refused with the world untouched; the same Count again keeps the same world', () => {
    const { sim } = twoVpcs();
    for (const Count of [-1, 1.5, Number.NaN, '2' as never]) expect(sim.fail(A, { type: 'FailPeeringChecks', Count }).code).toBe('InvalidParameterValue');
    const before = sim.world;
    sim.ok(A, { type: 'FailPeeringChecks', Count: 0 });
    expect(sim.world).toBe(before); // nothing armed, nothing changes
    sim.ok(A, { type: 'FailPeeringChecks', Count: 2 });
    const armed = sim.world;
    expect(armed).not.toBe(before);
    sim.ok(A, { type: 'FailPeeringChecks', Count: 2 });
    expect(sim.world).toBe(armed);
  });

  test('plain data: an armed world survives JSON and behaves the same; a world that never used it has no trace', () => {
    expect('checkFaults' in createWorld()).toBe(false);
    const { sim, a, b } = twoVpcs();
    sim.ok(A, { type: 'FailPeeringChecks', Count: 1 });
    const restored = new Sim();
    restored.world = JSON.parse(JSON.stringify(sim.world));
    for (const s of [sim, restored]) {
      const id = s.request(A, a, b, { owner: B.accountId });
      s.tick(0);
      expect(s.status(A, id)).toBe('failed');
    }
    expect(JSON.stringify(restored.world)).toBe(JSON.stringify(sim.world));
  });
});
