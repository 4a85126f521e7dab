// Subnets on the wire beyond issue 13's first cut (routes §1.10, issue 14): tags on subnets and route
// tables (CreateTags, DeleteTags, DescribeTags), IPv6 subnets, and the default network ACL's subnet
// associations — through the real @aws-sdk/client-ec2, in process and over HTTP (each call checked
// against the engine by helpers.ts), and through Debian's AWS CLI v2.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ec2Endpoint, listen, type RunningServer } from '../src/index.js';
import { ALICE, BOB, Harness, TRANSPORTS } from './helpers.js';
import { awsCli, requireAwsCli } from './aws-cli-runner.js';

/** The first /64 of a /56 ending in `00::/56`-style text: the /56's network with length 64. */
const first64 = (block: string): string => block.replace('/56', '/64');

describe.each(TRANSPORTS)('subnets and route tables through the SDK over the %s transport', (transport) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(transport, { worldOptions: { seed: 21 } });
  });
  afterAll(() => h.close());

  test('tags on subnets and route tables, an IPv6 subnet, and the default ACL’s associations', async () => {
    const vpc = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true })).Vpc.VpcId;
    h.endpoint.advanceClock(0);
    const block = (await h.ok(ALICE, 'DescribeVpcs', { VpcIds: [vpc] })).Vpcs[0].Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock;
    const subnet = (await h.ok(ALICE, 'CreateSubnet', { VpcId: vpc, CidrBlock: '10.0.1.0/24', Ipv6CidrBlock: first64(block) })).Subnet;
    expect(subnet.Ipv6CidrBlockAssociationSet).toEqual([{ AssociationId: expect.stringMatching(/^subnet-cidr-assoc-/), Ipv6CidrBlock: first64(block), Ipv6CidrBlockState: { State: 'associated' } }]);
    const table = (await h.ok(ALICE, 'CreateRouteTable', { VpcId: vpc, ClientToken: 'tok-21' })).RouteTable.RouteTableId;

    expect(await h.ok(ALICE, 'CreateTags', { Resources: [subnet.SubnetId, table], Tags: [{ Key: 'Tier', Value: 'app' }] })).toEqual({});
    const tags = await h.ok(ALICE, 'DescribeTags', { Filters: [{ Name: 'key', Values: ['Tier'] }] });
    expect(tags.Tags.map((t: { ResourceType: string }) => t.ResourceType).sort()).toEqual(['route-table', 'subnet']);
    await h.ok(ALICE, 'DeleteTags', { Resources: [table], Tags: [{ Key: 'Tier' }] });
    expect((await h.ok(ALICE, 'DescribeRouteTables', { RouteTableIds: [table] })).RouteTables[0].Tags).toEqual([]);

    const acl = (await h.ok(ALICE, 'DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [subnet.SubnetId] }] })).NetworkAcls;
    expect(acl).toHaveLength(1);
    expect(acl[0].Associations).toEqual([{ NetworkAclAssociationId: expect.stringMatching(/^aclassoc-0[0-9a-f]{16}$/), NetworkAclId: acl[0].NetworkAclId, SubnetId: subnet.SubnetId }]);

    // Refusals reach the SDK with AWS's code and text, the world untouched.
    const before = h.endpoint.world;
    expect(await h.call(BOB, 'CreateTags', { Resources: [subnet.SubnetId], Tags: [{ Key: 'k', Value: 'v' }] })).toMatchObject({ ok: false, error: { code: 'InvalidSubnetID.NotFound' } });
    expect(await h.call(ALICE, 'CreateSubnet', { VpcId: vpc, CidrBlock: '10.0.2.0/24', Ipv6CidrBlock: block })).toMatchObject({
      ok: false,
      error: { code: 'InvalidParameterValue', message: `invalid value for parameter ipv6-cidr-block: ${block}` },
    });
    expect(await h.call(ALICE, 'CreateSubnet', { VpcId: vpc, CidrBlock: '10.0.2.0/24', Ipv6CidrBlock: '2001:db8::/64' })).toMatchObject({
      ok: false,
      error: { code: 'InvalidSubnet.Range', message: "The IPv6 CIDR '2001:db8::/64' is invalid." },
    });
    expect(h.endpoint.world).toBe(before);
  });
});

describe('subnets and route tables through Debian’s AWS CLI v2', () => {
  let server: RunningServer;
  const { ok, aws } = awsCli(() => server.url);

  beforeAll(async () => {
    requireAwsCli();
    server = await listen(new Ec2Endpoint({ worldOptions: { seed: 22, timing: 'instant' } }));
  });
  afterAll(() => server?.close());

  test(
    'create-subnet --ipv6-cidr-block, create-tags and describe-tags on subnet and rtb, describe-network-acls by subnet',
    async () => {
      const vpc = (await ok(ALICE, ['create-vpc', '--cidr-block', '10.0.0.0/16', '--amazon-provided-ipv6-cidr-block'])).Vpc.VpcId;
      const block = (await ok(ALICE, ['describe-vpcs', '--vpc-ids', vpc])).Vpcs[0].Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock;
      const subnet = (await ok(ALICE, ['create-subnet', '--vpc-id', vpc, '--cidr-block', '10.0.1.0/24', '--ipv6-cidr-block', first64(block)])).Subnet;
      expect(subnet.Ipv6CidrBlockAssociationSet).toEqual([expect.objectContaining({ Ipv6CidrBlock: first64(block), Ipv6CidrBlockState: { State: 'associated' } })]);
      const table = (await ok(ALICE, ['create-route-table', '--vpc-id', vpc, '--tag-specifications', 'ResourceType=route-table,Tags=[{Key=Name,Value=private}]'])).RouteTable;
      expect(table.Tags).toEqual([{ Key: 'Name', Value: 'private' }]);
      await ok(ALICE, ['create-tags', '--resources', subnet.SubnetId, '--tags', 'Key=Name,Value=web']);
      const tags = await ok(ALICE, ['describe-tags', '--filters', 'Name=key,Values=Name']);
      expect(tags.Tags).toEqual(
        expect.arrayContaining([
          { Key: 'Name', ResourceId: subnet.SubnetId, ResourceType: 'subnet', Value: 'web' },
          { Key: 'Name', ResourceId: table.RouteTableId, ResourceType: 'route-table', Value: 'private' },
        ]),
      );
      const acls = await ok(ALICE, ['describe-network-acls', '--filters', `Name=association.subnet-id,Values=${subnet.SubnetId}`]);
      expect(acls.NetworkAcls[0].Associations).toEqual([expect.objectContaining({ SubnetId: subnet.SubnetId, NetworkAclId: acls.NetworkAcls[0].NetworkAclId })]);
      const foreign = await aws(BOB, ['delete-tags', '--resources', table.RouteTableId]);
      expect(foreign.code).not.toBe(0);
      expect(foreign.stderr).toContain('InvalidRouteTableID.NotFound');
      const wrong = await aws(ALICE, ['create-subnet', '--vpc-id', vpc, '--cidr-block', '10.0.2.0/24', '--ipv6-cidr-block', block]);
      expect(wrong.stderr).toContain('An error occurred (InvalidParameterValue) when calling the CreateSubnet operation');
    },
    240_000,
  );
});
