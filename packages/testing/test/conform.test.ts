// The conformance checker against real servers on loopback: pcxsim itself (which must agree with
// pcxsim, however its clock runs), and pcxsim bent to behave like the emulators in
// docs/reference/peers.md (which must be caught, with the rule and a short sequence).
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { CommandType } from '@pcxsim/engine';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNTS, DEFAULT_REGIONS } from '../src/arbitraries/command-sequences.js';
import type { SequenceStep } from '../src/arbitraries/sequence-step.js';
import { checkConformance, formatReport, parseAccountHeader, type ConformanceReport } from '../src/index.js';
import { DRY_RUN_DOES_IT, NEVER_FAILS_OVERLAP, WRONG_NOT_FOUND_CASING, startTarget, targetOptions, type Bend } from './conform-targets.js';
import type { RunningServer } from '@pcxsim/ec2-query';

// CI pins fast-check's seed (FC_SEED); the checker's sequences follow it.
const seed = fc.readConfigureGlobal().seed ?? 1;
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function target(bend: Bend = {}, options = targetOptions()): Promise<RunningServer> {
  const server = await startTarget(bend, options);
  servers.push(server);
  return server;
}

const bodyText = (body: string | Uint8Array): string => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));

/** The report as the JSON file has it. */
const asJson = (report: ConformanceReport): unknown => JSON.parse(JSON.stringify(report));

describe('pcxsim conform against pcxsim: no divergence', () => {
  it('pcxsim over HTTP agrees over 40 runs without a reset: each sequence compares what it created, and removes it afterwards', async () => {
    const server = await target();
    const report = await checkConformance({ endpoint: server.url, runs: 40, seed, maxSteps: 12 });
    expect(report.error).toBeUndefined();
    expect(report.divergences.map((d) => formatReport({ ...report, divergences: [d] }))).toEqual([]);
    expect(report.conformant).toBe(true);
    expect(formatReport(report)).toContain(`agrees with pcxsim (40 runs of up to 12 steps, seed ${seed})`);
    // Cleaned up: no VPC of any sequence is left on the target.
    for (const accountId of DEFAULT_ACCOUNTS) {
      for (const region of DEFAULT_REGIONS) {
        const ec2 = new EC2Client({ endpoint: server.url, region, maxAttempts: 1, credentials: { accessKeyId: accountId, secretAccessKey: 'notasecret' } });
        expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
        ec2.destroy();
      }
    }
  }, 240_000);

  it('with a reset URL, the target is reset (POST) before every sequence, and still agrees', async () => {
    let resets = 0;
    const server = await target({ observe: (request) => void (request.path === '/_pcxsim/reset' && request.method === 'POST' && resets++) });
    const report = await checkConformance({ endpoint: server.url, runs: 20, seed, resetUrl: `${server.url}/_pcxsim/reset` });
    expect(report.conformant).toBe(true);
    expect(resets).toBe(20);
  }, 240_000);

  it('a target whose transient states take real time agrees: before each step the checker waits for it to settle', async () => {
    // pcxsim's realistic timing 100× faster: initiating-request 20 ms, provisioning and deleting 50 ms.
    const server = await target({}, targetOptions('realistic', 100));
    const report = await checkConformance({ endpoint: server.url, runs: 25, seed, maxSteps: 12 });
    expect(report.divergences).toEqual([]);
    expect(report.conformant).toBe(true);
  }, 240_000);

  it('a target whose Describe lags (eventual consistency, spec §10.4) agrees: a read that disagrees is asked again for a moment', async () => {
    const started = Date.now();
    const server = await target({}, {
      worldOptions: { seed: 5, startTime: started, consistency: { describeDelayMs: 3_000 } },
      now: () => started + (Date.now() - started) * 100, // 30 ms of lag
    });
    const report = await checkConformance({ endpoint: server.url, runs: 25, seed, maxSteps: 12 });
    expect(report.divergences).toEqual([]);
  }, 240_000);

  it('without the waiting, the same slow target diverges: an Accept right after a cross-account Create races the check', async () => {
    const server = await target({}, targetOptions('realistic', 10)); // initiating-request lasts 200 ms
    const alice = { accountId: '111111111111', region: 'us-east-1' };
    const bob = { accountId: '222222222222', region: 'us-east-1' };
    const race: readonly SequenceStep[] = [
      { caller: alice, command: { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' } },
      { caller: bob, command: { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' } },
      { caller: alice, command: { type: 'CreateVpcPeeringConnection', VpcId: '$vpc0', PeerVpcId: '$vpc1', PeerOwnerId: bob.accountId } },
      { caller: bob, command: { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: '$pcx0' } },
    ];
    const report = await checkConformance({ endpoint: server.url, runs: 1, seed, sequences: fc.constant(race), settleMs: 0, readRetryMs: 0, maxDivergences: 1 });
    expect(report.divergences[0]).toMatchObject({
      action: 'AcceptVpcPeeringConnection',
      step: 4,
      reference: { ok: true, status: 200 },
      target: { ok: false, code: 'InvalidVpcPeeringConnectionID.NotFound' },
    });
  }, 60_000);
});

const PEERING_ACTIONS: readonly CommandType[] = ['CreateVpc', 'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'DescribeVpcPeeringConnections'];

describe('pcxsim conform against targets that behave like other emulators', () => {
  it.each([
    {
      name: 'the NotFound code spelt InvalidVpcPeeringConnectionId (moto)',
      bend: WRONG_NOT_FOUND_CASING,
      options: { actions: PEERING_ACTIONS, invalid: 10 },
      rule: { id: 'peering-not-found', spec: '§4.5' },
      kind: 'error-code',
      target: { ok: false, code: 'InvalidVpcPeeringConnectionId.NotFound' },
    },
    {
      name: 'a DryRun that really does it',
      bend: DRY_RUN_DOES_IT,
      options: { actions: PEERING_ACTIONS, invalid: 10 },
      rule: { id: 'dry-run', spec: '§8.3' },
      kind: 'status',
      target: { ok: true, status: 200 },
    },
    {
      name: 'no overlap check: an overlapping request stays pending (floci, fakecloud)',
      bend: NEVER_FAILS_OVERLAP,
      options: { actions: ['CreateVpc', 'CreateVpcPeeringConnection', 'DescribeVpcPeeringConnections'] as CommandType[], invalid: 0 },
      rule: { id: 'overlap-fails-later', spec: '§2.2, §1.2' },
      kind: 'state',
      target: { ok: true, status: 200 },
    },
  ])('$name: found, named by its rule, shrunk to a few steps', async ({ bend, options, rule, kind, target: said }) => {
    const server = await target(bend);
    const report = await checkConformance({ endpoint: server.url, runs: 100, seed, maxSteps: 10, maxDivergences: 1, ...options });
    expect(report.conformant).toBe(false);
    const [divergence] = report.divergences;
    expect(divergence).toMatchObject({ rule, kind, target: said });
    // The diverging step is the last of the shrunk sequence, and there are only a few.
    expect(divergence!.step).toBe(divergence!.sequence.length);
    expect(divergence!.sequence.length).toBeLessThanOrEqual(4);
    // The JSON report is the object itself, plain data; the text names the rule, section and step.
    expect(asJson(report)).toEqual(report);
    const text = formatReport(report);
    expect(text).toContain(`[${rule.id}]`);
    expect(text).toContain(`(spec ${rule.spec} [`); // the section, then its confidence markers
    expect(text).toMatch(new RegExp(`→ +${divergence!.step}\\. ${divergence!.action}`));
  }, 240_000);

  it('several distinct divergences are collected, each with its own minimal sequence', async () => {
    const bend: Bend = { request: DRY_RUN_DOES_IT.request!, response: WRONG_NOT_FOUND_CASING.response! };
    const server = await target(bend);
    const report = await checkConformance({ endpoint: server.url, runs: 100, seed, maxSteps: 8, maxDivergences: 4, actions: PEERING_ACTIONS, invalid: 10 });
    const rules = new Set(report.divergences.map((d) => d.rule.id));
    expect(rules).toEqual(new Set(['peering-not-found', 'dry-run']));
    expect(new Set(report.divergences.map((d) => d.key)).size).toBe(report.divergences.length);
  }, 240_000);
});

describe('pcxsim conform: reaching the target', () => {
  it('per-account credentials and headers reach the target with every request, signed', async () => {
    const keys = { AKIDALICE: '111111111111', AKIDBOB: '222222222222', AKIDCAROL: '333333333333' } as const;
    const secrets = { AKIDALICE: 'alice-secret', AKIDBOB: 'bob-secret', AKIDCAROL: 'carol-secret' };
    const seen: { key: string; account: string | undefined; tenant: string | undefined; signed: string }[] = [];
    const server = await target(
      {
        observe: (request) => {
          const auth = request.headers['authorization'] ?? '';
          const key = /Credential=([^/]+)\//.exec(auth)?.[1];
          if (request.path === '/' && key !== undefined) {
            seen.push({ key, account: request.headers['x-account-id'], tenant: request.headers['x-tenant'], signed: /SignedHeaders=([^,]+)/.exec(auth)?.[1] ?? '' });
          }
        },
      },
      // Signatures are checked: a request signed with the wrong secret would be AuthFailure, a divergence.
      { ...targetOptions(), identity: { accounts: keys }, signatures: { secrets } },
    );
    const credentials = Object.fromEntries(
      Object.entries(keys).map(([key, account]) => [account, { accessKeyId: key, secretAccessKey: secrets[key as keyof typeof secrets], headers: { 'x-tenant': `tenant-${key}` } }]),
    );
    const report = await checkConformance({ endpoint: server.url, runs: 15, seed, credentials, accountHeaders: [parseAccountHeader('X-Account-Id')] });
    expect(report.divergences).toEqual([]);
    expect(new Set(seen.map((s) => s.key))).toEqual(new Set(Object.keys(keys)));
    for (const request of seen) {
      expect(request.account).toBe(keys[request.key as keyof typeof keys]);
      expect(request.tenant).toBe(`tenant-${request.key}`);
      expect(request.signed.split(';')).toEqual(expect.arrayContaining(['x-account-id', 'x-tenant']));
    }
  }, 240_000);

  it('an endpoint that does not answer is an error of the check, not a divergence', async () => {
    const server = await target();
    const url = server.url;
    await servers.pop()!.close();
    const report = await checkConformance({ endpoint: url, runs: 5, seed });
    expect(report).toMatchObject({ conformant: false, divergences: [], error: expect.stringContaining('does not answer') });
    expect(formatReport(report)).toContain(`could not check ${url}`);
  });

  it('a reset URL that fails stops the check with an error', async () => {
    const server = await target();
    const report = await checkConformance({ endpoint: server.url, runs: 5, seed, resetUrl: `${server.url}/_pcxsim/no-such-thing` });
    expect(report).toMatchObject({ conformant: false, divergences: [], error: expect.stringMatching(/reset .* answered 404/) });
  });
});

// Keeps the bent request bodies honest: the DryRun bend really drops the flag.
it('the DryRun bend drops DryRun=true wherever it sits in the body', () => {
  const request = { method: 'POST', path: '/', query: '', headers: {}, body: 'Action=CreateVpc&DryRun=true&CidrBlock=10.0.0.0%2F16' };
  expect(bodyText(DRY_RUN_DOES_IT.request!(request).body)).toBe('Action=CreateVpc&CidrBlock=10.0.0.0%2F16');
});
