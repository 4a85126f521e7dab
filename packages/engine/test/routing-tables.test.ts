// Subnets, route tables and their associations (issue 13; routes §1).
import { describe, expect, test } from 'vitest';
import { A, B, Sim } from './helpers.js';
import { mainTable, routesOf, subnet } from './routing-helpers.js';

describe('subnets (issue 13)', () => {
  test('a subnet lies inside an associated block of its VPC, /16–/28, and has size − 5 addresses', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const out = sim.ok(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.7/24', AvailabilityZone: 'us-east-1c' }).Subnet;
    expect(out).toMatchObject({ CidrBlock: '10.0.1.0/24', AvailableIpAddressCount: 251, AvailabilityZone: 'us-east-1c', AvailabilityZoneId: 'use1-az3', State: 'available', VpcId: vpc, OwnerId: A.accountId });
    expect(out.SubnetId).toMatch(/^subnet-0[0-9a-f]{16}$/);
    expect(sim.fail(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.1.0.0/24' })).toMatchObject({ code: 'InvalidSubnet.Range', message: "The CIDR '10.1.0.0/24' is invalid." });
    expect(sim.fail(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.0.0/29' }).code).toBe('InvalidSubnet.Range');
    expect(sim.fail(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.1.128/25' })).toMatchObject({ code: 'InvalidSubnet.Conflict', message: "The CIDR '10.0.1.128/25' conflicts with another subnet" });
    expect(sim.fail(A, { type: 'CreateSubnet', VpcId: vpc, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-west-2a' }).message).toBe(
      'Value (us-west-2a) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.',
    );
    expect(sim.fail(B, { type: 'DeleteSubnet', SubnetId: out.SubnetId }).code).toBe('InvalidSubnetID.NotFound');
  });

  test('DescribeSubnets filters, and DeleteVpc waits for the subnets to go', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const one = subnet(sim, A, vpc, '10.0.1.0/24');
    subnet(sim, A, vpc, '10.0.2.0/24');
    const found = sim.ok(A, { type: 'DescribeSubnets', Filters: [{ Name: 'cidr-block', Values: ['10.0.1.0/24'] }] }).Subnets;
    expect(found.map((s) => s.SubnetId)).toEqual([one]);
    expect(sim.ok(B, { type: 'DescribeSubnets' }).Subnets).toEqual([]);
    expect(sim.fail(A, { type: 'DeleteVpc', VpcId: vpc })).toMatchObject({ code: 'DependencyViolation', message: `The vpc '${vpc}' has dependencies and cannot be deleted.` });
    for (const s of sim.ok(A, { type: 'DescribeSubnets' }).Subnets) sim.ok(A, { type: 'DeleteSubnet', SubnetId: s.SubnetId });
    sim.ok(A, { type: 'DeleteVpc', VpcId: vpc });
    expect(sim.ok(A, { type: 'DescribeRouteTables' }).RouteTables).toEqual([]);
  });

  test('DescribeAvailabilityZones lists the Region’s zones', () => {
    const sim = new Sim();
    const zones = sim.ok(A, { type: 'DescribeAvailabilityZones' }).AvailabilityZones;
    expect(zones.map((z) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
    expect(sim.ok(A, { type: 'DescribeAvailabilityZones', Filters: [{ Name: 'zone-id', Values: ['use1-az2'] }] }).AvailabilityZones.map((z) => z.ZoneName)).toEqual(['us-east-1b']);
    expect(sim.fail(A, { type: 'DescribeAvailabilityZones', ZoneNames: ['us-east-1z'] }).code).toBe('InvalidParameterValue');
  });
});

describe('route tables (routes §1)', () => {
  test('routes §1.2: a VPC is born with one main table holding a local route per block; blocks add and remove local routes', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16', { AmazonProvidedIpv6CidrBlock: true });
    const main = mainTable(sim, A, vpc);
    const table = sim.ok(A, { type: 'DescribeRouteTables', RouteTableIds: [main] }).RouteTables[0]!;
    expect(table.Associations).toEqual([{ Main: true, RouteTableAssociationId: expect.stringMatching(/^rtbassoc-0[0-9a-f]{16}$/), RouteTableId: main, AssociationState: { State: 'associated' } }]);
    expect(routesOf(sim, A, main)).toEqual(['10.0.0.0/16 → local active', `${sim.ok(A, { type: 'DescribeVpcs', VpcIds: [vpc] }).Vpcs[0]!.Ipv6CidrBlockAssociationSet[0]!.Ipv6CidrBlock} → local active`]);
    const custom = sim.ok(A, { type: 'CreateRouteTable', VpcId: vpc }).RouteTable.RouteTableId;
    const block = sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.5.0.0/16' }).CidrBlockAssociation!.AssociationId;
    expect(routesOf(sim, A, custom)).toContain('10.5.0.0/16 → local active');
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId: block });
    expect(routesOf(sim, A, custom)).not.toContain('10.5.0.0/16 → local active');
    expect(routesOf(sim, A, main)).not.toContain('10.5.0.0/16 → local active');
  });

  test('routes §1.4–§1.5: associations, the main association, and what keeps a table', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const s1 = subnet(sim, A, vpc, '10.0.1.0/24');
    const main = mainTable(sim, A, vpc);
    const custom = sim.ok(A, { type: 'CreateRouteTable', VpcId: vpc }).RouteTable.RouteTableId;
    const assoc = sim.ok(A, { type: 'AssociateRouteTable', RouteTableId: custom, SubnetId: s1 }).AssociationId;
    expect(sim.fail(A, { type: 'AssociateRouteTable', RouteTableId: main, SubnetId: s1 })).toMatchObject({
      code: 'Resource.AlreadyAssociated',
      message: `the specified association for route table ${main} conflicts with an existing association`,
    });
    expect(sim.fail(A, { type: 'DeleteRouteTable', RouteTableId: custom })).toMatchObject({ code: 'DependencyViolation', message: `The routeTable '${custom}' has dependencies and cannot be deleted.` });
    expect(sim.fail(A, { type: 'DeleteRouteTable', RouteTableId: main }).code).toBe('DependencyViolation');
    expect(sim.fail(A, { type: 'DeleteVpc', VpcId: vpc }).code).toBe('DependencyViolation');
    // association.subnet-id sees explicit associations only.
    expect(sim.ok(A, { type: 'DescribeRouteTables', Filters: [{ Name: 'association.subnet-id', Values: [s1] }] }).RouteTables.map((t) => t.RouteTableId)).toEqual([custom]);
    // The main association moves, with a new ID; the old one is gone.
    const mainAssoc = sim.ok(A, { type: 'DescribeRouteTables', RouteTableIds: [main] }).RouteTables[0]!.Associations[0]!.RouteTableAssociationId;
    expect(sim.fail(A, { type: 'DisassociateRouteTable', AssociationId: mainAssoc })).toMatchObject({ code: 'InvalidParameterValue', message: `cannot disassociate the main route table association ${mainAssoc}` });
    const moved = sim.ok(A, { type: 'ReplaceRouteTableAssociation', AssociationId: mainAssoc, RouteTableId: custom }).NewAssociationId;
    expect(moved).not.toBe(mainAssoc);
    expect(mainTable(sim, A, vpc)).toBe(custom);
    expect(sim.fail(A, { type: 'DisassociateRouteTable', AssociationId: mainAssoc }).code).toBe('InvalidAssociationID.NotFound');
    sim.ok(A, { type: 'DisassociateRouteTable', AssociationId: assoc });
    sim.ok(A, { type: 'DeleteRouteTable', RouteTableId: main }); // no longer main, no associations
    // association.main=false matches no table now: the custom one only holds the main association.
    expect(sim.ok(A, { type: 'DescribeRouteTables', Filters: [{ Name: 'association.main', Values: ['false'] }] }).RouteTables).toEqual([]);
  });

  test('routes §1.2: a block holding a subnet cannot be disassociated; a new block may not cover a route’s destination', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const peer = sim.vpc(A, '10.9.0.0/16');
    const block = sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.5.0.0/16' }).CidrBlockAssociation!.AssociationId;
    const inBlock = subnet(sim, A, vpc, '10.5.1.0/24');
    expect(sim.fail(A, { type: 'DisassociateVpcCidrBlock', AssociationId: block })).toMatchObject({ code: 'DependencyViolation' });
    sim.ok(A, { type: 'DeleteSubnet', SubnetId: inBlock });
    sim.ok(A, { type: 'DisassociateVpcCidrBlock', AssociationId: block });
    const pcx = sim.request(A, peer, vpc); // vpc accepts: a pending accepter may still add blocks (spec §6.2)
    sim.ok(A, { type: 'CreateRoute', RouteTableId: mainTable(sim, A, vpc), DestinationCidrBlock: '10.7.0.0/24', VpcPeeringConnectionId: pcx });
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.7.0.0/16' }).code).toBe('InvalidVpc.Range');
    expect(sim.fail(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.7.0.0/24' }).code).toBe('InvalidVpc.Range');
    sim.ok(A, { type: 'AssociateVpcCidrBlock', VpcId: vpc, CidrBlock: '10.7.0.0/25' });
  });

  test('routes §1.1: another account’s table does not exist for the caller', () => {
    const sim = new Sim();
    const main = mainTable(sim, A, sim.vpc(A, '10.0.0.0/16'));
    expect(sim.fail(B, { type: 'DescribeRouteTables', RouteTableIds: [main] })).toMatchObject({ code: 'InvalidRouteTableID.NotFound', message: `The routeTable ID '${main}' does not exist` });
    expect(sim.fail(B, { type: 'DeleteRouteTable', RouteTableId: 'rtb-nat-gw-a' })).toMatchObject({ code: 'InvalidRouteTableId.Malformed', message: 'Invalid id: "rtb-nat-gw-a"' });
    expect(sim.ok(B, { type: 'DescribeRouteTables' }).RouteTables).toEqual([]);
  });

  test('routes §1.6: MaxResults is 5..100, and pages cover every table once', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    for (let i = 0; i < 11; i++) sim.ok(A, { type: 'CreateRouteTable', VpcId: vpc });
    expect(sim.fail(A, { type: 'DescribeRouteTables', MaxResults: 101 }).code).toBe('InvalidParameterValue');
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const out = sim.ok(A, { type: 'DescribeRouteTables', MaxResults: 5, NextToken: token });
      seen.push(...out.RouteTables.map((t) => t.RouteTableId));
      token = out.NextToken;
    } while (token !== undefined);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  test('routes §1.3: a ClientToken retried answers the same table', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const first = sim.ok(A, { type: 'CreateRouteTable', VpcId: vpc, ClientToken: 't' });
    const before = sim.world;
    expect(sim.ok(A, { type: 'CreateRouteTable', VpcId: vpc, ClientToken: 't' })).toEqual(first);
    expect(sim.world).toBe(before);
  });
});
