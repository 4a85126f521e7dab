// Tags on subnets and route tables (issue 13): CreateTags, DeleteTags, DescribeTags and the
// TagSpecifications of CreateSubnet and CreateRouteTable. Only the owner sees or changes them
// (routes §1.1), and the `tag:` filters of DescribeSubnets and DescribeRouteTables see the tags.
import { describe, expect, test } from 'vitest';
import { A, B, Sim } from './helpers.js';
import { mainTable, subnet } from './routing-helpers.js';

describe('tags on subnets and route tables', () => {
  test('CreateTags, DescribeTags and DeleteTags on subnet- and rtb- resources, with their resource types', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const sub = subnet(sim, A, vpc, '10.0.1.0/24');
    const rtb = mainTable(sim, A, vpc);
    sim.ok(A, { type: 'CreateTags', Resources: [sub, rtb, vpc], Tags: [{ Key: 'Name', Value: 'web' }] });
    const tags = sim.ok(A, { type: 'DescribeTags', Filters: [{ Name: 'key', Values: ['Name'] }] }).Tags;
    expect(tags.map((t) => [t.ResourceId, t.ResourceType])).toEqual(
      [
        [rtb, 'route-table'],
        [sub, 'subnet'],
        [vpc, 'vpc'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    expect(sim.ok(A, { type: 'DescribeTags', Filters: [{ Name: 'resource-type', Values: ['subnet'] }] }).Tags).toEqual([{ Key: 'Name', ResourceId: sub, ResourceType: 'subnet', Value: 'web' }]);
    expect(sim.ok(A, { type: 'DescribeTags', Filters: [{ Name: 'resource-id', Values: [rtb] }] }).Tags).toEqual([{ Key: 'Name', ResourceId: rtb, ResourceType: 'route-table', Value: 'web' }]);
    expect(sim.ok(A, { type: 'DescribeSubnets', Filters: [{ Name: 'tag:Name', Values: ['web'] }] }).Subnets.map((s) => s.SubnetId)).toEqual([sub]);
    expect(sim.ok(A, { type: 'DescribeRouteTables', Filters: [{ Name: 'tag:Name', Values: ['web'] }] }).RouteTables.map((t) => t.RouteTableId)).toEqual([rtb]);
    expect(sim.ok(A, { type: 'DescribeSubnets', SubnetIds: [sub] }).Subnets[0]!.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);

    sim.ok(A, { type: 'DeleteTags', Resources: [sub], Tags: [{ Key: 'Name' }] });
    expect(sim.ok(A, { type: 'DescribeSubnets', SubnetIds: [sub] }).Subnets[0]!.Tags).toEqual([]);
    expect(sim.ok(A, { type: 'DescribeRouteTables', RouteTableIds: [rtb] }).RouteTables[0]!.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
  });

  test('routes §1.1: another account cannot tag or see the tags of a subnet or table; a refusal leaves the world ===', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const sub = subnet(sim, A, vpc, '10.0.1.0/24');
    const rtb = sim.ok(A, { type: 'CreateRouteTable', VpcId: vpc, TagSpecifications: [{ ResourceType: 'route-table', Tags: [{ Key: 'Tier', Value: 'app' }] }] }).RouteTable.RouteTableId;
    expect(sim.fail(B, { type: 'CreateTags', Resources: [sub], Tags: [{ Key: 'k', Value: 'v' }] })).toMatchObject({ code: 'InvalidSubnetID.NotFound', message: `The subnet ID '${sub}' does not exist` });
    expect(sim.fail(B, { type: 'DeleteTags', Resources: [rtb] }).code).toBe('InvalidRouteTableID.NotFound');
    expect(sim.fail(A, { type: 'CreateTags', Resources: ['subnet-nothex'], Tags: [{ Key: 'k', Value: 'v' }] }).code).toBe('InvalidSubnetID.Malformed');
    // All or nothing (spec §7.2): a good VPC and a foreign subnet in one request change nothing.
    expect(sim.fail(A, { type: 'CreateTags', Resources: [vpc, 'rtb-0123456789abcdef0'], Tags: [{ Key: 'k', Value: 'v' }] }).code).toBe('InvalidRouteTableID.NotFound');
    expect(sim.ok(B, { type: 'DescribeTags', Filters: [{ Name: 'resource-id', Values: [sub, rtb] }] }).Tags).toEqual([]);
    expect(sim.ok(B, { type: 'DescribeTags' }).Tags).toEqual([]);
    expect(sim.ok(A, { type: 'DescribeTags', Filters: [{ Name: 'resource-id', Values: [rtb] }] }).Tags).toEqual([{ Key: 'Tier', ResourceId: rtb, ResourceType: 'route-table', Value: 'app' }]);
  });

  test('CreateSubnet takes TagSpecifications of type subnet, and refuses another type', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const made = sim.ok(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.0/24', TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: 'a' }] }] }).Subnet;
    expect(made.Tags).toEqual([{ Key: 'Name', Value: 'a' }]);
    expect(sim.fail(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.2.0/24', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'a' }] }] }).code).toBe('InvalidParameterValue');
  });
});
