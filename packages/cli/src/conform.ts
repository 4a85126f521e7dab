// `pcxsim conform`: checks another EC2 endpoint against pcxsim (the checker is @pcxsim/testing's
// checkConformance). Exit 0 when every run agreed, 1 when a divergence was found, 2 for a usage
// error or a target that cannot be reached.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  checkConformance,
  CONFORMANCE_DEFAULTS,
  formatReport,
  parseAccountHeader,
  parseCredentials,
  type ConformanceOptions,
  type CredentialsByAccount,
} from '@pcxsim/testing';
import { isEc2Action } from '@pcxsim/ec2-query';
import type { Flags } from './flags.js';

/** The usage text of `pcxsim conform`. */
export const CONFORM_USAGE = `  conform  --endpoint URL [--runs ${CONFORMANCE_DEFAULTS.runs}] [--seed S] [--max-steps ${CONFORMANCE_DEFAULTS.maxSteps}] [--accounts a,b,c] [--regions r1,r2]
           [--credentials FILE] [--header-per-account NAME[=VALUE]]... [--reset-url URL] [--report FILE]
           [--actions A,B] [--invalid 1] [--settle-ms ${CONFORMANCE_DEFAULTS.settleMs}] [--read-retry-ms ${CONFORMANCE_DEFAULTS.readRetryMs}]
           [--max-divergences ${CONFORMANCE_DEFAULTS.maxDivergences}]
           run random command sequences against pcxsim and URL at once; report each divergence,
           shrunk to a minimal sequence, with the rule it breaks (exit 0 agrees, 1 diverges, 2 error)
`;

/** A mistake in the command line: reported with the usage, exit 2. */
class UsageError extends Error {}

function count(flags: Flags, name: string, minimum: number): number | undefined {
  const text = flags.string(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < minimum) throw new UsageError(`--${name} must be an integer of at least ${minimum}`);
  return value;
}

function list(flags: Flags, name: string, pattern: RegExp, what: string): readonly string[] | undefined {
  const text = flags.string(name);
  if (text === undefined) return undefined;
  const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const bad = items.find((item) => !pattern.test(item));
  if (items.length === 0 || bad !== undefined) throw new UsageError(`--${name} takes ${what}, comma-separated${bad === undefined ? '' : `: '${bad}' is not one`}`);
  return items;
}

function url(flags: Flags, name: string): string | undefined {
  const text = flags.string(name);
  if (text === undefined) return undefined;
  try {
    const parsed = new URL(text);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return text;
  } catch {
    // reported below
  }
  throw new UsageError(`--${name} must be an http(s) URL, not '${text}'`);
}

function credentials(flags: Flags): CredentialsByAccount | undefined {
  const file = flags.string('credentials');
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--credentials: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parseCredentials(text);
  } catch (error) {
    throw new UsageError(`--credentials ${file}: ${(error as Error).message}`);
  }
}

/** The checker's options from the command line; throws a UsageError for a bad one. */
function optionsOf(flags: Flags): ConformanceOptions {
  const endpoint = url(flags, 'endpoint');
  if (endpoint === undefined) throw new UsageError('--endpoint URL is required: the EC2 endpoint to check');
  const optional = {
    runs: count(flags, 'runs', 1),
    seed: count(flags, 'seed', 0),
    maxSteps: count(flags, 'max-steps', 1),
    accounts: list(flags, 'accounts', /^\d{12}$/, '12-digit account IDs'),
    regions: list(flags, 'regions', /^[a-z]{2}(-[a-z]+)+-\d+$/, 'Region names'),
    actions: list(flags, 'actions', /^[A-Za-z]+$/, 'EC2 action names')?.map((name) => {
      if (!isEc2Action(name)) throw new UsageError(`--actions: ${name} is not an EC2 action pcxsim serves`);
      return name;
    }),
    invalid: count(flags, 'invalid', 0),
    credentials: credentials(flags),
    resetUrl: url(flags, 'reset-url'),
    settleMs: count(flags, 'settle-ms', 0),
    readRetryMs: count(flags, 'read-retry-ms', 0),
    maxDivergences: count(flags, 'max-divergences', 1),
  };
  let accountHeaders;
  try {
    accountHeaders = flags.strings('header-per-account').map(parseAccountHeader);
  } catch (error) {
    throw new UsageError(`--header-per-account: ${(error as Error).message}`);
  }
  return { endpoint, ...definedOnly(optional), ...(accountHeaders.length === 0 ? {} : { accountHeaders }) };
}

/** `value` without its undefined members (the options are exact: absent, not undefined). */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** Runs `pcxsim conform`; resolves to the exit code. */
export async function conform(flags: Flags, usage: string): Promise<number> {
  let options: ConformanceOptions;
  try {
    options = optionsOf(flags);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`pcxsim conform: ${error.message}\n${usage}`);
    return 2;
  }
  const report = await checkConformance(options);
  const text = formatReport(report);
  if (report.error !== undefined) process.stderr.write(text);
  else process.stdout.write(text);
  const reportFile = flags.string('report');
  if (reportFile !== undefined) {
    try {
      writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      process.stderr.write(`pcxsim conform: cannot write --report ${reportFile}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  if (report.error !== undefined) return 2;
  return report.conformant ? 0 : 1;
}
