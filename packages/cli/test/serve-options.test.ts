// `pcxsim serve`'s clock, timing and consistency flags and its request log, through the real bin and
// real clients: a manual clock starts at the wall time, --start makes runs byte-identical, a data
// directory keeps its own clock, --describe-delay-ms is seen by the AWS CLI, the default timing lets
// plain automation accept and delete at once, and every log line names its action.
import { AcceptVpcPeeringConnectionCommand, CreateVpcCommand, CreateVpcPeeringConnectionCommand, DeleteVpcPeeringConnectionCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advance, aws, buildCli, cleanUp, scratchDir, SECRET, serve } from './spawn-cli.js';

beforeAll(buildCli, 180_000);
afterAll(cleanUp);

const ALICE = '111111111111';
const BOB = '222222222222';
const WEEK_MS = 7 * 24 * 3_600_000;

function client(url: string, account: string): EC2Client {
  return new EC2Client({ endpoint: url, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: account, secretAccessKey: SECRET } });
}

/** A raw EC2 request as `account`: the same bytes every time, so that answers can be compared byte for byte. */
async function post(url: string, account: string, body: string): Promise<{ status: number; clock: string | null; body: string }> {
  const response = await fetch(`${url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260301/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: `${body}&Version=2016-11-15`,
  });
  return { status: response.status, clock: response.headers.get('x-pcxsim-clock'), body: await response.text() };
}

/** Two VPCs and a cross-account request between them; every answer, in order. */
async function peeringSession(url: string): Promise<string[]> {
  const answers = [];
  answers.push(await post(url, ALICE, 'Action=CreateVpc&CidrBlock=10.0.0.0%2F16'));
  answers.push(await post(url, BOB, 'Action=CreateVpc&CidrBlock=10.1.0.0%2F16'));
  const [mine, theirs] = answers.map((answer) => /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(answer.body)![1]!);
  answers.push(await post(url, ALICE, `Action=CreateVpcPeeringConnection&VpcId=${mine}&PeerVpcId=${theirs}&PeerOwnerId=${BOB}`));
  await advance(url, 60_000);
  answers.push(await post(url, BOB, 'Action=DescribeVpcPeeringConnections'));
  return answers.map((answer) => `${answer.status} ${answer.clock}\n${answer.body}`);
}

describe('pcxsim serve --clock manual', () => {
  it('starts the simulated clock at the wall time: a fresh request expires 7 days from now', async () => {
    const before = Date.now();
    const server = await serve(['--clock', 'manual']);
    const after = Date.now();
    const ec2 = (account: string): EC2Client => client(server.url, account);
    const mine = await ec2(ALICE).send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const theirs = await ec2(BOB).send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
    const created = await ec2(ALICE).send(new CreateVpcPeeringConnectionCommand({ VpcId: mine.Vpc!.VpcId!, PeerVpcId: theirs.Vpc!.VpcId!, PeerOwnerId: BOB }));
    expect(await server.stop()).toBe(0);

    const started = Date.parse(/started (\S+),/.exec(server.banner())![1]!);
    expect(started).toBeGreaterThanOrEqual(before - 1);
    expect(started).toBeLessThanOrEqual(after);
    // Manual: nothing moved the clock, so the request was made at the start, and expires a week later.
    expect(created.VpcPeeringConnection!.ExpirationTime!.getTime()).toBe(started + WEEK_MS);
  }, 60_000);

  it('--start fixes the start: two runs of the same requests give byte-identical answers', async () => {
    const args = ['--clock', 'manual', '--start', '2026-03-01T09:00:00Z', '--seed', '42'];
    const first = await serve(args);
    const one = await peeringSession(first.url);
    await first.stop();
    const second = await serve(args);
    const two = await peeringSession(second.url);
    await second.stop();

    expect(two).toEqual(one);
    expect(first.banner()).toContain('seed 42, started 2026-03-01T09:00:00.000Z, now 2026-03-01T09:00:00.000Z');
    expect(one[2]).toContain('<expirationTime>2026-03-08T09:00:00.000Z</expirationTime>');
    expect(one[3]!.startsWith('200 2026-03-01T09:01:00.000Z\n')).toBe(true);
  }, 60_000);

  it('a data directory keeps its own clock on restart, and says so when --start asks for another', async () => {
    const dir = scratchDir();
    const created = await serve(['--clock', 'manual', '--start', '2026-03-01T09:00:00Z', '--data', dir]);
    await post(created.url, ALICE, 'Action=CreateVpc&CidrBlock=10.0.0.0%2F16');
    await advance(created.url, 3_600_000);
    await created.stop();

    const restarted = await serve(['--clock', 'manual', '--data', dir]);
    const answer = await post(restarted.url, ALICE, 'Action=DescribeVpcs');
    await restarted.stop();
    expect(answer.clock).toBe('2026-03-01T10:00:00.000Z');
    expect(restarted.banner()).toContain('started 2026-03-01T09:00:00.000Z, now 2026-03-01T10:00:00.000Z');
    expect(restarted.stderr()).toBe('');

    const asked = await serve(['--clock', 'manual', '--start', '2027-01-01T00:00:00Z', '--seed', '7', '--data', dir]);
    const again = await post(asked.url, ALICE, 'Action=DescribeVpcs');
    await asked.stop();
    expect(again.clock).toBe('2026-03-01T10:00:00.000Z');
    expect(asked.stderr()).toContain(`pcxsim: ${dir} was created with --seed 1 --start 2026-03-01T09:00:00.000Z (its clock is now 2026-03-01T10:00:00.000Z); those stay`);
  }, 90_000);
});

describe('pcxsim serve --describe-delay-ms', () => {
  it('makes the AWS CLI see a new VPC only once the delay has passed', async () => {
    const server = await serve(['--clock', 'manual', '--describe-delay-ms', '5000']);
    const created = await aws(server.url, ALICE, 'ec2', 'create-vpc', '--cidr-block', '10.0.0.0/16');
    const vpcId = (JSON.parse(created.stdout) as { Vpc: { VpcId: string } }).Vpc.VpcId;
    const early = await aws(server.url, ALICE, 'ec2', 'describe-vpcs', '--vpc-ids', vpcId);
    await advance(server.url, 5000);
    const late = await aws(server.url, ALICE, 'ec2', 'describe-vpcs', '--vpc-ids', vpcId);
    await server.stop();

    expect(server.banner()).toContain('Describe delay 5000 ms');
    expect(early.code).not.toBe(0);
    expect(early.stderr).toContain('InvalidVpcID.NotFound');
    expect(late.code).toBe(0);
    expect((JSON.parse(late.stdout) as { Vpcs: { VpcId: string }[] }).Vpcs.map((vpc) => vpc.VpcId)).toEqual([vpcId]);
  }, 90_000);
});

describe('pcxsim serve with its defaults', () => {
  it('is instant on the wall clock: an accept right after a cross-account create, and a delete right after the accept, both work', async () => {
    const server = await serve([]);
    const alice = client(server.url, ALICE);
    const bob = client(server.url, BOB);
    const mine = await alice.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const theirs = await bob.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
    const created = await alice.send(new CreateVpcPeeringConnectionCommand({ VpcId: mine.Vpc!.VpcId!, PeerVpcId: theirs.Vpc!.VpcId!, PeerOwnerId: BOB }));
    const id = created.VpcPeeringConnection!.VpcPeeringConnectionId!;
    // The wall clock moves on between two requests; under instant timing that is enough.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const accepted = await bob.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const deleted = await alice.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    await server.stop();

    expect(server.banner()).toContain('(clock wall, timing instant, in memory)');
    expect(accepted.VpcPeeringConnection?.Status?.Code).toBe('provisioning');
    expect(deleted.Return).toBe(true);
  }, 60_000);
});

describe('the request log', () => {
  it('names the action on every line: served, not served (InvalidAction), throttled and malformed', async () => {
    const server = await serve([], { quiet: false });
    const invalid = await post(server.url, ALICE, 'Action=DescribeInternetGateways');
    const malformed = await post(server.url, ALICE, 'Action=CreateVpc');
    await fetch(`${server.url}/_pcxsim/throttle`, { method: 'POST', body: JSON.stringify({ requests: 1 }) });
    const throttled = await post(server.url, BOB, 'Action=DescribeVpcs');
    const served = await post(server.url, BOB, 'Action=DescribeVpcs');
    const none = await post(server.url, BOB, 'Foo=bar');
    await server.stop();

    expect([invalid.status, malformed.status, throttled.status, served.status, none.status]).toEqual([400, 400, 503, 200, 400]);
    const lines = server
      .stderr()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .map(({ ms, ...rest }) => rest);
    expect(lines).toEqual([
      { action: 'DescribeInternetGateways', account: ALICE, region: 'us-east-1', status: 400, error: 'InvalidAction' },
      { action: 'CreateVpc', account: ALICE, region: 'us-east-1', status: 400, error: 'MissingParameter' },
      { action: '/_pcxsim/throttle', status: 200 },
      { action: 'DescribeVpcs', account: BOB, region: 'us-east-1', status: 503, error: 'RequestLimitExceeded' },
      { action: 'DescribeVpcs', account: BOB, region: 'us-east-1', status: 200 },
      // No Action at all: the line says so rather than leaving the field out.
      { action: null, account: BOB, region: 'us-east-1', status: 400, error: 'MissingAction' },
    ]);
  }, 60_000);
});
