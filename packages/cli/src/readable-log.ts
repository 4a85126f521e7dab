// How much of a (possibly damaged) command log can still be read, for `pcxsim doctor` and
// `pcxsim recover` (issue 19). Only an unbroken prefix 1..K is worth anything: every command was
// applied to the world the ones before it made, so commands after a hole cannot be replayed.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { headerDamage, readableCopy, type HeaderDamage } from './sqlite-header.js';
import { describeSqliteError } from './store-check.js';
import type { StoredCommand } from './store.js';

/** What a scan of the log found. */
export interface LogScan {
  /** The last command of the unbroken readable prefix 1..K (0: not even the first can be read). */
  readonly lastIntact: number;
  /** Why command `lastIntact + 1` cannot be read, when the log goes on after the prefix. */
  readonly stoppedBecause: string | undefined;
  /** The highest command number the database still shows anywhere: the end of the log, or the newest snapshot's. */
  readonly highestSeen: number;
  /** True when `highestSeen` is the end of the log as SQLite reads it; false when that could not be read (more may be lost). */
  readonly exact: boolean;
  /** Commands past the damage that can still be read (of no use for a replay), as `[first, last]`. */
  readonly readableAfter: readonly [number, number] | undefined;
}

interface Row {
  readonly seq: number;
  readonly clock: unknown;
  readonly caller: unknown;
  readonly command: unknown;
  readonly events: unknown;
}

/** The row as a command, or why it is not one: JSON of the shapes the store writes. */
function parseRow(row: Row): StoredCommand | string {
  try {
    if (typeof row.clock !== 'number' || !Number.isFinite(row.clock)) return 'its clock is not a number';
    const caller = JSON.parse(String(row.caller)) as StoredCommand['caller'];
    const command = JSON.parse(String(row.command)) as StoredCommand['command'];
    const events = JSON.parse(String(row.events)) as StoredCommand['events'];
    if (typeof caller?.accountId !== 'string' || typeof caller.region !== 'string') return 'its caller is not an account and Region';
    if (typeof command?.type !== 'string') return 'its command has no type';
    if (!Array.isArray(events)) return 'its events are not a list';
    return { seq: row.seq, clock: row.clock, caller, command, events };
  } catch (error) {
    return `it is not JSON (${(error as Error).message})`;
  }
}

function highest(db: Database.Database, table: 'commands' | 'snapshots'): number | undefined {
  try {
    return (db.prepare(`SELECT MAX(seq) AS n FROM ${table}`).get() as { n: number | null }).n ?? 0;
  } catch {
    return undefined;
  }
}

/** The commands readable from the end of the log backwards, down to `floor` (exclusive), as `[first, last]`. */
function readableTail(db: Database.Database, floor: number): [number, number] | undefined {
  let first: number | undefined;
  let last: number | undefined;
  try {
    for (const row of db.prepare('SELECT seq, clock, caller, command, events FROM commands WHERE seq > ? ORDER BY seq DESC').iterate(floor) as Iterable<Row>) {
      if (typeof parseRow(row) === 'string' || (first !== undefined && row.seq !== first - 1)) break;
      last ??= row.seq;
      first = row.seq;
    }
  } catch {
    // the damage, reached from the other side
  }
  return first === undefined || last === undefined ? undefined : [first, last];
}

/**
 * Reads the log in order and hands each command of the unbroken readable prefix to `visit`; stops
 * at the first that cannot be read (a damaged page, a row that is not what the store writes, or a
 * missing number), then looks past it for how far the log went.
 */
export function scanLog(db: Database.Database, visit: (entry: StoredCommand) => void = () => {}): LogScan {
  let lastIntact = 0;
  let stoppedBecause: string | undefined;
  try {
    for (const row of db.prepare('SELECT seq, clock, caller, command, events FROM commands ORDER BY seq').iterate() as Iterable<Row>) {
      if (row.seq !== lastIntact + 1) {
        stoppedBecause = `it is missing (the log goes on at ${row.seq})`;
        break;
      }
      const entry = parseRow(row);
      if (typeof entry === 'string') {
        stoppedBecause = entry;
        break;
      }
      visit(entry);
      lastIntact = entry.seq;
    }
  } catch (error) {
    stoppedBecause = `it cannot be read (${describeSqliteError(error)})`;
  }
  if (stoppedBecause === undefined) return { lastIntact, stoppedBecause, highestSeen: lastIntact, exact: true, readableAfter: undefined };
  const tail = readableTail(db, lastIntact + 1);
  const end = highest(db, 'commands');
  const highestSeen = Math.max(lastIntact, end ?? 0, highest(db, 'snapshots') ?? 0, tail?.[1] ?? 0);
  // Damage past the last command (in a page with no command in it) loses nothing.
  if (end !== undefined && highestSeen === lastIntact) stoppedBecause = undefined;
  return { lastIntact, stoppedBecause, highestSeen, exact: end !== undefined, readableAfter: tail };
}

/** A damaged database opened to read what it still holds. */
export interface Salvage {
  /** The connection (read only). */
  readonly db: Database.Database;
  /** What was wrong with the header, when the pages are read through a copy with a readable one. */
  readonly header: HeaderDamage | undefined;
  /** Closes the connection and removes the copy. */
  close(): void;
}

/**
 * Opens `file` to read (never to write). A file whose header is garbled or says it is longer than it
 * is gets read through a copy with a readable header (sqlite-header.ts), made in a temporary directory.
 */
export function openToSalvage(file: string): Salvage {
  const header = headerDamage(file);
  if (header === undefined || header.kind === 'newer-format') {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    return { db, header, close: () => db.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pcxsim-salvage-'));
  try {
    readableCopy(file, join(dir, 'pcxsim.sqlite'), header);
    const db = new Database(join(dir, 'pcxsim.sqlite'), { readonly: true, fileMustExist: true });
    return {
      db,
      header,
      close: () => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
