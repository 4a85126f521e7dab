// The arguments of one `pcxsim` command (doctor, recover, backup), read by node's own parseArgs in
// strict mode: an unknown flag, a flag without its value or a stray argument is an error that names
// it, printed with the command's usage (exit 2); -h/--help prints the usage (exit 0).
import { parseArgs } from 'node:util';

/** The flags a command takes: those with a value (some required), and switches. */
export interface FlagTable {
  /** Flags that take a value, `--name VALUE` or `--name=VALUE`. */
  readonly values: readonly string[];
  /** Flags among `values` the command cannot run without. */
  readonly required: readonly string[];
  /** Flags that take no value. */
  readonly switches?: readonly string[];
}

/** The parsed flags: a value's text, a switch's `true`; absent ones are missing. */
export type ParsedFlags = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Parses `argv` for `command` against `table`: the flags, or the exit code once the usage (and the
 * error, if any) has been printed.
 */
export function commandArgs(command: string, usage: string, argv: readonly string[], table: FlagTable): ParsedFlags | number {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const name of table.values) options[name] = { type: 'string' };
  for (const name of table.switches ?? []) options[name] = { type: 'boolean' };
  let values: ParsedFlags;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as ParsedFlags;
  } catch (error) {
    return refuse(command, usage, (error as Error).message);
  }
  if (values['help'] === true) {
    process.stdout.write(usage);
    return 0;
  }
  const missing = table.required.find((name) => typeof values[name] !== 'string' || values[name] === '');
  if (missing !== undefined) return refuse(command, usage, `--${missing} is required`);
  return values;
}

function refuse(command: string, usage: string, message: string): number {
  process.stderr.write(`pcxsim ${command}: ${message}\n${usage}`);
  return 2;
}
