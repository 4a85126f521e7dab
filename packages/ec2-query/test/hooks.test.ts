// What an embedder hears (hooks.ts): every change to the world as the (caller, command) that made it,
// in order — enough to rebuild the world by applying them again — with the answer waiting until the
// embedder is done with it; one record per answered request; a wall clock the simulated one follows.
import { apply, createWorld, type World } from '@pcxsim/engine';
import { describe, expect, test } from 'vitest';
import { Ec2Endpoint, type AnsweredRequest, type AppliedCommand, type WireRequest } from '../src/index.js';

const post = (body: string, authorization?: string): WireRequest => ({
  method: 'POST',
  path: '/',
  query: '',
  headers: authorization === undefined ? {} : { authorization },
  body: `Version=2016-11-15&${body}`,
});
const as = (account: string) => `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
const control = (path: string, body = ''): WireRequest => ({ method: path === '/_pcxsim/world' ? 'GET' : 'POST', path, query: '', headers: {}, body });
const vpcIdIn = (xml: string) => /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(xml)![1]!;

describe('onApplied', () => {
  test('reports every change in order, and only changes; replaying them rebuilds the same world', async () => {
    const log: AppliedCommand[] = [];
    const endpoint = new Ec2Endpoint({ worldOptions: { seed: 4, timing: 'realistic' }, onApplied: (applied) => void log.push(applied) });
    const a = vpcIdIn((await endpoint.handle(post('Action=CreateVpc&CidrBlock=10.0.0.0/16', as('111111111111')))).body);
    const b = vpcIdIn((await endpoint.handle(post('Action=CreateVpc&CidrBlock=10.1.0.0/16', as('222222222222')))).body);
    await endpoint.handle(post(`Action=CreateVpcPeeringConnection&VpcId=${a}&PeerVpcId=${b}&PeerOwnerId=222222222222`, as('111111111111')));
    await endpoint.handle(post('Action=DescribeVpcs', as('111111111111'))); // reads: not reported
    await endpoint.handle(post(`Action=DeleteVpc&VpcId=${a}&DryRun=true`, as('111111111111'))); // a DryRun: not reported
    await endpoint.handle(post('Action=CreateVpc&CidrBlock=10.0.0.0/8', as('111111111111'))); // refused: not reported
    await endpoint.handle(control('/_pcxsim/clock', '{"advanceMs":5000}'));
    expect(log.map((entry) => entry.command.type)).toEqual(['CreateVpc', 'CreateVpc', 'CreateVpcPeeringConnection', 'AdvanceClock']);
    expect(log[3]!.events.some((event) => event.type === 'PeeringStatusChanged')).toBe(true);

    let replayed: World = createWorld({ seed: 4, timing: 'realistic' });
    for (const entry of log) {
      expect(entry.clock).toBe(replayed.clock);
      replayed = apply(replayed, entry.caller, entry.command).world;
    }
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(endpoint.world));
  });

  test('the answer waits until the promise onApplied returned settles', async () => {
    let release: () => void = () => {};
    const endpoint = new Ec2Endpoint({ onApplied: () => new Promise<void>((resolve) => (release = resolve)) });
    let answered = false;
    const pending = endpoint.handle(post('Action=CreateVpc&CidrBlock=10.0.0.0/16')).then((response) => {
      answered = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    expect((await pending).status).toBe(200);
  });

  test('when onApplied fails the answer is 500 InternalError (the change was not kept by the embedder)', async () => {
    const endpoint = new Ec2Endpoint({ onApplied: () => Promise.reject(new Error('disk full')) });
    const response = await endpoint.handle(post('Action=CreateVpc&CidrBlock=10.0.0.0/16'));
    expect(response.status).toBe(500);
    expect(response.body).toContain('<Code>InternalError</Code>');
  });

  test('a change onApplied failed to keep is undone: the world is as it was', async () => {
    for (const fails of [() => Promise.reject(new Error('disk full')), () => { throw new Error('disk full'); }]) {
      let failing = false;
      const endpoint = new Ec2Endpoint({ onApplied: () => (failing ? fails() : undefined) });
      await endpoint.handle(post('Action=CreateVpc&CidrBlock=10.0.0.0/16'));
      const kept = endpoint.world;
      failing = true;
      expect((await endpoint.handle(post('Action=CreateVpc&CidrBlock=10.1.0.0/16'))).status).toBe(500);
      expect(endpoint.world).toBe(kept);
      failing = false;
      const listed = await endpoint.handle(post('Action=DescribeVpcs'));
      expect(listed.body.match(/<vpcId>/g)).toHaveLength(1);
    }
  });

  test('changes that fail together (one group commit) all go: the world is the one before the first', async () => {
    let reject: (error: Error) => void = () => {};
    const batch = new Promise<void>((_, no) => (reject = no));
    const endpoint = new Ec2Endpoint({ onApplied: () => batch });
    const before = endpoint.world;
    const first = endpoint.handle(post('Action=CreateVpc&CidrBlock=10.0.0.0/16'));
    const second = endpoint.handle(post('Action=CreateVpc&CidrBlock=10.1.0.0/16'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(endpoint.world.vpcs.size).toBe(2);
    reject(new Error('disk full'));
    expect((await first).status).toBe(500);
    expect((await second).status).toBe(500);
    expect(endpoint.world).toBe(before);
  });
});

describe('onAnswered', () => {
  test('one record per request: the action as sent, caller, status, error code, request ID', async () => {
    const records: AnsweredRequest[] = [];
    const endpoint = new Ec2Endpoint({ onAnswered: (record) => records.push(record) });
    await endpoint.handle(post('Action=DescribeVpcs', as('111111111111')));
    await endpoint.handle(post('Action=AcceptVpcPeeringConnection&VpcPeeringConnectionId=pcx-0123456789abcdef0', as('222222222222')));
    await endpoint.handle(post('Action=Nope'));
    await endpoint.handle(control('/_pcxsim/world'));
    expect(records.map(({ ms, ...rest }) => rest)).toEqual([
      { method: 'POST', path: '/', action: 'DescribeVpcs', accountId: '111111111111', region: 'us-east-1', status: 200, errorCode: undefined, requestId: expect.any(String) },
      { method: 'POST', path: '/', action: 'AcceptVpcPeeringConnection', accountId: '222222222222', region: 'us-east-1', status: 400, errorCode: 'InvalidVpcPeeringConnectionID.NotFound', requestId: expect.any(String) },
      // An action pcxsim does not serve is named as sent: the line a user reads to find what is not served.
      { method: 'POST', path: '/', action: 'Nope', accountId: '123456789012', region: 'us-east-1', status: 400, errorCode: 'InvalidAction', requestId: expect.any(String) },
      { method: 'GET', path: '/_pcxsim/world', action: '/_pcxsim/world', accountId: undefined, region: undefined, status: 200, errorCode: undefined, requestId: undefined },
    ]);
    for (const record of records) expect(record.ms).toBeGreaterThanOrEqual(0);
  });

  test('a logger that throws changes no answer', async () => {
    const endpoint = new Ec2Endpoint({ onAnswered: () => { throw new Error('log full'); } });
    expect((await endpoint.handle(post('Action=DescribeVpcs'))).status).toBe(200);
  });
});

describe('now: a wall clock', () => {
  test('before each request the simulated clock moves up to it (logged as AdvanceClock), never back', async () => {
    let wall = Date.UTC(2026, 2, 1);
    const log: AppliedCommand[] = [];
    const endpoint = new Ec2Endpoint({ worldOptions: { startTime: wall }, now: () => wall, onApplied: (applied) => void log.push(applied) });
    wall += 1_500;
    const first = await endpoint.handle(post('Action=DescribeVpcs'));
    expect(endpoint.world.clock).toBe(wall);
    expect(first.headers['x-pcxsim-clock']).toBe(new Date(wall).toISOString());
    expect(log.map((entry) => entry.command)).toEqual([{ type: 'AdvanceClock', Milliseconds: 1_500 }]);
    await endpoint.handle(control('/_pcxsim/clock', '{"advanceMs":60000}'));
    wall += 10; // the wall is now behind the simulated clock: it stays put
    await endpoint.handle(post('Action=DescribeVpcs'));
    expect(endpoint.world.clock).toBe(wall - 10 + 60_000);
  });
});

test('onReset hears of /_pcxsim/reset, with the new empty world', async () => {
  const resets: World[] = [];
  const endpoint = new Ec2Endpoint({ onReset: (world) => void resets.push(world) });
  await endpoint.handle(post('Action=CreateVpc&CidrBlock=10.0.0.0/16'));
  await endpoint.handle(control('/_pcxsim/reset'));
  expect(resets).toEqual([endpoint.world]);
  expect(endpoint.world.vpcs).toEqual(createWorld().vpcs);
});
