// The real `pcxsim` binary, spawned, for the CLI's tests: build it once, run a command to its exit,
// or start `serve` on a free port and wait for its banner; and the real AWS CLI against it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = fileURLToPath(new URL('../../..', import.meta.url));
/** The bin, as a user runs it. */
export const bin = join(root, 'packages/cli/bin/pcxsim.mjs');
/** The secret the tests sign with: long enough that no tool masking it in output garbles an ID. */
export const SECRET = 'notasecret';

const children: ChildProcess[] = [];
const dirs: string[] = [];

/** The bin runs the built package: build it (incrementally, with its references). For beforeAll. */
export function buildCli(): void {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/cli/tsconfig.build.json')]);
}

/** Kills what is still running and removes the scratch directories. For afterAll. */
export function cleanUp(): void {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh scratch directory, removed by {@link cleanUp}. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pcxsim-cli-'));
  dirs.push(dir);
  return dir;
}

/** What a finished run printed and how it exited. */
export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pcxsim ...args` to its exit without blocking this process (runs can go side by side). */
export function pcxsim(...args: string[]): Promise<Finished> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** A running `pcxsim serve`. */
export interface Server {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Everything it printed on stdout so far (the banner). */
  readonly banner: () => string;
  /** Everything it printed on stderr so far (notes, the request log). */
  readonly stderr: () => string;
  /** Stops it with SIGTERM; resolves with its exit code. */
  readonly stop: () => Promise<number | null>;
}

/** Starts `pcxsim serve --port 0` (quiet unless asked) and resolves once its banner is out. */
export function serve(args: readonly string[], { quiet = true } = {}): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...(quiet ? ['--quiet'] : []), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      // The banner ends with a blank line: wait for it, so that every line of it can be read.
      if (url !== undefined && out.includes('\n\n')) {
        resolve({
          child,
          url,
          banner: () => out,
          stderr: () => err,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

/** Stops a server some other way (kill -9): resolves once it is gone. */
export const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

/** Runs Debian's AWS CLI v2 as `account` against `url`; resolves with what it printed and how it exited. */
export function aws(url: string, account: string, ...args: string[]): Promise<Finished> {
  const child = spawn('/usr/bin/aws', ['--endpoint-url', url, '--output', 'json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: scratchDir(),
      AWS_ACCESS_KEY_ID: account,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_MAX_ATTEMPTS: '1',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Moves a manual clock by `ms` through the control API. */
export async function advance(url: string, ms: number): Promise<void> {
  const response = await fetch(`${url}/_pcxsim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
  if (!response.ok) throw new Error(`advancing the clock: ${response.status} ${await response.text()}`);
}
