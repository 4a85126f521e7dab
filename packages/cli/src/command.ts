// One pcxsim command, described once: its name, what it does, its operands and flags (flags.ts), and
// what it runs. Its parsing, its usage (`pcxsim help NAME`, `NAME --help`, `-h`), its line in the
// overview and its refusals (exit 2, the usage after the message) all come from that description.
import { parseCommandLine, UsageError, type CommandLine, type Flag, type FlagSet } from './flags.js';

/** The arguments that are not flags: how the usage writes them and how many there may be. */
export interface Operands {
  /** As the usage writes them: `SCENARIO.(yaml|json)`, `[pcx-id|vpc-id]`. */
  readonly usage: string;
  /** At least this many. */
  readonly min: number;
  /** At most this many. */
  readonly max: number;
  /** What they are, for the usage. */
  readonly help: string;
}

/** What {@link defineCommand} is given. */
export interface CommandSpec<F extends FlagSet> {
  /** `serve`. */
  readonly name: string;
  /** What it does, in a line or two (the overview shows it under the synopsis). */
  readonly summary: string;
  /** Its operands; none when absent. */
  readonly operands?: Operands;
  /** Its flags, by name; `-h`/`--help` is added to every command. */
  readonly flags: F;
  /**
   * Runs it; resolves to the exit code. A {@link UsageError} thrown here (flags that do not go
   * together, a file a flag names that cannot be used) is reported like a parsing error: exit 2.
   */
  readonly run: (line: Extract<CommandLine<F>, { help: false }>) => number | Promise<number>;
}

/** A command, ready for the table of main.ts. */
export interface Command {
  /** `serve`. */
  readonly name: string;
  /** Its line for the overview: `serve [--host 127.0.0.1] [--port 4599] …` and the summary under it. */
  readonly overview: string;
  /** Its full usage: the synopsis, the summary, every flag with its default. */
  readonly usage: string;
  /** Runs it with the arguments after its name; resolves to the exit code. */
  main(argv: readonly string[]): Promise<number>;
}

/** Where the text wraps. */
const WIDTH = 100;

/** `text` laid out in lines of at most WIDTH: the first starts after `first`, the others after `indent` spaces. */
function wrap(text: string | readonly string[], first: string, indent: number): string {
  let out = first;
  let fresh = true; // nothing on this line yet but its lead
  for (const word of typeof text === 'string' ? text.split(/\s+/).filter((w) => w !== '') : text) {
    const width = out.length - out.lastIndexOf('\n') - 1;
    if (!fresh && width + 1 + word.length > WIDTH) out += `\n${' '.repeat(indent)}${word}`;
    else out += fresh ? word : ` ${word}`;
    fresh = false;
  }
  return out;
}

/** `--name VALUE` (or `--name` for a switch). */
const written = (name: string, flag: Flag<unknown>): string => (flag.type === 'boolean' ? `--${name}` : `--${name} ${flag.value}`);

/** One flag in the synopsis: `[--port 4599]`, `[--data DIR]`, `--endpoint URL`, `[--header NAME]...`. */
function inSynopsis(name: string, flag: Flag<unknown>): string {
  const text = flag.defaultInSynopsis ? `--${name} ${flag.shownDefault}` : written(name, flag);
  if (flag.required) return text;
  return flag.multiple ? `[${text}]...` : `[${text}]`;
}

/** The synopsis items of a command: operands, then flags. */
function synopsisItems<F extends FlagSet>(spec: CommandSpec<F>): string[] {
  return [...(spec.operands === undefined ? [] : [spec.operands.usage]), ...Object.entries(spec.flags).map(([name, flag]) => inSynopsis(name, flag))];
}

function usageOf<F extends FlagSet>(spec: CommandSpec<F>): string {
  const rows: [string, string][] = [
    ...(spec.operands === undefined ? [] : [[spec.operands.usage, spec.operands.help] as [string, string]]),
    ...Object.entries(spec.flags).map(([name, flag]): [string, string] => [
      written(name, flag),
      `${flag.help}${flag.required ? ' (required)' : ` (default: ${flag.shownDefault})`}`,
    ]),
    ['-h, --help', 'this help'],
  ];
  const column = Math.min(30, Math.max(...rows.map(([left]) => left.length)) + 4);
  const head = `usage: pcxsim ${spec.name} `;
  return [
    wrap(synopsisItems(spec), head, head.length),
    '',
    wrap(spec.summary, '', 0),
    '',
    ...rows.map(([left, help]) => {
      const lead = `  ${left}`;
      // A long flag puts its help on the next line.
      const first = lead.length + 2 > column ? `${lead}\n${' '.repeat(column)}` : lead.padEnd(column);
      return wrap(help, first, column);
    }),
    '',
  ].join('\n');
}

/**
 * A command from its description. Its `main` prints the usage for `-h`/`--help` (exit 0), refuses a
 * wrong command line with the message and the usage on stderr (exit 2), and otherwise runs it.
 */
export function defineCommand<F extends FlagSet>(spec: CommandSpec<F>): Command {
  const usage = usageOf(spec);
  const overviewHead = `  ${spec.name.padEnd(9)}`;
  return {
    name: spec.name,
    overview: `${wrap(synopsisItems(spec), overviewHead, overviewHead.length)}\n${wrap(spec.summary, ' '.repeat(overviewHead.length), overviewHead.length)}\n`,
    usage,
    async main(argv) {
      try {
        const line = parseCommandLine(spec.flags, argv);
        if (line.help) {
          process.stdout.write(usage);
          return 0;
        }
        const { min, max } = spec.operands ?? { min: 0, max: 0 };
        if (line.operands.length < min) throw new UsageError(`${spec.operands?.usage} is missing`);
        if (line.operands.length > max) {
          const extra = line.operands.slice(max).map((operand) => `'${operand}'`).join(' ');
          throw new UsageError(max === 0 ? `takes no arguments, but was given ${extra}` : `takes at most ${max} argument${max === 1 ? '' : 's'}; ${extra} is one too many`);
        }
        return await spec.run(line);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        process.stderr.write(`pcxsim ${spec.name}: ${error.message}\n\n${usage}`);
        return 2;
      }
    },
  };
}
