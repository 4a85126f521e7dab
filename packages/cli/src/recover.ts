// `pcxsim recover --data DIR --to NEWDIR` (issue 19): a good data directory rebuilt from the
// command log's unbroken readable prefix of a damaged one. The damaged directory is only read. The
// new one is written through the store as serve writes it (commands, then snapshots as they fall
// due), then opened and restored as serve would, and checked against the world the replay made.
import { existsSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createWorld, type WorldOptions } from '@pcxsim/engine';
import { defineCommand } from './command.js';
import { anyText, option } from './flags.js';
import { lostInWords } from './doctor.js';
import { openToSalvage, scanLog, type LogScan, type Salvage } from './readable-log.js';
import { describeSqliteError } from './store-check.js';
import { StoreError } from './store-error.js';
import { CommandStore, replay, WriteFailure, type LoggedCommand } from './store.js';

/** What a recovery did. */
export interface Recovery {
  /** How far the damaged log read. */
  readonly log: LogScan;
  /** The commands written to the new directory: 1..this. */
  readonly kept: number;
}

// Commands go to the new directory this many at a time, one transaction each.
const BATCH = 10_000;

/**
 * Rebuilds `to` from the readable prefix of `from`'s log; throws a {@link StoreError} when it cannot.
 * The directory is built beside `to` and renamed into place once checked: a recovery that fails
 * half-way leaves no directory that looks whole.
 */
export async function recoverStore(from: string, to: string): Promise<Recovery> {
  const file = join(from, 'pcxsim.sqlite');
  if (!existsSync(file)) throw new StoreError(`there is no pcxsim store in ${from} (no pcxsim.sqlite)`);
  if (existsSync(to) && !statSync(to).isDirectory()) throw new StoreError(`${to} is not a directory: recover writes only to a new or empty directory`);
  if (existsSync(to) && readdirSync(to).length > 0) throw new StoreError(`${to} is not empty: recover writes only to a new or empty directory`);
  let salvage: Salvage;
  try {
    salvage = openToSalvage(file);
  } catch (error) {
    throw new StoreError(`cannot open ${file}: ${describeSqliteError(error)}`);
  }
  const source = salvage.db;
  if (salvage.header?.kind === 'newer-format') {
    salvage.close();
    throw new StoreError(`${file} cannot be read: ${salvage.header.what}; it is not damaged — serve it with the pcxsim that wrote it`);
  }
  const building = `${resolve(to)}.partial-${process.pid}`;
  try {
    let worldOptions: WorldOptions;
    try {
      worldOptions = JSON.parse((source.prepare("SELECT value FROM meta WHERE key = 'world_options'").get() as { value: string }).value) as WorldOptions;
    } catch (error) {
      throw new StoreError(`the settings of ${file} (its seed and timing) cannot be read (${describeSqliteError(error)}), and without them its commands cannot be replayed: restore a backup`);
    }
    const target = CommandStore.open(building, { worldOptions });
    let world = createWorld(worldOptions);
    let batch: LoggedCommand[] = [];
    let log: LogScan;
    try {
      log = scanLog(source, (entry) => {
        world = replay(world, entry);
        batch.push(entry);
        if (batch.length === BATCH) {
          target.appendBatch(batch, world);
          batch = [];
        }
      });
      target.appendBatch(batch, world);
    } catch (error) {
      throw error instanceof WriteFailure ? new StoreError(`cannot write the new directory ${building}: ${error.message}`) : error;
    } finally {
      await target.close();
    }
    // The new directory, as serve will read it, is the world the replay made.
    const check = CommandStore.open(building);
    const restored = JSON.stringify(check.restore());
    await check.close();
    if (restored !== JSON.stringify(world)) throw new StoreError(`the rebuilt directory does not restore the world its commands make; it was not kept`);
    if (existsSync(to)) rmdirSync(to);
    renameSync(building, to);
    return { log, kept: log.lastIntact };
  } finally {
    salvage.close();
    rmSync(building, { recursive: true, force: true });
  }
}

/** `pcxsim recover`. */
export const recoverCommand = defineCommand({
  name: 'recover',
  summary:
    'Rebuilds a good data directory from the commands of a damaged one that can still be read, and says how many were lost. DIR is only read.',
  flags: {
    data: option({ value: 'DIR', help: 'the damaged data directory (only read)', required: true, parse: anyText }),
    to: option({ value: 'NEWDIR', help: 'the new data directory (must not exist yet)', required: true, parse: anyText }),
  },
  run: async ({ flags }) => {
    process.stdout.write(formatRecovery(flags.data, flags.to, await recoverStore(flags.data, flags.to)));
    return 0;
  },
});

/** What `pcxsim recover` prints: what the new directory holds, and what was lost. */
export function formatRecovery(from: string, to: string, { log, kept }: Recovery): string {
  const lost = log.stoppedBecause === undefined ? 'no command was lost' : `commands lost: ${lostInWords(log)}; command ${kept + 1}: ${log.stoppedBecause}`;
  return `pcxsim recover: ${to} holds commands 1..${kept} of ${from}; ${lost}\n  serve it: pcxsim serve --data ${to}\n`;
}
