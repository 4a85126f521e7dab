import { describe, expect, test } from 'vitest';
import { A, A_WEST, B, B_WEST, Sim, STRANGER, act, pending } from './helpers.js';
import type { Caller } from '../src/index.js';


describe('Accept (spec §3.1)', () => {
  test('only the accepter owner accepts: the requester gets OperationNotPermitted "cannot accept"', () => {
    const { sim, id } = pending();
    expect(sim.fail(A, act('AcceptVpcPeeringConnection', id))).toEqual({
      code: 'OperationNotPermitted',
      message: `User (${A.accountId}) cannot accept peering ${id}`,
      httpStatus: 400,
    });
    const out = sim.ok(B, act('AcceptVpcPeeringConnection', id)).VpcPeeringConnection;
    expect(out.Status).toEqual({ Code: 'provisioning', Message: 'Provisioning' });
    expect(out.ExpirationTime).toBeUndefined();
    sim.tick(0);
    expect(sim.describe(A, id)).toMatchObject({ Status: { Code: 'active', Message: 'Active' } });
  });

  test('Accept must come from the accepter VPC Region: the recorded "Incorrect region" error', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(B_WEST, '10.1.0.0/16');
    const id = sim.request(A, a, b, { owner: B.accountId, region: 'us-west-2' });
    sim.tick(0);
    expect(sim.fail(B, act('AcceptVpcPeeringConnection', id))).toEqual({
      code: 'OperationNotPermitted',
      message: `Incorrect region (us-east-1) specified for this request. VPC peering connection ${id} must be accepted in region us-west-2`,
      httpStatus: 400,
    });
    expect(sim.fail(B, act('RejectVpcPeeringConnection', id)).message).toContain('must be accepted or rejected in region us-west-2');
    sim.ok(B_WEST, act('AcceptVpcPeeringConnection', id));
  });

  test('same account across Regions: Accept from the requester Region gets the region error', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const west = sim.vpc(A_WEST, '10.1.0.0/16');
    const id = sim.request(A, a, west, { region: 'us-west-2' });
    sim.tick(0);
    expect(sim.fail(A, act('AcceptVpcPeeringConnection', id)).message).toContain('must be accepted in region us-west-2');
    sim.ok(A_WEST, act('AcceptVpcPeeringConnection', id));
  });

  test('same account and Region: the account creates and accepts', () => {
    const sim = new Sim();
    const id = sim.request(A, sim.vpc(A, '10.0.0.0/16'), sim.vpc(A, '10.1.0.0/16'));
    sim.ok(A, act('AcceptVpcPeeringConnection', id));
  });

  test('Accept of a connection that is not pending is InvalidStateTransition', () => {
    const { sim, id } = pending();
    sim.ok(B, act('RejectVpcPeeringConnection', id));
    expect(sim.fail(B, act('AcceptVpcPeeringConnection', id))).toMatchObject({
      code: 'InvalidStateTransition',
      message: `Invalid state transition for ${id}, attempted to transition from rejected to provisioning`,
    });
  });
});

describe('Reject (spec §3.2)', () => {
  test('the accepter rejects a pending request: Return true, rejected; the requester cannot', () => {
    const { sim, id } = pending();
    expect(sim.fail(A, act('RejectVpcPeeringConnection', id)).message).toBe(`User (${A.accountId}) cannot reject peering ${id}`);
    expect(sim.ok(B, act('RejectVpcPeeringConnection', id))).toEqual({ Return: true });
    expect(sim.status(A, id)).toBe('rejected');
    expect(sim.status(B, id)).toBe('rejected');
  });
});

describe('Delete (spec §3.3)', () => {
  test('the requester deletes its pending request: deleting, then deleted', () => {
    const { sim, id } = pending();
    expect(sim.ok(A, act('DeleteVpcPeeringConnection', id))).toEqual({ Return: true });
    expect(sim.status(A, id)).toBe('deleting');
    sim.tick(0);
    expect(sim.status(A, id)).toBe('deleted');
  });

  test('the accepter cannot delete a pending request: OperationNotPermitted "cannot delete"', () => {
    const { sim, id } = pending();
    expect(sim.fail(B, act('DeleteVpcPeeringConnection', id)).message).toBe(`User (${B.accountId}) cannot delete peering ${id}`);
  });

  test('either owner deletes an active connection', () => {
    for (const deleter of [A, B]) {
      const { sim, id } = pending();
      sim.ok(B, act('AcceptVpcPeeringConnection', id));
      sim.tick(0);
      sim.ok(deleter, act('DeleteVpcPeeringConnection', id));
      sim.tick(0);
      expect(sim.status(A, id)).toBe('deleted');
    }
  });

  test('failed, rejected, expired and deleted connections cannot be deleted: InvalidStateTransition "to deleting"', () => {
    const { sim, id } = pending();
    sim.ok(B, act('RejectVpcPeeringConnection', id));
    expect(sim.fail(A, act('DeleteVpcPeeringConnection', id)).message).toBe(
      `Invalid state transition for ${id}, attempted to transition from rejected to deleting`,
    );
    const failed = sim.request(A, sim.vpc(A, '10.5.0.0/16'), sim.vpc(B, '10.5.0.0/16'), { owner: B.accountId });
    sim.tick(0);
    expect(sim.fail(A, act('DeleteVpcPeeringConnection', failed)).message).toContain('from failed to deleting');
    const again = pending();
    again.sim.ok(A, act('DeleteVpcPeeringConnection', again.id));
    again.sim.tick(0);
    expect(again.sim.fail(A, act('DeleteVpcPeeringConnection', again.id)).message).toContain('from deleted to deleting');
  });

  test('while provisioning either owner may delete, as for an active connection; nothing can be done while deleting', () => {
    for (const deleter of [A, B]) {
      const { sim, id } = pending();
      sim.ok(B, act('AcceptVpcPeeringConnection', id));
      expect(sim.status(A, id)).toBe('provisioning');
      sim.ok(deleter, act('DeleteVpcPeeringConnection', id));
      expect(sim.status(A, id)).toBe('deleting');
      expect(sim.fail(deleter, act('DeleteVpcPeeringConnection', id)).message).toContain('from deleting to deleting');
      expect(sim.fail(B, act('AcceptVpcPeeringConnection', id)).code).toBe('InvalidStateTransition');
      // The provisioning timer is stale now: the connection ends deleted, never active.
      sim.tick(60_000);
      expect(sim.status(A, id)).toBe('deleted');
    }
  });
});

describe('a third account (spec §4.5)', () => {
  const third: Caller[] = [STRANGER, { accountId: STRANGER.accountId, region: 'us-west-2' }];

  test('never sees or acts on a connection: InvalidVpcPeeringConnectionID.NotFound', () => {
    const { sim, id } = pending();
    for (const caller of third) {
      for (const type of ['AcceptVpcPeeringConnection', 'RejectVpcPeeringConnection', 'DeleteVpcPeeringConnection'] as const) {
        expect(sim.fail(caller, act(type, id))).toEqual({
          code: 'InvalidVpcPeeringConnectionID.NotFound',
          message: `The vpcPeeringConnection ID '${id}' does not exist`,
          httpStatus: 400,
        });
      }
      expect(sim.status(caller, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
      expect(sim.ok(caller, { type: 'DescribeVpcPeeringConnections' }).VpcPeeringConnections).toEqual([]);
    }
  });

  test('an owner in a Region where it has no VPC of the connection does not see it', () => {
    const { sim, id } = pending();
    expect(sim.status(A_WEST, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(sim.fail(A_WEST, act('DeleteVpcPeeringConnection', id)).code).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  test('a malformed ID is InvalidVpcPeeringConnectionId.Malformed (lower-case Id)', () => {
    const { sim } = pending();
    expect(sim.fail(A, act('AcceptVpcPeeringConnection', 'pcx-123'))).toMatchObject({ code: 'InvalidVpcPeeringConnectionId.Malformed' });
    expect(sim.fail(A, act('DeleteVpcPeeringConnection', 'nonsense')).code).toBe('InvalidVpcPeeringConnectionId.Malformed');
    expect(sim.fail(A, { type: 'DeleteVpcPeeringConnection' }).code).toBe('MissingParameter');
  });
});
