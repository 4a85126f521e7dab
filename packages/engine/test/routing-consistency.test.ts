// Eventual consistency of DescribeSubnets, DescribeRouteTables and DescribeTags (spec §10.4,
// routes §2.8): with a Describe delay of D ms they show subnets and tables as they were D ms ago, while the
// other actions act on the current state; with D = 0 they read their writes.
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { A, Sim } from './helpers.js';

const D = 2000;

describe('subnets and route tables under a Describe delay (spec §10.4)', () => {
  test('a new subnet and table are NotFound to Describe for D ms, yet usable at once; then listed', () => {
    const sim = new Sim({ consistency: { describeDelayMs: D } });
    const vpc = sim.vpc(A, '10.0.0.0/16');
    sim.tick(D);
    const subnet = sim.ok(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.0/24' }).Subnet.SubnetId;
    const table = sim.ok(A, { type: 'CreateRouteTable', VpcId: vpc }).RouteTable.RouteTableId;
    expect(sim.fail(A, { type: 'DescribeSubnets', SubnetIds: [subnet] }).code).toBe('InvalidSubnetID.NotFound');
    expect(sim.fail(A, { type: 'DescribeRouteTables', RouteTableIds: [table] }).code).toBe('InvalidRouteTableID.NotFound');
    expect(sim.ok(A, { type: 'DescribeSubnets' }).Subnets).toEqual([]);
    // The control plane knows them already.
    sim.ok(A, { type: 'AssociateRouteTable', RouteTableId: table, SubnetId: subnet });
    sim.ok(A, { type: 'CreateTags', Resources: [subnet], Tags: [{ Key: 'Name', Value: 'web' }] });
    expect(sim.ok(A, { type: 'DescribeTags', Filters: [{ Name: 'resource-id', Values: [subnet] }] }).Tags).toEqual([]);
    sim.tick(D);
    expect(sim.ok(A, { type: 'DescribeSubnets' }).Subnets.map((s) => [s.SubnetId, s.Tags])).toEqual([[subnet, [{ Key: 'Name', Value: 'web' }]]]);
    expect(sim.ok(A, { type: 'DescribeRouteTables', RouteTableIds: [table] }).RouteTables[0]!.Associations.map((a) => a.SubnetId)).toEqual([subnet]);
  });

  test('a deleted subnet and table stay listed for D ms, in their last version, then go; the versions kept are dropped', () => {
    const sim = new Sim({ consistency: { describeDelayMs: D } });
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const subnet = sim.ok(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.0/24' }).Subnet.SubnetId;
    const table = sim.ok(A, { type: 'CreateRouteTable', VpcId: vpc }).RouteTable.RouteTableId;
    sim.tick(D);
    sim.ok(A, { type: 'DeleteSubnet', SubnetId: subnet });
    sim.ok(A, { type: 'DeleteRouteTable', RouteTableId: table });
    expect(sim.ok(A, { type: 'DescribeSubnets', SubnetIds: [subnet] }).Subnets.map((s) => s.SubnetId)).toEqual([subnet]);
    expect(sim.ok(A, { type: 'DescribeRouteTables', RouteTableIds: [table] }).RouteTables.map((t) => t.RouteTableId)).toEqual([table]);
    expect(sim.fail(A, { type: 'DeleteSubnet', SubnetId: subnet }).code).toBe('InvalidSubnetID.NotFound');
    sim.tick(D);
    expect(sim.fail(A, { type: 'DescribeSubnets', SubnetIds: [subnet] }).code).toBe('InvalidSubnetID.NotFound');
    expect(sim.ok(A, { type: 'DescribeRouteTables', Filters: [{ Name: 'route-table-id', Values: [table] }] }).RouteTables).toEqual([]);
    expect(sim.world.routing.versions).toBeUndefined();
  });

  prop.prop([fc.array(fc.constantFrom('create', 'delete', 'tag', 'tick'), { maxLength: 25 })])(
    'with no delay Describe reads its writes and no version is ever kept',
    (steps) => {
      const sim = new Sim();
      const vpc = sim.vpc(A, '10.0.0.0/16');
      const live: string[] = [];
      steps.forEach((step, i) => {
        if (step === 'create') live.push(sim.ok(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: `10.0.${i}.0/24` }).Subnet.SubnetId);
        if (step === 'delete' && live.length > 0) sim.ok(A, { type: 'DeleteSubnet', SubnetId: live.shift()! });
        if (step === 'tag' && live.length > 0) sim.ok(A, { type: 'CreateTags', Resources: [live[0]!], Tags: [{ Key: 'n', Value: String(i) }] });
        if (step === 'tick') sim.tick(1000);
        expect(sim.ok(A, { type: 'DescribeSubnets' }).Subnets.map((s) => s.SubnetId).sort()).toEqual([...live].sort());
        expect(sim.world.routing.versions).toBeUndefined();
      });
    },
  );
});
