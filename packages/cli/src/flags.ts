// The flags of a command, described once: how each is written, what it holds when absent, how its
// text is checked, and one line of help. parseCommandLine reads argv with node:util's parseArgs
// (strict) from that description, and command.ts renders the usage from the same one, so the two
// cannot disagree.
import { parseArgs } from 'node:util';

/** A mistake on the command line, with a message naming the flag: reported with the usage, exit 2. */
export class UsageError extends Error {
  /** `UsageError`. */
  override readonly name = 'UsageError';
}

/** What parseArgs found for one flag: its text, `true` for a switch, a list when repeated; undefined when absent. */
type Found = string | boolean | readonly (string | boolean)[] | undefined;

/** One flag of a command. Built with {@link option}, {@link toggle} or {@link repeated}. */
export interface Flag<T> {
  /** A value flag (`--port 4599`, `--port=4599`) or a switch (`--quiet`). */
  readonly type: 'string' | 'boolean';
  /** May be given more than once; every value is kept, in order. */
  readonly multiple: boolean;
  /** The value's placeholder in the usage (`N`, `DIR`, `wall|manual`); empty for a switch. */
  readonly value: string;
  /** One line for the usage: what the flag does. */
  readonly help: string;
  /** The default as the usage states it (`4599`, `in memory`, `off`); undefined for a required flag. */
  readonly shownDefault: string | undefined;
  /** The usage shows the default in the synopsis (`[--port 4599]`) rather than the placeholder. */
  readonly defaultInSynopsis: boolean;
  /** The command cannot run without it. */
  readonly required: boolean;
  /** Turns what was found into the flag's value (the default when absent); throws a UsageError. */
  readonly read: (found: Found, flag: string) => T;
}

/** A parser of a flag's text: the value, or a UsageError naming `flag`. */
export type Parse<T> = (text: string, flag: string) => T;

interface OptionSpec<T> {
  /** See {@link Flag.value}. */
  readonly value: string;
  /** See {@link Flag.help}. */
  readonly help: string;
  /** Checks and converts the text. */
  readonly parse: Parse<T>;
}

/** A value flag with a default: `[--port 4599]`. `show` states a default that is not a plain value. */
export function option<T>(spec: OptionSpec<T> & { readonly default: NoInfer<T>; readonly show?: string }): Flag<T>;
/** A value flag without a default value: absent is `undefined`; `show` says what absent means. */
export function option<T>(spec: OptionSpec<T> & { readonly show: string }): Flag<T | undefined>;
/** A value flag the command cannot do without: `--endpoint URL`. */
export function option<T>(spec: OptionSpec<T> & { readonly required: true }): Flag<T>;
export function option<T>(spec: OptionSpec<T> & { readonly default?: T; readonly show?: string; readonly required?: true }): Flag<T | undefined> {
  const required = spec.required === true;
  const hasDefault = 'default' in spec;
  return {
    type: 'string',
    multiple: false,
    value: spec.value,
    help: spec.help,
    shownDefault: required ? undefined : (spec.show ?? String(spec.default)),
    // A choice (`wall|manual`) reads better as its choices; the default is in the flag's line.
    defaultInSynopsis: hasDefault && spec.show === undefined && !spec.value.includes('|'),
    required,
    read: (found, flag) => {
      if (typeof found === 'string') return spec.parse(found, flag);
      if (required) throw new UsageError(`${flag} ${spec.value} is required`);
      return spec.default;
    },
  };
}

/** A switch: on when given, off by default. `--name=false` is refused (a switch takes no value). */
export function toggle(help: string): Flag<boolean> {
  return { type: 'boolean', multiple: false, value: '', help, shownDefault: 'off', defaultInSynopsis: false, required: false, read: (found) => found === true };
}

/** A value flag that may be repeated: every value, in order (none by default). */
export function repeated<T>(spec: OptionSpec<T>): Flag<readonly T[]> {
  return {
    type: 'string',
    multiple: true,
    value: spec.value,
    help: spec.help,
    shownDefault: 'none',
    defaultInSynopsis: false,
    required: false,
    read: (found, flag) => (Array.isArray(found) ? found : []).map((text) => spec.parse(String(text), flag)),
  };
}

/** The flags of one command, by name (without the dashes). */
export type FlagSet = Readonly<Record<string, Flag<unknown>>>;

/** The values of a {@link FlagSet}, each of its flag's type. */
export type FlagValues<F extends FlagSet> = { readonly [K in keyof F]: F[K] extends Flag<infer T> ? T : never };

/** What a command line held: the flags' values and the operands, or a request for help. */
export type CommandLine<F extends FlagSet> =
  | {
      /** `-h` or `--help` was not given. */
      readonly help: false;
      /** Each flag's value (its default when absent). */
      readonly flags: FlagValues<F>;
      /** Which flags were given (by name): a default and an explicit value may mean different things. */
      readonly given: ReadonlySet<keyof F & string>;
      /** The arguments that are not flags, in order. */
      readonly operands: readonly string[];
    }
  | {
      /** `-h` or `--help` was given: print the usage, do nothing else (the values are not looked at). */
      readonly help: true;
    };

/**
 * Reads `argv` against `flags`; throws a {@link UsageError} naming the flag for an unknown flag, a
 * switch given a value, a value flag without one, or a value its flag refuses. parseArgs is told
 * every flag, strictly; its tokens are looked at first only to word the common mistakes for people.
 */
export function parseCommandLine<F extends FlagSet>(flags: F, argv: readonly string[]): CommandLine<F> {
  const options = {
    ...Object.fromEntries(Object.entries(flags).map(([name, flag]) => [name, { type: flag.type, multiple: flag.multiple }])),
    help: { type: 'boolean' as const, short: 'h' },
  };
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  // Help wins over any mistake beside it: whoever asks for it gets the usage.
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) return { help: true };
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const flag = Object.prototype.hasOwnProperty.call(flags, token.name) ? flags[token.name] : undefined;
    if (flag === undefined) throw new UsageError(`unknown flag ${token.rawName}${suggestion(token.name, Object.keys(flags))}`);
    if (flag.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(`${token.rawName} is a switch and takes no value ('${token.rawName}=${token.value}'): give it to turn it on, leave it out for off`);
    }
    if (flag.type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} needs a value: ${token.rawName} ${flag.value}`);
    if (flag.type === 'string' && token.inlineValue === false && token.value?.startsWith('-') === true) {
      throw new UsageError(`${token.rawName} needs a value, and '${token.value}' looks like a flag (write ${token.rawName}=${token.value} if it is the value)`);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    // Whatever the tokens did not catch, in parseArgs' own words.
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  const found = parsed.values as Record<string, Found>;
  const values = Object.fromEntries(Object.entries(flags).map(([name, flag]) => [name, flag.read(found[name], `--${name}`)]));
  return {
    flags: values as FlagValues<F>,
    given: new Set(Object.keys(flags).filter((name) => found[name] !== undefined)),
    operands: parsed.positionals,
    help: false,
  };
}

/** ` (did you mean --data?)` for `--dat`: the known flag that `name` is a prefix, a stretch or a slip of. */
function suggestion(name: string, known: readonly string[]): string {
  const close = known.find((candidate) => candidate.startsWith(name) || name.startsWith(candidate) || editDistance(candidate, name) <= 2);
  return close === undefined ? '' : ` (did you mean --${close}?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}

// The parsers the commands' flags share.

/** Any text (a host name, a path: what it names is checked where it is used). */
export const anyText: Parse<string> = (text) => text;

/** A whole number in [min, max]. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER): Parse<number> {
  return (text, flag) => {
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? (min === 0 ? 'a non-negative integer' : `an integer of at least ${min}`) : `an integer from ${min} to ${max}`;
      throw new UsageError(`${flag} must be ${range}, not '${text}'`);
    }
    return value;
  };
}

/** One of `choices`. */
export function oneOf<T extends string>(choices: readonly T[]): Parse<T> {
  return (text, flag) => {
    if (!(choices as readonly string[]).includes(text)) throw new UsageError(`${flag} must be ${choices.join(' or ')}, not '${text}'`);
    return text as T;
  };
}

/** An http(s) URL. */
export const httpUrl: Parse<string> = (text, flag) => {
  if (URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol)) return text;
  throw new UsageError(`${flag} must be an http(s) URL, not '${text}'`);
};

/** A comma-separated list whose every item matches `pattern` (`what` names the items). */
export function commaList(pattern: RegExp, what: string): Parse<readonly string[]> {
  return (text, flag) => {
    const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
    const bad = items.find((item) => !pattern.test(item));
    if (items.length === 0 || bad !== undefined) throw new UsageError(`${flag} takes ${what}, comma-separated${bad === undefined ? '' : `: '${bad}' is not one`}`);
    return items;
  };
}

/**
 * An instant in ISO 8601 with its zone (`2026-03-01T09:00:00Z`, `…+01:00`) or a date (UTC
 * midnight), as epoch ms. A time without a zone is refused: it would mean another instant on a
 * machine in another zone, and a replay must not depend on where it runs.
 */
export const isoTime: Parse<number> = (text, flag) => {
  const form = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(text);
  const ms = form === null ? Number.NaN : Date.parse(text);
  // Date.parse rolls 2026-02-30 over to March; the calendar date must survive the round trip.
  const [, year, month, day] = form ?? [];
  const real = Number.isFinite(ms) && new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).toISOString().startsWith(`${year}-${month}-${day}`);
  if (!real) throw new UsageError(`${flag} must be an ISO 8601 time with its zone, such as 2026-03-01T09:00:00Z, not '${text}'`);
  return ms;
};
