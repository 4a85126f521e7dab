// The real CLI, spawned: serve on port 0 with a data directory, driven by the real SDK over HTTP,
// stopped (gracefully, or with kill -9) and started again on the same directory.
import { spawnSync, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CreateVpcCommand, CreateVpcPeeringConnectionCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildCli, cleanUp, exitOf, root, scratchDir as dataDir, SECRET, serve } from './spawn-cli.js';

beforeAll(buildCli, 120_000);
afterAll(cleanUp);

/** Starts `pcxsim serve` (quiet unless asked) and resolves with its URL once it prints it. */
const start = (args: string[], options?: { quiet?: boolean }) => serve(args, options);
const stopped = exitOf;

function client(url: string, account: string): EC2Client {
  return new EC2Client({ endpoint: url, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: account, secretAccessKey: SECRET } });
}

async function world(url: string): Promise<string> {
  return (await fetch(`${url}/_pcxsim/world`)).text();
}

describe('pcxsim serve with a data directory', () => {
  it('keeps every change across a graceful restart: the world is identical', async () => {
    const dir = dataDir();
    const first = await start(['--data', dir, '--clock', 'manual', '--seed', '9']);
    const alice = client(first.url, '111111111111');
    const bob = client(first.url, '222222222222');
    const a = await alice.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const b = await bob.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
    await alice.send(new CreateVpcPeeringConnectionCommand({ VpcId: a.Vpc!.VpcId!, PeerVpcId: b.Vpc!.VpcId!, PeerOwnerId: '222222222222' }));
    await fetch(`${first.url}/_pcxsim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 60_000 }) });
    const before = await world(first.url);
    first.child.kill('SIGTERM');
    expect(await stopped(first.child)).toBe(0);

    const second = await start(['--data', dir, '--clock', 'manual', '--seed', '9']);
    expect(await world(second.url)).toBe(before);
    // history reads the log while the server still holds the directory
    const history = execFileSync(process.execPath, [bin, 'history', '--data', dir, a.Vpc!.VpcId!], { encoding: 'utf8' });
    second.child.kill('SIGTERM');
    await stopped(second.child);
    expect(history).toContain('CreateVpc');
    expect(history).toContain('CreateVpcPeeringConnection');
    expect(history).not.toContain('10.1.0.0/16'); // Bob's VPC is another resource
  });

  it('lets Debian\'s AWS CLI v2 peer two VPCs across accounts, and keeps it all across a restart', async () => {
    const dir = dataDir();
    const server = await start(['--data', dir, '--clock', 'manual']);
    const aws = (account: string, ...args: string[]): Record<string, unknown> => {
      const out = execFileSync('/usr/bin/aws', ['--endpoint-url', server.url, '--output', 'json', 'ec2', ...args], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', HOME: dir, AWS_ACCESS_KEY_ID: account, AWS_SECRET_ACCESS_KEY: SECRET, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '1' },
      });
      return JSON.parse(out) as Record<string, unknown>;
    };
    const vpcOf = (out: Record<string, unknown>): string => (out['Vpc'] as { VpcId: string }).VpcId;
    const mine = vpcOf(aws('111111111111', 'create-vpc', '--cidr-block', '10.0.0.0/16'));
    const theirs = vpcOf(aws('222222222222', 'create-vpc', '--cidr-block', '10.1.0.0/16'));
    const created = aws('111111111111', 'create-vpc-peering-connection', '--vpc-id', mine, '--peer-vpc-id', theirs, '--peer-owner-id', '222222222222');
    const pcx = (created['VpcPeeringConnection'] as { VpcPeeringConnectionId: string }).VpcPeeringConnectionId;
    await fetch(`${server.url}/_pcxsim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 10_000 }) });
    aws('222222222222', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', pcx);
    await fetch(`${server.url}/_pcxsim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 10_000 }) });
    const before = await world(server.url);
    server.child.kill('SIGTERM');
    expect(await stopped(server.child)).toBe(0);

    const again = await start(['--data', dir, '--clock', 'manual']);
    expect(await world(again.url)).toBe(before);
    const seen = execFileSync('/usr/bin/aws', ['--endpoint-url', again.url, '--output', 'text', '--query', 'VpcPeeringConnections[0].Status.Code', 'ec2', 'describe-vpc-peering-connections'], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: dir, AWS_ACCESS_KEY_ID: '222222222222', AWS_SECRET_ACCESS_KEY: SECRET, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' },
    });
    again.child.kill('SIGTERM');
    await stopped(again.child);
    expect(seen.trim()).toBe('active');
  });

  it('survives kill -9 mid-stream: every acknowledged create is there, none twice (64 concurrent clients)', async () => {
    for (const killAfter of [40, 150]) {
      const dir = dataDir();
      const server = await start(['--data', dir, '--clock', 'manual']);
      const acknowledged = new Set<string>();
      let killed = false;
      const latencies: number[] = [];
      const clientLoop = async (n: number): Promise<void> => {
        const ec2 = client(server.url, String(100000000000 + n));
        for (let i = 0; i < 10 && !killed; i++) {
          const started = performance.now();
          try {
            const out = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${i}.0.0/16` }));
            latencies.push(performance.now() - started);
            acknowledged.add(out.Vpc!.VpcId!);
            if (acknowledged.size >= killAfter && !killed) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          } catch {
            return; // the server is gone: what it answered before is what counts
          }
        }
      };
      const began = performance.now();
      await Promise.all(Array.from({ length: 64 }, (_, n) => clientLoop(n)));
      const seconds = (performance.now() - began) / 1000;
      if (!killed) server.child.kill('SIGKILL');
      await stopped(server.child).catch(() => null);

      const again = await start(['--data', dir, '--clock', 'manual']);
      const present = new Map<string, number>();
      for (let n = 0; n < 64; n++) {
        const out = await client(again.url, String(100000000000 + n)).send(new DescribeVpcsCommand({}));
        for (const vpc of out.Vpcs ?? []) present.set(vpc.VpcId!, (present.get(vpc.VpcId!) ?? 0) + 1);
      }
      again.child.kill('SIGTERM');
      await stopped(again.child);
      for (const id of acknowledged) expect(present.get(id), id).toBe(1);
      expect([...present.values()].every((count) => count === 1)).toBe(true);
      latencies.sort((x, y) => x - y);
      console.log(
        `durable writes: ${acknowledged.size} acknowledged before kill -9 at ${killAfter}, ${(acknowledged.size / seconds).toFixed(0)}/s, ` +
          `p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)]!.toFixed(1)} ms`,
      );
    }
  }, 120_000);

  it('maps access keys to accounts with --accounts and checks signatures with --verify-signatures', async () => {
    const dir = dataDir();
    const file = join(dir, 'accounts.json');
    writeFileSync(file, JSON.stringify({ accessKeys: { AKIAPCXSIMEXAMPLE: { accountId: '333333333333', secretAccessKey: 'right-secret' } } }));
    const server = await start(['--accounts', file, '--verify-signatures']);
    const signed = (secretAccessKey: string): EC2Client =>
      new EC2Client({ endpoint: server.url, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIAPCXSIMEXAMPLE', secretAccessKey } });
    const vpc = await signed('right-secret').send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const refused = await signed('wrong-secret').send(new DescribeVpcsCommand({})).catch((error: { name: string }) => error.name);
    server.child.kill('SIGTERM');
    await stopped(server.child);
    expect(vpc.Vpc?.OwnerId).toBe('333333333333');
    expect(refused).toBe('SignatureDoesNotMatch');
  });

  it('follows the wall clock by default, and logs one JSON line per request unless --quiet', async () => {
    const { child, url, stderr } = await start([], { quiet: false });
    const response = await fetch(`${url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=111111111111/20260101/eu-west-1/ec2/aws4_request, SignedHeaders=host, Signature=0' },
      body: 'Action=DescribeVpcs&Version=2016-11-15',
    });
    const simulatedNow = Date.parse(response.headers.get('x-pcxsim-clock')!);
    child.kill('SIGTERM');
    await stopped(child);
    expect(response.status).toBe(200);
    expect(Math.abs(simulatedNow - Date.now())).toBeLessThan(10_000);
    expect(JSON.parse(stderr().trim().split('\n').at(-1)!)).toMatchObject({ action: 'DescribeVpcs', account: '111111111111', region: 'eu-west-1', status: 200 });
  });

  it('refuses a taken port and a held data directory with a clear message and a non-zero exit', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const busy = spawnSync(process.execPath, [bin, 'serve', '--port', String(port)], { encoding: 'utf8', timeout: 20_000 });
    taken.close();
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain('the port is taken');

    const dir = dataDir();
    const holder = await start(['--data', dir]);
    const second = spawnSync(process.execPath, [bin, 'serve', '--port', '0', '--data', dir], { encoding: 'utf8', timeout: 20_000 });
    holder.child.kill('SIGTERM');
    await stopped(holder.child);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('is in use by another pcxsim process');
  });
});

describe('pcxsim run', () => {
  it('replays an example, prints its timeline and exits 0; --json gives the machine form', () => {
    const file = join(root, 'examples/scenarios/overlapping-cidrs.yaml');
    const text = execFileSync(process.execPath, [bin, 'run', file], { encoding: 'utf8' });
    expect(text).toContain('CreateVpcPeeringConnection');
    expect(text).toContain('failed');
    expect(text).toContain('all expectations held');
    const json = JSON.parse(execFileSync(process.execPath, [bin, 'run', file, '--json'], { encoding: 'utf8' })) as { passed: boolean };
    expect(json.passed).toBe(true);
  });

  it('exits 1 when an expectation fails', () => {
    const dir = dataDir();
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ callers: { a: { accountId: '111111111111', region: 'us-east-1' } }, steps: [{ as: 'a', do: 'CreateVpc', with: { CidrBlock: '10.0.0.0/8' } }, { expect: { error: 'none' } }] }),
    );
    const run = spawnSync(process.execPath, [bin, 'run', file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('got InvalidVpc.Range');
  });
});
