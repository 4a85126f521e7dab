// Who is calling (issue 5): the account from the SigV4 access key ID (12 digits IS the account; other
// keys through configuration; else 123456789012), the Region from the credential scope — read from
// what the real SDK sends.
import { describe, expect, test } from 'vitest';
import { callerOf, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, Ec2Endpoint, signatureOf } from '../src/index.js';
import { ALICE, Harness, sdkRequest } from './helpers.js';

describe('the signature the SDK sends', () => {
  test('its credential scope and signed headers are read from the Authorization header', async () => {
    const request = await sdkRequest('DescribeVpcs', {}, { accountId: 'AKIDEXAMPLE', region: 'ap-southeast-2' });
    const signature = signatureOf(request.headers['authorization'], []);
    expect(signature).toMatchObject({ location: 'header', scope: { accessKeyId: 'AKIDEXAMPLE', region: 'ap-southeast-2', service: 'ec2' } });
    expect(signature?.scope.date).toMatch(/^\d{8}$/);
    expect(signature?.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'content-type']));
    expect(signature?.signature).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('callerOf', () => {
  const scoped = (accessKeyId: string, region = 'eu-west-1') =>
    signatureOf(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/${region}/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`, []);

  test('a 12-digit access key ID is the account; the Region is the credential scope', () => {
    expect(callerOf(scoped('210987654321'), {})).toEqual({ accountId: '210987654321', region: 'eu-west-1' });
  });

  test('other keys map through configuration, and anything else is the default account', () => {
    const options = { accounts: { AKIDEXAMPLE: '999988887777' } };
    expect(callerOf(scoped('AKIDEXAMPLE'), options)).toEqual({ accountId: '999988887777', region: 'eu-west-1' });
    expect(callerOf(scoped('test'), options)).toEqual({ accountId: DEFAULT_ACCOUNT_ID, region: 'eu-west-1' });
    expect(callerOf(scoped('test'), { defaultAccountId: '000011112222' })).toEqual({ accountId: '000011112222', region: 'eu-west-1' });
    expect(callerOf(scoped('toString'), options).accountId).toBe(DEFAULT_ACCOUNT_ID);
  });

  test('an unsigned or malformed request is the default account in the default Region', () => {
    expect(DEFAULT_ACCOUNT_ID).toBe('123456789012');
    expect(callerOf(undefined, {})).toEqual({ accountId: DEFAULT_ACCOUNT_ID, region: DEFAULT_REGION });
    expect(callerOf(signatureOf('AWS4-HMAC-SHA256 Credential=broken', []), { defaultRegion: 'sa-east-1' })).toEqual({ accountId: DEFAULT_ACCOUNT_ID, region: 'sa-east-1' });
    expect(signatureOf('Basic dXNlcjpwYXNz', [])).toBeUndefined();
  });

  test('a presigned request carries its signature in X-Amz-* query parameters', () => {
    const signature = signatureOf(undefined, [
      ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
      ['X-Amz-Credential', '111111111111/20260101/us-west-2/ec2/aws4_request'],
      ['X-Amz-Date', '20260101T000000Z'],
      ['X-Amz-SignedHeaders', 'host'],
      ['X-Amz-Signature', 'a'.repeat(64)],
    ]);
    expect(callerOf(signature, {})).toEqual({ accountId: '111111111111', region: 'us-west-2' });
  });
});

describe('the caller end to end', () => {
  test('the SDK client Region is the caller Region: a VPC made in eu-west-1 is not seen from us-east-1', async () => {
    const h = await Harness.start('in-process');
    try {
      const vpcId = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }, 'eu-west-1')).Vpc.VpcId;
      expect((await h.ok(ALICE, 'DescribeVpcs', {}, 'eu-west-1')).Vpcs.map((v: { VpcId: string }) => v.VpcId)).toEqual([vpcId]);
      expect((await h.ok(ALICE, 'DescribeVpcs', {}, 'us-east-1')).Vpcs).toEqual([]);
    } finally {
      await h.close();
    }
  });

  test('an unsigned request acts as the default account', async () => {
    const endpoint = new Ec2Endpoint({ identity: { defaultRegion: 'eu-central-1' } });
    const answer = await endpoint.handle({ method: 'GET', path: '/', query: 'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0/16', headers: {}, body: '' });
    expect(answer.body).toContain(`<ownerId>${DEFAULT_ACCOUNT_ID}</ownerId>`);
  });
});
