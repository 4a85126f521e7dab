// Signature verification (issue 5): off by default; on, the SDK signing with the configured secret
// is accepted and a wrong secret, an unknown key, a missing signature or a changed body are refused
// (ecosystem.md §2.2). Requests signed by the SDK are replayed raw to check what the signature covers.
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Sha256 } from '../src/sha256.js';
import { ALICE, BOB, Harness, rawHttp, sdkRequest, TRANSPORTS } from './helpers.js';

const SECRETS = { [ALICE]: 'alice-secret', AKIDEXAMPLE: 'example-secret' };
const options = { signatures: { secrets: SECRETS }, identity: { accounts: { AKIDEXAMPLE: BOB } } };

describe.each(TRANSPORTS)('signature verification over the %s transport', (transport) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start(transport, options);
  });
  afterAll(() => h.close());

  test('the SDK signing with the configured secret is accepted', async () => {
    const answer = await h.send(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }, 'us-east-1', 'alice-secret');
    expect(answer).toMatchObject({ ok: true, value: { Vpc: { OwnerId: ALICE } } });
  });

  test('a key mapped through configuration is accepted and calls as its account', async () => {
    const answer = await h.send('AKIDEXAMPLE', 'CreateVpc', { CidrBlock: '10.1.0.0/16' }, 'us-east-1', 'example-secret');
    expect(answer).toMatchObject({ ok: true, value: { Vpc: { OwnerId: BOB } } });
  });

  test('a wrong secret is SignatureDoesNotMatch (403) and the world stays', async () => {
    const before = h.endpoint.world;
    const answer = await h.send(ALICE, 'CreateVpc', { CidrBlock: '10.2.0.0/16' }, 'us-east-1', 'wrong-secret');
    expect(answer).toMatchObject({ ok: false, fault: 'client', error: { code: 'SignatureDoesNotMatch', httpStatus: 403 } });
    expect(h.endpoint.world).toBe(before);
  });

  test('a key without a configured secret is AuthFailure (401)', async () => {
    const answer = await h.send('999999999999', 'DescribeVpcs', {}, 'us-east-1', 'whatever');
    expect(answer).toMatchObject({ ok: false, error: { code: 'AuthFailure', httpStatus: 401 } });
  });
});

describe('what a signature covers (raw replays over HTTP)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start('http', options);
  });
  afterAll(() => h.close());

  const replay = async (body: string, headers: Record<string, string>) => rawHttp(h.url, { headers, body });

  test('a request replayed exactly is accepted; the same signature on another body is refused', async () => {
    const signed = await sdkRequest('CreateVpc', { CidrBlock: '10.5.0.0/16' }, { secretAccessKey: 'alice-secret', endpoint: h.url });
    const body = String(signed.body);
    expect((await replay(body, signed.headers)).status).toBe(200);
    const changed = body.replace('10.5.0.0', '10.6.0.0');
    const refused = await replay(changed, { ...signed.headers, 'content-length': String(changed.length) });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  test('a request without any signature is AuthFailure (401)', async () => {
    const answer = await replay('Action=DescribeVpcs&Version=2016-11-15', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('<Code>AuthFailure</Code>');
  });

  test('a presigned GET (the signature in X-Amz-* query parameters) is accepted, and refused once changed', async () => {
    const host = new URL(h.url).host;
    const signer = new SignatureV4({ credentials: { accessKeyId: ALICE, secretAccessKey: 'alice-secret' }, region: 'us-east-1', service: 'ec2', sha256: Sha256 });
    const presigned = await signer.presign({
      method: 'GET',
      protocol: 'http:',
      hostname: host,
      path: '/',
      headers: { host },
      query: { Action: 'DescribeVpcs', Version: '2016-11-15' },
    });
    const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
    const accepted = await rawHttp(h.url, { method: 'GET', path: `/?${query}` });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toContain('<DescribeVpcsResponse');
    const changed = await rawHttp(h.url, { method: 'GET', path: `/?${query.replace('DescribeVpcs', 'DescribeTags')}` });
    expect(changed.status).toBe(403);
  });
});

describe('verification is off by default', () => {
  test('any secret is accepted', async () => {
    const h = await Harness.start('in-process');
    try {
      expect(await h.send(ALICE, 'DescribeVpcs', {}, 'us-east-1', 'anything at all')).toMatchObject({ ok: true });
    } finally {
      await h.close();
    }
  });
});
