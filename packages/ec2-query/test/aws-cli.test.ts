// The Debian AWS CLI v2 (package `awscli`, ecosystem.md §3) against a server on 127.0.0.1, with
// signature verification on: botocore signs only `content-type;host;x-amz-date`, the case
// ecosystem.md §2.2's `applyChecksum: false` is for. It is called by its full path, since another
// `aws` (a pyenv shim for v1) may come first on PATH; .ci/run installs it when missing, and this test
// fails — it does not skip — when it is not there.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ec2Endpoint, listen, type RunningServer } from '../src/index.js';
import { ALICE, BOB } from './helpers.js';
import { AWS, awsCli, requireAwsCli } from './aws-cli-runner.js';

const run = promisify(execFile);
const SECRETS: Readonly<Record<string, string>> = { [ALICE]: 'alice-secret', [BOB]: 'bob-secret' };

describe('the Debian AWS CLI v2', () => {
  let endpoint: Ec2Endpoint;
  let server: RunningServer;
  const { aws, ok } = awsCli(() => server.url, (accountId) => SECRETS[accountId]!);

  beforeAll(async () => {
    requireAwsCli();
    const { stdout, stderr } = await run(AWS, ['--version']);
    expect(`${stdout}${stderr}`).toMatch(/^aws-cli\/2\./);
    endpoint = new Ec2Endpoint({ signatures: { secrets: SECRETS } });
    server = await listen(endpoint);
  });
  afterAll(() => server?.close());

  test(
    'create two VPCs, peer them, describe with a filter, accept, modify options, delete',
    async () => {
      const mine = (await ok(ALICE, ['create-vpc', '--cidr-block', '10.0.0.0/16'])).Vpc;
      expect(mine).toMatchObject({ CidrBlock: '10.0.0.0/16', OwnerId: ALICE, State: 'available', Tags: [] });
      const theirs = (await ok(BOB, ['create-vpc', '--cidr-block', '172.31.0.0/16'])).Vpc;
      for (const [account, vpc] of [[ALICE, mine], [BOB, theirs]] as const) {
        await ok(account, ['modify-vpc-attribute', '--vpc-id', vpc.VpcId, '--enable-dns-hostnames', '{"Value":true}']);
      }

      const created = (
        await ok(ALICE, [
          'create-vpc-peering-connection',
          '--vpc-id', mine.VpcId,
          '--peer-vpc-id', theirs.VpcId,
          '--peer-owner-id', BOB,
          '--tag-specifications', 'ResourceType=vpc-peering-connection,Tags=[{Key=Name,Value=app-to-shared}]',
        ])
      ).VpcPeeringConnection;
      expect(created.Status).toEqual({ Code: 'initiating-request', Message: `Initiating Request to ${BOB}` });
      expect(created.ExpirationTime).toBe('2026-01-08T00:00:00+00:00');
      expect(created.Tags).toEqual([{ Key: 'Name', Value: 'app-to-shared' }]);
      endpoint.advanceClock(0);

      const listed = await ok(BOB, ['describe-vpc-peering-connections', '--filters', 'Name=status-code,Values=pending-acceptance,active', `Name=requester-vpc-info.vpc-id,Values=${mine.VpcId}`]);
      expect(listed.VpcPeeringConnections.map((c: { VpcPeeringConnectionId: string }) => c.VpcPeeringConnectionId)).toEqual([created.VpcPeeringConnectionId]);
      const pcx: string = created.VpcPeeringConnectionId;

      const accepted = (await ok(BOB, ['accept-vpc-peering-connection', '--vpc-peering-connection-id', pcx])).VpcPeeringConnection;
      expect(accepted.Status.Code).toBe('provisioning');
      expect(accepted.AccepterVpcInfo.CidrBlockSet).toEqual([{ CidrBlock: '172.31.0.0/16' }]);
      endpoint.advanceClock(0);

      const modified = await ok(ALICE, ['modify-vpc-peering-connection-options', '--vpc-peering-connection-id', pcx, '--requester-peering-connection-options', 'AllowDnsResolutionFromRemoteVpc=true']);
      expect(modified.RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc).toBe(true);

      expect(await ok(ALICE, ['delete-vpc-peering-connection', '--vpc-peering-connection-id', pcx])).toEqual({ Return: true });
      endpoint.advanceClock(0);
      const after = await ok(ALICE, ['describe-vpc-peering-connections', '--vpc-peering-connection-ids', pcx]);
      expect(after.VpcPeeringConnections[0].Status.Code).toBe('deleted');
    },
    120_000,
  );

  test(
    'the read model IaC tools call: describe-vpcs by state and is-default, VPC attributes, the default network ACL and security group, Regions, account attributes, ClassicLink',
    async () => {
      const vpc = (await ok(ALICE, ['create-vpc', '--cidr-block', '10.60.0.0/16', '--instance-tenancy', 'default'])).Vpc;
      expect(vpc.DhcpOptionsId).toMatch(/^dopt-0[0-9a-f]{16}$/);
      const filtered = await ok(ALICE, ['describe-vpcs', '--filters', 'Name=state,Values=available', 'Name=is-default,Values=false', 'Name=cidr-block,Values=10.60.0.0/16']);
      expect(filtered.Vpcs.map((v: { VpcId: string }) => v.VpcId)).toEqual([vpc.VpcId]);

      expect(await ok(ALICE, ['describe-vpc-attribute', '--vpc-id', vpc.VpcId, '--attribute', 'enableDnsSupport'])).toEqual({ VpcId: vpc.VpcId, EnableDnsSupport: { Value: true } });
      await ok(ALICE, ['modify-vpc-attribute', '--vpc-id', vpc.VpcId, '--enable-network-address-usage-metrics', '{"Value":true}']);
      expect(await ok(ALICE, ['describe-vpc-attribute', '--vpc-id', vpc.VpcId, '--attribute', 'enableNetworkAddressUsageMetrics'])).toEqual({
        VpcId: vpc.VpcId,
        EnableNetworkAddressUsageMetrics: { Value: true },
      });
      const both = await aws(ALICE, ['modify-vpc-attribute', '--vpc-id', vpc.VpcId, '--enable-dns-support', '{"Value":true}', '--enable-dns-hostnames', '{"Value":true}']);
      expect(both.code).toBe(254);
      expect(both.stderr).toContain('(InvalidParameterCombination)');

      const acls = await ok(ALICE, ['describe-network-acls', '--filters', 'Name=default,Values=true', `Name=vpc-id,Values=${vpc.VpcId}`]);
      expect(acls.NetworkAcls).toHaveLength(1);
      expect(acls.NetworkAcls[0]).toMatchObject({ IsDefault: true, VpcId: vpc.VpcId, OwnerId: ALICE });
      expect(acls.NetworkAcls[0].Entries).toContainEqual({ CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 });
      const groups = await ok(ALICE, ['describe-security-groups', '--filters', 'Name=group-name,Values=default', `Name=vpc-id,Values=${vpc.VpcId}`]);
      expect(groups.SecurityGroups).toHaveLength(1);
      expect(groups.SecurityGroups[0]).toMatchObject({ GroupName: 'default', Description: 'default VPC security group', VpcId: vpc.VpcId });
      expect(groups.SecurityGroups[0].IpPermissions[0].UserIdGroupPairs).toEqual([{ UserId: ALICE, GroupId: groups.SecurityGroups[0].GroupId }]);

      const regions = await ok(ALICE, ['describe-regions', '--region-names', 'us-east-1', 'eu-west-1']);
      expect(regions.Regions).toEqual([
        { RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'eu-west-1', Endpoint: 'ec2.eu-west-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
      ]);
      const attributes = await ok(ALICE, ['describe-account-attributes', '--attribute-names', 'supported-platforms']);
      expect(attributes.AccountAttributes).toEqual([{ AttributeName: 'supported-platforms', AttributeValues: [{ AttributeValue: 'VPC' }] }]);

      const classicLink = await aws(ALICE, ['describe-vpc-classic-link', '--vpc-ids', vpc.VpcId]);
      expect(classicLink.code).toBe(254);
      expect(classicLink.stderr).toContain('An error occurred (UnsupportedOperation) when calling the DescribeVpcClassicLink operation');
      expect(classicLink.stderr).toContain(': The functionality you requested is not available in this region.');
    },
    120_000,
  );

  test(
    'an error goes to stderr with its code and exit status 254; a wrong secret is SignatureDoesNotMatch',
    async () => {
      const notFound = await aws(ALICE, ['accept-vpc-peering-connection', '--vpc-peering-connection-id', 'pcx-0123456789abcdef0']);
      expect(notFound.code).toBe(254);
      expect(notFound.stdout).toBe('');
      expect(notFound.stderr).toContain(
        "An error occurred (InvalidVpcPeeringConnectionID.NotFound) when calling the AcceptVpcPeeringConnection operation",
      );
      expect(notFound.stderr).toContain("The vpcPeeringConnection ID 'pcx-0123456789abcdef0' does not exist");

      const dryRun = await aws(ALICE, ['describe-vpcs', '--dry-run']);
      expect(dryRun.code).toBe(254);
      expect(dryRun.stderr).toContain('(DryRunOperation)');

      const forged = await aws(ALICE, ['describe-vpcs'], 'not-alice-secret');
      expect(forged.code).toBe(254);
      expect(forged.stderr).toContain('(SignatureDoesNotMatch)');
    },
    60_000,
  );
});
