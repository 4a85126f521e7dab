// `pcxsim serve` as a user starts it, for the tests that drive it with real IaC clients: the built
// CLI (built here first, incrementally), in memory, on a free port, stopped when the test is done.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'packages/cli/bin/pcxsim.mjs');

/** A running `pcxsim serve`. */
export interface Served {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** What it wrote to stderr so far. */
  readonly stderr: () => string;
  /** Stops it (SIGTERM) and waits for it to exit. */
  readonly stop: () => Promise<void>;
}

/** Builds the CLI package and what it depends on (the bin runs the built package). */
export function buildCli(): void {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/cli/tsconfig.build.json')]);
}

/** Starts `pcxsim serve --port 0 --quiet <args>` and resolves once it prints its URL. */
export function serve(args: readonly string[]): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (url !== undefined) {
        resolve({
          url,
          stderr: () => err,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`pcxsim serve exited ${code}: ${err}`)));
  });
}

/** The flags every IaC test serves with: in memory, simulated time following the wall clock, transient states resolved at once. */
export const IAC_SERVE_FLAGS: readonly string[] = ['--clock', 'wall', '--timing', 'instant'];
