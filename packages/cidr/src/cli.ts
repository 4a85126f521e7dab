// `pcxsim-cidr`: the package as a command. Pure: the caller supplies stdin and prints the result.

import { parsePrefixSet, type ParsePrefixSetResult, containsPrefix, difference, formatPrefixSet, intersection, isEmpty, toPrefixes, type PrefixSet } from './prefix-set.js';

/** What a run of the command printed and how it exited. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export const USAGE = `usage: pcxsim-cidr [--clear-host-bits] <command> …

  merge [CIDR…]            the minimal prefix list of the union
  exclude BASE [CIDR…]     BASE minus the CIDRs
  overlaps A [B]           the prefixes A and B share; exit 1 when none
  contains A [B]           whether A holds every address of B; exit 1 when not

BASE, A and B are comma-separated CIDR lists. A missing CIDR list or B is read from stdin
(whitespace-separated). Both IPv4 and IPv6. Parsing is strict, like AWS: host bits set past the
prefix length are refused unless --clear-host-bits is given.
Exit codes: 0 done (or yes), 1 no, 2 bad usage or input.
`;

const fail = (message: string): CommandOutput => ({ stdout: '', stderr: `pcxsim-cidr: ${message}\n`, exitCode: 2 });
const print = (lines: readonly string[], exitCode = 0): CommandOutput => ({
  stdout: lines.map((line) => `${line}\n`).join(''),
  stderr: '',
  exitCode,
});

/** Runs `pcxsim-cidr` with the given arguments; `stdin` is read only when an operand is missing. */
export function runCidrCommand(argv: readonly string[], stdin: () => string): CommandOutput {
  const clear = argv.includes('--clear-host-bits');
  const args = argv.filter((arg) => arg !== '--clear-host-bits');
  const [command, ...operands] = args;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    return { stdout: USAGE, stderr: '', exitCode: command === undefined ? 2 : 0 };
  }
  const unknown = operands.find((arg) => arg.startsWith('--'));
  if (unknown !== undefined) return fail(`unknown option ${unknown}\n${USAGE}`);

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
