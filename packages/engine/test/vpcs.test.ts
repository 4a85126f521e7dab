import { describe, expect, test } from 'vitest';
import { pget } from '../src/pmap.js';
import { A, A_WEST, B, Sim } from './helpers.js';

describe('CreateVpc (spec §6.1)', () => {
  test('the primary block is stored canonical, host bits cleared', () => {
    const sim = new Sim();
    const out = sim.ok(A, { type: 'CreateVpc', CidrBlock: '100.68.0.18/18' });
    expect(out.Vpc).toMatchObject({ CidrBlock: '100.68.0.0/18', OwnerId: A.accountId, State: 'available', IsDefault: false });
    expect(out.Vpc.CidrBlockAssociationSet[0]).toMatchObject({ CidrBlock: '100.68.0.0/18', CidrBlockState: { State: 'associated' } });
    expect(out.Vpc.CidrBlockAssociationSet[0]!.AssociationId).toMatch(/^vpc-cidr-assoc-0[0-9a-f]{16}$/);
  });

  test('a primary block outside /16../28 is InvalidVpc.Range with the observed text', () => {
    const sim = new Sim();
    expect(sim.fail(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/8' })).toEqual({
      code: 'InvalidVpc.Range',
      message: "The CIDR '10.0.0.0/8' is invalid.",
      httpStatus: 400,
    });
    expect(sim.fail(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/29' }).code).toBe('InvalidVpc.Range');
    expect(sim.ok(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/28' }).Vpc.CidrBlock).toBe('10.0.0.0/28');
  });

  test('a link-local block can never be a VPC block', () => {
    expect(new Sim().fail(A, { type: 'CreateVpc', CidrBlock: '169.254.0.0/16' }).code).toBe('InvalidVpc.Range');
  });

  test('text that is no IPv4 CIDR is InvalidParameterValue; a missing block is MissingParameter', () => {
    const sim = new Sim();
    for (const text of ['10.0/16', '010.0.0.0/16', '2001:db8::/56', 'x']) {
      expect(sim.fail(A, { type: 'CreateVpc', CidrBlock: text }).code).toBe('InvalidParameterValue');
    }
    expect(sim.fail(A, { type: 'CreateVpc' })).toMatchObject({ code: 'MissingParameter', message: 'The request must contain the parameter CidrBlock' });
  });

  test('an Amazon-provided IPv6 block is a /56, distinct per VPC and Region', () => {
    const sim = new Sim();
    const blocks = [A, A, A_WEST].map(
      (caller) => sim.ok(caller, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true }).Vpc.Ipv6CidrBlockAssociationSet[0]!.Ipv6CidrBlock,
    );
    for (const block of blocks) expect(block).toMatch(/^2600:1f[0-9a-f]{2}:[0-9a-f:]*\/56$/);
    expect(new Set(blocks).size).toBe(3);
  });

  test('DNS support is on and DNS hostnames off by default; ModifyVpcAttribute changes one per call', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const record = () => pget(sim.world.vpcs, vpc)!;
    expect(record()).toMatchObject({ enableDnsSupport: true, enableDnsHostnames: false });
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsHostnames: { Value: true } });
    expect(record()).toMatchObject({ enableDnsSupport: true, enableDnsHostnames: true });
    sim.ok(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsSupport: { Value: false } });
    expect(record()).toMatchObject({ enableDnsSupport: false, enableDnsHostnames: true });
    expect(
      sim.fail(A, { type: 'ModifyVpcAttribute', VpcId: vpc, EnableDnsHostnames: { Value: true }, EnableDnsSupport: { Value: true } }).code,
    ).toBe('InvalidParameterCombination');
    expect(sim.fail(A, { type: 'ModifyVpcAttribute', VpcId: vpc }).code).toBe('MissingParameter');
  });

  test('TagSpecifications tag the new VPC; a bad one creates nothing', () => {
    const sim = new Sim();
    const out = sim.ok(A, {
      type: 'CreateVpc',
      CidrBlock: '10.0.0.0/16',
      TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'a' }] }],
    });
    expect(out.Vpc.Tags).toEqual([{ Key: 'Name', Value: 'a' }]);
    expect(
      sim.fail(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'k', Value: 'v' }] }] }).code,
    ).toBe('InvalidParameterValue');
  });
});

describe('VPC visibility (spec §2.2, §8.1)', () => {
  test("another account's VPC, or one in another Region, does not exist for the caller", () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const notFound = { code: 'InvalidVpcID.NotFound', message: `The vpc ID '${vpc}' does not exist`, httpStatus: 400 };
    expect(sim.fail(B, { type: 'DeleteVpc', VpcId: vpc })).toEqual(notFound);
    expect(sim.fail(A_WEST, { type: 'DescribeVpcs', VpcIds: [vpc] })).toEqual(notFound);
  });

  test('a malformed VPC ID is InvalidVpcId.Malformed with the observed text', () => {
    expect(new Sim().fail(A, { type: 'DeleteVpc', VpcId: 'vpc-012345678' })).toEqual({
      code: 'InvalidVpcId.Malformed',
      message: 'The vpc ID vpc-012345678 is malformed',
      httpStatus: 400,
    });
  });
});

describe('AssociateVpcCidrBlock and DisassociateVpcCidrBlock (spec §6.1)', () => {
  test('a secondary block is added; one overlapping the VPC is refused', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const out = sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.1.0.0/16' });
    expect(out.CidrBlockAssociation).toMatchObject({ CidrBlock: '10.1.0.0/16', CidrBlockState: { State: 'associating' } });
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.1.128.0/17' }).code).toBe('InvalidVpc.Range');
    const described = sim.ok(A, { type: 'DescribeVpcs', VpcIds: [vpc] }).Vpcs[0]!;
    expect(described.CidrBlockAssociationSet.map((block) => block.CidrBlock)).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
  });

  test('at most 5 IPv4 blocks per VPC, the primary included: CidrLimitExceeded', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    for (let i = 1; i < 5; i++) sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: `10.${i}.0.0/16` });
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.9.0.0/16' }).code).toBe('CidrLimitExceeded');
  });

  test('the quota is configurable', () => {
    const sim = new Sim({ quotas: { ipv4BlocksPerVpc: 1 } });
    const vpc = sim.vpc(A, '10.0.0.0/16');
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.9.0.0/16' }).code).toBe('CidrLimitExceeded');
  });

  test('the primary block cannot be disassociated; a secondary one can', () => {
    const sim = new Sim();
    const created = sim.ok(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }).Vpc;
    const primary = created.CidrBlockAssociationSet[0]!.AssociationId;
    expect(sim.fail(A, { type: 'DisassociateVpcCidrBlock', AssociationId: primary }).code).toBe('OperationNotPermitted');
    const secondary = sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: created.VpcId, CidrBlock: '10.1.0.0/16' }).CidrBlockAssociation!.AssociationId;
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId: secondary });
    // Listed as disassociated for a while (block-states.ts), no longer on the VPC.
    expect(sim.ok(A, { type: 'DescribeVpcs', VpcIds: [created.VpcId] }).Vpcs[0]!.CidrBlockAssociationSet.map((a) => a.CidrBlockState.State)).toEqual([
      'associated',
      'disassociated',
    ]);
    expect(sim.fail(B, { type: 'DisassociateVpcCidrBlock', AssociationId: secondary }).code).toBe('InvalidVpcCidrBlockAssociationID.NotFound');
  });

  test('an IPv6 /56 can be added and removed', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const block = sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, AmazonProvidedIpv6CidrBlock: true }).Ipv6CidrBlockAssociation!;
    expect(block.Ipv6CidrBlock).toMatch(/\/56$/);
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId: block.AssociationId });
  });
});

describe('DescribeVpcs filters', () => {
  test('vpc-id, cidr (primary only), cidr-block-association.cidr-block, owner-id, tag:<key>, tag-key', () => {
    const sim = new Sim();
    const one = sim.vpc(A, '10.0.0.0/16', { TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'env', Value: 'prod' }] }] });
    const two = sim.vpc(A, '10.1.0.0/16');
    sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: two, CidrBlock: '10.2.0.0/16' });
    sim.vpc(B, '10.3.0.0/16');
    const ids = (Filters: { Name: string; Values: string[] }[]) =>
      sim.ok(A, { type: 'DescribeVpcs', Filters }).Vpcs.map((vpc) => vpc.VpcId);
    expect(ids([])).toEqual([one, two].sort());
    expect(ids([{ Name: 'vpc-id', Values: [one] }])).toEqual([one]);
    expect(ids([{ Name: 'cidr', Values: ['10.2.0.0/16'] }])).toEqual([]);
    expect(ids([{ Name: 'cidr-block-association.cidr-block', Values: ['10.2.0.0/16'] }])).toEqual([two]);
    expect(ids([{ Name: 'owner-id', Values: [B.accountId] }])).toEqual([]);
    expect(ids([{ Name: 'tag:env', Values: ['pr*'] }])).toEqual([one]);
    expect(ids([{ Name: 'tag-key', Values: ['env'] }])).toEqual([one]);
    expect(sim.fail(A, { type: 'DescribeVpcs', Filters: [{ Name: 'nope', Values: ['x'] }] }).message).toBe("The filter 'nope' is invalid");
  });

  test('VpcIds cannot be used with MaxResults', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    expect(sim.fail(A, { type: 'DescribeVpcs', VpcIds: [vpc], MaxResults: 5 })).toMatchObject({
      code: 'InvalidParameterCombination',
      message: 'The parameter VpcIds cannot be used with the parameter MaxResults',
    });
  });
});
