// The node:http way in, spoken to raw: POST bodies and GET query strings alike, the headers every
// response carries (content type, x-amzn-requestid, the simulated Date), keep-alive, methods, and
// determinism — the same seed and the same requests give byte-identical responses.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ec2Endpoint, listen, requestId, type RunningServer } from '../src/index.js';
import { rawHttp } from './helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the node:http handler', () => {
  let endpoint: Ec2Endpoint;
  let server: RunningServer;
  beforeAll(async () => {
    endpoint = new Ec2Endpoint({ worldOptions: { seed: 21, startTime: Date.UTC(2026, 4, 17, 9, 30) } });
    server = await listen(endpoint);
  });
  afterAll(() => server.close());

  test('POST with a form body and GET with a query string are the same request', async () => {
    const body = 'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16';
    const posted = await rawHttp(server.url, { headers: FORM, body });
    expect(posted.status).toBe(200);
    const vpcId = /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(posted.body)?.[1];
    const got = await rawHttp(server.url, { method: 'GET', path: `/?Action=DescribeVpcs&Version=2016-11-15&VpcId.1=${vpcId}` });
    expect(got.status).toBe(200);
    expect(got.body).toContain(`<vpcId>${vpcId}</vpcId>`);
    expect(got.body).toContain('<cidrBlock>10.0.0.0/16</cidrBlock>');
  });

  test('every response carries text/xml, a UUID x-amzn-requestid equal to <requestId>, the simulated now as x-pcxsim-clock and the wall clock as Date', async () => {
    const ok = await rawHttp(server.url, { headers: FORM, body: 'Action=DescribeVpcs&Version=2016-11-15' });
    const failed = await rawHttp(server.url, { headers: FORM, body: 'Action=Nope&Version=2016-11-15' });
    for (const [answer, element] of [[ok, 'requestId'], [failed, 'RequestID']] as const) {
      expect(answer.headers['content-type']).toBe('text/xml;charset=UTF-8');
      expect(answer.headers['x-amzn-requestid']).toMatch(UUID);
      expect(answer.body).toContain(`<${element}>${answer.headers['x-amzn-requestid']}</${element}>`);
      expect(answer.headers['x-pcxsim-clock']).toBe(new Date(endpoint.world.clock).toISOString());
      expect(Math.abs(Date.parse(String(answer.headers['date'])) - Date.now())).toBeLessThan(60_000);
    }
    expect(failed.status).toBe(400);
  });

  test('x-pcxsim-clock relates ExpirationTime to the call: a new request expires 7 days after it', async () => {
    const vpc = async (cidr: string) =>
      /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec((await rawHttp(server.url, { headers: FORM, body: `Action=CreateVpc&Version=2016-11-15&CidrBlock=${cidr}` })).body)![1];
    endpoint.advanceClock(12_345);
    const answer = await rawHttp(server.url, {
      headers: FORM,
      body: `Action=CreateVpcPeeringConnection&Version=2016-11-15&VpcId=${await vpc('10.1.0.0/16')}&PeerVpcId=${await vpc('10.2.0.0/16')}`,
    });
    const expiration = Date.parse(/<expirationTime>([^<]+)<\/expirationTime>/.exec(answer.body)![1]!);
    expect(expiration - endpoint.world.clock).toBe(7 * 24 * 3600 * 1000);
    expect(Date.parse(String(answer.headers['x-pcxsim-clock']))).toBe(endpoint.world.clock);
  });

  test('any path but the control API is EC2; methods other than GET and POST are 405 with Allow', async () => {
    expect((await rawHttp(server.url, { path: '/some/prefix/', headers: FORM, body: 'Action=DescribeVpcs&Version=2016-11-15' })).status).toBe(200);
    const put = await rawHttp(server.url, { method: 'PUT', headers: FORM, body: 'Action=DescribeVpcs&Version=2016-11-15' });
    expect(put.status).toBe(405);
    expect(put.headers['allow']).toBe('GET, POST');
    expect(put.body).toContain('<Code>InvalidAction</Code>');
  });

  test('a keep-alive connection carries many requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    try {
      for (let i = 0; i < 5; i++) {
        const status = await new Promise<number>((resolve, reject) => {
          const req = request(new URL('/', server.url), { method: 'POST', agent, headers: FORM }, (res) => {
            sockets.add(res.socket);
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end('Action=DescribeVpcs&Version=2016-11-15');
        });
        expect(status).toBe(200);
      }
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});

describe('determinism', () => {
  const script = [
    'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16',
    'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.1.0.0%2F16',
    'Action=DescribeVpcs&Version=2016-11-15',
    'Action=AcceptVpcPeeringConnection&Version=2016-11-15&VpcPeeringConnectionId=pcx-0123456789abcdef0',
    'Action=Bogus&Version=2016-11-15',
  ];

  async function replay(): Promise<string[]> {
    const server = await listen(new Ec2Endpoint({ worldOptions: { seed: 99 } }));
    try {
      const out: string[] = [];
      for (const body of script) {
        const answer = await rawHttp(server.url, { headers: FORM, body });
        out.push(`${answer.status} ${answer.headers['x-amzn-requestid']} ${answer.headers['x-pcxsim-clock']}\n${answer.body}`);
      }
      return out;
    } finally {
      await server.close();
    }
  }

  test('the same seed and the same requests give byte-identical responses, request IDs and Date included', async () => {
    const [first, second] = [await replay(), await replay()];
    expect(second).toEqual(first);
    expect(first.map((text) => text.split(' ')[1])).toEqual(script.map((_, i) => requestId(99, i)));
  });

  test('request IDs differ between requests and between seeds', () => {
    const ids = new Set<string>();
    for (const seed of [1, 2, 3]) for (let n = 0; n < 1000; n++) ids.add(requestId(seed, n));
    expect(ids.size).toBe(3000);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  test('request IDs stay those of earlier versions (a replayed log or a recorded answer still matches)', () => {
    // Made by the first implementation (toString(16) and slicing); the table-driven one must agree.
    expect(requestId(1, 0)).toBe('9941cd2d-a4bf-4cf1-9a81-a3d0e1c818de');
    expect(requestId(1, 1)).toBe('4d80fe65-a31e-4bf9-befe-f36a7a1a3813');
    expect(requestId(7, 123456)).toBe('9488869f-2242-4596-b38a-f85b39019c1e');
    expect(requestId(42, 2 ** 32 + 5)).toBe('8a7b2b37-9ed2-4db6-856b-82772477c010');
    expect(requestId(0, 2 ** 40)).toBe('aa3e5b61-725b-4377-91db-f7d472e22c02');
  });
});
