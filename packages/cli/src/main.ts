// `pcxsim <command>`: the entry of the binary. Each command returns its exit code; only this file
// and the commands' own modules touch the process.
import { readFileSync } from 'node:fs';
import { conform, CONFORM_USAGE } from './conform.js';
import { formatHistory } from './history.js';
import { formatTimeline, parseScenario, runScenario } from './scenario.js';
import { serve } from './serve.js';
import { CommandStore, StoreError } from './store.js';
import { parseFlags, type Flags } from './flags.js';
import { reach, REACH_USAGE } from './reach.js';

/** The usage text `pcxsim help` prints. */
export const USAGE = `usage: pcxsim <command> [options]

  serve    [--host 127.0.0.1] [--port 4599] [--data DIR] [--clock wall|manual] [--seed N]
           [--timing instant|realistic] [--accounts FILE] [--verify-signatures] [--quiet]
           an EC2 endpoint for the AWS CLI and SDKs; with --data, every change is durable
  run      SCENARIO.(yaml|json) [--json]
           replay a scenario and check its expectations (exit 1 when one fails)
  history  [--data DIR] [pcx-id|vpc-id]
           the timeline of one resource, or the whole log, from a data directory (also while serving)
${CONFORM_USAGE}${REACH_USAGE}`;

/** Runs `pcxsim` with its arguments; resolves to the exit code (serve resolves when it stops). */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `reach` reads its own arguments (node:util parseArgs, strict).
  if (command === 'reach') return reach(rest, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
  let flags: Flags;
  try {
    flags = parseFlags(rest);
  } catch (error) {
    process.stderr.write(`pcxsim: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    switch (command) {
      case 'serve':
        return await serve(flags);
      case 'run':
        return run(flags);
      case 'history':
        return await history(flags);
      case 'conform':
        return await conform(flags, USAGE);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`pcxsim: unknown command '${command}'\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof StoreError) {
      process.stderr.write(`pcxsim: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function run(flags: Flags): number {
  const file = flags.positional[0];
  if (file === undefined) {
    process.stderr.write(`pcxsim run: which scenario file?\n${USAGE}`);
    return 2;
  }
  const result = runScenario(parseScenario(readFileSync(file, 'utf8'), file));
  process.stdout.write(flags.has('json') ? `${JSON.stringify(result, null, 2)}\n` : formatTimeline(result, process.stdout.isTTY === true && !('NO_COLOR' in process.env)));
  return result.passed ? 0 : 1;
}

async function history(flags: Flags): Promise<number> {
  const store = CommandStore.open(flags.string('data') ?? '.pcxsim-data', { readOnly: true });
  try {
    process.stdout.write(formatHistory(store.commands(), flags.positional[0]));
  } finally {
    await store.close();
  }
  return 0;
}
