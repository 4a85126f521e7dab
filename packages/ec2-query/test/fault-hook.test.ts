// The test harness's way in: `injectFault` answers a request with an error before it is parsed (the
// world untouched, the answer an ordinary EC2 error document), `simulate` runs the simulation's own
// commands, and `noBackoffRetryStrategy` retries as the SDK does without sleeping.
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, test } from 'vitest';
import {
  Ec2Endpoint,
  InProcessHandler,
  errorDocument,
  noBackoffRetryStrategy,
  requestLimitExceeded,
  type AnsweredRequest,
  type AppliedCommand,
  type IncomingRequest,
} from '../src/index.js';

const form = (body: string) => ({ method: 'POST', path: '/', query: '', headers: {}, body });

describe('injectFault', () => {
  test('sees each EC2 request with its Action, caller and request ID; its error is the answer, the world untouched', async () => {
    const seen: IncomingRequest[] = [];
    const answered: AnsweredRequest[] = [];
    const endpoint = new Ec2Endpoint({
      injectFault: (request) => {
        seen.push(request);
        return request.action === 'CreateVpc' ? requestLimitExceeded() : undefined;
      },
      onAnswered: (answer) => answered.push(answer),
    });
    const before = endpoint.world;
    const refused = await endpoint.handle(form('Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16'));
    expect(refused.status).toBe(503);
    expect(refused.body).toBe(errorDocument(requestLimitExceeded(), refused.headers['x-amzn-requestid']!));
    expect(endpoint.world).toBe(before);
    expect((await endpoint.handle(form('Action=DescribeVpcs&Version=2016-11-15'))).status).toBe(200);
    expect((await endpoint.handle(form('Version=2016-11-15'))).status).toBe(400);
    expect(seen.map((request) => request.action)).toEqual(['CreateVpc', 'DescribeVpcs', undefined]);
    expect(seen.map((request) => request.requestId)).toEqual(answered.map((answer) => answer.requestId));
    expect(seen[0]?.caller).toMatchObject({ accountId: expect.stringMatching(/^\d{12}$/) });
    expect(answered[0]).toMatchObject({ action: 'CreateVpc', status: 503, errorCode: 'RequestLimitExceeded' });
  });

  test('a hook that throws is a fault of the harness: 500 InternalError, nothing applied', async () => {
    const endpoint = new Ec2Endpoint({
      injectFault: () => {
        throw new Error('broken hook');
      },
    });
    const before = endpoint.world;
    const response = await endpoint.handle(form('Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16'));
    expect(response.status).toBe(500);
    expect(endpoint.world).toBe(before);
  });
});

describe('simulate', () => {
  test('runs the simulation’s own commands, keeps the world, and reports them to onApplied', () => {
    const applied: AppliedCommand[] = [];
    const endpoint = new Ec2Endpoint({ onApplied: (command) => void applied.push(command) });
    const armed = endpoint.simulate({ type: 'FailPeeringChecks', Count: 2 });
    expect(armed.result).toEqual({ ok: true, value: { Armed: 2 } });
    expect(endpoint.world.checkFaults).toEqual({ armed: 2, marked: [] });
    endpoint.simulate({ type: 'AdvanceClock', Milliseconds: 1_000 });
    expect(applied.map((entry) => entry.command.type)).toEqual(['FailPeeringChecks', 'AdvanceClock']);
    const bad = endpoint.simulate({ type: 'FailPeeringChecks', Count: -1 });
    expect(bad.result.ok).toBe(false);
    expect(applied).toHaveLength(2);
  });
});

describe('noBackoffRetryStrategy', () => {
  test('the SDK’s attempts, without its backoff', async () => {
    const endpoint = new Ec2Endpoint();
    const ec2 = new EC2Client({
      region: 'us-east-1',
      credentials: { accessKeyId: '111111111111', secretAccessKey: 'notasecret' },
      requestHandler: new InProcessHandler(endpoint),
      retryStrategy: noBackoffRetryStrategy(4),
    });
    endpoint.throttle(3);
    const out = await ec2.send(new DescribeVpcsCommand({}));
    expect(out.$metadata).toMatchObject({ attempts: 4, totalRetryDelay: 0 });
    endpoint.throttle(4);
    await expect(ec2.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: 'RequestLimitExceeded', $metadata: { attempts: 4 } });
    ec2.destroy();
  });
});
