#!/usr/bin/env node
// `pnpm run bench:store`: what a large command log costs the store's fault handling (issue 19). Writes
// a data directory of N commands (default 1,000,000) through the store as serve writes them (group
// commits of 10,000, a snapshot every 1,000 commands; 100 live VPCs from 10 accounts: CreateVpc,
// CreateTags on it, DeleteVpc of the oldest), then times: opening it (quick_check and layout, what
// serve does before serving), restoring the world, `pcxsim backup` (SQLite's online backup, then the
// check of the copy) and `pcxsim doctor` (integrity_check and a read of the whole log). Prints a
// table and `store commands=<n> bytes=<n> open_ms=<n> backup_ms=<n> …`.
//   node bench/store-backup.mjs [--commands N] [--keep DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apply, createWorld } from '../packages/engine/dist/index.js';
import { backupStore } from '../packages/cli/dist/backup.js';
import { diagnose } from '../packages/cli/dist/doctor.js';
import { CommandStore } from '../packages/cli/dist/store.js';

const { values } = parseArgs({ options: { commands: { type: 'string', default: '1000000' }, keep: { type: 'string' } }, strict: true });
const total = Number(values.commands);
if (!Number.isSafeInteger(total) || total < 3) throw new Error('--commands must be an integer of at least 3');
const work = values.keep ?? mkdtempSync(join(tmpdir(), 'pcxsim-bench-store-'));
const dir = join(work, 'data');
const options = { seed: 1, timing: 'instant', startTime: Date.UTC(2026, 0, 1) };
const time = (f) => {
  const began = performance.now();
  const value = f();
  return { value, ms: performance.now() - began };
};

// Write the log.
const began = performance.now();
let store = CommandStore.open(dir, { worldOptions: options, snapshotEvery: 1000 });
let world = createWorld(options);
const live = [];
let batch = [];
let written = 0;
const log = (caller, command) => {
  const step = apply(world, caller, command);
  if (step.world === world) throw new Error(`refused: ${JSON.stringify(step.result)}`);
  batch.push({ clock: world.clock, caller, command, events: step.events });
  world = step.world;
  written++;
  if (batch.length === 10_000) {
    store.appendBatch(batch, world);
    batch = [];
  }
  return step;
};
for (let i = 0; written < total; i++) {
  const caller = { accountId: String(111111111111 + (i % 10)), region: 'us-east-1' };
  const created = log(caller, { type: 'CreateVpc', CidrBlock: `10.${i % 256}.0.0/16` });
  const vpc = created.result.value.Vpc.VpcId;
  live.push([caller, vpc]);
  if (written < total) log(caller, { type: 'CreateTags', Resources: [vpc], Tags: [{ Key: 'Name', Value: `vpc-${i}` }, { Key: 'team', Value: `t${i % 7}` }] });
  if (live.length > 100 && written < total) {
    const [owner, oldest] = live.shift();
    log(owner, { type: 'DeleteVpc', VpcId: oldest });
  }
}
store.appendBatch(batch, world);
await store.close();
const writeMs = performance.now() - began;

// Open (the checks serve runs before serving), restore, back up, doctor.
const opened = time(() => CommandStore.open(dir));
store = opened.value;
const restored = time(() => store.restore());
await store.close();
if (JSON.stringify(restored.value) !== JSON.stringify(world)) throw new Error('the restored world differs');
const copy = join(work, 'backup.sqlite');
rmSync(copy, { force: true });
const backup = await backupStore(dir, copy);
const doctor = time(() => diagnose(dir));
if (!doctor.value.sound || doctor.value.log.lastIntact !== total) throw new Error('doctor did not find the log sound');

const MiB = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log('| commands | database | write the log | open (quick_check) | restore | backup: copy | backup: check | doctor (integrity_check + log) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
console.log(`| ${total} | ${MiB(doctor.value.bytes)} | ${s(writeMs)} | ${s(opened.ms)} | ${s(restored.ms)} | ${s(backup.copyMs)} | ${s(backup.checkMs)} | ${s(doctor.ms)} |`);
console.log(
  `store commands=${total} bytes=${doctor.value.bytes} write_ms=${writeMs.toFixed(0)} open_ms=${opened.ms.toFixed(0)} restore_ms=${restored.ms.toFixed(0)} ` +
    `backup_ms=${backup.copyMs.toFixed(0)} backup_check_ms=${backup.checkMs.toFixed(0)} doctor_ms=${doctor.ms.toFixed(0)}`,
);
if (values.keep === undefined) rmSync(work, { recursive: true, force: true });
