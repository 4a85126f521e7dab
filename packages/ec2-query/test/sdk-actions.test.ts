// Every action through the real @aws-sdk/client-ec2 (maxAttempts 1), in process and over HTTP on
// 127.0.0.1. Each call is checked for parity with the engine (helpers.ts): the object the SDK parsed
// from the XML equals the engine's own output, so no element name or type can be off — a wrong one
// would vanish silently in the SDK (ecosystem.md §1.2).
import { paginateDescribeVpcPeeringConnections, type DescribeVpcPeeringConnectionsCommandOutput } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requestId } from '../src/index.js';
import { ALICE, BOB, Harness, TRANSPORTS } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(TRANSPORTS)('over the %s transport', (transport) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(transport, { worldOptions: { seed: 11 } });
  });
  afterAll(() => h.close());

  test('VPC actions: CreateVpc, DescribeVpcs, AssociateVpcCidrBlock, DisassociateVpcCidrBlock, ModifyVpcAttribute, DeleteVpc', async () => {
    const created = await h.ok(ALICE, 'CreateVpc', {
      CidrBlock: '10.10.0.0/16',
      AmazonProvidedIpv6CidrBlock: true,
      TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'app <&> "quoted"' }, { Key: 'empty', Value: '' }] }],
    });
    const vpcId: string = created.Vpc.VpcId;
    expect(created.Vpc).toMatchObject({ CidrBlock: '10.10.0.0/16', OwnerId: ALICE, State: 'available', IsDefault: false });
    expect(created.Vpc.Ipv6CidrBlockAssociationSet).toHaveLength(1);
    expect(created.Vpc.Tags).toEqual([{ Key: 'Name', Value: 'app <&> "quoted"' }, { Key: 'empty', Value: '' }]);

    const ipv4 = await h.ok(ALICE, 'AssociateVpcCidrBlock', { VpcId: vpcId, CidrBlock: '10.11.0.0/16' });
    expect(ipv4.CidrBlockAssociation.CidrBlock).toBe('10.11.0.0/16');
    const described = await h.ok(ALICE, 'DescribeVpcs', { VpcIds: [vpcId] });
    expect(described.Vpcs[0].CidrBlockAssociationSet.map((a: { CidrBlock: string }) => a.CidrBlock)).toEqual(['10.10.0.0/16', '10.11.0.0/16']);
    await h.ok(ALICE, 'DescribeVpcs', { Filters: [{ Name: 'cidr-block-association.cidr-block', Values: ['10.11.*'] }] });
    await h.ok(ALICE, 'DisassociateVpcCidrBlock', { AssociationId: ipv4.CidrBlockAssociation.AssociationId });
    await h.ok(ALICE, 'ModifyVpcAttribute', { VpcId: vpcId, EnableDnsHostnames: { Value: true } });
    await h.ok(ALICE, 'DeleteVpc', { VpcId: vpcId });
    const gone = await h.call(ALICE, 'DescribeVpcs', { VpcIds: [vpcId] });
    expect(gone.ok ? gone.value : gone.error.code).toBe('InvalidVpcID.NotFound');
  });

  test('peering actions across two accounts and Regions: Create, Accept, Describe, Modify options, tags, Delete', async () => {
    const mine = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.20.0.0/16' })).Vpc.VpcId as string;
    const theirs = (await h.ok(BOB, 'CreateVpc', { CidrBlock: '172.20.0.0/16', AmazonProvidedIpv6CidrBlock: true }, 'us-west-2')).Vpc.VpcId as string;
    for (const [account, vpcId, region] of [[ALICE, mine, 'us-east-1'], [BOB, theirs, 'us-west-2']] as const) {
      await h.ok(account, 'ModifyVpcAttribute', { VpcId: vpcId, EnableDnsHostnames: { Value: true } }, region);
    }

    const created = await h.ok(ALICE, 'CreateVpcPeeringConnection', {
      VpcId: mine,
      PeerVpcId: theirs,
      PeerOwnerId: BOB,
      PeerRegion: 'us-west-2',
      TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'env', Value: 'test' }] }],
    });
    const pcx: string = created.VpcPeeringConnection.VpcPeeringConnectionId;
    expect(created.VpcPeeringConnection.Status).toEqual({ Code: 'initiating-request', Message: `Initiating Request to ${BOB}` });
    expect(created.VpcPeeringConnection.ExpirationTime).toBeInstanceOf(Date);
    h.endpoint.advanceClock(0); // the instant profile: the request check runs on the next clock step

    const pending = await h.ok(BOB, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionIds: [pcx] }, 'us-west-2');
    expect(pending.VpcPeeringConnections[0].Status.Code).toBe('pending-acceptance');
    expect(pending.VpcPeeringConnections[0].Tags).toEqual([]); // the tags are Alice's view only (spec §7.4)

    const accepted = await h.ok(BOB, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pcx }, 'us-west-2');
    expect(accepted.VpcPeeringConnection.Status.Code).toBe('provisioning');
    expect(accepted.VpcPeeringConnection.AccepterVpcInfo.Ipv6CidrBlockSet).toHaveLength(1);
    h.endpoint.advanceClock(0);

    const filtered = await h.ok(ALICE, 'DescribeVpcPeeringConnections', {
      Filters: [
        { Name: 'status-code', Values: ['active'] },
        { Name: 'tag:env', Values: ['test'] },
      ],
    });
    expect(filtered.VpcPeeringConnections.map((c: { VpcPeeringConnectionId: string }) => c.VpcPeeringConnectionId)).toEqual([pcx]);

    const modified = await h.ok(ALICE, 'ModifyVpcPeeringConnectionOptions', {
      VpcPeeringConnectionId: pcx,
      RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
    });
    expect(modified.RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc).toBe(true);
    await h.ok(BOB, 'ModifyVpcPeeringConnectionOptions', { VpcPeeringConnectionId: pcx, AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true } }, 'us-west-2');

    await h.ok(BOB, 'CreateTags', { Resources: [pcx, theirs], Tags: [{ Key: 'owner', Value: 'bob' }, { Key: 'x', Value: 'y' }] }, 'us-west-2');
    await h.ok(BOB, 'DeleteTags', { Resources: [pcx], Tags: [{ Key: 'x' }] }, 'us-west-2');
    const tags = await h.ok(BOB, 'DescribeTags', { Filters: [{ Name: 'resource-id', Values: [pcx] }] }, 'us-west-2');
    expect(tags.Tags).toEqual([{ Key: 'owner', ResourceId: pcx, ResourceType: 'vpc-peering-connection', Value: 'bob' }]);

    const deleted = await h.ok(BOB, 'DeleteVpcPeeringConnection', { VpcPeeringConnectionId: pcx }, 'us-west-2');
    expect(deleted).toEqual({ Return: true });
    h.endpoint.advanceClock(0);
    const after = await h.ok(ALICE, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionIds: [pcx] });
    expect(after.VpcPeeringConnections[0].Status.Code).toBe('deleted');
  });

  test('RejectVpcPeeringConnection answers Return true and leaves the request rejected', async () => {
    const a = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.30.0.0/16' })).Vpc.VpcId;
    const b = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.31.0.0/16' })).Vpc.VpcId;
    const pcx = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: a, PeerVpcId: b })).VpcPeeringConnection.VpcPeeringConnectionId;
    expect(await h.ok(ALICE, 'RejectVpcPeeringConnection', { VpcPeeringConnectionId: pcx })).toEqual({ Return: true });
    const described = await h.ok(ALICE, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionIds: [pcx] });
    expect(described.VpcPeeringConnections[0].Status.Code).toBe('rejected');
  });

  test('the request ID comes from the x-amzn-requestid header, as a UUID derived from the seed and a counter', async () => {
    const answer = await h.send(ALICE, 'DescribeVpcs', {});
    const count = h.endpoint.requestCount;
    expect(answer.requestId).toMatch(UUID);
    expect(answer.requestId).toBe(requestId(11, count - 1));
    const failed = await h.send(ALICE, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: 'pcx-0123456789abcdef0' });
    expect(failed.requestId).toBe(requestId(11, count));
  });

  test('DryRun: DryRunOperation (412) when the call would succeed, UnauthorizedOperation (403) for the wrong party; the world stays', async () => {
    const a = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.40.0.0/16' })).Vpc.VpcId;
    const b = (await h.ok(BOB, 'CreateVpc', { CidrBlock: '10.41.0.0/16' })).Vpc.VpcId;
    const before = h.endpoint.world;
    const dry = await h.call(ALICE, 'CreateVpcPeeringConnection', { VpcId: a, PeerVpcId: b, PeerOwnerId: BOB, DryRun: true });
    expect(dry).toMatchObject({ ok: false, fault: 'client', error: { code: 'DryRunOperation', httpStatus: 412, message: 'Request would have succeeded, but DryRun flag is set.' } });
    expect(h.endpoint.world).toBe(before);

    const pcx = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: a, PeerVpcId: b, PeerOwnerId: BOB })).VpcPeeringConnection.VpcPeeringConnectionId;
    h.endpoint.advanceClock(0);
    const wrongParty = await h.call(ALICE, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pcx, DryRun: true });
    expect(wrongParty).toMatchObject({ ok: false, fault: 'client', error: { code: 'UnauthorizedOperation', httpStatus: 403 } });
    const rightParty = await h.call(BOB, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pcx, DryRun: true });
    expect(rightParty).toMatchObject({ ok: false, error: { code: 'DryRunOperation', httpStatus: 412 } });
  });

  test('pagination: paginateDescribeVpcPeeringConnections walks every page once, tokens advance, the last page has none', async () => {
    const hub = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.50.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'role', Value: 'hub' }] }] })).Vpc.VpcId;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const spoke = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: `10.${60 + i}.0.0/16` })).Vpc.VpcId;
      const created = await h.ok(ALICE, 'CreateVpcPeeringConnection', {
        VpcId: hub,
        PeerVpcId: spoke,
        TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'batch', Value: 'paged' }] }],
      });
      ids.push(created.VpcPeeringConnection.VpcPeeringConnectionId);
    }
    const pages: DescribeVpcPeeringConnectionsCommandOutput[] = [];
    for await (const page of paginateDescribeVpcPeeringConnections(
      { client: h.client(ALICE), pageSize: 5 },
      { Filters: [{ Name: 'tag:batch', Values: ['paged'] }] },
    )) {
      pages.push(page);
    }
    expect(pages.map((page) => page.VpcPeeringConnections?.length)).toEqual([5, 5, 2]);
    const tokens = pages.map((page) => page.NextToken);
    expect(tokens[2]).toBeUndefined();
    expect(new Set(tokens.slice(0, 2)).size).toBe(2);
    const seen = pages.flatMap((page) => page.VpcPeeringConnections!.map((c) => c.VpcPeeringConnectionId));
    expect([...seen].sort()).toEqual([...ids].sort());
  });
});
