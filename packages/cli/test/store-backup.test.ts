// `pcxsim backup` while `pcxsim serve` commits (issue 19): 16 clients create VPCs without pause while
// the real CLI backs the data directory up. The copy is sound, its log is exactly a prefix of the
// server's log that holds every change acknowledged before the backup began, and restoring it —
// serving a directory that holds it — serves exactly the world of that prefix.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorld } from '@pcxsim/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../src/doctor.js';
import { CommandStore, replay } from '../src/store.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(root, 'packages/cli/bin/pcxsim.mjs');
const children: ChildProcess[] = [];
let work: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/cli/tsconfig.build.json')]);
  work = mkdtempSync(join(tmpdir(), 'pcxsim-backup-'));
}, 120_000);
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

async function serve(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--quiet', '--clock', 'manual', '--data', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const auth = 'AWS4-HMAC-SHA256 Credential=111111111111/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0';

async function createNamed(url: string, name: string): Promise<boolean> {
  const body = `Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=${name}`;
  const response = await fetch(`${url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth }, body });
  await response.text();
  return response.status === 200;
}

describe('pcxsim backup', () => {
  it('taken while 16 clients commit, is a sound, servable prefix of the log holding every change acknowledged before it began', async () => {
    const data = join(work, 'data');
    const server = await serve(data);
    const acknowledged: string[] = [];
    let running = true;
    const clients = Array.from({ length: 16 }, async (_, c) => {
      for (let i = 0; running; i++) if (await createNamed(server.url, `c${c}-${i}`)) acknowledged.push(`c${c}-${i}`);
    });
    while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 20));

    const before = acknowledged.length;
    const copy = join(work, 'copy.sqlite');
    const backup = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'backup', '--data', data, '--to', copy], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('exit', (status) => resolve({ status, stdout, stderr }));
    });
    const during = acknowledged.length - before;
    running = false;
    await Promise.all(clients);
    await stop(server.child);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const kept = Number(/holds commands 1\.\.(\d+)/.exec(backup.stdout)?.[1]);
    console.log(`backup under load: ${before} acknowledged before it began, ${during} while it ran; the copy holds commands 1..${kept}; ${backup.stdout.split('\n')[0]}`);
    expect(during).toBeGreaterThan(0); // it really ran while changes committed

    // Restoring is serving a directory that holds the copy.
    const restoredDir = join(work, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(copy, join(restoredDir, 'pcxsim.sqlite'));
    expect(diagnose(restoredDir)?.sound).toBe(true);

    // Its log is exactly the first `kept` commands of the server's, and holds all acknowledged before it began.
    const original = CommandStore.open(data, { readOnly: true });
    const copied = CommandStore.open(restoredDir, { readOnly: true });
    const originalLog = [...original.commands()];
    const copiedLog = [...copied.commands()];
    const options = original.worldOptions;
    await original.close();
    await copied.close();
    expect(copiedLog.length).toBe(kept);
    expect(JSON.stringify(copiedLog)).toBe(JSON.stringify(originalLog.slice(0, kept)));
    expect(copiedLog.filter((entry) => entry.command.type === 'CreateVpc').length).toBeGreaterThanOrEqual(before);
    let expected = createWorld(options);
    for (const entry of originalLog.slice(0, kept)) expected = replay(expected, entry);

    const again = await serve(restoredDir);
    const served = await (await fetch(`${again.url}/_pcxsim/world`)).text();
    await stop(again.child);
    expect(served).toBe(JSON.stringify(expected));

    // A backup never overwrites: the same target again is refused.
    const twice = spawnSync(process.execPath, [bin, 'backup', '--data', data, '--to', copy], { encoding: 'utf8' });
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('exists: backup writes only a new file');
  }, 180_000);
});
