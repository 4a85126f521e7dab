import { describe, expect, test } from 'vitest';
import type { Caller } from '../src/index.js';
import { A, A_WEST, B, B_WEST, Sim } from './helpers.js';

function active(requester: Caller, accepter: Caller, dns = true) {
  const sim = new Sim();
  const a = sim.vpc(requester, '10.0.0.0/16');
  const b = sim.vpc(accepter, '10.1.0.0/16');
  for (const [caller, vpc] of [[requester, a], [accepter, b]] as const) {
    sim.ok(caller, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsHostnames: { Value: dns } });
  }
  const id = sim.request(requester, a, b, { owner: accepter.accountId, region: accepter.region });
  sim.tick(0);
  sim.ok(accepter, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
  sim.tick(0);
  return { sim, id };
}

const dns = (value: boolean) => ({ AllowDnsResolutionFromRemoteVpc: value });

describe('ModifyVpcPeeringConnectionOptions (spec §5)', () => {
  test('only on active connections: the recorded OperationNotPermitted text', () => {
    const sim = new Sim();
    const id = sim.request(A, sim.vpc(A, '10.0.0.0/16'), sim.vpc(A, '10.1.0.0/16'));
    expect(sim.fail(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, RequesterPeeringConnectionOptions: dns(true) })).toEqual({
      code: 'OperationNotPermitted',
      message: `Peering ${id} is not active. Peering options can be added only to active peerings.`,
      httpStatus: 400,
    });
  });

  test('same account and Region: both sides at once; the response carries the sides sent, Describe shows them at once', () => {
    const { sim, id } = active(A, A);
    const out = sim.ok(A, {
      type: 'ModifyVpcPeeringConnectionOptions',
      VpcPeeringConnectionId: id,
      RequesterPeeringConnectionOptions: dns(true),
      AccepterPeeringConnectionOptions: dns(false),
    });
    expect(out.RequesterPeeringConnectionOptions).toMatchObject(dns(true));
    expect(out.AccepterPeeringConnectionOptions).toMatchObject(dns(false));
    expect(sim.describe(A, id)).toMatchObject({ RequesterVpcInfo: { PeeringOptions: dns(true) } });
    const one = sim.ok(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, AccepterPeeringConnectionOptions: dns(true) });
    expect(one).not.toHaveProperty('RequesterPeeringConnectionOptions');
  });

  test('cross-account: each owner only its own side, the other side is the recorded permission error', () => {
    const { sim, id } = active(A, B);
    expect(sim.fail(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, AccepterPeeringConnectionOptions: dns(true) })).toEqual({
      code: 'OperationNotPermitted',
      message: `User ${A.accountId} does not have permission to modify the accepter side peering options`,
      httpStatus: 400,
    });
    sim.ok(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, RequesterPeeringConnectionOptions: dns(true) });
    sim.ok(B, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, AccepterPeeringConnectionOptions: dns(true) });
  });

  test('cross-Region: each side only from its own Region', () => {
    const { sim, id } = active(A, A_WEST);
    expect(
      sim.fail(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, AccepterPeeringConnectionOptions: dns(true) }).message,
    ).toContain('must be modified in region us-west-2');
    sim.ok(A_WEST, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, AccepterPeeringConnectionOptions: dns(true) });
  });

  test('the ClassicLink options are refused on an inter-Region connection with the recorded text', () => {
    const { sim, id } = active(A, B_WEST);
    expect(
      sim.fail(A, {
        type: 'ModifyVpcPeeringConnectionOptions',
        VpcPeeringConnectionId: id,
        RequesterPeeringConnectionOptions: { AllowEgressFromLocalClassicLinkToRemoteVpc: false },
      }).message,
    ).toBe(
      'Modifying VPC peering connection options AllowEgressFromLocalClassicLinkToRemoteVpc, AllowEgressFromLocalVpcToRemoteClassicLink is not supported for cross-region VPC peering connections',
    );
  });

  test('DNS resolution needs DNS hostnames on both VPCs: InvalidVpcPeeringConnectionState.DnsHostnamesDisabled', () => {
    const { sim, id } = active(A, A, false);
    expect(
      sim.fail(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, RequesterPeeringConnectionOptions: dns(true) }).code,
    ).toBe('InvalidVpcPeeringConnectionState.DnsHostnamesDisabled');
    sim.ok(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, RequesterPeeringConnectionOptions: dns(false) });
  });
});
