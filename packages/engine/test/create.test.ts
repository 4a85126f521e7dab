import { describe, expect, test } from 'vitest';
import { A, A_WEST, B, B_WEST, DAY, Sim, STRANGER } from './helpers.js';

const FAILED = 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range';

function pair(sim: Sim, a = '10.0.0.0/16', b = '10.1.0.0/16') {
  return { a: sim.vpc(A, a), b: sim.vpc(B, b) };
}

describe('CreateVpcPeeringConnection: synchronous errors (spec §2.1, §2.2)', () => {
  test('VpcId and PeerVpcId are required', () => {
    const sim = new Sim();
    const { a } = pair(sim);
    expect(sim.fail(A, { type: 'CreateVpcPeeringConnection', PeerVpcId: a }).message).toBe('The request must contain the parameter VpcId');
    expect(sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: a }).message).toBe('The request must contain the parameter PeerVpcId');
  });

  test("an unknown requester VPC, or someone else's, is InvalidVpcID.NotFound", () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    expect(sim.fail(B, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b }).code).toBe('InvalidVpcID.NotFound');
    expect(sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: 'vpc-0123456789abcdef0', PeerVpcId: b }).code).toBe('InvalidVpcID.NotFound');
  });

  test('an unknown peer in the same account and Region is a synchronous InvalidVpcID.NotFound with the recorded text', () => {
    const sim = new Sim();
    const { a } = pair(sim);
    expect(sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: 'vpc-0123456789abcdef0' })).toEqual({
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
      httpStatus: 400,
    });
  });

  test('a PeerOwnerId that is not a 12-digit account is InvalidParameterValue', () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    expect(sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b, PeerOwnerId: '12' }).code).toBe('InvalidParameterValue');
  });
});

describe('CreateVpcPeeringConnection: the response (spec §2.4)', () => {
  test('same account and Region: the response already shows pending-acceptance', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(A, '10.1.0.0/16');
    const out = sim.ok(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b }).VpcPeeringConnection;
    expect(out.Status).toEqual({ Code: 'pending-acceptance', Message: `Pending Acceptance by ${A.accountId}` });
  });

  test('cross-account: initiating-request, "Initiating Request to <accepter>", then pending-acceptance on the next clock step', () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    const out = sim.ok(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b, PeerOwnerId: B.accountId }).VpcPeeringConnection;
    expect(out.Status).toEqual({ Code: 'initiating-request', Message: `Initiating Request to ${B.accountId}` });
    sim.tick(0);
    expect(sim.status(A, out.VpcPeeringConnectionId)).toBe('pending-acceptance');
  });

  test('the requester side shows its blocks and all-false options; the accepter side only owner, VPC and Region', () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    const out = sim.ok(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b, PeerOwnerId: B.accountId }).VpcPeeringConnection;
    expect(out.RequesterVpcInfo).toEqual({
      OwnerId: A.accountId,
      VpcId: a,
      Region: 'us-east-1',
      CidrBlock: '10.0.0.0/16',
      CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }],
      PeeringOptions: {
        AllowDnsResolutionFromRemoteVpc: false,
        AllowEgressFromLocalClassicLinkToRemoteVpc: false,
        AllowEgressFromLocalVpcToRemoteClassicLink: false,
      },
    });
    expect(out.AccepterVpcInfo).toEqual({ OwnerId: B.accountId, VpcId: b, Region: 'us-east-1' });
    expect(out.Tags).toEqual([]);
  });

  test('ExpirationTime is creation + 7 days while pending', () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    const out = sim.ok(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b, PeerOwnerId: B.accountId }).VpcPeeringConnection;
    expect(out.ExpirationTime?.getTime()).toBe(sim.world.clock + 7 * DAY);
  });
});

describe('CreateVpcPeeringConnection: the asynchronous check (spec §2.2)', () => {
  test('overlapping primary IPv4 blocks: Create succeeds and the connection is failed with the recorded message', () => {
    const sim = new Sim();
    const { a, b } = pair(sim, '10.0.0.0/16', '10.0.0.0/16');
    const id = sim.request(A, a, b, { owner: B.accountId });
    sim.tick(0);
    expect(sim.describe(A, id)).toMatchObject({ Status: { Code: 'failed', Message: FAILED } });
  });

  test('a secondary IPv4 block that overlaps also fails the request', () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    sim.ok(B, { type: 'AssociateVpcCidrBlock', VpcId: b, CidrBlock: '10.0.128.0/17' });
    const id = sim.request(A, a, b, { owner: B.accountId });
    sim.tick(0);
    expect(sim.status(A, id)).toBe('failed');
  });

  test('overlapping IPv6 blocks fail the request, even with distinct IPv4 blocks', () => {
    // Amazon's allocator never hands out one /56 twice, so the overlap is written into a snapshot.
    const sim = new Sim();
    const a = sim.ok(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true }).Vpc;
    const b = sim.ok(B, { type: 'CreateVpc', CidrBlock: '10.1.0.0/16', AmazonProvidedIpv6CidrBlock: true }).Vpc;
    const blockA = a.Ipv6CidrBlockAssociationSet[0]!.Ipv6CidrBlock;
    const blockB = b.Ipv6CidrBlockAssociationSet[0]!.Ipv6CidrBlock;
    sim.world = JSON.parse(JSON.stringify(sim.world).replaceAll(blockB, blockA));
    const id = sim.request(A, a.VpcId, b.VpcId, { owner: B.accountId });
    sim.tick(0);
    expect(sim.status(A, id)).toBe('failed');
  });

  test('a VPC peered with itself fails (its blocks overlap themselves)', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const id = sim.request(A, a, a);
    expect(sim.describe(A, id)).toMatchObject({ Status: { Code: 'failed', Message: FAILED } });
  });

  test('a wrong PeerOwnerId fails the request, and the named account never sees or accepts it', () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    const id = sim.request(A, a, b, { owner: STRANGER.accountId });
    sim.tick(0);
    expect(sim.status(A, id)).toBe('failed');
    expect(sim.status(STRANGER, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(sim.status(B, id)).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(sim.fail(STRANGER, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id }).code).toBe(
      'InvalidVpcPeeringConnectionID.NotFound',
    );
  });

  test('a wrong or missing PeerRegion for a peer in another Region fails the request', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const west = sim.vpc(B_WEST, '10.1.0.0/16');
    const missing = sim.request(A, a, west, { owner: B.accountId });
    const wrong = sim.request(A, a, west, { owner: B.accountId, region: 'eu-west-1' });
    const unknown = sim.request(A, a, west, { owner: B.accountId, region: 'xx-nowhere-9' });
    const right = sim.request(A, a, west, { owner: B.accountId, region: 'us-west-2' });
    sim.tick(0);
    expect([missing, wrong, unknown].map((id) => sim.status(A, id))).toEqual(['failed', 'failed', 'failed']);
    expect(sim.status(A, right)).toBe('pending-acceptance');
    expect(sim.status(B_WEST, right)).toBe('pending-acceptance');
  });

  test('peering never crosses a partition', () => {
    const sim = new Sim({ regions: ['us-east-1', 'cn-north-1'] });
    const a = sim.vpc(A, '10.0.0.0/16');
    const cn = { accountId: B.accountId, region: 'cn-north-1' };
    const b = sim.vpc(cn, '10.1.0.0/16');
    const id = sim.request(A, a, b, { owner: B.accountId, region: 'cn-north-1' });
    sim.tick(0);
    expect(sim.status(A, id)).toBe('failed');
  });

  test('the check runs when it falls due: a peer VPC created before then makes the request pass', () => {
    const sim = new Sim({ timing: 'realistic' });
    const a = sim.vpc(A, '10.0.0.0/16');
    const id = sim.request(A, a, 'vpc-0123456789abcdef0', { owner: B.accountId });
    sim.tick(1_999);
    expect(sim.status(A, id)).toBe('initiating-request');
    sim.tick(1);
    expect(sim.status(A, id)).toBe('failed');
  });
});

describe('CreateVpcPeeringConnection: duplicates and quotas (spec §2.2, §2.3)', () => {
  test('the same request again while pending or active returns the existing connection, no error', () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    const first = sim.request(A, a, b, { owner: B.accountId });
    const count = sim.world.peerings.size;
    expect(sim.request(A, a, b, { owner: B.accountId })).toBe(first);
    expect(sim.world.peerings.size).toBe(count);
    sim.tick(0);
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: first });
    sim.tick(0);
    expect(sim.request(A, a, b, { owner: B.accountId })).toBe(first);
  });

  test('the reverse pair is a new connection whose Accept fails with VpcPeeringConnectionAlreadyExists', () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    const forward = sim.request(A, a, b, { owner: B.accountId });
    const reverse = sim.request(B, b, a, { owner: A.accountId });
    expect(reverse).not.toBe(forward);
    sim.tick(0);
    sim.ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: forward });
    expect(sim.fail(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: reverse })).toEqual({
      code: 'VpcPeeringConnectionAlreadyExists',
      message: `The vpc peering connection identified by ${forward} already exists.`,
      httpStatus: 400,
    });
  });

  test('more than 25 outstanding requests from one account: PendingVpcPeeringConnectionLimitExceeded', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    for (let i = 0; i < 25; i++) sim.request(A, a, sim.vpc(B, `10.${i + 1}.0.0/16`), { owner: B.accountId });
    const last = sim.vpc(B, '10.99.0.0/16');
    expect(sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: last, PeerOwnerId: B.accountId })).toEqual({
      code: 'PendingVpcPeeringConnectionLimitExceeded',
      message: 'Vpc peering connection request limit exceeded.',
      httpStatus: 400,
    });
  });

  test('the outstanding-requests quota is configurable and frees up when a request is answered', () => {
    const sim = new Sim({ quotas: { outstandingRequestsPerAccount: 1 } });
    const a = sim.vpc(A, '10.0.0.0/16');
    const first = sim.request(A, a, sim.vpc(B, '10.1.0.0/16'), { owner: B.accountId });
    const second = sim.vpc(B, '10.2.0.0/16');
    expect(sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: second, PeerOwnerId: B.accountId }).code).toBe(
      'PendingVpcPeeringConnectionLimitExceeded',
    );
    sim.tick(0);
    sim.ok(B, { type: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: first });
    sim.request(A, a, second, { owner: B.accountId });
  });

  test('at most 50 active connections per VPC, checked on Accept: ActiveVpcPeeringConnectionPerVpcLimitExceeded', () => {
    const sim = new Sim({ quotas: { activeConnectionsPerVpc: 2, outstandingRequestsPerAccount: 100 } });
    const hub = sim.vpc(A, '10.0.0.0/16');
    const ids = [1, 2, 3].map((i) => sim.request(A, hub, sim.vpc(A, `10.${i}.0.0/16`)));
    sim.ok(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: ids[0] });
    sim.ok(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: ids[1] });
    expect(sim.fail(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: ids[2] }).code).toBe(
      'ActiveVpcPeeringConnectionPerVpcLimitExceeded',
    );
    expect(sim.world.config.quotas.activeConnectionsPerVpc).toBe(2);
    expect(new Sim().world.config.quotas).toMatchObject({ activeConnectionsPerVpc: 50, outstandingRequestsPerAccount: 25 });
  });

  test('a bad TagSpecification creates nothing', () => {
    const sim = new Sim();
    const { a, b } = pair(sim);
    const error = sim.fail(A, {
      type: 'CreateVpcPeeringConnection',
      VpcId: a,
      PeerVpcId: b,
      PeerOwnerId: B.accountId,
      TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'aws:x', Value: '1' }] }],
    });
    expect(error.code).toBe('InvalidTagKey.Malformed');
  });

  test('the requester may only use a VPC in the Region it calls from', () => {
    const sim = new Sim();
    const west = sim.vpc(A_WEST, '10.0.0.0/16');
    const b = sim.vpc(B, '10.1.0.0/16');
    expect(sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: west, PeerVpcId: b, PeerOwnerId: B.accountId }).code).toBe(
      'InvalidVpcID.NotFound',
    );
  });
});
