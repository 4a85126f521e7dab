// A full disk under `pcxsim serve --data` (issue 19), for real. Where this process may mount a file
// system (root, as in CI), the data directory is a small tmpfs that a filler file fills up, and the
// real CLI serves it; where it may not, the database is held to a quota (SQLite's max_page_count)
// that a filler row fills, and the endpoint serves it in process with serve's wiring. The test says
// which ran. Either way: a change that cannot be committed gets 500 InternalError and is not kept,
// its log line names SQLITE_FULL, health answers 503 with the reason, reads keep working, and once
// space is freed health is ok again and changes are kept; after a restart, every acknowledged change
// is there and no refused one.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Ec2Endpoint, listen, type AnsweredRequest } from '@pcxsim/ec2-query';
import { CommandStore } from '../src/store.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(root, 'packages/cli/bin/pcxsim.mjs');
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
});

/** A server on a data directory whose space the test can use up and free. */
interface FullableServer {
  readonly how: 'tmpfs' | 'max_page_count';
  readonly url: string;
  /** The request log so far: one JSON object a request. */
  log(): Record<string, unknown>[];
  /** Uses up every free byte. */
  fill(): void;
  /** Frees what fill() took. */
  free(): void;
  /** Stops the server and starts it again on the same directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Mounts a tmpfs of `size` on a new directory, or undefined when this process may not. */
function tryMountTmpfs(size: string): string | undefined {
  const mountPoint = mkdtempSync(join(tmpdir(), 'pcxsim-fullfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(mountPoint, { recursive: true, force: true });
    return undefined;
  }
  cleanups.push(() => {
    spawnSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });
  return mountPoint;
}

/** The real CLI on a 2 MiB tmpfs; fill() writes a filler file until ENOSPC. */
async function onTmpfs(mountPoint: string): Promise<FullableServer> {
  const dir = join(mountPoint, 'data');
  const filler = join(mountPoint, 'filler');
  let child: ChildProcess;
  let url = '';
  let lines: string[] = [];
  const start = async (): Promise<void> => {
    child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => child.kill('SIGKILL'));
    child.stderr!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
        if (found !== undefined) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${lines.join('\n')}`)));
    });
  };
  const stop = async (): Promise<void> => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/cli/tsconfig.build.json')]);
  await start();
  return {
    how: 'tmpfs',
    get url() {
      return url;
    },
    log: () => lines.flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as Record<string, unknown>] : [])),
    fill: () => {
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler),
    restart: async () => {
      await stop();
      lines = [];
      await start();
    },
    stop,
  };
}

/** The endpoint in process, wired to the store as serve wires it, the database held to a quota. */
async function underQuota(): Promise<FullableServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pcxsim-quota-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const records: Record<string, unknown>[] = [];
  let running: { close(): Promise<void>; url: string } | undefined;
  let store: CommandStore;
  const start = async (): Promise<void> => {
    store = CommandStore.open(dir, { worldOptions: { seed: 1, timing: 'instant', startTime: Date.now() }, maxPages: 400 });
    const endpoint = new Ec2Endpoint({
      world: store.restore(),
      onApplied: (applied, after) => store.append(applied, after),
      health: () => store.health(),
      onAnswered: (answered: AnsweredRequest) => void records.push({ action: answered.action, status: answered.status, cause: answered.cause }),
      now: () => Date.now(),
    });
    running = await listen(endpoint);
  };
  const stop = async (): Promise<void> => {
    await running?.close();
    await store.close();
  };
  // A second connection, as another process would: a filler row takes every page left under the quota.
  const filler = (sql: string, ...params: unknown[]): void => {
    const db = new Database(join(dir, 'pcxsim.sqlite'));
    db.pragma('max_page_count = 400');
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
  };
  await start();
  return {
    how: 'max_page_count',
    get url() {
      return running!.url;
    },
    log: () => records,
    fill: () => {
      // Filler rows of most of a page each, until the quota refuses the next: no page is left free.
      for (let row = 0; ; row++) {
        try {
          filler('INSERT INTO meta (key, value) VALUES (?, ?)', `filler-${row}`, 'x'.repeat(3000));
        } catch (error) {
          expect((error as { code?: string }).code).toBe('SQLITE_FULL');
          return;
        }
      }
    },
    free: () => filler("DELETE FROM meta WHERE key LIKE 'filler-%'"),
    restart: async () => {
      await stop();
      await start();
    },
    stop,
  };
}

const auth = (account: string) => `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0`;

async function ec2(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth('111111111111') }, body: `${body}&Version=2016-11-15` });
  return { status: response.status, text: await response.text() };
}

/** Creates a VPC named `name`; true when it was acknowledged. */
async function createNamed(url: string, name: string): Promise<boolean> {
  const answer = await ec2(url, `Action=CreateVpc&CidrBlock=10.0.0.0%2F16&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=${name}`);
  if (answer.status === 200) return true;
  expect(answer.status).toBe(500);
  expect(answer.text).toContain('<Code>InternalError</Code>');
  return false;
}

async function namesServed(url: string): Promise<string[]> {
  const answer = await ec2(url, 'Action=DescribeVpcs');
  expect(answer.status).toBe(200);
  return [...answer.text.matchAll(/<key>Name<\/key>\s*<value>([^<]+)<\/value>/g)].map((match) => match[1]!).sort();
}

describe('a full disk', () => {
  it('names SQLITE_FULL in the log and in health (503), keeps reads working, keeps nothing it refused, and clears once space is freed', async () => {
    // PCXSIM_TEST_FULL_DISK=quota runs the fallback where a mount would be allowed too.
    const mountPoint = process.env['PCXSIM_TEST_FULL_DISK'] === 'quota' ? undefined : tryMountTmpfs('2m');
    const server = mountPoint === undefined ? await underQuota() : await onTmpfs(mountPoint);
    console.log(`full-disk test: ${server.how === 'tmpfs' ? 'a 2 MiB tmpfs, the real CLI' : "no mount allowed here: SQLite's max_page_count, the endpoint in process"}`);
    expect(['tmpfs', 'max_page_count']).toContain(server.how);

    const acknowledged: string[] = [];
    const refused: string[] = [];
    const attempt = async (name: string): Promise<boolean> => {
      const kept = await createNamed(server.url, name);
      (kept ? acknowledged : refused).push(name);
      return kept;
    };
    for (let i = 0; i < 10; i++) expect(await attempt(`before-${i}`)).toBe(true);
    expect((await fetch(`${server.url}/_pcxsim/health`)).status).toBe(200);

    server.fill();
    // Space the database already holds (a write-ahead log's, pages freed) may take a few more commits.
    for (let i = 0; i < 400 && refused.length === 0; i++) await attempt(`filling-${i}`);
    expect(refused.length).toBe(1);

    // serve writes its request log once per turn of its event loop: the line may follow the answer.
    await vi.waitFor(() => expect(server.log().some((line) => line['status'] === 500)).toBe(true), { timeout: 5000 });
    const failed = server.log().filter((line) => line['status'] === 500);
    expect(String(failed.at(-1)!['cause'])).toMatch(/^SQLITE_FULL: database or disk is full/);
    const health = await fetch(`${server.url}/_pcxsim/health`);
    expect(health.status).toBe(503);
    const said = (await health.json()) as { status: string; reason: string };
    expect(said.status).toBe('unavailable');
    expect(said.reason).toMatch(/^writes to .*pcxsim\.sqlite fail since .*: SQLITE_FULL: database or disk is full$/);
    // Reads keep working while writes fail, and show nothing that was refused.
    expect(await namesServed(server.url)).toEqual([...acknowledged].sort());
    expect(await attempt('while-full')).toBe(false);

    server.free();
    const healed = await fetch(`${server.url}/_pcxsim/health`);
    expect(healed.status).toBe(200);
    expect(await healed.json()).toEqual({ status: 'ok' });
    for (let i = 0; i < 5; i++) expect(await attempt(`after-${i}`)).toBe(true);

    await server.restart();
    expect(await namesServed(server.url)).toEqual([...acknowledged].sort());
    for (const name of refused) expect(acknowledged).not.toContain(name);
    await server.stop();
  }, 120_000);
});
