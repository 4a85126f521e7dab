// `pcxsim backup --data DIR --to FILE` (issue 19): a copy of a data directory's database through
// SQLite's online backup API (better-sqlite3's db.backup), safe while a server writes to it. The
// copy is taken in one step, under one read transaction: it is the database as of one commit — a
// prefix of the command log, never a torn one — and the server's writers are not held up (WAL).
// It is written beside FILE, checked, and only then renamed to FILE. Restoring is serving it:
// copy FILE to NEWDIR/pcxsim.sqlite and run `pcxsim serve --data NEWDIR`.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCommand } from './command.js';
import { anyText, option } from './flags.js';
import { describeSqliteError, layoutOf, structuralProblems } from './store-check.js';
import { StoreError } from './store-error.js';

/** What a backup copied. */
export interface BackupResult {
  /** The copy. */
  readonly file: string;
  /** The last command in it: the copy holds commands 1..this. */
  readonly commands: number;
  /** Its size. */
  readonly bytes: number;
  /** Milliseconds the copy took (SQLite's backup). */
  readonly copyMs: number;
  /** Milliseconds the check of the copy took (quick_check and layout). */
  readonly checkMs: number;
}

// All the pages in one step: a step is one read transaction, so the copy is one commit's database,
// and a write between steps (which makes SQLite start the copy over) cannot happen.
const ALL_PAGES = 0x7fffffff;

/** Copies `dir`'s database to `to`; throws a {@link StoreError} when it cannot, leaving no `to`. */
export async function backupStore(dir: string, to: string): Promise<BackupResult> {
  const file = join(dir, 'pcxsim.sqlite');
  if (!existsSync(file)) throw new StoreError(`there is no pcxsim store in ${dir} (no pcxsim.sqlite)`);
  if (existsSync(to)) throw new StoreError(`${to} exists: backup writes only a new file`);
  const partial = `${resolve(to)}.partial-${process.pid}`;
  let source: Database.Database;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StoreError(`cannot open ${file}: ${describeSqliteError(error)}`);
  }
  try {
    const began = performance.now();
    try {
      await source.backup(partial, { progress: () => ALL_PAGES });
    } catch (error) {
      throw new StoreError(`cannot back up ${file} to ${to}: ${describeSqliteError(error)}`);
    }
    const copied = performance.now();
    const copy = new Database(partial, { readonly: true, fileMustExist: true });
    let commands: number;
    try {
      const problems = structuralProblems(copy, 'quick_check');
      if (problems.length > 0) throw new StoreError(`the copy of ${file} is damaged (${problems[0]}): the store itself may be; run \`pcxsim doctor --data ${dir}\``);
      const layout = layoutOf(copy);
      if (layout.kind !== 'pcxsim') throw new StoreError(`${file} is not a pcxsim store this pcxsim reads (${layout.kind === 'damaged' ? layout.what : layout.kind})`);
      commands = (copy.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM commands').get() as { n: number }).n;
    } finally {
      copy.close();
    }
    const checked = performance.now();
    renameSync(partial, to);
    return { file: to, commands, bytes: statSync(to).size, copyMs: copied - began, checkMs: checked - copied };
  } finally {
    source.close();
    for (const left of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(left, { force: true });
  }
}

/** `pcxsim backup`. */
export const backupCommand = defineCommand({
  name: 'backup',
  summary: "Copies a data directory's database with SQLite's online backup, also while a server runs; restoring is serving a directory that holds the copy as pcxsim.sqlite.",
  flags: {
    data: option({ value: 'DIR', help: 'the data directory to copy', required: true, parse: anyText }),
    to: option({ value: 'FILE', help: 'the copy (must not exist yet)', required: true, parse: anyText }),
  },
  run: ({ flags }) => backup(flags.data, flags.to),
});

async function backup(data: string, to: string): Promise<number> {
  const result = await backupStore(data, to);
  process.stdout.write(
    `pcxsim backup: ${result.file} holds commands 1..${result.commands} (${(result.bytes / 1024 / 1024).toFixed(1)} MiB; ` +
      `copied in ${(result.copyMs / 1000).toFixed(2)} s, checked in ${(result.checkMs / 1000).toFixed(2)} s)\n` +
      `  restore: mkdir NEWDIR && cp ${result.file} NEWDIR/pcxsim.sqlite && pcxsim serve --data NEWDIR\n`,
  );
  return 0;
}
