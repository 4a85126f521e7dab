import { describe, expect, test } from 'vitest';
import { A, B, Sim } from './helpers.js';

function setup(accept: boolean) {
  const sim = new Sim();
  const a = sim.vpc(A, '10.0.0.0/16');
  const b = sim.vpc(B, '10.1.0.0/16');
  const id = sim.request(A, a, b, { owner: B.accountId });
  sim.tick(0);
  if (accept) {
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    sim.tick(0);
  }
  return { sim, a, b, id };
}

describe('VPC coupling (spec §6.2, §1.2)', () => {
  test('AssociateVpcCidrBlock that overlaps an active peer is refused; a block that does not is shown in CidrBlockSet', () => {
    const { sim, a, id } = setup(true);
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: a, CidrBlock: '10.1.16.0/20' }).code).toBe('InvalidVpc.Range');
    sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: a, CidrBlock: '10.2.0.0/16' });
    expect(sim.describe(B, id)).toMatchObject({ RequesterVpcInfo: { CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }, { CidrBlock: '10.2.0.0/16' }] } });
  });

  test('the requester of a pending request cannot add any block', () => {
    const { sim, a } = setup(false);
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: a, CidrBlock: '10.9.0.0/16' }).code).toBe('OperationNotPermitted');
  });

  test('the accepter adding an overlapping block fails the pending request; a distinct block does not', () => {
    const { sim, b, id } = setup(false);
    sim.ok(B, { type: 'AssociateVpcCidrBlock', VpcId: b, CidrBlock: '10.9.0.0/16' });
    expect(sim.status(A, id)).toBe('pending-acceptance');
    sim.ok(B, { type: 'AssociateVpcCidrBlock', VpcId: b, CidrBlock: '10.0.128.0/17' });
    expect(sim.status(A, id)).toBe('failed');
  });

  test('DeleteVpc while a cross-account request points at it is DependencyViolation; after a reject it works', () => {
    const { sim, b, id } = setup(false);
    expect(sim.fail(B, { type: 'DeleteVpc', VpcId: b }).code).toBe('DependencyViolation');
    sim.ok(B, { type: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: id });
    sim.ok(B, { type: 'DeleteVpc', VpcId: b });
  });

  test('the requester deleting its VPC deletes its pending request', () => {
    const { sim, a, id } = setup(false);
    sim.ok(A, { type: 'DeleteVpc', VpcId: a });
    expect(sim.status(A, id)).toBe('deleted');
  });

  test('deleting a VPC ends its active connections; their views keep the deleted VPC blocks', () => {
    const { sim, b, id } = setup(true);
    sim.ok(B, { type: 'DeleteVpc', VpcId: b });
    expect(sim.describe(A, id)).toMatchObject({ Status: { Code: 'deleted' }, AccepterVpcInfo: { CidrBlock: '10.1.0.0/16' } });
    expect(sim.status(B, id)).toBe('deleted');
  });
});
