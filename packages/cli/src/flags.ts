// Command-line flags: `--name value`, `--name=value`, `--switch`, and positional arguments.

/** Switches: flags that take no value. */
const SWITCHES = new Set(['json', 'quiet', 'verify-signatures']);

/** Parsed arguments. */
export interface Flags {
  /** Arguments that are not flags, in order. */
  readonly positional: readonly string[];
  /** The value of `--name`, if given (the last one, when given more than once). */
  string(name: string): string | undefined;
  /** Every value of `--name`, in order: for flags that may be repeated. */
  strings(name: string): readonly string[];
  /** True when the switch `--name` was given. */
  has(name: string): boolean;
}

/** Parses arguments; throws for a flag that needs a value and has none. */
export function parseFlags(argv: readonly string[]): Flags {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (SWITCHES.has(name)) switches.add(name);
    else if (inline !== undefined) values.set(name, [...(values.get(name) ?? []), inline]);
    else if (i + 1 < argv.length) values.set(name, [...(values.get(name) ?? []), argv[++i]!]);
    else throw new Error(`--${name} needs a value`);
  }
  return { positional, string: (name) => values.get(name)?.at(-1), strings: (name) => values.get(name) ?? [], has: (name) => switches.has(name) };
}
