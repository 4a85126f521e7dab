// Routing over peering on the wire (issue 13): every routing action through the real
// @aws-sdk/client-ec2, in process and over HTTP, each call checked field for field against the
// engine (helpers.ts parity), then POST /_pcxsim/reachability and Debian's AWS CLI v2.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ec2Endpoint, listen, type RunningServer } from '../src/index.js';
import { ALICE, BOB, Harness, rawHttp, TRANSPORTS } from './helpers.js';
import { awsCli, requireAwsCli } from './aws-cli-runner.js';

describe.each(TRANSPORTS)('the routing actions through the SDK over the %s transport', (transport) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(transport, { worldOptions: { seed: 13 } });
  });
  afterAll(() => h.close());

  test('subnets, tables, associations and a route whose state follows the connection', async () => {
    const zones = await h.ok(ALICE, 'DescribeAvailabilityZones', {});
    expect(zones.AvailabilityZones.map((z: { ZoneName: string }) => z.ZoneName)).toContain('us-east-1a');
    const vpcA = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const vpcB = (await h.ok(BOB, 'CreateVpc', { CidrBlock: '10.1.0.0/16' })).Vpc.VpcId;
    const subnet = (await h.ok(ALICE, 'CreateSubnet', { VpcId: vpcA, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b', TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: 'app' }] }] })).Subnet;
    expect(subnet).toMatchObject({ AvailabilityZone: 'us-east-1b', AvailableIpAddressCount: 251, Tags: [{ Key: 'Name', Value: 'app' }] });
    expect((await h.ok(ALICE, 'DescribeSubnets', { Filters: [{ Name: 'tag:Name', Values: ['app'] }] })).Subnets).toHaveLength(1);
    const table = (await h.ok(ALICE, 'CreateRouteTable', { VpcId: vpcA, ClientToken: 'tok-1' })).RouteTable;
    expect(table.Routes).toEqual([{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }]);
    const association = (await h.ok(ALICE, 'AssociateRouteTable', { RouteTableId: table.RouteTableId, SubnetId: subnet.SubnetId })).AssociationId;
    const pcx = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: BOB })).VpcPeeringConnection.VpcPeeringConnectionId;
    h.endpoint.advanceClock(0);
    expect(await h.ok(ALICE, 'CreateRoute', { RouteTableId: table.RouteTableId, DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx })).toEqual({ Return: true });
    const blackhole = await h.ok(ALICE, 'DescribeRouteTables', { Filters: [{ Name: 'route.state', Values: ['blackhole'] }] });
    expect(blackhole.RouteTables.map((t: { RouteTableId: string }) => t.RouteTableId)).toEqual([table.RouteTableId]);
    await h.ok(BOB, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pcx });
    h.endpoint.advanceClock(0);
    const active = await h.ok(ALICE, 'DescribeRouteTables', { RouteTableIds: [table.RouteTableId] });
    expect(active.RouteTables[0].Routes[1]).toEqual({ DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx, Origin: 'CreateRoute', State: 'active' });
    expect(active.RouteTables[0].Associations).toEqual([{ Main: false, RouteTableAssociationId: association, RouteTableId: table.RouteTableId, SubnetId: subnet.SubnetId, AssociationState: { State: 'associated' } }]);
    await h.ok(ALICE, 'ReplaceRoute', { RouteTableId: table.RouteTableId, DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx });
    const main = (await h.ok(ALICE, 'DescribeRouteTables', { Filters: [{ Name: 'vpc-id', Values: [vpcA] }, { Name: 'association.main', Values: ['true'] }] })).RouteTables[0];
    const moved = (await h.ok(ALICE, 'ReplaceRouteTableAssociation', { AssociationId: association, RouteTableId: main.RouteTableId })).NewAssociationId;
    await h.ok(ALICE, 'DisassociateRouteTable', { AssociationId: moved });
    await h.ok(ALICE, 'DeleteRoute', { RouteTableId: table.RouteTableId, DestinationCidrBlock: '10.1.0.0/16' });
    await h.ok(ALICE, 'DeleteRouteTable', { RouteTableId: table.RouteTableId });
    await h.ok(ALICE, 'DeleteSubnet', { SubnetId: subnet.SubnetId });
    // A refusal reaches the SDK with AWS's code and text, the world untouched.
    const before = h.endpoint.world;
    const refused = await h.call(ALICE, 'DeleteRoute', { RouteTableId: main.RouteTableId, DestinationCidrBlock: '10.0.0.0/16' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidParameterValue', message: `cannot remove local route 10.0.0.0/16 in route table ${main.RouteTableId}` } });
    expect(h.endpoint.world).toBe(before);
    // DryRun everywhere.
    expect(await h.call(ALICE, 'CreateRouteTable', { VpcId: vpcA, DryRun: true, ClientToken: 'dry' })).toMatchObject({ ok: false, error: { code: 'DryRunOperation', httpStatus: 412 } });
    expect(h.endpoint.world).toBe(before);
  });
});

describe('POST /_pcxsim/reachability', () => {
  let endpoint: Ec2Endpoint;
  let server: RunningServer;
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start('in-process', { worldOptions: { seed: 14 } });
    endpoint = h.endpoint;
    server = await listen(endpoint);
  });
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  const post = (body: unknown) => rawHttp(server.url, { path: '/_pcxsim/reachability', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  test('answers the analysis as JSON, and errors as 4xx JSON with the EC2 code', async () => {
    const vpcA = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const vpcB = (await h.ok(BOB, 'CreateVpc', { CidrBlock: '10.1.0.0/16' })).Vpc.VpcId;
    const subnet = (await h.ok(ALICE, 'CreateSubnet', { VpcId: vpcA, CidrBlock: '10.0.1.0/24' })).Subnet.SubnetId;
    const pcx = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: BOB })).VpcPeeringConnection.VpcPeeringConnectionId;
    endpoint.advanceClock(0);
    const before = endpoint.world;
    const answer = await post({ accountId: ALICE, region: 'us-east-1', source: subnet, destinationIp: '10.1.2.3' });
    expect(answer.status).toBe(200);
    const analysis = JSON.parse(answer.body);
    expect(analysis).toMatchObject({ NetworkPathFound: false, Explanations: [{ ExplanationCode: 'NO_ROUTE_TO_DESTINATION', Destination: { Id: pcx } }] });
    expect(analysis).toEqual(JSON.parse(JSON.stringify(endpoint.reachability({ accountId: ALICE, region: 'us-east-1' }, { source: subnet, destinationIp: '10.1.2.3' }))).value);
    expect(endpoint.world).toBe(before);
    const missing = await post({ accountId: ALICE, region: 'us-east-1', source: subnet });
    expect([missing.status, JSON.parse(missing.body)]).toEqual([400, { error: { code: 'MissingParameter', message: 'The request must contain the parameter destinationIp' } }]);
    const theirs = await post({ accountId: BOB, region: 'us-east-1', source: subnet, destinationIp: '10.0.1.9' });
    expect([theirs.status, JSON.parse(theirs.body).error.code]).toEqual([400, 'InvalidSubnetID.NotFound']);
    const stranger = await post({ accountId: 'me', region: 'us-east-1', source: subnet, destinationIp: '10.0.1.9' });
    expect([stranger.status, JSON.parse(stranger.body).error.code]).toEqual([401, 'AuthFailure']);
    expect((await post('not json')).status).toBe(400);
    expect((await rawHttp(server.url, { method: 'GET', path: '/_pcxsim/reachability' })).status).toBe(405);
  });
});

describe('the routing actions through Debian’s AWS CLI v2', () => {
  let server: RunningServer;
  const { ok, aws } = awsCli(() => server.url);

  beforeAll(async () => {
    requireAwsCli();
    server = await listen(new Ec2Endpoint({ worldOptions: { seed: 15 } }));
  });
  afterAll(() => server?.close());

  test(
    'create-subnet, create-route-table, associate, create-route to a pcx, describe with route filters, delete',
    async () => {
      const vpcA = (await ok(ALICE, ['create-vpc', '--cidr-block', '10.0.0.0/16'])).Vpc.VpcId;
      const vpcB = (await ok(ALICE, ['create-vpc', '--cidr-block', '10.1.0.0/16'])).Vpc.VpcId;
      const subnet = (await ok(ALICE, ['create-subnet', '--vpc-id', vpcA, '--cidr-block', '10.0.1.0/24', '--availability-zone', 'us-east-1a'])).Subnet;
      expect(subnet).toMatchObject({ CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', AvailabilityZoneId: 'use1-az1', AvailableIpAddressCount: 251 });
      const zones = await ok(ALICE, ['describe-availability-zones', '--zone-names', 'us-east-1a']);
      expect(zones.AvailabilityZones).toEqual([expect.objectContaining({ ZoneName: 'us-east-1a', ZoneId: 'use1-az1', State: 'available', RegionName: 'us-east-1' })]);
      const table = (await ok(ALICE, ['create-route-table', '--vpc-id', vpcA])).RouteTable;
      const association = await ok(ALICE, ['associate-route-table', '--route-table-id', table.RouteTableId, '--subnet-id', subnet.SubnetId]);
      expect(association).toMatchObject({ AssociationState: { State: 'associated' } });
      const pcx = (await ok(ALICE, ['create-vpc-peering-connection', '--vpc-id', vpcA, '--peer-vpc-id', vpcB])).VpcPeeringConnection.VpcPeeringConnectionId;
      expect(await ok(ALICE, ['create-route', '--route-table-id', table.RouteTableId, '--destination-cidr-block', '10.1.0.0/16', '--vpc-peering-connection-id', pcx])).toEqual({ Return: true });
      const found = await ok(ALICE, ['describe-route-tables', '--filters', `Name=route.vpc-peering-connection-id,Values=${pcx}`]);
      expect(found.RouteTables).toHaveLength(1);
      expect(found.RouteTables[0].Routes).toEqual([
        { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
        { DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx, Origin: 'CreateRoute', State: 'blackhole' },
      ]);
      const duplicate = await aws(ALICE, ['create-route', '--route-table-id', table.RouteTableId, '--destination-cidr-block', '10.1.0.0/16', '--vpc-peering-connection-id', pcx]);
      expect(duplicate.code).not.toBe(0);
      // (botocore may add "(reached max retries: 0)" between the two, with AWS_MAX_ATTEMPTS=1.)
      expect(duplicate.stderr).toContain('An error occurred (RouteAlreadyExists) when calling the CreateRoute operation');
      expect(duplicate.stderr).toContain(': The route identified by 10.1.0.0/16 already exists.');
      await ok(ALICE, ['replace-route', '--route-table-id', table.RouteTableId, '--destination-cidr-block', '10.0.0.0/16', '--local-target']);
      await ok(ALICE, ['disassociate-route-table', '--association-id', association.AssociationId]);
      await ok(ALICE, ['delete-route', '--route-table-id', table.RouteTableId, '--destination-cidr-block', '10.1.0.0/16']);
      await ok(ALICE, ['delete-route-table', '--route-table-id', table.RouteTableId]);
      await ok(ALICE, ['delete-subnet', '--subnet-id', subnet.SubnetId]);
      expect((await ok(ALICE, ['describe-subnets'])).Subnets).toEqual([]);
      const busy = await aws(BOB, ['describe-route-tables', '--route-table-ids', table.RouteTableId]);
      expect(busy.stderr).toContain('InvalidRouteTableID.NotFound');
    },
    240_000,
  );
});
