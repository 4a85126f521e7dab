// Every error code pcxsim can answer, reached through the real SDK (in process and over HTTP): the SDK
// must surface it as `error.name` = the code, the message, the HTTP status and `$fault` (client for
// 4xx, server for 5xx; ecosystem.md §1.3). Engine errors are checked for parity with the engine
// (helpers.ts); the protocol layer's own are pinned here by code and status.
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { Ec2ErrorCode } from '@pcxsim/engine';
import { createWorld, type World } from '@pcxsim/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InProcessHandler } from '../src/index.js';
import { ALICE, BOB, Harness, TRANSPORTS, type Answer } from './helpers.js';

const CAROL = '333333333333'; // a small outstanding-request quota is hit by this account only
const DAVE = '444444444444'; // and the active-per-VPC quota by this one's VPC
const ERIN = '555555555555'; // the other cases' own accounts keep clear of those quotas
const FRANK = '666666666666';

interface Fixture {
  /** Alice's VPC in us-east-1. */
  readonly vpcA: string;
  /** Bob's VPC in us-west-2, with a pending request from Alice pointing at it. */
  readonly vpcB: string;
  /** Alice → Bob, pending acceptance. */
  readonly pending: string;
  /** Alice → Alice, rejected. */
  readonly rejected: string;
  /** Alice → Alice, active, DNS hostnames off. */
  readonly active: string;
}

interface Case {
  readonly code: string;
  readonly status: number;
  /** Whether the engine answers it (checked for parity), or the protocol layer. */
  readonly by: 'engine' | 'protocol';
  readonly run: (h: Harness, f: Fixture) => Promise<Answer>;
}

const vpc = async (h: Harness, account: string, cidr: string, region = 'us-east-1'): Promise<string> =>
  (await h.ok(account, 'CreateVpc', { CidrBlock: cidr }, region)).Vpc.VpcId;

const peer = async (h: Harness, account: string, from: string, to: string): Promise<string> =>
  (await h.ok(account, 'CreateVpcPeeringConnection', { VpcId: from, PeerVpcId: to })).VpcPeeringConnection.VpcPeeringConnectionId;

async function setUp(h: Harness): Promise<Fixture> {
  const vpcA = await vpc(h, ALICE, '10.0.0.0/16');
  const vpcB = await vpc(h, BOB, '172.16.0.0/16', 'us-west-2');
  const pending = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: BOB, PeerRegion: 'us-west-2' }))
    .VpcPeeringConnection.VpcPeeringConnectionId;
  const rejected = await peer(h, ALICE, vpcA, await vpc(h, ALICE, '10.1.0.0/16'));
  await h.ok(ALICE, 'RejectVpcPeeringConnection', { VpcPeeringConnectionId: rejected });
  const active = await peer(h, ALICE, vpcA, await vpc(h, ALICE, '10.2.0.0/16'));
  await h.ok(ALICE, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: active });
  h.endpoint.advanceClock(0);
  return { vpcA, vpcB, pending, rejected, active };
}

const UNKNOWN_PCX = 'pcx-0123456789abcdef0';

const GRACE = '777777777777'; // the routing cases' own account

/** A VPC of Grace's with a /24 subnet, and the VPC's main route table. */
async function routed(h: Harness, cidr: string): Promise<{ vpc: string; subnet: string; main: string }> {
  const id = await vpc(h, GRACE, cidr);
  const subnet = (await h.ok(GRACE, 'CreateSubnet', { VpcId: id, CidrBlock: cidr.replace('/16', '/24') })).Subnet.SubnetId;
  const tables = await h.ok(GRACE, 'DescribeRouteTables', { Filters: [{ Name: 'vpc-id', Values: [id] }, { Name: 'association.main', Values: ['true'] }] });
  return { vpc: id, subnet, main: tables.RouteTables[0].RouteTableId };
}

// Every code the engine can answer (the type below fails to compile when the engine adds one), and
// the protocol layer's own codes that an SDK can provoke.
const ENGINE_CASES = {
  InvalidStateTransition: { status: 400, run: (h, f) => h.call(ALICE, 'DeleteVpcPeeringConnection', { VpcPeeringConnectionId: f.rejected }) },
  OperationNotPermitted: { status: 400, run: (h, f) => h.call(ALICE, 'ModifyVpcPeeringConnectionOptions', { VpcPeeringConnectionId: f.rejected, RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true } }) },
  'InvalidVpcPeeringConnectionID.NotFound': { status: 400, run: (h) => h.call(ALICE, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: UNKNOWN_PCX }) },
  InvalidParameterValue: { status: 400, run: (h) => h.call(ALICE, 'DescribeVpcPeeringConnections', { Filters: [{ Name: 'no-such-filter', Values: ['x'] }] }) },
  'InvalidTagKey.Malformed': { status: 400, run: (h, f) => h.call(ALICE, 'CreateVpcPeeringConnection', { VpcId: f.vpcA, PeerVpcId: f.vpcA, TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'aws:x', Value: 'y' }] }] }) },
  TagLimitExceeded: { status: 400, run: (h, f) => h.call(ALICE, 'CreateTags', { Resources: [f.vpcA], Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }) },
  MissingParameter: { status: 400, run: (h) => h.call(ALICE, 'AcceptVpcPeeringConnection', {}) },
  InvalidParameterCombination: { status: 400, run: (h, f) => h.call(ALICE, 'DescribeVpcs', { VpcIds: [f.vpcA], MaxResults: 5 }) },
  'InvalidVpcID.NotFound': { status: 400, run: (h) => h.call(ALICE, 'CreateVpcPeeringConnection', { VpcId: 'vpc-0123456789abcdef0', PeerVpcId: 'vpc-0123456789abcdef1' }) },
  'InvalidVpcId.Malformed': { status: 400, run: (h) => h.call(ALICE, 'CreateVpcPeeringConnection', { VpcId: 'vpc-123', PeerVpcId: 'vpc-456' }) },
  'InvalidVpcPeeringConnectionId.Malformed': { status: 400, run: (h) => h.call(ALICE, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: 'pcx-nope' }) },
  'InvalidVpc.Range': { status: 400, run: (h) => h.call(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/8' }) },
  'InvalidVpcCidrBlockAssociationID.NotFound': { status: 400, run: (h) => h.call(ALICE, 'DisassociateVpcCidrBlock', { AssociationId: 'vpc-cidr-assoc-0123456789abcdef0' }) },
  CidrLimitExceeded: {
    status: 400,
    run: async (h) => {
      const id = await vpc(h, ALICE, '10.100.0.0/16');
      await h.ok(ALICE, 'AssociateVpcCidrBlock', { VpcId: id, CidrBlock: '10.101.0.0/16' }); // the quota is 2 here
      return h.call(ALICE, 'AssociateVpcCidrBlock', { VpcId: id, CidrBlock: '10.102.0.0/16' });
    },
  },
  DependencyViolation: { status: 400, run: (h, f) => h.call(BOB, 'DeleteVpc', { VpcId: f.vpcB }, 'us-west-2') },
  InvalidID: { status: 400, run: (h) => h.call(ALICE, 'CreateTags', { Resources: ['i-0123456789abcdef0'], Tags: [{ Key: 'k', Value: 'v' }] }) },
  PendingVpcPeeringConnectionLimitExceeded: {
    status: 400,
    run: async (h) => {
      const hub = await vpc(h, CAROL, '10.110.0.0/16');
      for (let i = 0; i < 2; i++) await peer(h, CAROL, hub, await vpc(h, CAROL, `10.${111 + i}.0.0/16`)); // the quota is 2 here
      return h.call(CAROL, 'CreateVpcPeeringConnection', { VpcId: hub, PeerVpcId: await vpc(h, CAROL, '10.113.0.0/16') });
    },
  },
  ActiveVpcPeeringConnectionPerVpcLimitExceeded: {
    status: 400,
    run: async (h) => {
      const hub = await vpc(h, DAVE, '10.120.0.0/16');
      for (let i = 0; i < 2; i++) {
        await h.ok(DAVE, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: await peer(h, DAVE, hub, await vpc(h, DAVE, `10.${121 + i}.0.0/16`)) });
      }
      const third = await peer(h, DAVE, hub, await vpc(h, DAVE, '10.123.0.0/16'));
      return h.call(DAVE, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: third });
    },
  },
  VpcPeeringConnectionAlreadyExists: {
    status: 400,
    run: async (h) => {
      const a = await vpc(h, ERIN, '10.130.0.0/16');
      const b = await vpc(h, ERIN, '10.131.0.0/16');
      await h.ok(ERIN, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: await peer(h, ERIN, a, b) });
      const reverse = await peer(h, ERIN, b, a);
      return h.call(ERIN, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: reverse });
    },
  },
  'InvalidVpcPeeringConnectionState.DnsHostnamesDisabled': { status: 400, run: (h, f) => h.call(ALICE, 'ModifyVpcPeeringConnectionOptions', { VpcPeeringConnectionId: f.active, RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true } }) },
  FilterLimitExceeded: { status: 400, run: (h) => h.call(ALICE, 'DescribeVpcPeeringConnections', { Filters: [{ Name: 'status-code', Values: ['x'.repeat(256)] }] }) },
  InvalidNextToken: { status: 400, run: (h) => h.call(ALICE, 'DescribeVpcPeeringConnections', { MaxResults: 5, NextToken: 'not-a-token' }) },
  DryRunOperation: { status: 412, run: (h, f) => h.call(ALICE, 'DescribeVpcs', { VpcIds: [f.vpcA], DryRun: true }) },
  UnauthorizedOperation: {
    status: 403,
    run: async (h) => {
      // The requester may not accept its own cross-account request: a DryRun says so (spec §8.3).
      const theirs = await vpc(h, BOB, '10.150.0.0/16');
      const mine = await vpc(h, FRANK, '10.151.0.0/16');
      const pcx = (await h.ok(FRANK, 'CreateVpcPeeringConnection', { VpcId: mine, PeerVpcId: theirs, PeerOwnerId: BOB })).VpcPeeringConnection.VpcPeeringConnectionId;
      h.endpoint.advanceClock(0);
      return h.call(FRANK, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pcx, DryRun: true });
    },
  },
  AuthFailure: { status: 401, run: (h) => h.call(ALICE, 'DescribeVpcs', {}, 'xx-nowhere-1') },
  // CreateTags' ResourceId list is the engine's to count (spec §7.1), past the protocol's index limit.
  ResourceCountExceeded: { status: 400, run: (h, f) => h.call(ALICE, 'CreateTags', { Resources: Array.from({ length: 1001 }, () => f.vpcA), Tags: [{ Key: 'k', Value: 'v' }] }) },
  // Routing (issue 13); the quotas are 1 subnet per VPC, 2 tables per VPC, 1 route per table here.
  'InvalidSubnet.Range': { status: 400, run: (h, f) => h.call(ALICE, 'CreateSubnet', { VpcId: f.vpcA, CidrBlock: '10.9.0.0/24' }) },
  'InvalidSubnet.Conflict': {
    status: 400,
    run: async (h) => {
      const { vpc: id } = await routed(h, '10.160.0.0/16');
      await h.ok(GRACE, 'AssociateVpcCidrBlock', { VpcId: id, CidrBlock: '10.161.0.0/16' });
      return h.call(GRACE, 'CreateSubnet', { VpcId: id, CidrBlock: '10.160.0.128/25' });
    },
  },
  'InvalidSubnetID.NotFound': { status: 400, run: (h) => h.call(ALICE, 'DeleteSubnet', { SubnetId: 'subnet-0123456789abcdef0' }) },
  'InvalidSubnetID.Malformed': { status: 400, run: (h) => h.call(ALICE, 'DeleteSubnet', { SubnetId: 'subnet-x' }) },
  SubnetLimitExceeded: {
    status: 400,
    run: async (h) => {
      const { vpc: id } = await routed(h, '10.162.0.0/16');
      return h.call(GRACE, 'CreateSubnet', { VpcId: id, CidrBlock: '10.162.1.0/24' });
    },
  },
  'InvalidRouteTableID.NotFound': { status: 400, run: (h) => h.call(ALICE, 'DescribeRouteTables', { RouteTableIds: ['rtb-0123456789abcdef0'] }) },
  'InvalidRouteTableId.Malformed': { status: 400, run: (h) => h.call(ALICE, 'DeleteRouteTable', { RouteTableId: 'rtb-nat-gw-a' }) },
  RouteTableLimitExceeded: {
    status: 400,
    run: async (h) => {
      const id = await vpc(h, GRACE, '10.163.0.0/16');
      // The SDK fills in a ClientToken; given here so that the engine's answer (the parity check) has it too.
      await h.ok(GRACE, 'CreateRouteTable', { VpcId: id, ClientToken: 'first' });
      return h.call(GRACE, 'CreateRouteTable', { VpcId: id, ClientToken: 'second' });
    },
  },
  'InvalidAssociationID.NotFound': { status: 400, run: (h) => h.call(ALICE, 'DisassociateRouteTable', { AssociationId: 'rtbassoc-0123456789abcdef0' }) },
  'Resource.AlreadyAssociated': {
    status: 400,
    run: async (h) => {
      const { subnet, main } = await routed(h, '10.164.0.0/16');
      await h.ok(GRACE, 'AssociateRouteTable', { RouteTableId: main, SubnetId: subnet });
      return h.call(GRACE, 'AssociateRouteTable', { RouteTableId: main, SubnetId: subnet });
    },
  },
  'InvalidRoute.NotFound': {
    status: 400,
    run: async (h) => h.call(GRACE, 'DeleteRoute', { RouteTableId: (await routed(h, '10.165.0.0/16')).main, DestinationCidrBlock: '10.99.0.0/16' }),
  },
  RouteAlreadyExists: {
    status: 400,
    run: async (h) => {
      const { vpc: a, main } = await routed(h, '10.166.0.0/16');
      const pcx = await peer(h, GRACE, a, await vpc(h, GRACE, '10.167.0.0/16'));
      await h.ok(GRACE, 'CreateRoute', { RouteTableId: main, DestinationCidrBlock: '10.167.0.0/16', VpcPeeringConnectionId: pcx });
      return h.call(GRACE, 'CreateRoute', { RouteTableId: main, DestinationCidrBlock: '10.167.0.0/16', VpcPeeringConnectionId: pcx });
    },
  },
  RouteLimitExceeded: {
    status: 400,
    run: async (h) => {
      const { vpc: a, main } = await routed(h, '10.168.0.0/16');
      const pcx = await peer(h, GRACE, a, await vpc(h, GRACE, '10.169.0.0/16'));
      await h.ok(GRACE, 'CreateRoute', { RouteTableId: main, DestinationCidrBlock: '10.169.0.0/17', VpcPeeringConnectionId: pcx });
      return h.call(GRACE, 'CreateRoute', { RouteTableId: main, DestinationCidrBlock: '10.169.128.0/17', VpcPeeringConnectionId: pcx });
    },
  },
  IdempotentParameterMismatch: {
    status: 400,
    run: async (h) => {
      await h.ok(GRACE, 'CreateRouteTable', { VpcId: await vpc(h, GRACE, '10.171.0.0/16'), ClientToken: 'once' });
      return h.call(GRACE, 'CreateRouteTable', { VpcId: await vpc(h, GRACE, '10.172.0.0/16'), ClientToken: 'once' });
    },
  },
  'InvalidGatewayID.NotFound': {
    status: 400,
    run: async (h) => h.call(GRACE, 'CreateRoute', { RouteTableId: (await routed(h, '10.170.0.0/16')).main, DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'local' }),
  },
  UnsupportedOperation: { status: 400, run: (h, f) => h.call(ALICE, 'DescribeVpcClassicLink', { VpcIds: [f.vpcA] }) },
  'InvalidGroup.NotFound': { status: 400, run: (h) => h.call(ALICE, 'DescribeSecurityGroups', { GroupIds: ['sg-0123456789abcdef0'] }) },
  'InvalidGroupId.Malformed': { status: 400, run: (h) => h.call(ALICE, 'DescribeSecurityGroups', { GroupIds: ['sg-nope'] }) },
  'InvalidNetworkAclID.NotFound': { status: 400, run: (h) => h.call(ALICE, 'DescribeNetworkAcls', { NetworkAclIds: ['acl-0123456789abcdef0'] }) },
  'InvalidNetworkAclId.Malformed': { status: 400, run: (h) => h.call(ALICE, 'DescribeNetworkAcls', { NetworkAclIds: ['acl-nope'] }) },
} satisfies Record<Exclude<Ec2ErrorCode, 'InvalidAction'>, Omit<Case, 'code' | 'by'>>;

// The cases that create resources before their failing call (which parity checks leaves the world alone).
const WITH_SET_UP = new Set([
  'CidrLimitExceeded',
  'PendingVpcPeeringConnectionLimitExceeded',
  'ActiveVpcPeeringConnectionPerVpcLimitExceeded',
  'VpcPeeringConnectionAlreadyExists',
  'UnauthorizedOperation',
  'InvalidSubnet.Conflict',
  'SubnetLimitExceeded',
  'RouteTableLimitExceeded',
  'Resource.AlreadyAssociated',
  'InvalidRoute.NotFound',
  'RouteAlreadyExists',
  'RouteLimitExceeded',
  'InvalidGatewayID.NotFound',
  'IdempotentParameterMismatch',
]);

const PROTOCOL_CASES: Record<string, Omit<Case, 'by'>> = {
  // The SDK sends any action it has; pcxsim answers for the ones it does not (engine code too).
  'InvalidAction (an EC2 action pcxsim does not serve)': {
    code: 'InvalidAction',
    status: 400,
    run: async (h) => {
      const { DescribeInstancesCommand } = await import('@aws-sdk/client-ec2');
      return h.client(ALICE).send(new DescribeInstancesCommand({})).then(
        () => ({ ok: true, value: {}, requestId: undefined, status: 200 }) as Answer,
        (e: { name: string; message: string; $fault: string; $metadata: { httpStatusCode: number; requestId: string } }) => ({
          ok: false,
          error: { code: e.name, message: e.message, httpStatus: e.$metadata.httpStatusCode },
          fault: e.$fault,
          requestId: e.$metadata.requestId,
        }),
      );
    },
  },
  'UnknownParameter (an EC2 parameter pcxsim does not model)': {
    code: 'UnknownParameter',
    status: 400,
    run: (h) => h.send(ALICE, 'CreateVpc', { CidrBlock: '10.140.0.0/16', Ipv4NetmaskLength: 16 }),
  },
  'InvalidParameterValue (a value outside its enum)': {
    code: 'InvalidParameterValue',
    status: 400,
    run: (h, f) => h.send(ALICE, 'CreateVpcPeeringConnection', { VpcId: f.vpcA, PeerVpcId: f.vpcA, TagSpecifications: [{ ResourceType: 'no-such-type', Tags: [{ Key: 'k', Value: 'v' }] }] }),
  },
  'InvalidRequest (a list index over 1,000)': {
    code: 'InvalidRequest',
    status: 400,
    run: (h, f) => h.send(ALICE, 'DescribeVpcs', { VpcIds: Array.from({ length: 1001 }, () => f.vpcA) }),
  },
  'InvalidRequest (a body over 1 MiB, 413)': {
    code: 'InvalidRequest',
    status: 413,
    run: (h, f) => h.send(ALICE, 'CreateTags', { Resources: Array.from({ length: 900 }, (_, i) => `${f.vpcA}-${'x'.repeat(1200)}-${i}`), Tags: [{ Key: 'k', Value: 'v' }] }),
  },
};

describe.each(TRANSPORTS)('errors over the %s transport', (transport) => {
  let h: Harness;
  let fixture: Fixture;
  beforeAll(async () => {
    h = await Harness.start(transport, {
      worldOptions: { seed: 5, quotas: { outstandingRequestsPerAccount: 2, activeConnectionsPerVpc: 2, ipv4BlocksPerVpc: 2, subnetsPerVpc: 1, routeTablesPerVpc: 2, routesPerTable: 1 } },
    });
    fixture = await setUp(h);
  });
  afterAll(() => h.close());

  test.each(Object.entries(ENGINE_CASES))('%s reaches the SDK with its status, message and fault', async (code, { status, run }) => {
    const before = h.endpoint.world;
    const answer = await run(h, fixture);
    expect(answer).toMatchObject({ ok: false, fault: 'client', error: { code, httpStatus: status } });
    if (!WITH_SET_UP.has(code)) expect(h.endpoint.world).toBe(before); // the others change it before the failing call
  });

  test.each(Object.entries(PROTOCOL_CASES))('%s reaches the SDK as a client error; the world stays', async (_, { code, status, run }) => {
    const before = h.endpoint.world;
    const answer = await run(h, fixture);
    expect(answer).toMatchObject({ ok: false, fault: 'client', error: { code, httpStatus: status } });
    expect(h.endpoint.world).toBe(before);
  });

  test('throttling, when the control API asks for it, is RequestLimitExceeded (503), a server fault the SDK retries', async () => {
    const before = h.endpoint.world;
    h.endpoint.throttle(1);
    const throttled = await h.send(ALICE, 'DescribeVpcs', {});
    expect(throttled).toMatchObject({ ok: false, fault: 'server', error: { code: 'RequestLimitExceeded', message: 'Request limit exceeded.', httpStatus: 503 } });
    expect(h.endpoint.world).toBe(before);
    // With its default retries the SDK gets through once the throttled stretch is over.
    h.endpoint.throttle(1);
    const retrying = new EC2Client({ region: 'us-east-1', credentials: { accessKeyId: ALICE, secretAccessKey: 'notasecret' }, ...(transport === 'http' ? { endpoint: h.url } : { requestHandler: new InProcessHandler(h.endpoint) }) });
    try {
      const output = await retrying.send(new DescribeVpcsCommand({}));
      expect(output.$metadata.attempts).toBe(2);
    } finally {
      retrying.destroy();
    }
  });

  test('a real internal fault is InternalError, 500, a server fault, with the world untouched', async () => {
    // A world whose maps are not maps: the engine throws, which no request can make it do.
    const broken = { ...createWorld(), vpcs: null } as unknown as World;
    const faulty = await Harness.start(transport, { world: broken });
    try {
      const answer = await faulty.send(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16' });
      expect(answer).toMatchObject({ ok: false, fault: 'server', error: { code: 'InternalError', httpStatus: 500 } });
      expect(faulty.endpoint.world).toBe(broken);
    } finally {
      await faulty.close();
    }
  });
});
