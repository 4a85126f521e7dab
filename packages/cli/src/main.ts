// `pcxsim <command>`: the entry of the binary. Each command returns its exit code; only this file
// and the commands' own modules touch the process.
import type { Command } from './command.js';
import { StoreError } from './store.js';

/** A command of the table: its name, and its description loaded only when it is used. */
interface Entry {
  /** `serve`. */
  readonly name: string;
  /** Loads the command (its module pulls in what it runs: `conform` alone needs the whole kit). */
  readonly load: () => Promise<Command>;
}

/**
 * Every pcxsim command, in the order the overview lists them.
 *
 * To add one: describe it with `defineCommand` in its own file (command.ts) — its name, summary,
 * operands, and each flag built with `option`, `toggle` or `repeated` (flags.ts) with its default,
 * help line and parser — and add its entry here. Its parsing (node:util parseArgs, strict),
 * `--help`/`-h`, `pcxsim help NAME`, its line in the overview and its refusals (exit 2) all follow.
 */
const COMMANDS: readonly Entry[] = [
  { name: 'serve', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'run', load: async () => (await import('./run.js')).runCommand },
  { name: 'history', load: async () => (await import('./history.js')).historyCommand },
  { name: 'conform', load: async () => (await import('./conform.js')).conformCommand },
  { name: 'doctor', load: async () => (await import('./doctor.js')).doctorCommand },
  { name: 'recover', load: async () => (await import('./recover.js')).recoverCommand },
  { name: 'backup', load: async () => (await import('./backup.js')).backupCommand },
  { name: 'reach', load: async () => (await import('./reach.js')).reachCommand },
];

/** The overview `pcxsim --help` prints: every command with its flags (each at its default) and what it does. */
export async function overview(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((entry) => entry.load()));
  return `usage: pcxsim <command> [options]
       pcxsim help <command>   (or: pcxsim <command> --help) each flag of a command, with its default

${commands.map((command) => command.overview).join('')}`;
}

const find = (name: string | undefined): Promise<Command> | undefined => COMMANDS.find((entry) => entry.name === name)?.load();

/** Runs `pcxsim` with its arguments; resolves to the exit code (serve resolves when it stops). */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  switch (name) {
    case undefined:
      process.stderr.write(await overview());
      return 2;
    case '--help':
    case '-h':
      process.stdout.write(await overview());
      return 0;
    case 'help': {
      if (rest.length === 0) {
        process.stdout.write(await overview());
        return 0;
      }
      const command = await find(rest[0]);
      if (command === undefined || rest.length > 1) {
        process.stderr.write(`pcxsim help: ${command === undefined ? `unknown command '${rest[0]}'` : 'names one command'}\n\n${await overview()}`);
        return 2;
      }
      process.stdout.write(command.usage);
      return 0;
    }
  }
  const command = await find(name);
  if (command === undefined) {
    process.stderr.write(`pcxsim: unknown command '${name}'\n\n${await overview()}`);
    return 2;
  }
  try {
    return await command.main(rest);
  } catch (error) {
    // A data directory that cannot be used: said plainly, no stack.
    if (error instanceof StoreError) {
      process.stderr.write(`pcxsim ${command.name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
