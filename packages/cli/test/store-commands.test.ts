// The arguments of `pcxsim doctor`, `recover` and `backup` (the command table's strict parseArgs): an unknown flag, a
// flag without its value or a missing one is an error naming it, with the usage, exit 2; -h/--help
// prints the usage, exit 0. And a data directory they cannot use is a message and exit 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.js';
import { CommandStore } from '../src/store.js';

/** Runs `pcxsim …args` in process; the exit code and what it wrote. */
async function pcxsim(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('pcxsim doctor, recover, backup: arguments', () => {
  it.each([
    [['doctor', '--dta', 'x'], /^pcxsim doctor: unknown flag --dta \(did you mean --data\?\)/, /usage: pcxsim doctor --data DIR/],
    [['doctor'], /^pcxsim doctor: --data DIR is required/, /usage: pcxsim doctor --data DIR/],
    [['recover', '--data', 'x'], /^pcxsim recover: --to NEWDIR is required/, /usage: pcxsim recover --data DIR --to NEWDIR/],
    [['backup', '--data'], /^pcxsim backup: --data needs a value/, /usage: pcxsim backup --data DIR --to FILE/],
    [['backup', '--data', 'x', '--to', 'y', 'extra'], /^pcxsim backup: takes no arguments, but was given 'extra'/, /usage: pcxsim backup/],
  ])('%j is refused with the flag named and the usage (exit 2)', async (args, error, usage) => {
    const run = await pcxsim(...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(error);
    expect(run.err).toMatch(usage);
    expect(run.out).toBe('');
  });

  it.each([['doctor', '-h'], ['recover', '--help'], ['backup', '-h']])('%s %s prints the usage (exit 0)', async (command, flag) => {
    const run = await pcxsim(command!, flag!);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`^usage: pcxsim ${command} --data DIR`));
    expect(run.err).toBe('');
  });

  it('pcxsim help lists them', async () => {
    const run = await pcxsim('help');
    for (const command of ['doctor   --data DIR', 'recover  --data DIR --to NEWDIR', 'backup   --data DIR --to FILE']) expect(run.out).toContain(command);
  });

  it('a directory with no store is a message and exit 1, for each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcxsim-args-'));
    dirs.push(dir);
    expect(await pcxsim('doctor', '--data', dir)).toEqual({ code: 1, out: '', err: `pcxsim doctor: there is no pcxsim store in ${dir} (no pcxsim.sqlite)\n` });
    expect(await pcxsim('recover', '--data', dir, '--to', join(dir, 'new'))).toEqual({ code: 1, out: '', err: `pcxsim recover: there is no pcxsim store in ${dir} (no pcxsim.sqlite)\n` });
    expect(await pcxsim('backup', '--data', dir, '--to', join(dir, 'copy'))).toEqual({ code: 1, out: '', err: `pcxsim backup: there is no pcxsim store in ${dir} (no pcxsim.sqlite)\n` });
  });

  it('recover refuses a target that is a file or not empty; backup one whose directory does not exist — each a message, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcxsim-args-'));
    dirs.push(dir);
    const data = join(dir, 'data');
    await CommandStore.open(data).close();
    writeFileSync(join(dir, 'a-file'), '');
    expect(await pcxsim('recover', '--data', data, '--to', join(dir, 'a-file'))).toMatchObject({ code: 1, err: `pcxsim recover: ${join(dir, 'a-file')} is not a directory: recover writes only to a new or empty directory\n` });
    expect(await pcxsim('recover', '--data', data, '--to', dir)).toMatchObject({ code: 1, err: `pcxsim recover: ${dir} is not empty: recover writes only to a new or empty directory\n` });
    const nowhere = await pcxsim('backup', '--data', data, '--to', join(dir, 'no-such-dir', 'copy.sqlite'));
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toMatch(/^pcxsim backup: cannot back up .* the directory does not exist\n$/);
  });
});
