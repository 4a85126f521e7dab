// The control API (issue 5) on the same handler as EC2: reset, clock, world, health — over HTTP, and
// the world snapshot taken back by a new endpoint.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ec2Endpoint, listen, requestId, type RunningServer } from '../src/index.js';
import { ALICE, BOB, Harness, rawHttp } from './helpers.js';

const json = { 'content-type': 'application/json' };

describe('the control API', () => {
  let h: Harness;
  let server: RunningServer;
  beforeAll(async () => {
    h = await Harness.start('in-process', { worldOptions: { seed: 8, timing: 'realistic' } });
    server = await listen(h.endpoint);
  });
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  test('GET /_pcxsim/health answers ok', async () => {
    const answer = await rawHttp(server.url, { method: 'GET', path: '/_pcxsim/health' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
  });

  test('POST /_pcxsim/clock advances the simulated clock, runs what falls due, and answers the new time', async () => {
    const mine = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const theirs = (await h.ok(BOB, 'CreateVpc', { CidrBlock: '10.1.0.0/16' })).Vpc.VpcId;
    const pcx = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: mine, PeerVpcId: theirs, PeerOwnerId: BOB })).VpcPeeringConnection
      .VpcPeeringConnectionId;
    const start = h.endpoint.world.clock;
    const answer = await rawHttp(server.url, { path: '/_pcxsim/clock', headers: json, body: JSON.stringify({ advanceMs: 60_000 }) });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ clock: start + 60_000, now: new Date(start + 60_000).toISOString(), fired: 1 });
    expect(answer.headers['x-pcxsim-clock']).toBe(new Date(start + 60_000).toISOString());
    expect(h.endpoint.world.clock).toBe(start + 60_000);
    const seen = await h.ok(BOB, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionIds: [pcx] });
    expect(seen.VpcPeeringConnections[0].Status.Code).toBe('pending-acceptance');
  });

  test.each([
    ['not JSON', 'advance please', 'The body must be JSON: {"advanceMs": <non-negative integer>}'],
    ['a negative advance', '{"advanceMs": -1}', '"advanceMs" must be a non-negative integer (milliseconds)'],
    ['a fraction', '{"advanceMs": 1.5}', '"advanceMs" must be a non-negative integer (milliseconds)'],
    ['no advanceMs', '{"ms": 5}', '"advanceMs" must be a non-negative integer (milliseconds)'],
    ['past year 9999', '{"advanceMs": 9007199254740991}', '"advanceMs" would move the clock past 9999-12-31T23:59:59.999Z'],
  ])('POST /_pcxsim/clock with %s is 400 and the clock stays', async (_, body, message) => {
    const before = h.endpoint.world;
    const answer = await rawHttp(server.url, { path: '/_pcxsim/clock', headers: json, body });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'InvalidParameterValue', message } });
    expect(h.endpoint.world).toBe(before);
  });

  test('GET /_pcxsim/world is the world as JSON, which a new endpoint takes back and carries on from identically', async () => {
    const answer = await rawHttp(server.url, { method: 'GET', path: '/_pcxsim/world' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual(JSON.parse(JSON.stringify(h.endpoint.world)));
    const restored = new Ec2Endpoint({ world: JSON.parse(answer.body) });
    const request = { method: 'POST', path: '/', query: '', headers: {}, body: 'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.9.0.0%2F16' };
    const twin = new Ec2Endpoint({ world: JSON.parse(answer.body) });
    expect(await restored.handle(request)).toEqual(await twin.handle(request));
    expect(JSON.stringify(restored.world)).toBe(JSON.stringify(twin.world));
  });

  test('wrong methods are 405 with Allow; unknown routes 404', async () => {
    const wrong = await rawHttp(server.url, { method: 'GET', path: '/_pcxsim/reset' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers['allow']).toBe('POST');
    const unknown = await rawHttp(server.url, { method: 'GET', path: '/_pcxsim/nothing' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ error: { code: 'NotFound', message: 'No control route /_pcxsim/nothing' } });
  });

  test('POST /_pcxsim/throttle {"requests": n}: the next n EC2 requests are RequestLimitExceeded (503), then all is as before', async () => {
    const answer = await rawHttp(server.url, { path: '/_pcxsim/throttle', headers: json, body: '{"requests": 2}' });
    expect(JSON.parse(answer.body)).toEqual({ throttled: 2 });
    const before = h.endpoint.world;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ec2 = await rawHttp(server.url, { headers: form, body: 'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.7.0.0%2F16' });
      statuses.push(ec2.status);
      if (ec2.status === 503) expect(ec2.body).toContain('<Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message>');
      if (i < 2) expect(h.endpoint.world).toBe(before);
    }
    expect(statuses).toEqual([503, 503, 200]);
    const bad = await rawHttp(server.url, { path: '/_pcxsim/throttle', headers: json, body: '{"requests": -1}' });
    expect(bad.status).toBe(400);
  });

  test('POST /_pcxsim/reset gives an empty world with the same configuration, and request IDs start over', async () => {
    const config = h.endpoint.world.config;
    const answer = await rawHttp(server.url, { path: '/_pcxsim/reset' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ clock: config.startTime, now: new Date(config.startTime).toISOString() });
    expect(h.endpoint.world.config).toEqual(config);
    expect(h.endpoint.requestCount).toBe(0);
    const vpcs = await h.send(ALICE, 'DescribeVpcs', {});
    expect(vpcs).toMatchObject({ ok: true, value: { Vpcs: [] }, requestId: requestId(8, 0) });
  });
});

test('with controlApi: false, /_pcxsim/ is EC2 like any other path', async () => {
  const endpoint = new Ec2Endpoint({ controlApi: false });
  const answer = await endpoint.handle({ method: 'GET', path: '/_pcxsim/health', query: '', headers: {}, body: '' });
  expect(answer.status).toBe(400);
  expect(answer.body).toContain('<Code>MissingAction</Code>');
});
