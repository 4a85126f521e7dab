// routes §1.10: a subnet's IPv6 /64 given at CreateSubnet, what AWS refuses, and the default network
// ACL that every subnet is associated with.
import { fc, test as prop } from '@fast-check/vitest';
import { formatPrefix, parsePrefix } from '@pcxsim/cidr';
import { describe, expect, test } from 'vitest';
import { reachability } from '../src/index.js';
import { A, B, Sim } from './helpers.js';
import { mainTable, subnet } from './routing-helpers.js';

/** The n-th /64 of a /56 (n in 0..255: bits 56..63). */
function nth64(block: string, n: number): string {
  const parsed = parsePrefix(block);
  if (!parsed.ok) throw new Error(block);
  const words = [...parsed.value.words];
  words[1] = (words[1]! | n) >>> 0;
  return formatPrefix({ family: 6, words, length: 64 });
}

/** A VPC of A with an Amazon-provided /56, and that block's n-th /64. */
function ipv6Vpc(sim: Sim): { vpc: string; block: string; slash64: (n: number) => string } {
  const vpc = sim.vpc(A, '10.0.0.0/16', { AmazonProvidedIpv6CidrBlock: true });
  sim.tick(0);
  const block = sim.ok(A, { type: 'DescribeVpcs', VpcIds: [vpc] }).Vpcs[0]!.Ipv6CidrBlockAssociationSet[0]!.Ipv6CidrBlock;
  return { vpc, block, slash64: (n) => nth64(block, n) };
}

describe('IPv6 subnets (routes §1.10)', () => {
  test('CreateSubnet with a /64 of the VPC’s IPv6 block shows it associated; DescribeSubnets filters on it', () => {
    const sim = new Sim();
    const { vpc, slash64 } = ipv6Vpc(sim);
    const cidr = slash64(1);
    const made = sim.ok(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.0/24', Ipv6CidrBlock: cidr }).Subnet;
    expect(made.Ipv6CidrBlockAssociationSet).toEqual([{ AssociationId: expect.stringMatching(/^subnet-cidr-assoc-0[0-9a-f]{16}$/), Ipv6CidrBlock: cidr, Ipv6CidrBlockState: { State: 'associated' } }]);
    const plain = subnet(sim, A, vpc, '10.0.2.0/24');
    expect(sim.ok(A, { type: 'DescribeSubnets', SubnetIds: [plain] }).Subnets[0]!.Ipv6CidrBlockAssociationSet).toEqual([]);
    const byBlock = sim.ok(A, { type: 'DescribeSubnets', Filters: [{ Name: 'ipv6-cidr-block-association.ipv6-cidr-block', Values: [cidr] }] }).Subnets;
    expect(byBlock.map((s) => s.SubnetId)).toEqual([made.SubnetId]);
    const associated = sim.ok(A, { type: 'DescribeSubnets', Filters: [{ Name: 'ipv6-cidr-block-association.state', Values: ['associated'] }] }).Subnets;
    expect(associated.map((s) => s.SubnetId)).toEqual([made.SubnetId]);
  });

  test('the refusals: not a /64 or not IPv6 (InvalidParameterValue), outside the VPC’s IPv6 blocks (InvalidSubnet.Range), held by another subnet (InvalidSubnet.Conflict); each leaves the world ===', () => {
    const sim = new Sim();
    const { vpc, block, slash64 } = ipv6Vpc(sim);
    const plainVpc = sim.vpc(A, '10.1.0.0/16');
    sim.ok(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.0/24', Ipv6CidrBlock: slash64(1) });
    const create = (VpcId: string, Ipv6CidrBlock: string, CidrBlock = '10.0.9.0/24') => sim.fail(A, { type: 'CreateSubnet', VpcId, CidrBlock, Ipv6CidrBlock });
    expect(create(vpc, block.replace('/56', '/60'))).toMatchObject({ code: 'InvalidParameterValue', message: `invalid value for parameter ipv6-cidr-block: ${block.replace('/56', '/60')}` });
    expect(create(vpc, '10.0.9.0/24').code).toBe('InvalidParameterValue');
    expect(create(vpc, 'not-a-cidr').code).toBe('InvalidParameterValue');
    expect(create(vpc, '2001:db8::/64')).toMatchObject({ code: 'InvalidSubnet.Range', message: "The IPv6 CIDR '2001:db8::/64' is invalid." });
    expect(create(plainVpc, slash64(2), '10.1.1.0/24').code).toBe('InvalidSubnet.Range');
    expect(create(vpc, slash64(1))).toMatchObject({ code: 'InvalidSubnet.Conflict', message: `The IPv6 CIDR '${slash64(1)}' conflicts with another subnet` });
  });

  test('routes §1.2: the VPC’s IPv6 block cannot be disassociated while a subnet’s /64 lies in it', () => {
    const sim = new Sim();
    const { vpc, slash64 } = ipv6Vpc(sim);
    const association = sim.ok(A, { type: 'DescribeVpcs', VpcIds: [vpc] }).Vpcs[0]!.Ipv6CidrBlockAssociationSet[0]!.AssociationId;
    const made = sim.ok(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.0/24', Ipv6CidrBlock: slash64(1) }).Subnet.SubnetId;
    expect(sim.fail(A, { type: 'DisassociateVpcCidrBlock', AssociationId: association }).code).toBe('DependencyViolation');
    sim.ok(A, { type: 'DeleteSubnet', SubnetId: made });
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId: association });
  });

  test('reachability places an IPv6 address in the subnet whose /64 holds it, and uses that subnet’s table', () => {
    const sim = new Sim();
    const { vpc, slash64 } = ipv6Vpc(sim);
    const made = sim.ok(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.0/24', Ipv6CidrBlock: slash64(1) }).Subnet.SubnetId;
    const answer = reachability(sim.world, A, { source: made, destinationIp: slash64(1).replace('/64', '').replace(/::$/, '::10') });
    expect(answer.ok && answer.value.NetworkPathFound).toBe(true);
  });
});

describe('the default network ACL (routes §1.10)', () => {
  test('lists every subnet of its VPC in its Associations, with a stable aclassoc- ID; the association goes with the subnet', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const one = subnet(sim, A, vpc, '10.0.1.0/24');
    const two = subnet(sim, A, vpc, '10.0.2.0/24');
    const acls = () => sim.ok(A, { type: 'DescribeNetworkAcls', Filters: [{ Name: 'vpc-id', Values: [vpc] }] }).NetworkAcls;
    const acl = acls()[0]!;
    expect(acl.Associations.map((a) => a.SubnetId)).toEqual([one, two].sort());
    for (const association of acl.Associations) {
      expect(association.NetworkAclId).toBe(acl.NetworkAclId);
      expect(association.NetworkAclAssociationId).toMatch(/^aclassoc-0[0-9a-f]{16}$/);
    }
    expect(new Set(acl.Associations.map((a) => a.NetworkAclAssociationId)).size).toBe(2);
    const bySubnet = sim.ok(A, { type: 'DescribeNetworkAcls', Filters: [{ Name: 'association.subnet-id', Values: [two] }] }).NetworkAcls;
    expect(bySubnet.map((a) => a.NetworkAclId)).toEqual([acl.NetworkAclId]);
    sim.ok(A, { type: 'DeleteSubnet', SubnetId: one });
    expect(acls()[0]!.Associations).toEqual(acl.Associations.filter((a) => a.SubnetId === two));
    expect(sim.ok(B, { type: 'DescribeNetworkAcls', Filters: [{ Name: 'association.subnet-id', Values: [two] }] }).NetworkAcls).toEqual([]);
    void mainTable;
  });

  prop.prop([fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 12 })])('every subnet of a VPC, and no other, is associated with its default ACL', (octets) => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const other = sim.vpc(A, '10.1.0.0/16');
    const made = octets.map((octet) => subnet(sim, A, octet % 2 === 0 ? vpc : other, `10.${octet % 2}.${octet}.0/24`));
    for (const [id, expected] of [
      [vpc, made.filter((_, i) => octets[i]! % 2 === 0)],
      [other, made.filter((_, i) => octets[i]! % 2 === 1)],
    ] as const) {
      const acl = sim.ok(A, { type: 'DescribeNetworkAcls', Filters: [{ Name: 'vpc-id', Values: [id] }] }).NetworkAcls[0]!;
      expect(acl.Associations.map((a) => a.SubnetId)).toEqual([...expected].sort());
    }
  });
});
