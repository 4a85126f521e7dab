import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { apply, createWorld, type Caller, type Command, type World } from '@pcxsim/engine';
import { diagnose } from '../src/doctor.js';
import { CommandStore, SCHEMA_VERSION, StoreError } from '../src/store.js';

const A: Caller = { accountId: '111111111111', region: 'us-east-1' };
const B: Caller = { accountId: '222222222222', region: 'us-east-1' };
const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pcxsim-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Applies commands the way serve does: a state change is logged with the world after it. */
async function drive(store: CommandStore, start: World, steps: readonly [Caller, Command][]): Promise<World> {
  let world = start;
  for (const [caller, command] of steps) {
    const step = apply(world, caller, command);
    if (step.world === world) continue; // refused or read-only: not logged
    await store.append({ clock: world.clock, caller, command, events: step.events }, step.world);
    world = step.world;
  }
  return world;
}

const scenario = (vpcA: string, vpcB: string): [Caller, Command][] => [
  [A, { type: 'CreateVpcPeeringConnection', VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: B.accountId }],
  [A, { type: 'AdvanceClock', Milliseconds: 60_000 }],
  [A, { type: 'DescribeVpcPeeringConnections' }],
];

async function twoVpcs(store: CommandStore, world: World): Promise<{ world: World; vpcA: string; vpcB: string }> {
  const a = apply(world, A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' });
  await store.append({ clock: world.clock, caller: A, command: { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }, events: a.events }, a.world);
  const b = apply(a.world, B, { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' });
  await store.append({ clock: a.world.clock, caller: B, command: { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' }, events: b.events }, b.world);
  const id = (step: typeof a) => (step.result.ok ? (step.result.value as { Vpc?: { VpcId?: string } }).Vpc?.VpcId ?? '' : '');
  return { world: b.world, vpcA: id(a), vpcB: id(b) };
}

/** A data directory with a snapshot after every command, and the world its commands made. */
async function snapshotEveryCommand(): Promise<{ dir: string; after: World }> {
  const dir = freshDir();
  const store = CommandStore.open(dir, { snapshotEvery: 1 });
  const { world, vpcA, vpcB } = await twoVpcs(store, createWorld());
  const after = await drive(store, world, scenario(vpcA, vpcB));
  await store.close();
  return { dir, after };
}

/** Damages the directory's database with `sql`, then expects a reopened store to restore `after` exactly. */
async function expectRestoredAfter(dir: string, sql: string, after: World): Promise<void> {
  const db = new Database(join(dir, 'pcxsim.sqlite'));
  db.prepare(sql).run();
  db.close();
  const reopened = CommandStore.open(dir);
  expect(JSON.stringify(reopened.restore())).toBe(JSON.stringify(after));
  await reopened.close();
}

describe('the durable store', () => {
  it('restores the world exactly: latest snapshot plus the commands after it (compared as JSON)', async () => {
    const dir = freshDir();
    const store = CommandStore.open(dir, { worldOptions: { seed: 7 }, snapshotEvery: 3 });
    const { world, vpcA, vpcB } = await twoVpcs(store, createWorld({ seed: 7 }));
    const after = await drive(store, world, scenario(vpcA, vpcB));
    await store.close();

    const reopened = CommandStore.open(dir);
    expect(reopened.worldOptions).toEqual({ seed: 7 });
    expect(JSON.stringify(reopened.restore())).toBe(JSON.stringify(after));
    await reopened.close();
  });

  it('group commit: commands logged together share one transaction', async () => {
    const store = CommandStore.open(freshDir());
    let world = createWorld();
    const appends: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      const command: Command = { type: 'CreateVpc', CidrBlock: `10.${i}.0.0/16` };
      const step = apply(world, A, command);
      appends.push(store.append({ clock: world.clock, caller: A, command, events: step.events }, step.world));
      world = step.world;
    }
    await Promise.all(appends);
    expect(store.commits).toBe(1);
    expect([...store.commands()].map((c) => c.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const restored = store.restore();
    expect(JSON.stringify(restored)).toBe(JSON.stringify(world));
    await store.close();
  });

  it('falls back to an older snapshot, or a full replay, when the newest is damaged', async () => {
    const { dir, after } = await snapshotEveryCommand();
    await expectRestoredAfter(dir, "UPDATE snapshots SET world = '{broken' WHERE seq = (SELECT MAX(seq) FROM snapshots)", after);
    await expectRestoredAfter(dir, 'DELETE FROM snapshots', after);
  });

  it('a snapshot in an older layout of the world (another WORLD_FORMAT) is not read: the whole log is replayed', async () => {
    const { dir, after } = await snapshotEveryCommand();
    // As an older pcxsim left it: every snapshot in format 1, with a layout this one does not read.
    await expectRestoredAfter(dir, `UPDATE snapshots SET world = '{"format":1,"clock":0}'`, after);
  });

  it('refuses a database of another schema version, and changes nothing', async () => {
    const dir = freshDir();
    await CommandStore.open(dir).close();
    const db = new Database(join(dir, 'pcxsim.sqlite'));
    db.prepare("UPDATE meta SET value = '99' WHERE key = 'schema_version'").run();
    db.close();
    expect(() => CommandStore.open(dir)).toThrow(new StoreError(
      `${join(dir, 'pcxsim.sqlite')} was written by a pcxsim with store schema 99; this one reads schema ${SCHEMA_VERSION}. ` +
        'Serve it with a pcxsim that reads that schema, or use another --data directory (nothing was changed).',
    ));
    const check = new Database(join(dir, 'pcxsim.sqlite'));
    expect(check.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: '99' });
    check.close();
  });

  it('refuses a second writer while the first holds the directory, but lets readers in', async () => {
    const dir = freshDir();
    const first = CommandStore.open(dir);
    expect(() => CommandStore.open(dir)).toThrow(new RegExp(`in use by another pcxsim process \\(pid ${process.pid}\\)`));
    const reader = CommandStore.open(dir, { readOnly: true });
    expect([...reader.commands()]).toEqual([]);
    await reader.close();
    await first.close();
    const again = CommandStore.open(dir);
    await again.close();
  });

  it('takes over the lock of a writer that died (kill -9 leaves its lock file behind)', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'pcxsim.lock'), '2147483646'); // no such process
    const store = CommandStore.open(dir);
    await store.close();
    expect(() => CommandStore.open(freshDir(), { readOnly: true })).toThrow(StoreError);
  });

  it('a command that cannot be read on restore is a StoreError naming it, never a partial world; the lock is released', async () => {
    const { dir } = await snapshotEveryCommand();
    const db = new Database(join(dir, 'pcxsim.sqlite'));
    db.prepare("UPDATE commands SET command = '{broken' WHERE seq = 3").run();
    db.prepare('DELETE FROM snapshots').run();
    db.close();
    const store = CommandStore.open(dir); // SQLite's structure is sound: quick_check passes
    expect(() => store.restore()).toThrow(`${join(dir, 'pcxsim.sqlite')} is damaged: command 3 cannot be read (`);
    const reader = CommandStore.open(dir, { readOnly: true });
    expect(() => [...reader.commands()]).toThrow(StoreError);
    await reader.close();
    expect(diagnose(dir)).toMatchObject({ sound: false, log: { lastIntact: 2, stoppedBecause: expect.stringMatching(/^it is not JSON/) } });
    const again = CommandStore.open(dir); // the failed restore let go of the directory
    await again.close();
  });

  it('refuses a data directory it cannot create or write', () => {
    // Tests run as root, which file modes do not stop: a path below a plain file cannot be a directory.
    const file = join(freshDir(), 'a-file');
    writeFileSync(file, '');
    expect(() => CommandStore.open(join(file, 'data'))).toThrow(/is not writable/);
  });
});
