// The CIDR benchmark (bench/cidr) cannot rot: its quick preset runs here end to end — inputs
// generated, every tool's adapter run in its own process, the fingerprint check — and the check
// itself is shown to fail on a disagreement. The timings of a quick run mean nothing; its results do.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { formatPrefixSet, parsePrefixSet } from '@pcxsim/cidr';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bench = join(root, 'bench/cidr/src');

interface BenchRecord {
  tool: string;
  workload: string;
  size: number;
  status: string;
  fp?: string;
  headFp?: string;
  count?: number;
  addresses?: string;
  note?: string;
}
type CheckFingerprints = (records: readonly BenchRecord[], options: { project: string }) => { failures: string[] };
type EnsureInputs = (dir: string, presetName: string, preset: unknown) => boolean;

const load = async <T>(file: string, name: string): Promise<T> => ((await import(pathToFileURL(join(bench, file)).href)) as Record<string, T>)[name]!;

const dirs: string[] = [];
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pcxsim-bench-cidr-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('bench:cidr --quick', () => {
  beforeAll(() => {
    // The pcxsim column runs on the built package, as a user's code would.
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/cidr/tsconfig.build.json')]);
  });

  test('every tool computes the consensus on every row, pcxsim included, and the run exits 0', { timeout: 120_000 }, async () => {
    const data = scratch();
    const { stdout } = await promisify(execFile)(process.execPath, [join(bench, 'run.mjs'), '--quick', '--data', data], { maxBuffer: 4 * 1024 * 1024 });
    expect(stdout).toContain('fingerprint check: every tool that finished agrees');
    const consensus = stdout.split('\n').filter((line) => /^ {2}W\d \d+: count=/.test(line));
    expect(consensus.map((line) => line.split(':')[0]!.trim())).toEqual(['W1 500', 'W2 500', 'W3 500', 'W4 2000', 'W5 2000']);
    for (const line of consensus) expect(line).toMatch(/\(pcxsim, cidr-tools, /);

    const records = readFileSync(join(data, 'results.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as BenchRecord);
    expect(new Set(records.map((r) => r.tool))).toEqual(new Set(['pcxsim', 'cidr-tools', 'fast-cidr-tools', 'netparser', 'ip-num', 'ipaddr.js', 'ip-cidr']));
    expect(records.filter((r) => r.tool === 'pcxsim').map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });
});

describe('the inputs', () => {
  test('are the same bytes on every generation, and W4 set is canonical (disjoint, nothing to merge)', async () => {
    const ensureInputs = await load<EnsureInputs>('inputs.mjs', 'ensureInputs');
    const { PRESETS } = (await import(pathToFileURL(join(bench, 'workloads.mjs')).href)) as { PRESETS: Record<string, unknown> };
    const [a, b] = [scratch(), scratch()];
    expect(ensureInputs(a, 'quick', PRESETS['quick'])).toBe(true);
    expect(ensureInputs(b, 'quick', PRESETS['quick'])).toBe(true);
    expect(ensureInputs(b, 'quick', PRESETS['quick'])).toBe(false); // already there
    expect(readFileSync(join(a, 'MANIFEST.json'), 'utf8')).toBe(readFileSync(join(b, 'MANIFEST.json'), 'utf8'));

    const members = readFileSync(join(a, 'w4-set.txt'), 'utf8').trim().split('\n');
    const set = parsePrefixSet(members);
    expect(set.ok && formatPrefixSet(set.value)).toEqual(members);
  });
});

describe('the fingerprint check', () => {
  const row = (tool: string, fp: string, status = 'ok'): BenchRecord => ({ tool, workload: 'W1', size: 10, status, fp, count: 1, addresses: '1' });

  test('passes when every tool agrees', async () => {
    const check = await load<CheckFingerprints>('consensus.mjs', 'checkFingerprints');
    expect(check([row('pcxsim', 'aa'), row('cidr-tools', 'aa'), row('netparser', 'aa')], { project: 'pcxsim' }).failures).toEqual([]);
  });

  test('fails when one tool differs from the others, pcxsim or not', async () => {
    const check = await load<CheckFingerprints>('consensus.mjs', 'checkFingerprints');
    const pcxsimWrong = check([row('pcxsim', 'bb'), row('cidr-tools', 'aa'), row('netparser', 'aa')], { project: 'pcxsim' });
    expect(pcxsimWrong.failures).toEqual([expect.stringMatching(/^W1 10: pcxsim computed .* fp=bb, the consensus .* fp=aa$/)]);
    const anchorWrong = check([row('pcxsim', 'aa'), row('cidr-tools', 'aa'), row('netparser', 'cc')], { project: 'pcxsim' });
    expect(anchorWrong.failures).toEqual([expect.stringMatching(/^W1 10: netparser computed/)]);
  });

  test('fails on a tie, and when pcxsim does not finish', async () => {
    const check = await load<CheckFingerprints>('consensus.mjs', 'checkFingerprints');
    expect(check([row('pcxsim', 'aa'), row('cidr-tools', 'bb')], { project: 'pcxsim' }).failures).toEqual([expect.stringMatching(/^W1 10: no consensus/)]);
    expect(check([row('pcxsim', '', 'timeout'), row('cidr-tools', 'aa')], { project: 'pcxsim' }).failures).toEqual(['W1 10: pcxsim did not finish (timeout)']);
  });

  test('excuses a diagnosed library defect, but never in the tool under test', async () => {
    const check = await load<CheckFingerprints>('consensus.mjs', 'checkFingerprints');
    const w5 = (tool: string, fp: string): BenchRecord => ({ ...row(tool, fp), workload: 'W5' });
    const defects = [w5('pcxsim', 'aa'), w5('cidr-tools', 'aa'), w5('fast-cidr-tools', 'dd')];
    expect(check(defects, { project: 'pcxsim' }).failures).toEqual([]);
    expect(check(defects, { project: 'fast-cidr-tools' }).failures).toEqual([expect.stringMatching(/^W5 10: fast-cidr-tools computed/)]);
  });
});
