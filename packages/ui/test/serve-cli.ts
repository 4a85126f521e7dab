// `pcxsim serve` as a user starts it, for the browser test: the built bin, in memory, on a free
// port, stopped when the test is done (as test/iac/serve.ts does for the IaC tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(fileURLToPath(new URL('../../..', import.meta.url)), 'packages/cli/bin/pcxsim.mjs');

/** A running `pcxsim serve`. */
export interface Served {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Stops it (SIGTERM) and waits for it to exit. */
  readonly stop: () => Promise<void>;
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
      if (url === undefined) return;
      resolve({
        url,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`pcxsim serve exited ${code}: ${err}`)));
  });
}
