// The embedded durable store of `pcxsim serve`: every accepted command, committed (SQLite, WAL,
// synchronous=FULL) before its response is sent, and a snapshot of the world every N commands.
// The engine knows nothing of it: the store is handed the same stream of (caller, command) an
// embedder could hand to a store of its own, and rebuilds the world by applying it again.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { apply, createWorld, freezeWorld, WORLD_FORMAT, type Caller, type Command, type EngineEvent, type World, type WorldOptions } from '@pcxsim/engine';
import { checkDatabase, describeSqliteError, layoutOf, SCHEMA_VERSION, whatToDo } from './store-check.js';
import { StoreError } from './store-error.js';

export { SCHEMA_VERSION, StoreError };

/** One accepted, state-changing command, as the store keeps it. */
export interface LoggedCommand {
  /** The world's clock (epoch ms) when the command was applied. */
  readonly clock: number;
  /** Who sent it. */
  readonly caller: Caller;
  /** The command, exactly as applied. */
  readonly command: Command;
  /** What it did (for `pcxsim history`; replay does not need it). */
  readonly events: readonly EngineEvent[];
}

/** A logged command with its place in the log. */
export interface StoredCommand extends LoggedCommand {
  /** 1, 2, 3 …: the order of application. */
  readonly seq: number;
}

/** How a store is opened. */
export interface StoreOptions {
  /** The options of the world to create when the directory is new (kept in the database). */
  readonly worldOptions?: WorldOptions;
  /** Write a snapshot after every this many commands (default 1000). */
  readonly snapshotEvery?: number;
  /** Open to read only (`pcxsim history`): no lock is taken, so it works while a server runs. */
  readonly readOnly?: boolean;
  /**
   * The most pages (of 4 KiB) the database may grow to (SQLite's `max_page_count`): a quota for the
   * data directory; past it writes fail as on a full disk (`SQLITE_FULL`).
   */
  readonly maxPages?: number;
}

/**
 * One writer per data directory: a lock file holding the writer's process ID. A lock left by a
 * process that no longer runs (kill -9) is taken over. Readers take no lock (SQLite's WAL lets them
 * read while the writer writes).
 */
function takeLock(dir: string): string {
  const path = join(dir, 'pcxsim.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isSafeInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new StoreError(`the data directory ${dir} is in use by another pcxsim process (pid ${holder})`);
      }
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new StoreError(`the data directory ${dir} is in use by another pcxsim process`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Pending {
  readonly entry: LoggedCommand;
  readonly world: World;
  readonly done: (error?: unknown) => void;
}

/** A write the store could not make durable: its message names SQLite's cause (`SQLITE_FULL: …`). */
export class WriteFailure extends Error {
  /** `WriteFailure`. */
  override readonly name = 'WriteFailure';
}

/** The SQLite-backed command log and snapshots of one data directory. */
export class CommandStore {
  private readonly db: Database.Database;
  private readonly snapshotEvery: number;
  private readonly insertCommand: Database.Statement;
  private readonly insertSnapshot: Database.Statement;
  private pending: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private seq: number;
  private lastSnapshot: number;
  private failing: { readonly cause: string; readonly since: number; failed: number } | undefined;
  private closed = false;
  /** The world options the directory was created with. */
  readonly worldOptions: WorldOptions;
  /** How many transactions have committed since opening (group commit folds many commands into one). */
  commits = 0;

  private constructor(
    db: Database.Database,
    worldOptions: WorldOptions,
    snapshotEvery: number,
    private readonly file: string,
    private readonly dir: string,
    private readonly lock: string | undefined,
  ) {
    this.db = db;
    this.worldOptions = worldOptions;
    this.snapshotEvery = snapshotEvery;
    this.insertCommand = db.prepare('INSERT INTO commands (seq, clock, caller, command, events) VALUES (?, ?, ?, ?, ?)');
    this.insertSnapshot = db.prepare('INSERT INTO snapshots (seq, world) VALUES (?, ?)');
    this.seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM commands').get() as { n: number }).n;
    this.lastSnapshot = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM snapshots').get() as { n: number }).n;
  }

  /**
   * Opens (or creates) the store in `dir`. Refuses, with a {@link StoreError} saying why and what to
   * do, a directory that cannot be written, a damaged database (SQLite's `quick_check`, then the
   * layout), a database of another schema version, and a database another process holds. Nothing
   * is written to a database that was refused.
   */
  static open(dir: string, options: StoreOptions = {}): CommandStore {
    const file = join(dir, 'pcxsim.sqlite');
    if (options.readOnly === true) return CommandStore.openToRead(dir, file, options);
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (error) {
      throw new StoreError(`the data directory ${dir} is not writable (${(error as Error).message})`);
    }
    const lock = takeLock(dir);
    // A file that is there with no byte in it, and no write-ahead log holding its pages, was cut off.
    const emptyFile = existsSync(file) && statSync(file).size === 0 && !(existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0);
    let db: Database.Database;
    try {
      db = new Database(file);
    } catch (error) {
      unlinkSync(lock);
      throw new StoreError(`cannot open ${file}: ${describeSqliteError(error)}`);
    }
    try {
      const found = checkDatabase(db, file, dir, emptyFile);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      if (options.maxPages !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPages)}`);
      if (found === 'new') create(db, options.worldOptions ?? {});
      return CommandStore.prepare(db, options, file, dir, lock);
    } catch (error) {
      db.close();
      unlinkSync(lock);
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot open ${file}: ${describeSqliteError(error)}`);
    }
  }

  // A reader (`pcxsim history`) takes no lock and runs no quick_check — it reads while a server
  // writes, and a check of a large file takes seconds — but it reads only a store of this layout,
  // and a damaged page it meets is a StoreError (commands()), never a stack trace.
  private static openToRead(dir: string, file: string, options: StoreOptions): CommandStore {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const layout = layoutOf(db);
      if (layout.kind === 'empty') throw new StoreError('the data directory holds no pcxsim store yet');
      if (layout.kind === 'other-version') throw new StoreError(`${file} was written by a pcxsim with store schema ${layout.version}; this one reads schema ${SCHEMA_VERSION}`);
      if (layout.kind === 'damaged') throw new StoreError(`${file} is damaged: ${layout.what}. ${whatToDo(dir)}`);
      return CommandStore.prepare(db, options, file, dir, undefined);
    } catch (error) {
      db?.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`cannot read ${file}: ${describeSqliteError(error)}`);
    }
  }

  private static prepare(db: Database.Database, options: StoreOptions, file: string, dir: string, lock: string | undefined): CommandStore {
    const worldOptions = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'world_options'").get() as { value: string }).value) as WorldOptions;
    return new CommandStore(db, worldOptions, options.snapshotEvery ?? 1000, file, dir, lock);
  }

  /**
   * The world as it was after the last committed command: the newest readable snapshot (a
   * damaged one is skipped for an older one, or for the empty world) and the commands after it.
   * A snapshot in an older layout of the world (another `WORLD_FORMAT`, written by an older
   * pcxsim) is not read: the log of commands, which every version reads alike, is replayed whole.
   * A command that cannot be read is a {@link StoreError} (and the store is closed): a world
   * without it would be a partial one, served as if it were whole.
   */
  restore(): World {
    try {
      let world: World | undefined;
      let from = 0;
      for (const row of this.db.prepare('SELECT seq, world FROM snapshots ORDER BY seq DESC').iterate() as Iterable<{ seq: number; world: string }>) {
        let parsed: World;
        try {
          parsed = JSON.parse(row.world) as World;
        } catch {
          continue; // a damaged snapshot: try the one before
        }
        if (parsed?.format !== WORLD_FORMAT) break; // this one and all before it are in an older layout
        world = parsed;
        from = row.seq;
        break;
      }
      world = world === undefined ? createWorld(this.worldOptions) : freezeWorld(world);
      let expected = from + 1;
      for (const entry of this.commands(from)) {
        if (entry.seq !== expected) throw new StoreError(`${this.file} is damaged: command ${expected} is missing from its log. ${whatToDo(this.dir)}`);
        world = replay(world, entry);
        expected++;
      }
      return world;
    } catch (error) {
      this.release();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`${this.file} is damaged: ${describeSqliteError(error)}. ${whatToDo(this.dir)}`);
    }
  }

  /** The logged commands after `afterSeq`, in order; a row that cannot be read is a {@link StoreError} naming it. */
  *commands(afterSeq = 0): Iterable<StoredCommand> {
    let seq = afterSeq;
    let reading: number | undefined; // a row SQLite read, whose JSON is being parsed
    try {
      const rows = this.db.prepare('SELECT seq, clock, caller, command, events FROM commands WHERE seq > ? ORDER BY seq').iterate(afterSeq) as Iterable<{
        seq: number;
        clock: number;
        caller: string;
        command: string;
        events: string;
      }>;
      for (const row of rows) {
        reading = row.seq;
        const entry: StoredCommand = { seq: row.seq, clock: row.clock, caller: JSON.parse(row.caller), command: JSON.parse(row.command), events: JSON.parse(row.events) };
        reading = undefined;
        seq = row.seq;
        yield entry;
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      const which = reading === undefined ? `the command after ${seq}` : `command ${reading}`;
      throw new StoreError(`${this.file} is damaged: ${which} cannot be read (${describeSqliteError(error)}). ${whatToDo(this.dir)}`);
    }
  }

  /**
   * Logs a command that was applied, with the world after it. Resolves once the command is
   * durable; rejects with a {@link WriteFailure} when it could not be made so (nothing of it is
   * kept). Commands logged while a commit is under way share the next one (group commit).
   */
  append(entry: LoggedCommand, worldAfter: World): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, world: worldAfter, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.flushing ??= new Promise<void>((settled) => setImmediate(() => settled())).then(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.flushing = undefined;
    try {
      this.write(batch.map((pending) => pending.entry), batch.at(-1)!.world);
    } catch (failure) {
      for (const { done } of batch) done(failure);
      return;
    }
    for (const { done } of batch) done();
  }

  /**
   * Logs commands read from another log (`pcxsim recover`), with the world after the last, in one
   * transaction, now; throws a {@link WriteFailure} when that cannot be made durable.
   */
  appendBatch(entries: readonly LoggedCommand[], worldAfter: World): void {
    if (entries.length > 0) this.write(entries, worldAfter);
  }

  // One transaction: the commands, and a snapshot when one is due. On failure it was rolled back:
  // the numbers stay where they were, and the cause is kept for health() and named in the error.
  private write(entries: readonly LoggedCommand[], worldAfter: World): void {
    let seq = this.seq;
    const snapshot = seq + entries.length - this.lastSnapshot >= this.snapshotEvery;
    try {
      this.db.transaction(() => {
        for (const entry of entries) {
          this.insertCommand.run(++seq, entry.clock, JSON.stringify(entry.caller), JSON.stringify(entry.command), JSON.stringify(entry.events));
        }
        if (snapshot) this.insertSnapshot.run(seq, JSON.stringify(worldAfter));
      })();
    } catch (error) {
      const cause = describeSqliteError(error);
      if (this.failing?.cause === cause) this.failing.failed += entries.length;
      else this.failing = { cause, since: Date.now(), failed: entries.length };
      const what = entries.length === 1 ? 'the change was' : `${entries.length} changes were`;
      throw new WriteFailure(`${cause} (${this.file}: ${what} not kept)`, { cause: error });
    }
    this.seq = seq;
    if (snapshot) this.lastSnapshot = seq;
    this.commits++;
    this.failing = undefined;
  }

  /**
   * Why changes cannot be made durable now, or `undefined` when they can. While writes fail, each
   * call first tries a write of its own, of a page (so health clears by itself once space is freed,
   * even when no request writes); a write that commits, the store's or this one, clears it.
   */
  health(): string | undefined {
    let failing = this.failing;
    if (failing === undefined || this.lock === undefined) return undefined;
    try {
      // A page's worth, so that it needs what a command's commit needs: room for a new page.
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('health_probe', ?)").run(`${new Date().toISOString()} ${'.'.repeat(4096)}`);
      this.failing = undefined;
      return undefined;
    } catch (error) {
      const cause = describeSqliteError(error);
      if (cause !== failing.cause) failing = this.failing = { cause, since: Date.now(), failed: failing.failed };
    }
    const { cause, since, failed } = failing;
    return `writes to ${this.file} fail since ${new Date(since).toISOString()} (${failed} ${failed === 1 ? 'change' : 'changes'} not kept): ${cause}`;
  }

  /** Forgets every command and snapshot (the control API's reset): the next restore is the empty world. */
  async reset(): Promise<void> {
    while (this.flushing !== undefined) await this.flushing;
    this.db.transaction(() => {
      this.db.exec('DELETE FROM commands; DELETE FROM snapshots;');
    })();
    this.seq = 0;
    this.lastSnapshot = 0;
  }

  /** Waits for what is pending, then closes the database (and releases its lock). */
  async close(): Promise<void> {
    while (this.flushing !== undefined) await this.flushing;
    this.release();
  }

  private release(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    if (this.lock !== undefined) unlinkSync(this.lock);
  }
}

/** Creates the tables of a new store, with the options of its world, in one transaction. */
function create(db: Database.Database, worldOptions: WorldOptions): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE commands (seq INTEGER PRIMARY KEY, clock INTEGER NOT NULL, caller TEXT NOT NULL, command TEXT NOT NULL, events TEXT NOT NULL);
             CREATE TABLE snapshots (seq INTEGER PRIMARY KEY, world TEXT NOT NULL);`);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('schema_version', String(SCHEMA_VERSION), 'world_options', JSON.stringify(worldOptions));
  })();
}

/** Applies one logged command to the world, first moving the clock to the time it was applied at. */
export function replay(world: World, entry: LoggedCommand): World {
  let next = world;
  if (entry.clock > next.clock) next = apply(next, entry.caller, { type: 'AdvanceClock', Milliseconds: entry.clock - next.clock }).world;
  return apply(next, entry.caller, entry.command).world;
}
