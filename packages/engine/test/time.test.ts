import { describe, expect, test } from 'vitest';
import { queued } from '../src/index.js';
import { A, B, DAY, HOUR, Sim, act, pending } from './helpers.js';


describe('timing profiles (spec §1.1, §10.4)', () => {
  test('instant: transient states resolve on the next clock step of 0 ms, and are seen once', () => {
    const { sim, id } = pending();
    sim.ok(B, act('AcceptVpcPeeringConnection', id));
    expect(sim.status(A, id)).toBe('provisioning');
    expect(sim.tick(0).Fired).toBe(1);
    expect(sim.status(A, id)).toBe('active');
  });

  test('realistic: initiating-request 2 s, provisioning 5 s, deleting 5 s', () => {
    const { sim, id } = pending({ timing: 'realistic' });
    expect(sim.status(A, id)).toBe('initiating-request');
    sim.tick(2_000);
    expect(sim.status(A, id)).toBe('pending-acceptance');
    sim.ok(B, act('AcceptVpcPeeringConnection', id));
    sim.tick(4_999);
    expect(sim.status(A, id)).toBe('provisioning');
    sim.tick(1);
    expect(sim.status(A, id)).toBe('active');
    sim.ok(A, act('DeleteVpcPeeringConnection', id));
    sim.tick(4_999);
    expect(sim.status(A, id)).toBe('deleting');
    sim.tick(1);
    expect(sim.status(A, id)).toBe('deleted');
  });

  test('AdvanceClock takes a non-negative whole number of ms', () => {
    const sim = new Sim();
    for (const ms of [-1, 1.5, Number.NaN]) expect(sim.fail(A, { type: 'AdvanceClock', Milliseconds: ms }).code).toBe('InvalidParameterValue');
  });
});

describe('expiry (spec §1.1, §1.2)', () => {
  test('a pending request expires 7 days after creation; both owners see expired for 2 days', () => {
    const { sim, id } = pending();
    sim.tick(7 * DAY - 1);
    expect(sim.status(B, id)).toBe('pending-acceptance');
    sim.tick(1);
    expect(sim.describe(A, id)).toMatchObject({ Status: { Code: 'expired', Message: 'Expired' } });
    expect(sim.status(B, id)).toBe('expired');
    expect(sim.fail(B, act('AcceptVpcPeeringConnection', id)).message).toContain('from expired to provisioning');
    sim.tick(2 * DAY - 1);
    expect(sim.status(A, id)).toBe('expired');
    sim.tick(1);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(sim.status(B, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  test('an accepted request does not expire', () => {
    const { sim, id } = pending();
    sim.ok(B, act('AcceptVpcPeeringConnection', id));
    sim.tick(30 * DAY);
    expect(sim.status(A, id)).toBe('active');
  });

  test('an answered request leaves nothing queued for its expiry', () => {
    const { sim, id } = pending();
    expect(queued(sim.world.schedule).filter((entry) => entry.kind === 'expiry' && entry.id === id)).toHaveLength(1);
    sim.ok(B, act('RejectVpcPeeringConnection', id));
    expect(queued(sim.world.schedule).filter((entry) => entry.kind === 'expiry')).toEqual([]);
  });

  test('ExpirationTime is absent once the connection is no longer pending', () => {
    const { sim, id } = pending();
    sim.ok(B, act('AcceptVpcPeeringConnection', id));
    sim.tick(0);
    expect(sim.describe(A, id)).not.toHaveProperty('ExpirationTime');
  });
});

describe('retention windows (spec §1.1, §4.5)', () => {
  test('rejected: the requester sees it 2 days, the accepter 2 hours', () => {
    const { sim, id } = pending();
    sim.ok(B, act('RejectVpcPeeringConnection', id));
    sim.tick(2 * HOUR - 1);
    expect(sim.status(B, id)).toBe('rejected');
    sim.tick(1);
    expect(sim.status(B, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(sim.status(A, id)).toBe('rejected');
    sim.tick(2 * DAY - 2 * HOUR);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(sim.world.peerings.size).toBe(0);
  });

  test('deleted: the deleter sees it 2 hours, the other owner 2 days', () => {
    const { sim, id } = pending();
    sim.ok(B, act('AcceptVpcPeeringConnection', id));
    sim.tick(0);
    sim.ok(B, act('DeleteVpcPeeringConnection', id));
    sim.tick(0);
    sim.tick(2 * HOUR);
    expect(sim.status(B, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(sim.status(A, id)).toBe('deleted');
    sim.tick(2 * DAY);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  test('failed: only the requester sees it, for 2 hours', () => {
    const sim = new Sim();
    const id = sim.request(A, sim.vpc(A, '10.0.0.0/16'), sim.vpc(B, '10.0.0.0/16'), { owner: B.accountId });
    sim.tick(0);
    expect(sim.status(A, id)).toBe('failed');
    expect(sim.status(B, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    sim.tick(2 * HOUR);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  test('same account: 2 hours for a rejected connection', () => {
    const sim = new Sim();
    const id = sim.request(A, sim.vpc(A, '10.0.0.0/16'), sim.vpc(A, '10.1.0.0/16'));
    sim.ok(A, act('RejectVpcPeeringConnection', id));
    sim.tick(2 * HOUR);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  test('retention windows are configurable', () => {
    const { sim, id } = pending({ retention: { rejected: { requester: 10 * DAY } } });
    sim.ok(B, act('RejectVpcPeeringConnection', id));
    sim.tick(9 * DAY);
    expect(sim.status(A, id)).toBe('rejected');
    sim.tick(DAY);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  test('the accepter does not see a request until it is checked', () => {
    const sim = new Sim();
    const id = sim.request(A, sim.vpc(A, '10.0.0.0/16'), sim.vpc(B, '10.1.0.0/16'), { owner: B.accountId });
    expect(sim.status(B, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    sim.tick(0);
    expect(sim.status(B, id)).toBe('pending-acceptance');
  });
});
