// `pcxsim conform`, the real binary, spawned against servers this test starts on loopback: exit 0
// when the target agrees, 1 with the report when it diverges, 2 when it cannot be checked or the
// command line is wrong; the JSON report; credentials and per-account headers on the wire.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ec2Endpoint, listen, type EndpointOptions, type RunningServer, type WireRequest, type WireResponse } from '@pcxsim/ec2-query';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(root, 'packages/cli/bin/pcxsim.mjs');
const dir = mkdtempSync(join(tmpdir(), 'pcxsim-conform-'));
const servers: RunningServer[] = [];

beforeAll(() => {
  // The bin runs the built package: build it (incrementally, with its references) first.
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/cli/tsconfig.build.json')]);
}, 180_000);
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pcxsim on loopback, its clock following the wall clock, optionally bent on the way out. */
class Target extends Ec2Endpoint {
  readonly requests: WireRequest[] = [];
  constructor(
    options: EndpointOptions,
    private readonly bend: (answer: WireResponse) => WireResponse = (answer) => answer,
  ) {
    super(options);
  }
  // Both handle() and the HTTP server's fast path answer through answerNowOrLater: the bend sits there.
  override async answerNowOrLater(request: WireRequest): Promise<WireResponse> {
    this.requests.push(request);
    return this.bend(await super.answerNowOrLater(request));
  }
}

async function serve(bend?: (answer: WireResponse) => WireResponse, extra: EndpointOptions = {}): Promise<{ url: string; target: Target }> {
  const started = Date.now();
  const target = new Target({ worldOptions: { seed: 11, startTime: started }, now: () => Date.now(), ...extra }, bend);
  const server = await listen(target);
  servers.push(server);
  return { url: server.url, target };
}

/** Runs the CLI without blocking this process (the target answers from it); `onStderr` sees stderr as it grows. */
function pcxsimWatched(args: readonly string[], onStderr: (stderr: string, child: ChildProcess) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr(stderr, child);
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const pcxsim = (...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> => pcxsimWatched(args, () => undefined);

describe('pcxsim conform', () => {
  it('exits 0 when the target agrees, and writes the JSON report', async () => {
    const { url } = await serve();
    const report = join(dir, 'agrees.json');
    const run = await pcxsim('conform', '--endpoint', url, '--runs', '15', '--seed', '5', '--max-steps', '8', '--report', report);
    expect(run.stderr).not.toContain('pcxsim conform:');
    expect(run.stdout).toContain(`pcxsim conform: ${url} agrees with pcxsim (15 runs of up to 8 steps, seed 5)`);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ endpoint: url, conformant: true, seed: 5, runs: 15, maxSteps: 8, divergences: [] });
  }, 120_000);

  it('exits 1 when the target diverges, with the rule, the step, the shrunk sequence and both answers; the divergence saved replays alone', async () => {
    // Like emulators that leave empty lists out: no <tagSet/> when there are no tags (spec §7.4: Tags is always there).
    const { url } = await serve((answer) => ({ ...answer, body: answer.body.replaceAll('<tagSet/>', '') }));
    const report = join(dir, 'diverges.json');
    const replays = join(dir, 'replays');
    const run = await pcxsim('conform', '--endpoint', url, '--runs', '30', '--seed', '7', '--max-divergences', '1', '--report', report, '--save-replays', replays);
    expect(run.code).toBe(1);
    // A progress line per run, and per shrinking candidate, on stderr.
    expect(run.stderr).toMatch(/^conform: search 1, run 1\/30: broke \[tags-per-view\]; 0 reported, [\d.]+ s$/m);
    expect(run.stderr).toMatch(/^conform: search 1: shrinking \[tags-per-view\], candidate 1, smallest \d+ steps/m);
    const saved = join(replays, 'divergence-1-tags-per-view.json');
    expect(run.stdout).toContain(`pcxsim conform --endpoint ${url} --replay ${saved}`);
    const replayed = await pcxsim('conform', '--endpoint', url, '--replay', saved, '--quiet');
    expect(replayed.code).toBe(1);
    expect(replayed.stderr).not.toContain('conform: '); // --quiet: no progress lines
    expect(replayed.stdout).toContain('1 distinct divergence (1 runs of up to 1 steps');
    expect(replayed.stdout).toContain('[tags-per-view]');
    expect(run.stdout).toContain(`pcxsim conform: ${url} diverges from pcxsim: 1 distinct divergence`);
    expect(run.stdout).toContain('[tags-per-view]');
    expect(run.stdout).toContain('(spec §7.4 [doc])');
    expect(run.stdout).toMatch(/→ +1\. CreateVpc\{CidrBlock:[\d./]+\} as \d{12}@[a-z0-9-]+/);
    expect(run.stdout).toMatch(/missing field at Vpc\.Tags: pcxsim has \[\]/);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { conformant: boolean; divergences: { rule: { id: string }; step: number; sequence: unknown[]; action: string }[] };
    expect(json.conformant).toBe(false);
    expect(json.divergences).toHaveLength(1);
    expect(json.divergences[0]).toMatchObject({ rule: { id: 'tags-per-view' }, step: 1, action: 'CreateVpc' });
    expect(json.divergences[0]!.sequence).toHaveLength(1);
  }, 120_000);

  it('sends each account\'s credentials from --credentials and the --header-per-account headers', async () => {
    const { url, target } = await serve(undefined, {
      identity: { accounts: { AKIDALICE: '111111111111', AKIDBOB: '222222222222' } },
      signatures: { secrets: { AKIDALICE: 'alice-secret', AKIDBOB: 'bob-secret' } },
    });
    const credentials = join(dir, 'credentials.json');
    writeFileSync(
      credentials,
      JSON.stringify({
        '111111111111': { accessKeyId: 'AKIDALICE', secretAccessKey: 'alice-secret' },
        '222222222222': { accessKeyId: 'AKIDBOB', secretAccessKey: 'bob-secret', headers: { 'x-team': 'bob' } },
      }),
    );
    const run = await pcxsim(
      'conform', '--endpoint', url, '--runs', '8', '--seed', '3', '--accounts', '111111111111,222222222222',
      '--credentials', credentials, '--header-per-account', 'x-account-id', '--header-per-account', 'x-tenant=t-{account}',
    );
    expect(run.stdout).toContain('agrees with pcxsim');
    expect(run.code).toBe(0);
    const ec2 = target.requests.filter((request) => request.path === '/' && request.headers['authorization'] !== undefined);
    expect(ec2.length).toBeGreaterThan(0);
    for (const request of ec2) {
      const account = request.headers['authorization']!.includes('Credential=AKIDALICE/') ? '111111111111' : '222222222222';
      expect(request.headers['x-account-id']).toBe(account);
      expect(request.headers['x-tenant']).toBe(`t-${account}`);
      expect(request.headers['x-team']).toBe(account === '222222222222' ? 'bob' : undefined);
    }
  }, 120_000);

  it('SIGTERM stops the check after the step under way and prints what was found so far', async () => {
    const { url } = await serve((answer) => ({ ...answer, body: answer.body.replaceAll('<tagSet/>', '') }));
    let signalled = false;
    const run = await pcxsimWatched(['conform', '--endpoint', url, '--runs', '1000', '--seed', '7', '--max-divergences', '20'], (stderr, child) => {
      // Once one divergence is reported, mid-search.
      if (!signalled && / 1 reported, /.test(stderr)) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    expect(signalled).toBe(true);
    expect(run.stderr).toContain('conform: SIGTERM: stopping after the step under way');
    expect(run.stdout).toContain('partial: interrupted by SIGTERM; what was found until then follows');
    expect(run.stdout).toContain('[tags-per-view]');
    expect(run.code).toBe(1);
  }, 120_000);

  it('exits 2 when the endpoint does not answer', async () => {
    const { url } = await serve();
    await servers.pop()!.close();
    const run = await pcxsim('conform', '--endpoint', url, '--runs', '3');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`pcxsim conform: could not check ${url}: ${url} does not answer`);
  }, 60_000);

  it('exits 2 with the usage when the command line is wrong', async () => {
    const run = await pcxsim('conform', '--runs', '5');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pcxsim conform: --endpoint URL is required');
    expect(run.stderr).toContain('usage: pcxsim conform --endpoint URL');
  }, 60_000);

  // The same path in process (spawning costs seconds each).
  it.each([
    [['conform', '--endpoint', 'ftp://x'], "--endpoint must be an http(s) URL, not 'ftp://x'"],
    [['conform', '--endpoint', 'http://127.0.0.1:9', '--runs', '0'], '--runs must be an integer of at least 1'],
    [['conform', '--endpoint', 'http://127.0.0.1:9', '--accounts', '111,222'], "--accounts takes 12-digit account IDs, comma-separated: '111' is not one"],
    [['conform', '--endpoint', 'http://127.0.0.1:9', '--actions', 'CreateVpc,RunInstances'], '--actions: RunInstances is not an EC2 action pcxsim serves'],
    [['conform', '--endpoint', 'http://127.0.0.1:9', '--credentials', '/no/such/file.json'], '--credentials: cannot read /no/such/file.json: ENOENT'],
    [['conform', '--endpoint', 'http://127.0.0.1:9', '--header-per-account', 'bad header'], "--header-per-account: 'bad header' is not a header"],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      expect(await main(args)).toBe(2);
    } finally {
      stderr.mockRestore();
    }
    expect(written.join('')).toContain(`pcxsim conform: ${message}`);
  });

  it('--help, -h and pcxsim help conform print the usage with every flag, exit 0', async () => {
    for (const args of [['conform', '--help'], ['conform', '-h'], ['help', 'conform'], ['conform', '--endpoint', 'ftp://wrong', '--help']]) {
      const written: string[] = [];
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
      try {
        expect(await main(args)).toBe(0);
      } finally {
        stdout.mockRestore();
      }
      const usage = written.join('');
      expect(usage).toMatch(/^usage: pcxsim conform --endpoint URL /);
      for (const flag of ['--replay FILE', '--save-replays DIR', '--timeout S', '--quiet', '--read-retry-ms MS', '--settle-ms MS']) expect(usage).toContain(flag);
    }
  });

  it('is in pcxsim help', async () => {
    const run = await pcxsim('help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('conform  --endpoint URL [--runs 100] [--seed N] [--max-steps 10]');
  }, 60_000);
});
