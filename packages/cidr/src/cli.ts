// `pcxsim-cidr`: the package as a command. Pure: the caller supplies stdin and prints the result.
// Flags are read with node:util's parseArgs, strictly: an unknown flag is refused, not taken for a CIDR.
import { parseArgs } from 'node:util';
import { parsePrefixSet, type ParsePrefixSetResult, containsPrefix, difference, formatPrefixSet, intersection, isEmpty, toPrefixes, type PrefixSet } from './prefix-set.js';

/** What a run of the command printed and how it exited. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** The usage `--help` prints. */
export const USAGE = `usage: pcxsim-cidr [--clear-host-bits] <command> …

  merge [CIDR…]            the minimal prefix list of the union
  exclude BASE [CIDR…]     BASE minus the CIDRs
  overlaps A [B]           the prefixes A and B share; exit 1 when none
  contains A [B]           whether A holds every address of B; exit 1 when not

BASE, A and B are comma-separated CIDR lists. A missing CIDR list or B is read from stdin
(whitespace-separated). Both IPv4 and IPv6. Parsing is strict, like AWS: host bits set past the
prefix length are refused unless --clear-host-bits is given (default: off). -h, --help: this help.
Exit codes: 0 done (or yes), 1 no, 2 bad usage or input.
`;

const fail = (message: string): CommandOutput => ({ stdout: '', stderr: `pcxsim-cidr: ${message}\n`, exitCode: 2 });
const print = (lines: readonly string[], exitCode = 0): CommandOutput => ({
  stdout: lines.map((line) => `${line}\n`).join(''),
  stderr: '',
  exitCode,
});

/** The command line: its flags parsed strictly, or the refusal (exit 2) naming what is wrong. */
function commandLine(argv: readonly string[]): { readonly clear: boolean; readonly help: boolean; readonly words: readonly string[] } | CommandOutput {
  const options = { 'clear-host-bits': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  // Help wins over any mistake beside it.
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) return { clear: false, help: true, words: [] };
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name !== 'clear-host-bits') return fail(`unknown flag ${token.rawName}\n${USAGE}`);
    if (token.value !== undefined) return fail(`${token.rawName} is a switch and takes no value ('${token.rawName}=${token.value}')\n${USAGE}`);
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return { clear: values['clear-host-bits'] === true, help: false, words: positionals };
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`);
  }
}

/** Runs `pcxsim-cidr` with the given arguments; `stdin` is read only when an operand is missing. */
export function runCidrCommand(argv: readonly string[], stdin: () => string): CommandOutput {
  const line = commandLine(argv);
  if ('exitCode' in line) return line;
  const { clear, help, words } = line;
  const [command, ...operands] = words;
  if (help || command === 'help') return { stdout: USAGE, stderr: '', exitCode: 0 };
  if (command === undefined) return { stdout: '', stderr: USAGE, exitCode: 2 };

  const parse = (texts: readonly string[]): ParsePrefixSetResult => parsePrefixSet(texts, { hostBits: clear ? 'clear' : 'reject' });
  const fromInput = (): string[] => stdin().split(/\s+/).filter((t) => t !== '');
  const list = (operand: string | undefined): string[] => (operand === undefined ? fromInput() : operand.split(',').filter((t) => t !== ''));

  const sets: PrefixSet[] = [];
  const load = (texts: readonly string[]): CommandOutput | undefined => {
    const result = parse(texts);
    if (!result.ok) return fail(result.error.message);
    sets.push(result.value);
    return undefined;
  };

  switch (command) {
    case 'merge': {
      const error = load(operands.length > 0 ? operands : fromInput());
      return error ?? print(formatPrefixSet(sets[0]!));
    }
    case 'exclude': {
      if (operands.length === 0) return fail('exclude needs a BASE');
      const error = load(list(operands[0])) ?? load(operands.length > 1 ? operands.slice(1) : fromInput());
      return error ?? print(formatPrefixSet(difference(sets[0]!, sets[1]!)));
    }
    case 'overlaps':
    case 'contains': {
      if (operands.length === 0 || operands.length > 2) return fail(`${command} needs A and optionally B`);
      const error = load(list(operands[0])) ?? load(list(operands[1]));
      if (error !== undefined) return error;
      const [a, b] = [sets[0]!, sets[1]!];
      if (command === 'overlaps') {
        const shared = intersection(a, b);
        return print(formatPrefixSet(shared), isEmpty(shared) ? 1 : 0);
      }
      const holds = toPrefixes(b).every((p) => containsPrefix(a, p));
      return print([holds ? 'yes' : 'no'], holds ? 0 : 1);
    }
    default:
      return fail(`unknown command '${command}'\n${USAGE}`);
  }
}
