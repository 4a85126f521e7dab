// The reachability query (issue 13; routes §3, §5): Reachability Analyzer's answer for a path over
// peering, with the explanation codes of routes §5.3 in the order reachability.ts documents.
import { describe, expect, test } from 'vitest';
import { reachability, type Caller, type ReachabilityAnalysis } from '../src/index.js';
import { A, B, Sim, act } from './helpers.js';
import { mainTable, peeredPair, route, subnet } from './routing-helpers.js';

const ask = (sim: Sim, caller: Caller, source: string, destinationIp: string): ReachabilityAnalysis => {
  const answer = reachability(sim.world, caller, { source, destinationIp });
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
};
const codes = (analysis: ReachabilityAnalysis) => analysis.Explanations.map((e) => `${e.Direction} ${e.ExplanationCode}`);

/** The pair, accepted and active, with routes both ways. */
function activePair() {
  const pair = peeredPair();
  pair.sim.ok(B, act('AcceptVpcPeeringConnection', pair.pcx));
  pair.sim.tick(0);
  route(pair.sim, A, pair.rtbA, '10.1.0.0/16', pair.pcx);
  route(pair.sim, B, pair.rtbB, '10.0.0.0/16', pair.pcx);
  return pair;
}

describe('reachability (routes §3.1, §5)', () => {
  test('an active connection with routes both ways: the path and its return', () => {
    const { sim, subnetA, subnetB, pcx, rtbA, rtbB } = activePair();
    const analysis = ask(sim, A, subnetA, '10.1.1.10');
    expect(analysis.NetworkPathFound).toBe(true);
    expect(analysis.Explanations).toEqual([]);
    expect(analysis.ForwardPathComponents.map((c) => c.Component.Id)).toEqual([subnetA, rtbA, pcx, subnetB]);
    expect(analysis.ReturnPathComponents.map((c) => c.Component.Id)).toEqual([subnetB, rtbB, pcx, subnetA]);
    expect(analysis.ForwardPathComponents[1]!.RouteTableRoute).toEqual({ DestinationCidr: '10.1.0.0/16', VpcPeeringConnectionId: pcx, Origin: 'CreateRoute', State: 'active' });
    expect(analysis.ForwardPathComponents[2]!.Component.Arn).toBe(`arn:aws:ec2:us-east-1:${A.accountId}:vpc-peering-connection/${pcx}`);
  });

  test('within one VPC the local route delivers', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const one = subnet(sim, A, vpc, '10.0.1.0/24');
    const two = subnet(sim, A, vpc, '10.0.2.0/24');
    const analysis = ask(sim, A, one, '10.0.2.9');
    expect(analysis.NetworkPathFound).toBe(true);
    expect(analysis.ForwardPathComponents.map((c) => c.Component.Id)).toEqual([one, mainTable(sim, A, vpc), two]);
  });

  test('NO_ROUTE_TO_DESTINATION names the connection the route is missing to (routes §5.4 [obs])', () => {
    const { sim, subnetA, pcx, rtbA, vpcA } = peeredPair();
    const analysis = ask(sim, A, subnetA, '10.1.1.10');
    expect(analysis.NetworkPathFound).toBe(false);
    expect(analysis.Explanations[0]).toMatchObject({ ExplanationCode: 'NO_ROUTE_TO_DESTINATION', Direction: 'egress', RouteTable: { Id: rtbA }, Vpc: { Id: vpcA }, Destination: { Id: pcx } });
    expect(analysis.Explanations[0]!.Sentence).toContain(`${rtbA} has no route to 10.1.1.10`);
  });

  test('BAD_STATE_ROUTE and BAD_STATE while the connection waits for acceptance', () => {
    const { sim, subnetA, pcx, rtbA } = peeredPair();
    route(sim, A, rtbA, '10.1.0.0/16', pcx);
    const analysis = ask(sim, A, subnetA, '10.1.1.10');
    expect(codes(analysis)).toEqual(['egress BAD_STATE_ROUTE', 'egress BAD_STATE']);
    expect(analysis.Explanations[1]).toMatchObject({ State: 'pending-acceptance', Component: { Id: pcx } });
    expect(analysis.Explanations[0]!.RouteTableRoute!.State).toBe('blackhole');
  });

  test('the return path: the peer must route back (routes §3.1 rule 4)', () => {
    const { sim, subnetA, subnetB, pcx, rtbA, rtbB } = peeredPair();
    sim.ok(B, act('AcceptVpcPeeringConnection', pcx));
    sim.tick(0);
    route(sim, A, rtbA, '10.1.0.0/16', pcx);
    const analysis = ask(sim, A, subnetA, '10.1.1.10');
    expect(codes(analysis)).toEqual(['ingress NO_ROUTE_TO_DESTINATION']);
    expect(analysis.Explanations[0]).toMatchObject({ RouteTable: { Id: rtbB }, Destination: { Id: pcx }, Address: '10.0.1.4' });
    expect(analysis.ForwardPathComponents.map((c) => c.Component.Id)).toEqual([subnetA, rtbA, pcx, subnetB]);
    expect(analysis.ReturnPathComponents).toEqual([]);
  });

  test('no transitive peering: A↔B and B↔C do not join A and C (routes §3.2)', () => {
    // The hub-and-spoke of learn page 5: B is the hub.
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(A, '10.1.0.0/16');
    const c = sim.vpc(A, '10.2.0.0/16');
    const sa = subnet(sim, A, a, '10.0.1.0/24');
    subnet(sim, A, c, '10.2.1.0/24');
    const ab = sim.request(A, a, b);
    const bc = sim.request(A, b, c);
    sim.tick(0);
    sim.ok(A, act('AcceptVpcPeeringConnection', ab));
    sim.ok(A, act('AcceptVpcPeeringConnection', bc));
    sim.tick(0);
    const rtbA = mainTable(sim, A, a);
    // No route to C at all: DISCONNECTED_VPCS, and the sentence says why.
    const none = ask(sim, A, sa, '10.2.1.10');
    expect(codes(none)).toEqual(['egress DISCONNECTED_VPCS']);
    expect(none.Explanations[0]!.Sentence).toContain(`peering is not transitive: ${ab} joins ${a} and ${b} only`);
    // A route to C's block through the hub: the hub drops it.
    route(sim, A, rtbA, '10.2.0.0/16', ab);
    const through = ask(sim, A, sa, '10.2.1.10');
    expect(codes(through)).toEqual(['egress PCX_REQUIRES_ADDRESS_IN_VPC_CIDR']);
    expect(through.Explanations[0]).toMatchObject({ VpcPeeringConnection: { Id: ab }, Vpc: { Id: b }, Cidrs: ['10.1.0.0/16'] });
    expect(through.Explanations[0]!.Sentence).toContain('peering is not transitive');
  });

  test('MORE_SPECIFIC_ROUTE: a longer route to another connection wins (routes §2.5)', () => {
    const sim = new Sim();
    const a = sim.vpc(A, '10.0.0.0/16');
    const b = sim.vpc(A, '10.1.0.0/16');
    const c = sim.vpc(A, '172.16.0.0/16');
    const sa = subnet(sim, A, a, '10.0.1.0/24');
    const ab = sim.request(A, a, b);
    const ac = sim.request(A, a, c);
    sim.tick(0);
    sim.ok(A, act('AcceptVpcPeeringConnection', ab));
    sim.ok(A, act('AcceptVpcPeeringConnection', ac));
    sim.tick(0);
    const rtbA = mainTable(sim, A, a);
    route(sim, A, rtbA, '10.1.0.0/16', ab);
    route(sim, A, rtbA, '10.1.1.0/24', ac);
    const analysis = ask(sim, A, sa, '10.1.1.10');
    expect(codes(analysis)).toEqual(['egress MORE_SPECIFIC_ROUTE']);
    expect(analysis.Explanations[0]).toMatchObject({ RouteTableRoute: { DestinationCidr: '10.1.0.0/16', VpcPeeringConnectionId: ab }, Destination: { Id: ab } });
  });

  test('bad input is an EC2 error, and only the caller’s own sources are found', () => {
    const { sim, subnetA, vpcA } = peeredPair();
    expect(reachability(sim.world, B, { source: subnetA, destinationIp: '10.1.1.1' })).toMatchObject({ ok: false, error: { code: 'InvalidSubnetID.NotFound' } });
    expect(reachability(sim.world, A, { source: vpcA, destinationIp: '10.1.1.300' })).toMatchObject({ ok: false, error: { code: 'InvalidParameterValue' } });
    expect(reachability(sim.world, A, { source: 'igw-1', destinationIp: '10.1.1.1' })).toMatchObject({ ok: false, error: { code: 'InvalidParameterValue' } });
    expect(reachability(sim.world, A, { source: '', destinationIp: '10.1.1.1' })).toMatchObject({ ok: false, error: { code: 'MissingParameter' } });
    expect(reachability(sim.world, A, { source: vpcA, destinationIp: '10.1.1.1' })).toMatchObject({ ok: true });
  });
});
