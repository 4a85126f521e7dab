// When the embedder cannot keep changes (a store on a full disk, issue 19): the change that could not
// be kept gets InternalError and is undone, the answered-request record names the cause, health
// answers 503 with the reason, and reads keep working — with a wall clock too, whose catch-up step
// before each request is a change like any other.
import { describe, expect, test } from 'vitest';
import { Ec2Endpoint, type AnsweredRequest } from '../src/index.js';

const form = (body: string) => ({ method: 'POST', path: '/', query: '', headers: { authorization: 'AWS4-HMAC-SHA256 Credential=111111111111/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0' }, body });

/** An endpoint whose embedder fails every change while `full` is true, as a store on a full disk does. */
function overFlakyStore(options: { wallClock?: boolean } = {}) {
  const disk = { full: false };
  const answered: AnsweredRequest[] = [];
  let wall = Date.UTC(2026, 0, 1);
  const endpoint = new Ec2Endpoint({
    worldOptions: { seed: 3, timing: 'instant', startTime: wall },
    onApplied: () => (disk.full ? Promise.reject(new Error('SQLITE_FULL: database or disk is full')) : Promise.resolve()),
    health: () => (disk.full ? 'writes fail: SQLITE_FULL: database or disk is full' : undefined),
    onAnswered: (request) => void answered.push(request),
    ...(options.wallClock === true ? { now: () => (wall += 1000) } : {}),
  });
  return { endpoint, disk, answered };
}

describe('changes the embedder cannot keep', () => {
  test('health answers 503 with the reason while they fail, and ok again after', async () => {
    const { endpoint, disk } = overFlakyStore();
    const health = () => endpoint.handle({ method: 'GET', path: '/_pcxsim/health', query: '', headers: {}, body: '' });
    expect((await health()).status).toBe(200);
    disk.full = true;
    const sick = await health();
    expect(sick.status).toBe(503);
    expect(JSON.parse(sick.body)).toEqual({ status: 'unavailable', reason: 'writes fail: SQLITE_FULL: database or disk is full' });
    disk.full = false;
    expect(JSON.parse((await health()).body)).toEqual({ status: 'ok' });
  });

  test('the change gets InternalError, is undone, and its answered record names the cause', async () => {
    const { endpoint, disk, answered } = overFlakyStore();
    const before = endpoint.world;
    disk.full = true;
    const refused = await endpoint.handle(form('Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16'));
    expect(refused.status).toBe(500);
    expect(refused.body).toContain('<Code>InternalError</Code>');
    expect(endpoint.world).toBe(before);
    expect(answered.at(-1)).toMatchObject({ action: 'CreateVpc', status: 500, errorCode: 'InternalError', cause: 'SQLITE_FULL: database or disk is full' });
    disk.full = false;
    const kept = await endpoint.handle(form('Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16'));
    expect(kept.status).toBe(200);
    expect(answered.at(-1)?.cause).toBeUndefined();
  });

  test('with a wall clock, reads keep working while the clock step before them cannot be kept', async () => {
    const { endpoint, disk } = overFlakyStore({ wallClock: true });
    expect((await endpoint.handle(form('Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16'))).status).toBe(200);
    const clock = endpoint.world.clock;
    disk.full = true;
    const read = await endpoint.handle(form('Action=DescribeVpcs&Version=2016-11-15'));
    expect(read.status).toBe(200);
    expect(read.body).toContain('10.0.0.0/16');
    expect(endpoint.world.clock).toBe(clock); // the step that could not be kept was undone
    expect((await endpoint.handle(form('Action=CreateVpc&Version=2016-11-15&CidrBlock=10.1.0.0%2F16'))).status).toBe(500);
    disk.full = false;
    expect((await endpoint.handle(form('Action=CreateVpc&Version=2016-11-15&CidrBlock=10.1.0.0%2F16'))).status).toBe(200);
    expect(endpoint.world.clock).toBeGreaterThan(clock);
  });
});
