// The limits (issue 5): a body over 1 MiB, more than 10,000 parameters or a list index over 1,000 get a
// clear 4xx at once — the rest of the request is not read — and the world stays as it was. "Not read"
// is shown on a raw socket: the answer comes while the client has sent only a part of the body.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, Ec2Endpoint, listen, type RunningServer } from '../src/index.js';
import { rawHttp } from './helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Sends `head` and the first `part` of a body on a raw socket and returns the first response it gets. */
function partialRequest(url: string, head: string, part: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head + part));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('</Response>') || text.includes('}')) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}

describe('limits', () => {
  let endpoint: Ec2Endpoint;
  let server: RunningServer;
  beforeAll(async () => {
    endpoint = new Ec2Endpoint();
    server = await listen(endpoint);
  });
  afterAll(() => server.close());

  test('the limits are 1 MiB, 10,000 parameters and index 1,000', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxBodyBytes: 1_048_576, maxParameters: 10_000, maxListIndex: 1_000 });
  });

  test('a body declared over 1 MiB is answered 413 before it is sent (the rest is thrown away unread: oversized-body.test.ts)', async () => {
    const before = endpoint.world;
    const head = `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`;
    const answer = await partialRequest(server.url, head, 'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16&');
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: keep-alive');
    expect(answer).toContain('<Code>InvalidRequest</Code><Message>The request body is larger than the limit of 1048576 bytes</Message>');
    expect(endpoint.world).toBe(before);
  });

  test('a chunked body is cut off as soon as it passes 1 MiB, without waiting for its end', async () => {
    const before = endpoint.world;
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    const head = 'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n';
    const big = `Action=DescribeVpcs&Version=2016-11-15&NextToken=${'a'.repeat(DEFAULT_LIMITS.maxBodyBytes)}`;
    const answer = await partialRequest(server.url, head, chunk(big)); // no last chunk: the body never ends
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(endpoint.world).toBe(before);
  });

  test('a body of exactly 1 MiB is read', async () => {
    const prefix = 'Action=DescribeVpcs&Version=2016-11-15&NextToken=';
    const body = prefix + 'a'.repeat(DEFAULT_LIMITS.maxBodyBytes - prefix.length);
    const answer = await rawHttp(server.url, { headers: FORM, body });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>InvalidNextToken</Code>');
  });

  test('10,001 parameters are refused before any is looked at; 10,000 are read', async () => {
    const before = endpoint.world;
    const values = (n: number) => Array.from({ length: n }, (_, i) => `Filter.${Math.floor(i / 1000) + 1}.Value.${(i % 1000) + 1}=v`).join('&');
    const over = await rawHttp(server.url, { headers: FORM, body: `Action=DescribeVpcs&Version=2016-11-15&${values(9_999)}` });
    expect(over.status).toBe(400);
    expect(over.body).toContain('<Code>InvalidRequest</Code><Message>The request has more than the limit of 10000 parameters</Message>');
    const at = await rawHttp(server.url, { headers: FORM, body: `Action=DescribeVpcs&Version=2016-11-15&${values(9_998)}` });
    expect(at.body).not.toContain('limit of 10000 parameters');
    expect(endpoint.world).toBe(before);
  });

  test('parameters in the query string count too, with those of the body', async () => {
    // (Over HTTP, node itself refuses a request line over 16 KiB with 431, well before 10,000 parameters.)
    const query = Array.from({ length: 6_000 }, (_, i) => `p${i}=1`).join('&');
    const body = Array.from({ length: 4_001 }, (_, i) => `q${i}=1`).join('&');
    const answer = await endpoint.handle({ method: 'POST', path: '/', query, headers: {}, body });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('limit of 10000 parameters');
  });

  test('a list index over 1,000 is refused', async () => {
    const answer = await rawHttp(server.url, { headers: FORM, body: 'Action=DescribeVpcPeeringConnections&Version=2016-11-15&VpcPeeringConnectionId.1001=pcx-1' });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>InvalidRequest</Code>');
  });

  test('the control API has the body limit too (413, JSON)', async () => {
    const answer = await rawHttp(server.url, { path: '/_pcxsim/clock', body: `{"advanceMs":1,"pad":"${'x'.repeat(DEFAULT_LIMITS.maxBodyBytes)}"}` });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'InvalidRequest', message: 'The request body is larger than the limit of 1048576 bytes' } });
  });

  test('limits can be set per endpoint', async () => {
    const small = new Ec2Endpoint({ limits: { maxParameters: 3 } });
    const answer = await small.handle({ method: 'POST', path: '/', query: '', headers: {}, body: 'Action=DescribeVpcs&Version=2016-11-15&DryRun=true&MaxResults=5' });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('limit of 3 parameters');
  });
});
