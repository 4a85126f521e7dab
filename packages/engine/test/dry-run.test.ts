import { describe, expect, test } from 'vitest';
import { A, B, Sim } from './helpers.js';

describe('DryRun (spec §8.3)', () => {
  test('a call that would succeed answers DryRunOperation (412) and changes nothing', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(B, '10.1.0.0/16');
    const before = sim.world;
    const error = sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b, PeerOwnerId: B.accountId, DryRun: true });
    expect(error).toEqual({ code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.', httpStatus: 412 });
    expect(sim.world).toBe(before);
    expect(sim.fail(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16', DryRun: true }).code).toBe('DryRunOperation');
    expect(sim.fail(A, { type: 'DescribeVpcPeeringConnections', DryRun: true }).code).toBe('DryRunOperation');
  });

  test('a caller that may not do it gets UnauthorizedOperation (403)', () => {
    const sim = new Sim();
    const id = sim.request(A, sim.vpc(A, '10.0.0.0/16'), sim.vpc(B, '10.1.0.0/16'), { owner: B.accountId });
    sim.tick(0);
    expect(sim.fail(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id, DryRun: true })).toEqual({
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      httpStatus: 403,
    });
    expect(sim.fail(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id, DryRun: true }).code).toBe('DryRunOperation');
  });

  test('a call that would fail for another reason answers that error', () => {
    const sim = new Sim();
    expect(sim.fail(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/8', DryRun: true }).code).toBe('InvalidVpc.Range');
    expect(sim.fail(A, { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: 'pcx-0123456789abcdef0', DryRun: true }).code).toBe(
      'InvalidVpcPeeringConnectionID.NotFound',
    );
  });
});

describe('callers and commands', () => {
  test('a caller that is no 12-digit account, or in a Region the world does not know, is AuthFailure (401)', () => {
    const sim = new Sim();
    expect(sim.fail({ accountId: '42', region: 'us-east-1' }, { type: 'DescribeVpcs' })).toMatchObject({ code: 'AuthFailure', httpStatus: 401 });
    expect(sim.fail({ accountId: A.accountId, region: 'mars-1' }, { type: 'DescribeVpcs' }).code).toBe('AuthFailure');
  });

  test('an unknown command type is InvalidAction', () => {
    const sim = new Sim();
    expect(sim.fail(A, { type: 'RunInstances' } as never).code).toBe('InvalidAction');
  });

  test('members of the wrong type are InvalidParameterValue, never a throw', () => {
    const sim = new Sim();
    expect(sim.fail(A, { type: 'CreateVpc', CidrBlock: 42 } as never).code).toBe('InvalidParameterValue');
    expect(sim.fail(A, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: 'pcx-1' } as never).code).toBe('InvalidParameterValue');
    expect(sim.fail(A, { type: 'DescribeVpcs', Filters: [{ Name: 'vpc-id', Values: [1] }] } as never).code).toBe('InvalidParameterValue');
  });

  test('a Describe returns the same world object', () => {
    const sim = new Sim();
    sim.vpc(A, '10.0.0.0/16');
    const before = sim.world;
    sim.ok(A, { type: 'DescribeVpcs' });
    expect(sim.world).toBe(before);
  });
});
