// kill -9 while a snapshot is being written (issue 19): a writer process whose every commit carries
// a snapshot of a 4,000-VPC world is killed at a random moment, three times. Each time the directory
// opens sound, holds every acknowledged command and at most the one in flight, and the world it
// restores (newest snapshot + the commands after it) is the world the whole log replays to — no torn
// snapshot is ever read.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorld } from '@pcxsim/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../src/doctor.js';
import { CommandStore, replay } from '../src/store.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const writer = fileURLToPath(new URL('./fixtures/snapshot-writer.mjs', import.meta.url));
const dirs: string[] = [];

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/cli/tsconfig.build.json')]);
}, 120_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the writer on a new directory and kills it (-9) `afterMs` after it is ready; the lines it printed. */
async function killWriter(afterMs: number): Promise<{ dir: string; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'pcxsim-kill-'));
  dirs.push(dir);
  const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let rest = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString();
    const complete = text.split('\n');
    rest = complete.pop()!;
    for (const line of complete) {
      lines.push(line);
      if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), afterMs);
    }
  });
  await exited;
  return { dir, lines };
}

describe('kill -9 during a snapshot', () => {
  it('three kills at random moments: every acknowledged command kept, at most the one in flight besides, no torn snapshot read', async () => {
    const rounds: string[] = [];
    let midCommit = 0;
    for (const afterMs of [250 + Math.floor(Math.random() * 500), 500 + Math.floor(Math.random() * 500), 900 + Math.floor(Math.random() * 600)]) {
      const { dir, lines } = await killWriter(afterMs);
      const acked = Math.max(4000, ...lines.filter((l) => l.startsWith('acked ')).map((l) => Number(l.slice(6))));
      const last = lines.at(-1) ?? '';
      if (last.startsWith('begin ')) midCommit++;
      expect(lines).toContain('ready');

      expect(diagnose(dir)?.sound).toBe(true);
      const store = CommandStore.open(dir);
      const restored = JSON.stringify(store.restore());
      const log = [...store.commands()];
      await store.close();
      expect(log.length === acked || log.length === acked + 1).toBe(true);
      expect(log.map((entry) => entry.seq)).toEqual(log.map((_, i) => i + 1));
      let replayed = createWorld({ seed: 11, timing: 'instant', startTime: Date.UTC(2026, 0, 1) });
      for (const entry of log) replayed = replay(replayed, entry);
      expect(restored).toBe(JSON.stringify(replayed));
      rounds.push(`killed ${afterMs} ms in, ${last === '' ? 'before any command' : `after "${last}"`}: ${acked} acknowledged, ${log.length} restored`);
    }
    console.log(rounds.join('\n'));
    // Nearly all of the writer's time is spent committing a snapshot: most kills land in one.
    expect(midCommit).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
