// The read model around VPCs that IaC tools call (read-model-commands.ts): the VPC's own fields and
// filters, its attributes, ClassicLink, the default network ACL and security group, Regions and
// account attributes. Each test is named for the rule it pins; docs/fidelity.md cites them.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { derivedId, vpcOfDerived } from '../src/derived-ids.js';
import { PUBLIC_REGIONS } from '../src/index.js';
import { A, A_WEST, B, Sim } from './helpers.js';

const ids = (list: readonly { VpcId: string }[]) => list.map((vpc) => vpc.VpcId);

describe('DescribeVpcs: fields and filters', () => {
  test('a VPC shows the DHCP options set of its account and Region, its tenancy, IsDefault and Block Public Access off', () => {
    const sim = new Sim();
    const a = sim.ok(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }).Vpc;
    const a2 = sim.ok(A, { type: 'CreateVpc', CidrBlock: '10.1.0.0/16', InstanceTenancy: 'dedicated' }).Vpc;
    const west = sim.ok(A_WEST, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }).Vpc;
    const b = sim.ok(B, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }).Vpc;
    expect(a).toMatchObject({ InstanceTenancy: 'default', IsDefault: false, BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' } });
    expect(a2.InstanceTenancy).toBe('dedicated');
    expect(a.DhcpOptionsId).toMatch(/^dopt-0[0-9a-f]{16}$/);
    expect(a2.DhcpOptionsId).toBe(a.DhcpOptionsId);
    expect(new Set([a.DhcpOptionsId, west.DhcpOptionsId, b.DhcpOptionsId]).size).toBe(3);
    expect(sim.ok(A, { type: 'DescribeVpcs', VpcIds: [a2.VpcId] }).Vpcs[0]).toEqual(a2);
  });

  test('InstanceTenancy takes default or dedicated; host and anything else are InvalidParameterValue', () => {
    const sim = new Sim();
    for (const tenancy of ['host', 'Dedicated', '']) {
      expect(sim.fail(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16', InstanceTenancy: tenancy }).code).toBe('InvalidParameterValue');
    }
  });

  test('every documented DescribeVpcs filter, and cidr-block as the primary block, selects what the VPC shows', () => {
    const sim = new Sim();
    const a = sim.ok(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true, TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'a' }] }] }).Vpc;
    const b = sim.ok(A, { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' }).Vpc;
    const secondary = sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: b.VpcId, CidrBlock: '10.2.0.0/16' }).CidrBlockAssociation!;
    sim.tick();
    const ipv6 = sim.ok(A, { type: 'DescribeVpcs', VpcIds: [a.VpcId] }).Vpcs[0]!.Ipv6CidrBlockAssociationSet[0]!;
    const found = (Name: string, ...Values: string[]) => ids(sim.ok(A, { type: 'DescribeVpcs', Filters: [{ Name, Values }] }).Vpcs).sort();
    const both = [a.VpcId, b.VpcId].sort();
    expect(found('cidr', '10.1.0.0/16')).toEqual([b.VpcId]);
    expect(found('cidr', '10.2.0.0/16')).toEqual([]);
    expect(found('cidr-block', '10.1.0.0/16')).toEqual([b.VpcId]);
    expect(found('cidr-block', '10.2.0.0/16')).toEqual([]);
    expect(found('cidr-block-association.cidr-block', '10.2.0.0/16')).toEqual([b.VpcId]);
    expect(found('cidr-block-association.association-id', secondary.AssociationId)).toEqual([b.VpcId]);
    expect(found('cidr-block-association.state', 'associated')).toEqual(both);
    expect(found('cidr-block-association.state', 'disassociated')).toEqual([]);
    expect(found('dhcp-options-id', a.DhcpOptionsId)).toEqual(both);
    expect(found('dhcp-options-id', 'dopt-00000000')).toEqual([]);
    expect(found('ipv6-cidr-block-association.ipv6-cidr-block', ipv6.Ipv6CidrBlock)).toEqual([a.VpcId]);
    expect(found('ipv6-cidr-block-association.ipv6-pool', 'Amazon')).toEqual([a.VpcId]);
    expect(found('ipv6-cidr-block-association.association-id', ipv6.AssociationId)).toEqual([a.VpcId]);
    expect(found('ipv6-cidr-block-association.state', 'associated')).toEqual([a.VpcId]);
    expect(found('is-default', 'false')).toEqual(both);
    expect(found('is-default', 'true')).toEqual([]);
    expect(found('owner-id', A.accountId)).toEqual(both);
    expect(found('state', 'available')).toEqual(both);
    expect(found('state', 'pending')).toEqual([]);
    expect(found('tag:Name', 'a')).toEqual([a.VpcId]);
    expect(found('tag-key', 'Name')).toEqual([a.VpcId]);
    expect(found('vpc-id', b.VpcId)).toEqual([b.VpcId]);
  });

  test('what amazon.aws.ec2_vpc_net sends to find its VPC (tag:Name and cidr-block) finds exactly it', () => {
    const sim = new Sim();
    const named = sim.vpc(A, '10.0.0.0/16', { TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'net' }] }] });
    sim.vpc(A, '10.0.0.0/16');
    const filters = [{ Name: 'tag:Name', Values: ['net'] }, { Name: 'cidr-block', Values: ['10.0.0.0/16'] }];
    expect(ids(sim.ok(A, { type: 'DescribeVpcs', Filters: filters }).Vpcs)).toEqual([named]);
  });
});

describe('DescribeVpcAttribute and ModifyVpcAttribute', () => {
  test('a new VPC has DNS support on, DNS hostnames off, Network Address Usage metrics off; the answer carries the one attribute asked', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    expect(sim.ok(A, { type: 'DescribeVpcAttribute', VpcId: vpc, Attribute: 'enableDnsSupport' })).toEqual({ VpcId: vpc, EnableDnsSupport: { Value: true } });
    expect(sim.ok(A, { type: 'DescribeVpcAttribute', VpcId: vpc, Attribute: 'enableDnsHostnames' })).toEqual({ VpcId: vpc, EnableDnsHostnames: { Value: false } });
    expect(sim.ok(A, { type: 'DescribeVpcAttribute', VpcId: vpc, Attribute: 'enableNetworkAddressUsageMetrics' })).toEqual({
      VpcId: vpc,
      EnableNetworkAddressUsageMetrics: { Value: false },
    });
  });

  test('ModifyVpcAttribute sets each attribute, and DescribeVpcAttribute reads it back', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableNetworkAddressUsageMetrics: { Value: true } });
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsHostnames: { Value: true } });
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsSupport: { Value: false } });
    const read = (Attribute: string) => sim.ok(A, { type: 'DescribeVpcAttribute', VpcId: vpc, Attribute });
    expect(read('enableNetworkAddressUsageMetrics').EnableNetworkAddressUsageMetrics).toEqual({ Value: true });
    expect(read('enableDnsHostnames').EnableDnsHostnames).toEqual({ Value: true });
    expect(read('enableDnsSupport').EnableDnsSupport).toEqual({ Value: false });
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableNetworkAddressUsageMetrics: { Value: false } });
    expect(read('enableNetworkAddressUsageMetrics').EnableNetworkAddressUsageMetrics).toEqual({ Value: false });
  });

  test('one attribute per call: two are InvalidParameterCombination with the observed text; none is MissingParameter', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    expect(sim.fail(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: true } })).toEqual({
      code: 'InvalidParameterCombination',
      message: 'Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport',
      httpStatus: 400,
    });
    expect(sim.fail(A, { type: 'ModifyVpcAttribute', VpcId: vpc }).code).toBe('MissingParameter');
    expect(sim.fail(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsSupport: {} }).code).toBe('MissingParameter');
  });

  test('DNS hostnames can only be enabled while DNS support is on', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsSupport: { Value: false } });
    expect(sim.fail(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsHostnames: { Value: true } }).code).toBe('InvalidParameterValue');
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsHostnames: { Value: false } });
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsSupport: { Value: true } });
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsHostnames: { Value: true } });
  });

  test('DescribeVpcAttribute: a missing or unknown attribute, and another account’s or Region’s VPC, are refused as AWS refuses them', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    expect(sim.fail(A, { type: 'DescribeVpcAttribute', VpcId: vpc })).toMatchObject({ code: 'MissingParameter', message: 'The request must contain the parameter Attribute' });
    expect(sim.fail(A, { type: 'DescribeVpcAttribute', VpcId: vpc, Attribute: 'EnableDnsSupport' }).code).toBe('InvalidParameterValue');
    expect(sim.fail(A, { type: 'DescribeVpcAttribute', Attribute: 'enableDnsSupport' }).code).toBe('MissingParameter');
    expect(sim.fail(B, { type: 'DescribeVpcAttribute', VpcId: vpc, Attribute: 'enableDnsSupport' }).code).toBe('InvalidVpcID.NotFound');
    expect(sim.fail(A_WEST, { type: 'DescribeVpcAttribute', VpcId: vpc, Attribute: 'enableDnsSupport' }).code).toBe('InvalidVpcID.NotFound');
    expect(sim.fail(A, { type: 'DescribeVpcAttribute', VpcId: 'vpc-1', Attribute: 'enableDnsSupport' }).code).toBe('InvalidVpcId.Malformed');
  });
});

describe('ClassicLink since its retirement', () => {
  test('DescribeVpcClassicLink and DescribeVpcClassicLinkDnsSupport are UnsupportedOperation with the message Ansible matches', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const expected = { code: 'UnsupportedOperation', message: 'The functionality you requested is not available in this region.', httpStatus: 400 };
    expect(sim.fail(A, { type: 'DescribeVpcClassicLink', VpcIds: [vpc] })).toEqual(expected);
    expect(sim.fail(A, { type: 'DescribeVpcClassicLinkDnsSupport', VpcIds: [vpc] })).toEqual(expected);
  });
});

describe('the default network ACL and security group', () => {
  test('derived IDs are a bijection: each VPC has its own ACL and group, and each leads back to its VPC', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (n) => {
        const vpcId = `vpc-0${n.toString(16).padStart(16, '0')}`;
        for (const kind of ['acl-', 'sg-'] as const) {
          const id = derivedId(kind, vpcId);
          expect(id).toMatch(new RegExp(`^${kind}0[0-9a-f]{16}$`));
          expect(vpcOfDerived(kind, id)).toBe(vpcId);
        }
        expect(derivedId('acl-', vpcId).slice(4)).not.toBe(derivedId('sg-', vpcId).slice(3));
      }),
    );
  });

  test('every VPC has a default network ACL with AWS’s default rules, IPv6 rules when it has an IPv6 block', () => {
    const sim = new Sim();
    const v4 = sim.vpc(A, '10.0.0.0/16');
    const v6 = sim.vpc(A, '10.1.0.0/16', { AmazonProvidedIpv6CidrBlock: true });
    const acls = sim.ok(A, { type: 'DescribeNetworkAcls' }).NetworkAcls;
    expect(acls.map((acl) => acl.VpcId).sort()).toEqual([v4, v6].sort());
    const four = acls.find((acl) => acl.VpcId === v4)!;
    expect(four).toMatchObject({ IsDefault: true, OwnerId: A.accountId, Associations: [], Tags: [] });
    expect(four.NetworkAclId).toMatch(/^acl-0[0-9a-f]{16}$/);
    expect(four.Entries).toEqual([
      { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
      { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
      { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'allow', RuleNumber: 100 },
      { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
    ]);
    const six = acls.find((acl) => acl.VpcId === v6)!;
    expect(six.Entries.filter((entry) => entry.Ipv6CidrBlock === '::/0').map((entry) => [entry.Egress, entry.RuleNumber, entry.RuleAction])).toEqual([
      [true, 101, 'allow'],
      [true, 32768, 'deny'],
      [false, 101, 'allow'],
      [false, 32768, 'deny'],
    ]);
  });

  test('every VPC has a default security group: named default, inbound from itself, outbound to everywhere', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const [group] = sim.ok(A, { type: 'DescribeSecurityGroups' }).SecurityGroups;
    expect(group).toEqual({
      GroupId: group!.GroupId,
      GroupName: 'default',
      Description: 'default VPC security group',
      IpPermissions: [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ UserId: A.accountId, GroupId: group!.GroupId }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
      OwnerId: A.accountId,
      VpcId: vpc,
      SecurityGroupArn: `arn:aws:ec2:us-east-1:${A.accountId}:security-group/${group!.GroupId}`,
      Tags: [],
    });
    expect(group!.GroupId).toMatch(/^sg-0[0-9a-f]{16}$/);
  });

  test('the filters Terraform and Ansible send find a VPC’s default ACL and group; other accounts and Regions see neither', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const other = sim.vpc(A, '10.1.0.0/16');
    const acl = sim.ok(A, { type: 'DescribeNetworkAcls', Filters: [{ Name: 'default', Values: ['true'] }, { Name: 'vpc-id', Values: [vpc] }] }).NetworkAcls;
    expect(acl.map((item) => item.VpcId)).toEqual([vpc]);
    const groups = sim.ok(A, { type: 'DescribeSecurityGroups', Filters: [{ Name: 'group-name', Values: ['default'] }, { Name: 'vpc-id', Values: [vpc] }] }).SecurityGroups;
    expect(groups.map((item) => item.VpcId)).toEqual([vpc]);
    const byId = sim.ok(A, { type: 'DescribeSecurityGroups', GroupIds: [groups[0]!.GroupId] }).SecurityGroups;
    expect(byId).toEqual(groups);
    expect(sim.ok(A, { type: 'DescribeNetworkAcls', NetworkAclIds: [acl[0]!.NetworkAclId] }).NetworkAcls).toEqual(acl);
    expect(sim.ok(A, { type: 'DescribeSecurityGroups', Filters: [{ Name: 'ip-permission.group-id', Values: [groups[0]!.GroupId] }] }).SecurityGroups).toHaveLength(1);
    expect(sim.ok(A, { type: 'DescribeSecurityGroups', Filters: [{ Name: 'egress.ip-permission.cidr', Values: ['0.0.0.0/0'] }] }).SecurityGroups).toHaveLength(2);
    expect(sim.ok(A, { type: 'DescribeNetworkAcls', Filters: [{ Name: 'entry.rule-number', Values: ['32767'] }, { Name: 'vpc-id', Values: [other] }] }).NetworkAcls).toHaveLength(1);
    expect(sim.ok(B, { type: 'DescribeSecurityGroups' }).SecurityGroups).toEqual([]);
    expect(sim.ok(A_WEST, { type: 'DescribeNetworkAcls' }).NetworkAcls).toEqual([]);
    expect(sim.fail(B, { type: 'DescribeSecurityGroups', GroupIds: [groups[0]!.GroupId] }).code).toBe('InvalidGroup.NotFound');
    expect(sim.fail(A_WEST, { type: 'DescribeNetworkAcls', NetworkAclIds: [acl[0]!.NetworkAclId] }).code).toBe('InvalidNetworkAclID.NotFound');
    expect(sim.fail(A, { type: 'DescribeSecurityGroups', Filters: [{ Name: 'no-such', Values: ['x'] }] }).code).toBe('InvalidParameterValue');
  });

  test('the default ACL and group go with their VPC', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const acl = sim.ok(A, { type: 'DescribeNetworkAcls' }).NetworkAcls[0]!.NetworkAclId;
    const group = sim.ok(A, { type: 'DescribeSecurityGroups' }).SecurityGroups[0]!.GroupId;
    sim.ok(A, { type: 'DeleteVpc', VpcId: vpc });
    expect(sim.ok(A, { type: 'DescribeNetworkAcls' }).NetworkAcls).toEqual([]);
    expect(sim.ok(A, { type: 'DescribeSecurityGroups' }).SecurityGroups).toEqual([]);
    expect(sim.fail(A, { type: 'DescribeNetworkAcls', NetworkAclIds: [acl] }).code).toBe('InvalidNetworkAclID.NotFound');
    expect(sim.fail(A, { type: 'DescribeSecurityGroups', GroupIds: [group] }).code).toBe('InvalidGroup.NotFound');
  });

  test('GroupName.N names groups of the default VPC, which no account here has', () => {
    const sim = new Sim();
    sim.vpc(A, '10.0.0.0/16');
    expect(sim.fail(A, { type: 'DescribeSecurityGroups', GroupNames: ['default'] })).toMatchObject({
      code: 'InvalidGroup.NotFound',
      message: "The security group 'default' does not exist in default VPC 'none'",
    });
  });

  test('DescribeNetworkAcls and DescribeSecurityGroups page by ID; DescribeNetworkAcls takes at most 100 a page', () => {
    const sim = new Sim();
    for (let i = 0; i < 7; i++) sim.vpc(A, `10.${i}.0.0/16`);
    const first = sim.ok(A, { type: 'DescribeSecurityGroups', MaxResults: 5 });
    const second = sim.ok(A, { type: 'DescribeSecurityGroups', MaxResults: 5, NextToken: first.NextToken });
    expect(first.SecurityGroups).toHaveLength(5);
    expect(second.SecurityGroups).toHaveLength(2);
    expect(second.NextToken).toBeUndefined();
    const all = [...first.SecurityGroups, ...second.SecurityGroups].map((group) => group.GroupId);
    expect(all).toEqual([...all].sort());
    expect(sim.ok(A, { type: 'DescribeNetworkAcls', MaxResults: 100 }).NetworkAcls).toHaveLength(7);
    expect(sim.fail(A, { type: 'DescribeNetworkAcls', MaxResults: 101 }).code).toBe('InvalidParameterValue');
  });
});

describe('DescribeRegions and DescribeAccountAttributes', () => {
  test('DescribeRegions lists the world’s Regions with their endpoints and opt-in status, by name and filter', () => {
    const sim = new Sim();
    const regions = sim.ok(A, { type: 'DescribeRegions' }).Regions;
    expect(regions.map((region) => region.RegionName)).toEqual([...PUBLIC_REGIONS]);
    expect(regions[0]).toEqual({ RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' });
    expect(regions.find((region) => region.RegionName === 'af-south-1')!.OptInStatus).toBe('opted-in');
    expect(sim.ok(A, { type: 'DescribeRegions', AllRegions: true }).Regions).toEqual(regions);
    expect(sim.ok(A, { type: 'DescribeRegions', RegionNames: ['eu-west-1'] }).Regions.map((r) => r.RegionName)).toEqual(['eu-west-1']);
    expect(sim.ok(A, { type: 'DescribeRegions', Filters: [{ Name: 'region-name', Values: ['us-*'] }] }).Regions).toHaveLength(4);
    expect(sim.ok(A, { type: 'DescribeRegions', Filters: [{ Name: 'opt-in-status', Values: ['opted-in'] }] }).Regions.every((r) => r.OptInStatus === 'opted-in')).toBe(true);
    expect(sim.fail(A, { type: 'DescribeRegions', RegionNames: ['xx-nowhere-1'] }).code).toBe('InvalidParameterValue');
    const small = new Sim({ regions: ['us-east-1', 'cn-north-1'] });
    expect(small.ok(A, { type: 'DescribeRegions' }).Regions.map((r) => r.Endpoint)).toEqual(['ec2.us-east-1.amazonaws.com', 'ec2.cn-north-1.amazonaws.com.cn']);
  });

  test('DescribeAccountAttributes answers an EC2-VPC-only account without a default VPC', () => {
    const sim = new Sim();
    const all = sim.ok(A, { type: 'DescribeAccountAttributes' }).AccountAttributes;
    expect(all.map((attribute) => attribute.AttributeName)).toEqual([
      'vpc-max-security-groups-per-interface',
      'max-instances',
      'supported-platforms',
      'default-vpc',
      'max-elastic-ips',
      'vpc-max-elastic-ips',
    ]);
    expect(sim.ok(A, { type: 'DescribeAccountAttributes', AttributeNames: ['supported-platforms', 'default-vpc'] }).AccountAttributes).toEqual([
      { AttributeName: 'supported-platforms', AttributeValues: [{ AttributeValue: 'VPC' }] },
      { AttributeName: 'default-vpc', AttributeValues: [{ AttributeValue: 'none' }] },
    ]);
    expect(sim.fail(A, { type: 'DescribeAccountAttributes', AttributeNames: ['nope'] }).code).toBe('InvalidParameterValue');
  });

  test('every read-model action answers DryRun with DryRunOperation and leaves the world', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const commands = [
      { type: 'DescribeVpcAttribute', VpcId: vpc, Attribute: 'enableDnsSupport', DryRun: true },
      { type: 'DescribeNetworkAcls', DryRun: true },
      { type: 'DescribeSecurityGroups', DryRun: true },
      { type: 'DescribeRegions', DryRun: true },
      { type: 'DescribeAccountAttributes', DryRun: true },
    ] as const;
    for (const command of commands) expect(sim.fail(A, command).code, command.type).toBe('DryRunOperation');
  });
});
