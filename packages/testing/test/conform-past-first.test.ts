// The checker past the first difference (issue 16): a target that differs at step 1 of nearly every
// sequence still has its later bugs found, each rule reported once with its reference section and
// confidence; the read retry adapts to a target that answers at once; a pcxsim target on a manual
// clock is moved through its control API; a check can be stopped and still report; a saved
// divergence replays alone.
import { Ec2Endpoint, listen, type RunningServer } from '@pcxsim/ec2-query';
import type { CommandType } from '@pcxsim/engine';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNTS, DEFAULT_REGIONS } from '../src/arbitraries/command-sequences.js';
import type { SequenceStep } from '../src/arbitraries/sequence-step.js';
import { checkConformance, formatReport, parseReplayFile, replayFileOf, type ConformanceProgress } from '../src/index.js';
import { focusOn } from '../src/conform/report.js';
import {
  CREATE_VPC_WITHOUT_DHCP_OPTIONS,
  PEERING_FILTERS_IGNORED,
  acceptByAnyone,
  combine,
  startTarget,
  targetOptions,
  type Bend,
} from './conform-targets.js';

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

const alice = { accountId: DEFAULT_ACCOUNTS[0]!, region: DEFAULT_REGIONS[0]! };

/** Two VPCs of Alice, a connection between them, and a Describe filtered to active connections (there are none). */
const FILTERED_AFTER_CREATE: readonly SequenceStep[] = [
  { caller: alice, command: { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' } },
  { caller: alice, command: { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' } },
  { caller: alice, command: { type: 'CreateVpcPeeringConnection', VpcId: '$vpc0', PeerVpcId: '$vpc1' } },
  { caller: alice, command: { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values: ['active'] }] } },
];

const LIFECYCLE: readonly CommandType[] = ['CreateVpc', 'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection', 'DescribeVpcPeeringConnections'];

describe('pcxsim conform past the first difference', () => {
  it('a target that differs at step 1 (CreateVpc) still has its later bugs found: each rule once, with its section and confidence', async () => {
    const server = await target(combine(CREATE_VPC_WITHOUT_DHCP_OPTIONS, PEERING_FILTERS_IGNORED, acceptByAnyone(DEFAULT_ACCOUNTS, DEFAULT_REGIONS)));
    const report = await checkConformance({ endpoint: server.url, runs: 300, seed, maxSteps: 10, maxDivergences: 6, actions: LIFECYCLE, invalid: 10, readRetryMs: 200 });
    expect(report.error).toBeUndefined();
    const rules = report.divergences.map((d) => d.rule.id);
    // The three planted bugs, and nothing else: no echo of one bug under another rule.
    expect(new Set(rules)).toEqual(new Set(['response-shape', 'filters', 'accept-by-accepter']));
    expect(rules).toHaveLength(3);
    const byRule = Object.fromEntries(report.divergences.map((d) => [d.rule.id, d]));
    expect(byRule['response-shape']).toMatchObject({ action: 'CreateVpc', step: 1, kind: 'missing-field', rule: { spec: '§9.2', confidence: ['[doc]'] } });
    // Ignored filters show as an extra item, or as an unknown or nameless filter answered (whichever shrinks first).
    expect(byRule['filters']).toMatchObject({ action: 'DescribeVpcPeeringConnections', rule: { spec: '§4.2, §4.3', confidence: ['[doc]'] } });
    expect(['extra-item', 'status']).toContain(byRule['filters']!.kind);
    expect(byRule['accept-by-accepter']).toMatchObject({ action: 'AcceptVpcPeeringConnection', kind: 'status', reference: { ok: false, code: 'OperationNotPermitted' }, target: { ok: true } });
    // The Accept bug sits behind CreateVpc steps that differ too: the comparison went past them.
    const accept = byRule['accept-by-accepter']!;
    expect(accept.step).toBeGreaterThan(1);
    expect(accept.sequence.some((s) => s.command.type === 'CreateVpc')).toBe(true);
    const text = formatReport(report);
    expect(text).toContain('[response-shape] The response carries the elements of the EC2 model, as AWS sends them (spec §9.2 [doc])');
    expect(text).toContain('[filters]');
    expect(text).toContain('(spec §4.2, §4.3 [doc])');
    expect(text).toContain('(spec §3.1 [doc]/[obs]/[emu])');
  }, 300_000);

  it('a sequence is compared past a difference that leaves both worlds alike; the target\'s own IDs carry it on', async () => {
    const server = await target(combine(CREATE_VPC_WITHOUT_DHCP_OPTIONS, PEERING_FILTERS_IGNORED));
    const report = await checkConformance({ endpoint: server.url, seed, replay: FILTERED_AFTER_CREATE, readRetryMs: 0 });
    expect(report.divergences.map((d) => [d.rule.id, d.step, d.kind])).toEqual([
      ['response-shape', 1, 'missing-field'],
      ['filters', 4, 'extra-item'],
    ]);
    // Filtered, pcxsim lists nothing; the target lists the connection, which both list unfiltered.
    expect(report.divergences[1]!.differences).toMatchObject([{ kind: 'extra-item', path: 'VpcPeeringConnections[$pcx0]' }]);
  }, 60_000);

  it('an item listed by one side only, where the other does not list it even unfiltered, breaks visibility, not the filters', async () => {
    // The target hides every connection from Describe: its filters are not to blame.
    const hidden: Bend = { response: (answer) => (typeof answer.body === 'string' && answer.body.includes('<DescribeVpcPeeringConnectionsResponse') ? { ...answer, body: answer.body.replace(/<vpcPeeringConnectionSet>[\s\S]*<\/vpcPeeringConnectionSet>/, '<vpcPeeringConnectionSet/>') } : answer) };
    const server = await target(hidden);
    const sequence: readonly SequenceStep[] = [...FILTERED_AFTER_CREATE.slice(0, 3), { caller: alice, command: { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'requester-vpc-info.vpc-id', Values: ['$vpc0'] }] } }];
    const report = await checkConformance({ endpoint: server.url, seed, replay: sequence, readRetryMs: 0 });
    expect(report.divergences.map((d) => [d.rule.id, d.step, d.kind])).toEqual([['visibility', 4, 'missing-item']]);
  }, 60_000);

  it('the differing part comes first in the one-line answers, so cutting the line keeps it', async () => {
    expect(JSON.stringify(focusOn({ Vpc: { A: 1, B: { C: 2, D: 3 } }, Z: 0 }, ['Vpc', 'B', 'D']))).toBe('{"Vpc":{"B":{"D":3,"C":2},"A":1},"Z":0}');
    expect(focusOn({ L: [{ VpcId: '$vpc0' }, { VpcId: '$vpc1', X: 1 }] }, ['L', '[$vpc1]', 'X'])).toEqual({ L: [{ X: 1, VpcId: '$vpc1' }, { VpcId: '$vpc0' }] });
    const server = await target(CREATE_VPC_WITHOUT_DHCP_OPTIONS);
    const report = await checkConformance({ endpoint: server.url, seed, replay: FILTERED_AFTER_CREATE.slice(0, 1) });
    const line = formatReport(report).split('\n').find((l) => l.trimStart().startsWith('pcxsim: 200'))!;
    expect(line).toMatch(/^ {3}pcxsim: 200 \{"Vpc":\{"DhcpOptionsId":"dopt-\?"/);
  }, 60_000);
});

describe('pcxsim conform measures its target', () => {
  it('a target that answers at once waits the read retry only until that is measured (two reads), then asks once more only', async () => {
    const server = await target(PEERING_FILTERS_IGNORED);
    const started = Date.now();
    // Every run breaks the filter rule; after the first search it is known, and 8 more runs follow.
    const report = await checkConformance({ endpoint: server.url, seed, runs: 8, sequences: fc.constant(FILTERED_AFTER_CREATE), readRetryMs: 2_000, maxDivergences: 2 });
    const elapsed = Date.now() - started;
    expect(report.divergences.map((d) => d.rule.id)).toEqual(['filters']);
    expect(report.target).toEqual({ clock: 'own', reads: 'immediate' });
    // 9 or 10 disagreeing reads: with a 2 s retry each, at least 18 s; measured, 2 × 2 s and a poll each after.
    expect(elapsed).toBeLessThan(16_000);
  }, 60_000);

  it('a target whose reads lag is measured as lagging, and keeps the full retry (it agrees)', async () => {
    const started = Date.now();
    const server = await target({}, {
      worldOptions: { seed: 5, startTime: started, consistency: { describeDelayMs: 3_000 } },
      now: () => started + (Date.now() - started) * 4, // 750 ms of lag: longer than a loaded machine takes between two calls
    });
    // A VPC listed right after it was created: the lagging target shows it a moment later (within the 2 s retry).
    const report = await checkConformance({
      endpoint: server.url,
      seed,
      replay: [FILTERED_AFTER_CREATE[0]!, { caller: alice, command: { type: 'DescribeVpcs' } }],
    });
    expect(report.divergences).toEqual([]);
    expect(report.target?.reads).toBe('lagging');
  }, 60_000);

  it('a pcxsim target on a manual clock is moved through POST /_pcxsim/clock, not waited for', async () => {
    let advances = 0;
    // The realistic timing and no `now`: the clock moves only when told, as `pcxsim serve --clock manual`.
    const server = await target(
      { observe: (request) => void (request.path === '/_pcxsim/clock' && request.method === 'POST' && advances++) },
      { worldOptions: { seed: 3, timing: 'realistic' } },
    );
    const started = Date.now();
    const report = await checkConformance({ endpoint: server.url, runs: 15, seed, maxSteps: 10, actions: LIFECYCLE, settleMs: 10_000 });
    expect(report.divergences.map((d) => formatReport({ ...report, divergences: [d] }))).toEqual([]);
    expect(report.target?.clock).toBe('moved-by-checker');
    expect(advances).toBeGreaterThan(0);
    // Waiting instead would cost settleMs (10 s) on every step after a connection appears.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe('pcxsim conform stopped early, and replayed', () => {
  it('a check stopped while shrinking reports what it found so far, marked as interrupted', async () => {
    const server = await target(combine(CREATE_VPC_WITHOUT_DHCP_OPTIONS, PEERING_FILTERS_IGNORED));
    const stop = new AbortController();
    const progress: ConformanceProgress[] = [];
    const report = await checkConformance({
      endpoint: server.url,
      seed,
      runs: 50,
      readRetryMs: 0,
      actions: LIFECYCLE,
      signal: stop.signal,
      onProgress: (event) => {
        progress.push(event);
        if (event.kind === 'shrink') stop.abort('interrupted by the test');
      },
    });
    expect(report.interrupted).toBe('interrupted by the test');
    expect(report.conformant).toBe(false);
    expect(report.divergences).toHaveLength(1);
    expect(progress.filter((event) => event.kind === 'run').length).toBeGreaterThan(0);
    expect(formatReport(report)).toContain('partial: interrupted by the test');
  }, 120_000);

  it('a time limit stops the check the same way', async () => {
    const server = await target({}, targetOptions('realistic', 10)); // each connection takes 200 ms to settle
    const report = await checkConformance({ endpoint: server.url, seed, runs: 1_000, timeoutMs: 1_500 });
    expect(report.interrupted).toMatch(/time limit \(1500 ms\)/);
    expect(report.conformant).toBe(false);
    expect(formatReport(report)).toContain('no divergence before the check stopped');
  }, 60_000);

  it('a saved divergence replays alone: the replay file holds the shrunk sequence', async () => {
    const server = await target(PEERING_FILTERS_IGNORED);
    const found = await checkConformance({ endpoint: server.url, seed, runs: 100, actions: LIFECYCLE, maxDivergences: 1, readRetryMs: 0 });
    const [divergence] = found.divergences;
    expect(divergence?.rule.id).toBe('filters');
    const sequence = parseReplayFile(replayFileOf(divergence!));
    expect(sequence).toEqual(divergence!.sequence);
    const again = await checkConformance({ endpoint: server.url, seed, replay: sequence, readRetryMs: 0 });
    expect(again).toMatchObject({ runs: 1, maxSteps: sequence.length });
    expect(again.divergences.map((d) => [d.rule.id, d.step])).toEqual([['filters', divergence!.step]]);
    expect(() => parseReplayFile('{"sequence": []}')).toThrow(/not a replay file/);
    expect(() => parseReplayFile('{"pcxsimConformReplay": 1, "sequence": [{"caller": {"accountId": "1"}}]}')).toThrow(/step 1 must be/);
  }, 120_000);
});

it('a manual-clock target is recognised only by its control API: an endpoint without one is waited for', async () => {
  const plain = await listen(new Ec2Endpoint({ now: () => Date.now() }));
  servers.push(plain);
  const report = await checkConformance({ endpoint: plain.url, seed, replay: FILTERED_AFTER_CREATE.slice(0, 3) });
  expect(report.target?.clock).toBe('own');
  expect(report.conformant).toBe(true);
});
