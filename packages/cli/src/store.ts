// The embedded durable store of `pcxsim serve`: every accepted command, committed (SQLite, WAL,
// synchronous=FULL) before its response is sent, and a snapshot of the world every N commands.
// The engine knows nothing of it: the store is handed the same stream of (caller, command) an
// embedder could hand to a store of its own, and rebuilds the world by applying it again.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { apply, createWorld, freezeWorld, WORLD_FORMAT, type Caller, type Command, type EngineEvent, type World, type WorldOptions } from '@pcxsim/engine';

/** The layout of the database; a data directory of another version is refused, never rewritten. */
export const SCHEMA_VERSION = 1;

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

/** A data directory the store cannot use, with a message for people. */
export class StoreError extends Error {
  /** `StoreError`. */
  override readonly name = 'StoreError';
}

/** How a store is opened. */
export interface StoreOptions {
  /** The options of the world to create when the directory is new (kept in the database). */
  readonly worldOptions?: WorldOptions;
  /** Write a snapshot after every this many commands (default 1000). */
  readonly snapshotEvery?: number;
  /** Open to read only (`pcxsim history`): no lock is taken, so it works while a server runs. */
  readonly readOnly?: boolean;
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
  /** The world options the directory was created with. */
  readonly worldOptions: WorldOptions;
  /** How many transactions have committed since opening (group commit folds many commands into one). */
  commits = 0;

  private constructor(
    db: Database.Database,
    worldOptions: WorldOptions,
    snapshotEvery: number,
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
   * Opens (or creates) the store in `dir`. Refuses, with a {@link StoreError} saying why, a
   * directory that cannot be written, a database of another schema version, and a database
   * another process holds.
   */
  static open(dir: string, options: StoreOptions = {}): CommandStore {
    const file = join(dir, 'pcxsim.sqlite');
    if (options.readOnly === true) {
      try {
        return CommandStore.prepare(new Database(file, { readonly: true, fileMustExist: true }), options, undefined);
      } catch (error) {
        if (error instanceof StoreError) throw error;
        throw new StoreError(`cannot read ${file}: ${(error as Error).message}`);
      }
    }
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (error) {
      throw new StoreError(`the data directory ${dir} is not writable (${(error as Error).message})`);
    }
    const lock = takeLock(dir);
    let db: Database.Database;
    try {
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    } catch (error) {
      unlinkSync(lock);
      throw new StoreError(`cannot open ${file}: ${(error as Error).message}`);
    }
    try {
      return CommandStore.prepare(db, options, lock);
    } catch (error) {
      db.close();
      unlinkSync(lock);
      throw error;
    }
  }

  private static prepare(db: Database.Database, options: StoreOptions, lock: string | undefined): CommandStore {
    if (lock !== undefined) db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const read = (key: string): string | undefined => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    const version = read('schema_version');
    if (version === undefined && lock === undefined) throw new StoreError('the data directory holds no pcxsim store yet');
    if (version === undefined) {
      db.transaction(() => {
        db.exec(`CREATE TABLE commands (seq INTEGER PRIMARY KEY, clock INTEGER NOT NULL, caller TEXT NOT NULL, command TEXT NOT NULL, events TEXT NOT NULL);
                 CREATE TABLE snapshots (seq INTEGER PRIMARY KEY, world TEXT NOT NULL);`);
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run(
          'schema_version',
          String(SCHEMA_VERSION),
          'world_options',
          JSON.stringify(options.worldOptions ?? {}),
        );
      })();
    } else if (version !== String(SCHEMA_VERSION)) {
      throw new StoreError(
        `the data directory was written by a pcxsim with store schema ${version}; this one reads schema ${SCHEMA_VERSION}. Use another --data directory (nothing was changed).`,
      );
    }
    const worldOptions = JSON.parse(read('world_options') ?? '{}') as WorldOptions;
    return new CommandStore(db, worldOptions, options.snapshotEvery ?? 1000, lock);
  }

  /**
   * The world as it was after the last committed command: the newest readable snapshot (a
   * damaged one is skipped for an older one, or for the empty world) and the commands after it.
   * A snapshot in an older layout of the world (another `WORLD_FORMAT`, written by an older
   * pcxsim) is not read: the log of commands, which every version reads alike, is replayed whole.
   */
  restore(): World {
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
    for (const entry of this.commands(from)) world = replay(world, entry);
    return world;
  }

  /** The logged commands after `afterSeq`, in order. */
  *commands(afterSeq = 0): Iterable<StoredCommand> {
    const rows = this.db.prepare('SELECT seq, clock, caller, command, events FROM commands WHERE seq > ? ORDER BY seq').iterate(afterSeq) as Iterable<{
      seq: number;
      clock: number;
      caller: string;
      command: string;
      events: string;
    }>;
    for (const row of rows) {
      yield { seq: row.seq, clock: row.clock, caller: JSON.parse(row.caller), command: JSON.parse(row.command), events: JSON.parse(row.events) };
    }
  }

  /**
   * Logs a command that was applied, with the world after it. Resolves once the command is
   * durable. Commands logged while a commit is under way share the next one (group commit).
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
      this.db.transaction(() => {
        for (const { entry } of batch) {
          this.insertCommand.run(++this.seq, entry.clock, JSON.stringify(entry.caller), JSON.stringify(entry.command), JSON.stringify(entry.events));
        }
        if (this.seq - this.lastSnapshot >= this.snapshotEvery) {
          this.insertSnapshot.run(this.seq, JSON.stringify(batch.at(-1)!.world));
          this.lastSnapshot = this.seq;
        }
      })();
      this.commits++;
    } catch (error) {
      this.seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM commands').get() as { n: number }).n;
      for (const { done } of batch) done(error);
      return;
    }
    for (const { done } of batch) done();
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
    this.db.close();
    if (this.lock !== undefined) unlinkSync(this.lock);
  }
}

/** Applies one logged command to the world, first moving the clock to the time it was applied at. */
export function replay(world: World, entry: LoggedCommand): World {
  let next = world;
  if (entry.clock > next.clock) next = apply(next, entry.caller, { type: 'AdvanceClock', Milliseconds: entry.clock - next.clock }).world;
  return apply(next, entry.caller, entry.command).world;
}
