// Routes to a peering connection (routes §2): the rules, the state that follows the connection, and
// the events that say why a route changed state.
import { describe, expect, test } from 'vitest';
import type { EngineEvent } from '../src/index.js';
import { A, B, STRANGER, act } from './helpers.js';
import { peeredPair, route, routesOf, subnet } from './routing-helpers.js';

describe('CreateRoute to a peering connection (routes §2.2)', () => {
  test('allowed while pending, blackhole until active, active while active, blackhole again once deleted (routes §2.3)', () => {
    const { sim, pcx, rtbA, rtbB } = peeredPair();
    route(sim, A, rtbA, '10.1.0.0/16', pcx);
    route(sim, B, rtbB, '10.0.0.0/16', pcx); // the accepter routes too, while pending [?]
    expect(routesOf(sim, A, rtbA)).toEqual(['10.0.0.0/16 → local active', `10.1.0.0/16 → ${pcx} blackhole`]);
    sim.ok(B, act('AcceptVpcPeeringConnection', pcx));
    expect(routesOf(sim, A, rtbA)[1]).toBe(`10.1.0.0/16 → ${pcx} blackhole`); // provisioning [?]
    const activated = sim.step(A, { type: 'AdvanceClock', Milliseconds: 0 }).events;
    expect(routesOf(sim, A, rtbA)[1]).toBe(`10.1.0.0/16 → ${pcx} active`);
    expect(activated.filter((e) => e.type === 'RouteStateChanged')).toEqual([
      { type: 'RouteStateChanged', routeTableId: rtbA, destination: '10.1.0.0/16', vpcPeeringConnectionId: pcx, from: 'blackhole', to: 'active', peeringState: 'active', at: sim.world.clock },
      { type: 'RouteStateChanged', routeTableId: rtbB, destination: '10.0.0.0/16', vpcPeeringConnectionId: pcx, from: 'blackhole', to: 'active', peeringState: 'active', at: sim.world.clock },
    ].sort((x, y) => (x.routeTableId < y.routeTableId ? -1 : 1)));
    const deleted = sim.step(B, act('DeleteVpcPeeringConnection', pcx)).events;
    // The route event follows the transition that caused it.
    const kinds = deleted.map((e: EngineEvent) => (e.type === 'PeeringStatusChanged' ? `pcx ${e.to}` : e.type === 'RouteStateChanged' ? `route ${e.to} (${e.peeringState})` : e.type));
    expect(kinds).toEqual(['pcx deleting', 'route blackhole (deleting)', 'route blackhole (deleting)']);
    expect(routesOf(sim, A, rtbA)[1]).toBe(`10.1.0.0/16 → ${pcx} blackhole`);
    // routes §8.2 [?]: still listed after the connection is gone from every view.
    sim.tick(3 * 24 * 3_600_000);
    expect(routesOf(sim, A, rtbA)[1]).toBe(`10.1.0.0/16 → ${pcx} blackhole`);
    // …and a route cannot be made to it any more [?].
    expect(sim.fail(A, { type: 'ReplaceRoute', RouteTableId: rtbA, DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx }).code).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  test('the refusals, each with the world untouched', () => {
    const { sim, pcx, rtbA, vpcA } = peeredPair();
    const other = sim.vpc(A, '10.7.0.0/16');
    const otherMain = sim.ok(A, { type: 'DescribeRouteTables', Filters: [{ Name: 'vpc-id', Values: [other] }] }).RouteTables[0]!.RouteTableId;
    const create = (extra: object) => ({ type: 'CreateRoute' as const, RouteTableId: rtbA, VpcPeeringConnectionId: pcx, ...extra });
    expect(sim.fail(A, { type: 'CreateRoute', RouteTableId: otherMain, DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx })).toMatchObject({
      code: 'InvalidParameterValue',
      message: `route table ${otherMain} and network gateway ${pcx} belong to different networks`,
    });
    expect(sim.fail(A, create({ DestinationCidrBlock: '10.0.0.0/16' }))).toMatchObject({ code: 'RouteAlreadyExists', message: 'The route identified by 10.0.0.0/16 already exists.' });
    expect(sim.fail(A, create({ DestinationCidrBlock: '10.0.5.0/24' })).message).toBe('Route target is not supported. This route only supports interface and instance targets.');
    expect(sim.fail(A, create({ DestinationCidrBlock: '::/0' }))).toMatchObject({ code: 'InvalidParameterValue', message: 'Value (::/0) for parameter destinationCidrBlock is invalid. This is not a valid CIDR block.' });
    expect(sim.fail(A, create({}))).toMatchObject({ code: 'MissingParameter', message: 'The request must contain the parameter destinationCidrBlock or destinationIpv6CidrBlock' });
    expect(sim.fail(A, { type: 'CreateRoute', RouteTableId: rtbA, DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'local' })).toMatchObject({ code: 'InvalidGatewayID.NotFound', message: "The gateway ID 'local' does not exist" });
    expect(sim.fail(A, create({ DestinationCidrBlock: '169.254.169.0/24' })).code).toBe('InvalidParameterValue');
    expect(sim.fail(B, create({ DestinationCidrBlock: '10.1.0.0/16' })).code).toBe('InvalidRouteTableID.NotFound');
    expect(sim.fail(STRANGER, { type: 'DescribeRouteTables', RouteTableIds: [rtbA] }).code).toBe('InvalidRouteTableID.NotFound');
    route(sim, A, rtbA, '10.1.0.0/16', pcx);
    expect(sim.fail(A, create({ DestinationCidrBlock: '10.1.0.0/16' })).code).toBe('RouteAlreadyExists');
    // 0.0.0.0/0 to the connection is accepted (routes §2.2 [obs]); only peer addresses get through.
    route(sim, A, rtbA, '0.0.0.0/0', pcx);
    expect(sim.fail(A, { type: 'DeleteRoute', RouteTableId: rtbA, DestinationCidrBlock: '10.0.0.0/16' })).toMatchObject({ code: 'InvalidParameterValue', message: `cannot remove local route 10.0.0.0/16 in route table ${rtbA}` });
    expect(sim.fail(A, { type: 'DeleteRoute', RouteTableId: rtbA, DestinationCidrBlock: '10.9.0.0/16' })).toMatchObject({ code: 'InvalidRoute.NotFound', message: `no route with destination-cidr-block 10.9.0.0/16 in route table ${rtbA}` });
    expect(sim.fail(A, { type: 'ReplaceRoute', RouteTableId: rtbA, DestinationCidrBlock: '10.9.0.0/16', VpcPeeringConnectionId: pcx }).message).toBe("There is no route defined for '10.9.0.0/16' in the route table. Use CreateRoute instead.");
    sim.ok(A, { type: 'ReplaceRoute', RouteTableId: rtbA, DestinationCidrBlock: '10.0.0.0/16', LocalTarget: true });
    sim.ok(A, { type: 'DeleteRoute', RouteTableId: rtbA, DestinationCidrBlock: '0.0.0.0/0' });
    expect(routesOf(sim, A, rtbA)).toEqual(['10.0.0.0/16 → local active', `10.1.0.0/16 → ${pcx} blackhole`]);
    void vpcA;
  });

  test('routes §1.8: the route quota counts IPv4 and IPv6 apart', () => {
    const { sim, pcx, rtbA } = peeredPair();
    const limited = sim.world.config.quotas.routesPerTable;
    for (let i = 0; i < limited; i++) route(sim, A, rtbA, `172.16.${i}.0/24`, pcx);
    expect(sim.fail(A, { type: 'CreateRoute', RouteTableId: rtbA, DestinationCidrBlock: '172.17.0.0/24', VpcPeeringConnectionId: pcx }).code).toBe('RouteLimitExceeded');
    route(sim, A, rtbA, '2600::/64', pcx);
  });

  test('a route table deleted takes its routes out of the events', () => {
    const { sim, pcx, vpcA } = peeredPair();
    const custom = sim.ok(A, { type: 'CreateRouteTable', VpcId: vpcA }).RouteTable.RouteTableId;
    route(sim, A, custom, '10.1.0.0/16', pcx);
    sim.ok(A, { type: 'DeleteRouteTable', RouteTableId: custom });
    sim.ok(B, act('AcceptVpcPeeringConnection', pcx));
    expect(sim.step(A, { type: 'AdvanceClock', Milliseconds: 0 }).events.some((e) => e.type === 'RouteStateChanged')).toBe(false);
    void subnet;
  });
});
