import { describe, expect, test } from 'vitest';
import { A, B, Sim } from './helpers.js';

function setup(describeDelayMs: number) {
  const sim = new Sim({ consistency: { describeDelayMs } });
  const a = sim.vpc(A, '10.0.0.0/16');
  const b = sim.vpc(B, '10.1.0.0/16');
  return { sim, a, b };
}

describe('eventual consistency (spec §10.4)', () => {
  test('off by default: read-your-writes, Describe right after Accept never shows pending-acceptance', () => {
    const { sim, a, b } = setup(0);
    const id = sim.request(A, a, b, { owner: B.accountId });
    expect(sim.status(A, id)).toBe('initiating-request');
    sim.tick(0);
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    expect(sim.status(B, id)).toBe('provisioning');
  });

  test('opt-in: a new connection is NotFound to Describe until the delay has passed (the race Terraform hit)', () => {
    const { sim, a, b } = setup(1_000);
    const out = sim.ok(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b, PeerOwnerId: B.accountId });
    const id = out.VpcPeeringConnection.VpcPeeringConnectionId;
    expect(out.VpcPeeringConnection.Status.Code).toBe('initiating-request');
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    sim.tick(999);
    expect(sim.status(A, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    sim.tick(1);
    expect(sim.status(A, id)).toBe('pending-acceptance');
  });

  test('opt-in: after Accept, Describe still shows pending-acceptance until the delay has passed', () => {
    const { sim, a, b } = setup(500);
    const id = sim.request(A, a, b, { owner: B.accountId });
    sim.tick(500);
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    expect(sim.status(B, id)).toBe('pending-acceptance');
    expect(sim.ok(B, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values: ['pending-acceptance'] }] }).VpcPeeringConnections).toHaveLength(1);
    sim.tick(500);
    expect(sim.status(B, id)).toBe('active');
  });

  test('the delay is simulated time: the same commands give the same answers', () => {
    const answers = () => {
      const { sim, a, b } = setup(250);
      const id = sim.request(A, a, b, { owner: B.accountId });
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        seen.push(sim.status(A, id));
        sim.tick(100);
      }
      return seen;
    };
    expect(answers()).toEqual(answers());
    expect(answers()).toContain('InvalidVpcPeeringConnectionID.NotFound');
  });
});
