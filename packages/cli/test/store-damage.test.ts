// A damaged data directory (issue 19), damaged for real: copies of a data directory of 2,000 commands
// with bytes overwritten (a page of the command log; 4 KiB in the middle of the file; the header),
// cut off, in a newer SQLite file format, of a newer store schema, emptied. The real CLI refuses
// each — exit 1, a message naming the file, what is wrong and what to do, no stack trace, the file
// unchanged — and `pcxsim recover` rebuilds the readable prefix: the new directory holds exactly the
// world of commands 1..K, and says how many were lost.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { diagnose, formatDiagnosis } from '../src/doctor.js';
import { main } from '../src/main.js';
import { formatRecovery, recoverStore } from '../src/recover.js';
import { CommandStore, type LoggedCommand } from '../src/store.js';
import { worldAfter, writeLog } from './store-fixture.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(root, 'packages/cli/bin/pcxsim.mjs');
const COMMANDS = 2000;
const dirs: string[] = [];
const measured: { damage: string; kept: number; lost: string }[] = [];
let pristine: string;
let logged: LoggedCommand[];

const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pcxsim-damage-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/cli/tsconfig.build.json')]);
  pristine = tempDir();
  logged = await writeLog(pristine, COMMANDS, { snapshotEvery: 500 });
}, 120_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(['| damage | commands recovered | lost |', '|---|---:|---|', ...measured.map((m) => `| ${m.damage} | ${m.kept} of ${COMMANDS} | ${m.lost} |`)].join('\n'));
});

/** Bytes that look like nothing SQLite wrote (a fixed seed: the same bytes every run). */
function garbage(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/** A copy of the pristine directory, damaged by `damage(file)`. */
function damagedCopy(damage: (file: string) => void): { dir: string; file: string; hash: string } {
  const dir = tempDir();
  cpSync(pristine, dir, { recursive: true });
  const file = join(dir, 'pcxsim.sqlite');
  damage(file);
  return { dir, file, hash: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const content = readFileSync(file);
  bytes.copy(content, offset);
  writeFileSync(file, content);
}

function pcxsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs `pcxsim …args` in process (main, as the binary runs it); the exit code and what it wrote. */
async function inProcess(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { status: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * Serve refuses the directory: exit 1, a message naming the file and `what`, no stack trace, nothing
 * served, the file unchanged. The real binary in a process of its own when `spawned`, else `main` in
 * this one (the same code, without a process start: they cost seconds each on a loaded machine).
 */
async function expectRefused(copy: { dir: string; file: string; hash: string }, what: RegExp, advice: RegExp, { spawned = false } = {}): Promise<void> {
  const args = ['serve', '--port', '0', '--quiet', '--data', copy.dir];
  const run = spawned ? pcxsim(...args) : await inProcess(...args);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(copy.file);
  expect(run.stderr).toMatch(what);
  expect(run.stderr).toMatch(advice);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).not.toContain('serving');
  expect(createHash('sha256').update(readFileSync(copy.file)).digest('hex')).toBe(copy.hash);
}

const RECOVER_ADVICE = /pcxsim doctor --data .*pcxsim recover --data .* --to NEWDIR/s;

/**
 * Recovers the copy (in process, as the CLI does; `cli` runs the real command instead); expects the
 * new directory to be sound and exactly the world of commands 1..K.
 */
async function expectRecovered(damage: string, copy: { dir: string }, { cli = false } = {}): Promise<{ kept: number; said: string }> {
  const to = join(tempDir(), 'recovered');
  let report: string;
  if (cli) {
    const run = pcxsim('recover', '--data', copy.dir, '--to', to);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    report = run.stdout;
  } else {
    report = formatRecovery(copy.dir, to, await recoverStore(copy.dir, to));
  }
  const kept = Number(/holds commands 1\.\.(\d+)/.exec(report)?.[1]);
  expect(kept).toBeGreaterThan(0);
  const again = diagnose(to)!;
  expect(again.sound).toBe(true);
  expect(again.log.lastIntact).toBe(kept);
  // What the new directory restores is the world of exactly the first `kept` commands: nothing lost
  // before them, nothing after them appears.
  const store = CommandStore.open(to);
  expect(JSON.stringify(store.restore())).toBe(worldAfter(logged, kept));
  await store.close();
  const said = /no command was lost|commands lost: [^;]*/.exec(report)?.[0] ?? '';
  measured.push({ damage, kept, lost: said.replace('commands lost: ', '') });
  return { kept, said };
}

describe('a damaged data directory', () => {
  it('a page of the command log overwritten: refused; doctor names the last intact command; recover keeps 1..K and says exactly how many were lost', async () => {
    const copy = damagedCopy((file) => {
      const at = readFileSync(file).indexOf('"Value":"1009"');
      expect(at).toBeGreaterThan(0);
      overwrite(file, at - (at % 4096), garbage(4096, 1)); // the whole page that holds command 1010
    });
    await expectRefused(copy, /is damaged: SQLite's quick_check found/, RECOVER_ADVICE, { spawned: true });
    const doctor = pcxsim('doctor', '--data', copy.dir);
    expect(doctor.status).toBe(1);
    const diagnosis = diagnose(copy.dir)!;
    expect(diagnosis.sound).toBe(false);
    expect(diagnosis.log.lastIntact).toBeLessThan(1010);
    expect(diagnosis.log.exact).toBe(true);
    expect(diagnosis.log.highestSeen).toBe(COMMANDS);
    const last = logged[diagnosis.log.lastIntact - 1]!;
    expect(doctor.stdout).toContain(
      `commands 1..${diagnosis.log.lastIntact} read intact — the last: ${new Date(last.clock).toISOString()} ${last.command.type} by ${last.caller.accountId} in ${last.caller.region}`,
    );
    console.log(doctor.stdout);
    const { kept, said } = await expectRecovered('a page of the command log overwritten (4 KiB)', copy, { cli: true });
    expect(kept).toBe(diagnosis.log.lastIntact);
    expect(said).toBe(`commands lost: ${COMMANDS - kept} lost (${kept + 1}..${COMMANDS})`);
  });

  it('4 KiB of garbage in the middle of the file (snapshot pages): refused; recover keeps every command', async () => {
    const copy = damagedCopy((file) => overwrite(file, Math.floor(readFileSync(file).length / 2) + 123, garbage(4096, 2)));
    await expectRefused(copy, /is damaged: SQLite's quick_check found/, RECOVER_ADVICE);
    expect(await expectRecovered('4 KiB overwritten mid-file', copy)).toEqual({ kept: COMMANDS, said: 'no command was lost' });
  });

  it('the file cut off at 60 %: refused as cut off; recover keeps the prefix the remaining pages hold', async () => {
    const copy = damagedCopy((file) => truncateSync(file, Math.floor(readFileSync(file).length * 0.6)));
    await expectRefused(copy, /it was cut off: its header says \d+ pages/, RECOVER_ADVICE);
    const { kept } = await expectRecovered('cut off at 60 % of its length', copy);
    expect(kept).toBeLessThan(COMMANDS);
  });

  it('its 100-byte header overwritten: refused; recover reads every page through a rebuilt header', async () => {
    const copy = damagedCopy((file) => overwrite(file, 0, garbage(100, 3)));
    await expectRefused(copy, /does not begin with SQLite's header/, RECOVER_ADVICE);
    expect(await expectRecovered('header (first 100 bytes) overwritten', copy)).toEqual({ kept: COMMANDS, said: 'no command was lost' });
  });

  it('a newer SQLite file format, or a newer store schema: refused as such, not as damage, and left as it is', async () => {
    const format = damagedCopy((file) => overwrite(file, 18, Buffer.from([3, 3])));
    await expectRefused(format, /SQLite file format 3, newer than this SQLite reads/, /Serve it with the pcxsim that wrote it \(nothing was changed\)/);
    await expect(recoverStore(format.dir, join(tempDir(), 'r'))).rejects.toThrow(/it is not damaged/);

    const schema = damagedCopy((file) => {
      const db = new Database(file);
      db.prepare("UPDATE meta SET value = '2' WHERE key = 'schema_version'").run();
      db.close();
    });
    await expectRefused(schema, /was written by a pcxsim with store schema 2; this one reads schema 1/, /use another --data directory \(nothing was changed\)/);
    expect(formatDiagnosis(schema.dir, diagnose(schema.dir)!)).toContain('a pcxsim store of schema 2');
  });

  it('a file cut to 0 bytes is refused, never taken for a new, empty store', async () => {
    const copy = damagedCopy((file) => truncateSync(file, 0));
    await expectRefused(copy, /is empty \(0 bytes\) and holds no pcxsim store/, /restore a backup/);
  });

  it('doctor calls the pristine directory sound and names its last command', async () => {
    const run = await inProcess('doctor', '--data', pristine);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('structure  sound (SQLite integrity_check: ok)');
    expect(run.stdout).toMatch(new RegExp(`commands 1\\.\\.${COMMANDS} read intact — the last: \\S+ CreateTags by 333333333333 in us-east-1`));
  });
});
