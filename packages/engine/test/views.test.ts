import { describe, expect, test } from 'vitest';
import { A, A_WEST, B, B_WEST, Sim, STRANGER } from './helpers.js';

function crossRegion() {
  const sim = new Sim();
  const a = sim.vpc(A, '10.0.0.0/16', { AmazonProvidedIpv6CidrBlock: true });
  const b = sim.vpc(B_WEST, '10.1.0.0/16');
  const id = sim.ok(A, {
    type: 'CreateVpcPeeringConnection',
    VpcId: a,
    PeerVpcId: b,
    PeerOwnerId: B.accountId,
    PeerRegion: 'us-west-2',
    TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'Name', Value: 'from-a' }] }],
  }).VpcPeeringConnection.VpcPeeringConnectionId;
  sim.tick(0);
  return { sim, id, a, b };
}

describe('views (spec §2.4, §3.1, §4.5, §7.4)', () => {
  test('the same ID is visible from both Regions of a cross-Region connection', () => {
    const { sim, id } = crossRegion();
    expect(sim.status(A, id)).toBe('pending-acceptance');
    expect(sim.status(B_WEST, id)).toBe('pending-acceptance');
    expect(sim.status(B, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(sim.status(A_WEST, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  test("the accepter's CIDRs and options are hidden until provisioning, then shown from both sides", () => {
    const { sim, id } = crossRegion();
    expect(sim.describe(B_WEST, id)).toMatchObject({ AccepterVpcInfo: { OwnerId: B.accountId, Region: 'us-west-2' } });
    expect(sim.describe(B_WEST, id)).not.toHaveProperty('AccepterVpcInfo.CidrBlock');
    expect(sim.describe(B_WEST, id)).not.toHaveProperty('AccepterVpcInfo.PeeringOptions');
    sim.ok(B_WEST, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    for (const caller of [A, B_WEST]) {
      expect(sim.describe(caller, id)).toMatchObject({
        AccepterVpcInfo: { CidrBlock: '10.1.0.0/16', CidrBlockSet: [{ CidrBlock: '10.1.0.0/16' }], PeeringOptions: { AllowDnsResolutionFromRemoteVpc: false } },
      });
    }
  });

  test('peeringOptions are always on the requester side, with the two ClassicLink flags false', () => {
    const { sim, id } = crossRegion();
    expect(sim.describe(B_WEST, id)).toMatchObject({
      RequesterVpcInfo: {
        PeeringOptions: {
          AllowDnsResolutionFromRemoteVpc: false,
          AllowEgressFromLocalClassicLinkToRemoteVpc: false,
          AllowEgressFromLocalVpcToRemoteClassicLink: false,
        },
      },
    });
  });

  test('Ipv6CidrBlockSet only when the VPC has IPv6', () => {
    const { sim, id } = crossRegion();
    sim.ok(B_WEST, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    const seen = sim.describe(A, id);
    expect(seen).toHaveProperty('RequesterVpcInfo.Ipv6CidrBlockSet');
    expect(seen).not.toHaveProperty('AccepterVpcInfo.Ipv6CidrBlockSet');
  });

  test("each (account, Region) has its own tag set; TagSpecifications at create go to the requester's view", () => {
    const { sim, id } = crossRegion();
    expect(sim.describe(A, id)).toMatchObject({ Tags: [{ Key: 'Name', Value: 'from-a' }] });
    expect(sim.describe(B_WEST, id)).toMatchObject({ Tags: [] });
    sim.ok(B_WEST, { type: 'CreateTags', Resources: [id], Tags: [{ Key: 'Name', Value: 'from-b' }] });
    expect(sim.describe(A, id)).toMatchObject({ Tags: [{ Key: 'Name', Value: 'from-a' }] });
    expect(sim.describe(B_WEST, id)).toMatchObject({ Tags: [{ Key: 'Name', Value: 'from-b' }] });
    sim.ok(A, { type: 'DeleteTags', Resources: [id] });
    expect(sim.describe(A, id)).toMatchObject({ Tags: [] });
    expect(sim.describe(B_WEST, id)).toMatchObject({ Tags: [{ Key: 'Name', Value: 'from-b' }] });
  });

  test('same account and Region: one tag set', () => {
    const sim = new Sim();
    const id = sim.request(A, sim.vpc(A, '10.0.0.0/16'), sim.vpc(A, '10.1.0.0/16'));
    sim.ok(A, { type: 'CreateTags', Resources: [id], Tags: [{ Key: 'k', Value: 'v' }] });
    expect(sim.describe(A, id)).toMatchObject({ Tags: [{ Key: 'k', Value: 'v' }] });
  });

  test('outputs are fresh, unfrozen objects: changing one never changes the world', () => {
    const { sim, id } = crossRegion();
    const seen = sim.describe(A, id);
    if ('code' in seen) throw new Error(seen.message);
    const before = JSON.stringify(sim.world);
    seen.Tags.push({ Key: 'x', Value: 'y' });
    seen.RequesterVpcInfo.OwnerId = STRANGER.accountId;
    expect(JSON.stringify(sim.world)).toBe(before);
    expect(Object.isFrozen(sim.world)).toBe(true);
  });
});

describe('CreateTags, DeleteTags, DescribeTags (spec §7)', () => {
  test('a third account cannot tag a connection; an unknown resource type is InvalidID; the request is all or nothing', () => {
    const { sim, id, a } = crossRegion();
    expect(sim.fail(STRANGER, { type: 'CreateTags', Resources: [id], Tags: [{ Key: 'k', Value: 'v' }] }).code).toBe(
      'InvalidVpcPeeringConnectionID.NotFound',
    );
    expect(sim.fail(A, { type: 'CreateTags', Resources: [a, 'sg-12345678'], Tags: [{ Key: 'k', Value: 'v' }] }).code).toBe('InvalidID');
    expect(sim.fail(A, { type: 'CreateTags', Resources: [a, id], Tags: [{ Key: 'aws:k', Value: 'v' }] }).code).toBe('InvalidParameterValue');
    expect(sim.fail(A, { type: 'CreateTags', Tags: [{ Key: 'k', Value: 'v' }] }).code).toBe('MissingParameter');
  });

  test('DescribeTags lists the caller’s own tags of its VPCs and connections, with filters', () => {
    const { sim, id, a } = crossRegion();
    sim.ok(A, { type: 'CreateTags', Resources: [a], Tags: [{ Key: 'team', Value: 'net' }] });
    expect(sim.ok(A, { type: 'DescribeTags' }).Tags).toEqual(
      [
        { Key: 'Name', ResourceId: id, ResourceType: 'vpc-peering-connection', Value: 'from-a' },
        { Key: 'team', ResourceId: a, ResourceType: 'vpc', Value: 'net' },
      ].sort((x, y) => (x.ResourceId < y.ResourceId ? -1 : 1)),
    );
    expect(sim.ok(A, { type: 'DescribeTags', Filters: [{ Name: 'resource-type', Values: ['vpc'] }] }).Tags).toHaveLength(1);
    expect(sim.ok(A, { type: 'DescribeTags', Filters: [{ Name: 'resource-id', Values: [id] }] }).Tags).toHaveLength(1);
    expect(sim.ok(A, { type: 'DescribeTags', Filters: [{ Name: 'key', Values: ['te*'] }] }).Tags).toHaveLength(1);
    expect(sim.ok(B_WEST, { type: 'DescribeTags' }).Tags).toEqual([]);
  });
});
