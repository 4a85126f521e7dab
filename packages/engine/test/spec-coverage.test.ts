// Spec rules that had no row in docs/fidelity.md (and [?] choices of the code that had none): each
// test pins what the engine does today, named after the rule, and is cited from its row.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { Caller, Ec2ErrorCode } from '../src/index.js';
import { A, A_WEST, B, B_WEST, Sim } from './helpers.js';

const FAILED = 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range';

describe('CreateVpcPeeringConnection (spec §2.1, §2.2, §2.3)', () => {
  test("PeerOwnerId defaults to the caller's account and PeerRegion to the Region of the request", () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const own = sim.vpc(A, '10.1.0.0/16');
    // Neither given: the accepter is the caller's own account, in the caller's Region.
    const out = sim.ok(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: own }).VpcPeeringConnection;
    expect(out.AccepterVpcInfo).toEqual({ OwnerId: A.accountId, VpcId: own, Region: A.region });
    expect(out.Status).toEqual({ Code: 'pending-acceptance', Message: `Pending Acceptance by ${A.accountId}` });
    // An empty string counts as not given.
    const b = sim.vpc(B, '10.2.0.0/16');
    const empty = sim.ok(A, { type: 'CreateVpcPeeringConnection', VpcId: a, PeerVpcId: b, PeerOwnerId: B.accountId, PeerRegion: '' });
    expect(empty.VpcPeeringConnection.AccepterVpcInfo).toEqual({ OwnerId: B.accountId, VpcId: b, Region: A.region });
    // PeerOwnerId given, PeerRegion not: the request names the caller's Region, so a peer VPC in
    // another Region is not found there and the request fails.
    const west = sim.vpc(B_WEST, '10.3.0.0/16');
    const id = sim.request(A, a, west, { owner: B.accountId });
    sim.tick(0);
    expect(sim.describe(A, id)).toMatchObject({
      AccepterVpcInfo: { OwnerId: B.accountId, VpcId: west, Region: A.region },
      Status: { Code: 'failed', Message: FAILED },
    });
  });

  test('a duplicate across Regions: the same request returns the existing connection, one without PeerRegion fails its check, the reverse pair waits and loses to the first accepted', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const west = sim.vpc(B_WEST, '10.1.0.0/16');
    const first = sim.request(A, a, west, { owner: B.accountId, region: B_WEST.region });
    // The same VPCs, owner and PeerRegion again: the existing connection, no new one.
    const count = sim.world.peerings.size;
    expect(sim.request(A, a, west, { owner: B.accountId, region: B_WEST.region })).toBe(first);
    expect(sim.world.peerings.size).toBe(count);
    // Without PeerRegion it is another request (it names the caller's Region), and it fails.
    const noRegion = sim.request(A, a, west, { owner: B.accountId });
    expect(noRegion).not.toBe(first);
    // The reverse pair, made from the accepter's Region: a new connection that passes its check.
    const reverse = sim.request(B_WEST, west, a, { owner: A.accountId, region: A.region });
    sim.tick(0);
    expect([sim.status(A, first), sim.status(A, noRegion), sim.status(A, reverse)]).toEqual(['pending-acceptance', 'failed', 'pending-acceptance']);
    // Whichever is accepted first wins; the other cannot be accepted while it is active.
    sim.ok(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: reverse });
    sim.tick(0);
    expect(sim.fail(B_WEST, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: first })).toEqual({
      code: 'VpcPeeringConnectionAlreadyExists',
      message: `The vpc peering connection identified by ${reverse} already exists.`,
      httpStatus: 400,
    });
    expect([sim.status(A, first), sim.status(A, reverse)]).toEqual(['pending-acceptance', 'active']);
  });

  test('the quotas raise PendingVpcPeeringConnectionLimitExceeded and ActiveVpcPeeringConnectionPerVpcLimitExceeded; VpcPeeringConnectionsPerVpcLimitExceeded and OutstandingVpcPeeringConnectionLimitExceeded never', () => {
    // The codes the engine can answer with do not include the two others…
    expectTypeOf<Extract<Ec2ErrorCode, 'VpcPeeringConnectionsPerVpcLimitExceeded' | 'OutstandingVpcPeeringConnectionLimitExceeded'>>().toBeNever();
    const SRC = join(import.meta.dirname, '../src');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
    for (const file of files(SRC).filter((name) => name.endsWith('.ts'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/VpcPeeringConnectionsPerVpcLimitExceeded|OutstandingVpcPeeringConnectionLimitExceeded/);
    }
    // …and each quota answers its one code: outstanding requests per account on Create, active
    // connections per VPC on Accept.
    const sim = new Sim({ quotas: { outstandingRequestsPerAccount: 1, activeConnectionsPerVpc: 1 } });
    const hub = sim.vpc(A, '10.0.0.0/16');
    const first = sim.request(A, hub, sim.vpc(A, '10.1.0.0/16'));
    const spoke = sim.vpc(A, '10.2.0.0/16');
    expect(sim.fail(A, { type: 'CreateVpcPeeringConnection', VpcId: hub, PeerVpcId: spoke }).code).toBe('PendingVpcPeeringConnectionLimitExceeded');
    sim.ok(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: first });
    sim.tick(0);
    const second = sim.request(A, hub, spoke);
    expect(sim.fail(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: second }).code).toBe(
      'ActiveVpcPeeringConnectionPerVpcLimitExceeded',
    );
  });
});

describe('Regions (spec §8.2)', () => {
  test('inter-Region peering inside China works between cn-north-1 and cn-northwest-1', () => {
    const sim = new Sim({ regions: ['cn-north-1', 'cn-northwest-1'] });
    const north: Caller = { accountId: A.accountId, region: 'cn-north-1' };
    const northwest: Caller = { accountId: B.accountId, region: 'cn-northwest-1' };
    const a = sim.vpc(north, '10.0.0.0/16');
    const b = sim.vpc(northwest, '10.1.0.0/16');
    const id = sim.request(north, a, b, { owner: B.accountId, region: 'cn-northwest-1' });
    sim.tick(0);
    expect(sim.status(northwest, id)).toBe('pending-acceptance');
    sim.ok(northwest, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
    sim.tick(0);
    expect(sim.status(north, id)).toBe('active');
  });
});

describe('DescribeVpcPeeringConnections (spec §4.2)', () => {
  test('status-code initiating-request, left out of the documented values, matches requests in that state; a value that is no state matches nothing', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const id = sim.request(A, a, sim.vpc(B, '10.1.0.0/16'), { owner: B.accountId });
    const codes = (Values: string[]) =>
      sim.ok(A, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values }] }).VpcPeeringConnections.map((p) => p.VpcPeeringConnectionId);
    expect(codes(['initiating-request'])).toEqual([id]);
    expect(codes(['initiating-*'])).toEqual([id]);
    expect(codes(['no-such-state'])).toEqual([]);
    sim.tick(0);
    expect(codes(['initiating-request'])).toEqual([]);
    expect(codes(['pending-acceptance'])).toEqual([id]);
  });
});

describe('VPC CIDR blocks (spec §6.1, §6.3)', () => {
  test('blocks cannot be resized: no action changes a block, and a larger or smaller block over an existing one is an overlap', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/24');
    for (const cidr of ['10.0.0.0/23', '10.0.0.0/25']) {
      expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: cidr })).toEqual({
        code: 'InvalidVpc.Range',
        message: `The CIDR '${cidr}' conflicts with another CIDR block of the VPC ${vpc}.`,
        httpStatus: 400,
      });
    }
    sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.0.2.0/24' });
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.0.2.0/23' }).code).toBe('InvalidVpc.Range');
    const blocks = sim.ok(A, { type: 'DescribeVpcs', VpcIds: [vpc] }).Vpcs[0]!.CidrBlockAssociationSet.map((block) => block.CidrBlock);
    expect(blocks).toEqual(['10.0.0.0/24', '10.0.2.0/24']);
  });

  test('the 2023 secondary-range table is not enforced: RFC 1918 ranges, 198.19.0.0/16 and 172.31.0.0/16 may be added to any VPC; link-local never', () => {
    const sim = new Sim();
    const ten = sim.vpc(A, '10.0.0.0/16');
    for (const cidr of ['172.16.0.0/16', '192.168.0.0/16', '198.19.0.0/16', '100.64.0.0/16']) {
      sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: ten, CidrBlock: cidr });
    }
    const private172 = sim.vpc(A, '172.16.0.0/16');
    sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: private172, CidrBlock: '172.31.0.0/16' });
    sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: private172, CidrBlock: '10.1.0.0/16' });
    const open = sim.vpc(A, '198.19.0.0/16');
    sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: open, CidrBlock: '192.168.0.0/16' });
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: open, CidrBlock: '169.254.0.0/16' }).code).toBe('InvalidVpc.Range');
  });

  test('AssociateVpcCidrBlock adds exactly one kind of block: CidrBlock with AmazonProvidedIpv6CidrBlock is InvalidParameterCombination, neither is MissingParameter', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.1.0.0/16', AmazonProvidedIpv6CidrBlock: true })).toEqual({
      code: 'InvalidParameterCombination',
      message: 'The parameter CidrBlock cannot be used with the parameter AmazonProvidedIpv6CidrBlock',
      httpStatus: 400,
    });
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc })).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter CidrBlock',
      httpStatus: 400,
    });
    // AmazonProvidedIpv6CidrBlock=false is as good as absent.
    sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.1.0.0/16', AmazonProvidedIpv6CidrBlock: false });
  });
});

describe('ModifyVpcPeeringConnectionOptions (spec §5.1)', () => {
  test('neither side given is MissingParameter RequesterPeeringConnectionOptions, before the state is looked at', () => {
    const sim = new Sim();
    const expected = { code: 'MissingParameter', message: 'The request must contain the parameter RequesterPeeringConnectionOptions', httpStatus: 400 };
    const pending = sim.request(A, sim.vpc(A, '10.0.0.0/16'), sim.vpc(A, '10.1.0.0/16'));
    expect(sim.fail(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: pending })).toEqual(expected);
    sim.ok(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pending });
    sim.tick(0);
    expect(sim.fail(A, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: pending })).toEqual(expected);
    expect(sim.fail(A_WEST, { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: pending }).code).toBe(
      'InvalidVpcPeeringConnectionID.NotFound',
    );
  });
});
