// `pcxsim conform`: checks another EC2 endpoint against pcxsim (the checker is @pcxsim/testing's
// checkConformance). Exit 0 when every run agreed, 1 when a divergence was found, 2 for a usage
// error or a target that cannot be reached. A progress line per run goes to stderr; SIGINT or
// SIGTERM (a second one ends at once) and `--timeout` stop the check and print what was found so
// far (exit 1 if something was, 130/143 or 2 for a stop with nothing found).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkConformance,
  CONFORMANCE_DEFAULTS,
  formatReport,
  parseAccountHeader,
  parseCredentials,
  parseReplayFile,
  replayFileOf,
  type AccountHeader,
  type ConformanceOptions,
  type ConformanceProgress,
  type ConformanceReport,
  type CredentialsByAccount,
  type SequenceStep,
} from '@pcxsim/testing';
import { isEc2Action, type Ec2Action } from '@pcxsim/ec2-query';
import { defineCommand } from './command.js';
import { anyText, commaList, httpUrl, integer, option, repeated, toggle, UsageError, type FlagValues, type Parse } from './flags.js';

/** A flag's file, parsed by `parse`; an unreadable or unparsable file is a usage error naming the flag. */
function parsedFile<T>(file: string, flag: string, parse: (text: string) => T): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new UsageError(`${flag} ${file}: ${(error as Error).message}`);
  }
}

/** `--credentials FILE`: each account's access key, secret and headers, read and checked. */
const credentialsFile = (file: string, flag: string): CredentialsByAccount => parsedFile(file, flag, parseCredentials);

/** `--replay FILE`: the sequence of a replay file (replay-file.ts in @pcxsim/testing). */
const replayFile = (file: string, flag: string): readonly SequenceStep[] => parsedFile(file, flag, parseReplayFile);

/** `--header-per-account NAME[=VALUE]`. */
const accountHeader: Parse<AccountHeader> = (text, flag) => {
  try {
    return parseAccountHeader(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`);
  }
};

/** `--actions A,B`: EC2 actions pcxsim serves. */
const actionList: Parse<readonly Ec2Action[]> = (text, flag) =>
  commaList(/^[A-Za-z]+$/, 'EC2 action names')(text, flag).map((name) => {
    if (!isEc2Action(name)) throw new UsageError(`${flag}: ${name} is not an EC2 action pcxsim serves`);
    return name;
  });

/** The flags of `pcxsim conform`; the defaults are the checker's own. */
const CONFORM_FLAGS = {
  endpoint: option({ value: 'URL', help: 'the EC2 endpoint to check', required: true, parse: httpUrl }),
  runs: option({ value: 'N', help: 'random command sequences to run', default: CONFORMANCE_DEFAULTS.runs, parse: integer(1) }),
  seed: option({ value: 'N', help: 'the seed of the sequences (the report names it, to run them again)', show: 'random', parse: integer(0) }),
  'max-steps': option({ value: 'N', help: 'steps per sequence, at most', default: CONFORMANCE_DEFAULTS.maxSteps, parse: integer(1) }),
  accounts: option({ value: 'A,B,C', help: 'the 12-digit accounts that call', show: "the generator's three", parse: commaList(/^\d{12}$/, '12-digit account IDs') }),
  regions: option({ value: 'R1,R2', help: 'the Regions they call in', show: "the generator's", parse: commaList(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'Region names') }),
  credentials: option({
    value: 'FILE',
    help: 'JSON {"111111111111": {"accessKeyId": "…", "secretAccessKey": "…", "headers": {…}}}: how each account signs',
    show: 'the account ID as access key',
    parse: credentialsFile,
  }),
  'header-per-account': repeated({ value: 'NAME[=VALUE]', help: 'a header naming the calling account on every request ({account} in VALUE is replaced)', parse: accountHeader }),
  'reset-url': option({ value: 'URL', help: "POSTed before each sequence to empty the target's world", show: 'none', parse: httpUrl }),
  report: option({ value: 'FILE', help: 'also write the report as JSON to FILE', show: 'none', parse: anyText }),
  actions: option({ value: 'A,B', help: 'only these actions', show: 'every action the generator knows', parse: actionList }),
  invalid: option({ value: 'N', help: "the weight of deliberately invalid steps, in tenths of the valid ones' (0: none)", show: '1', parse: integer(0) }),
  'settle-ms': option({ value: 'MS', help: 'how long to wait for transient states to pass', default: CONFORMANCE_DEFAULTS.settleMs, parse: integer(0) }),
  'read-retry-ms': option({
    value: 'MS',
    help: 'how long a diverging read is asked again while the target may lag (measured: a target seen to answer at once is asked once more only)',
    default: CONFORMANCE_DEFAULTS.readRetryMs,
    parse: integer(0),
  }),
  'max-divergences': option({ value: 'N', help: 'distinct rules broken before stopping', default: CONFORMANCE_DEFAULTS.maxDivergences, parse: integer(1) }),
  timeout: option({ value: 'S', help: 'stop after S seconds and print what was found so far', show: 'none', parse: integer(1) }),
  'save-replays': option({ value: 'DIR', help: 'write each divergence to DIR/divergence-<n>-<rule>.json, to be run again alone with --replay', show: 'none', parse: anyText }),
  replay: option({ value: 'FILE', help: 'run the one sequence of a replay file (--save-replays) instead of a search', show: 'none', parse: replayFile }),
  quiet: toggle('no progress lines on stderr'),
};

/** The checker's options from the command line. */
function optionsOf(flags: FlagValues<typeof CONFORM_FLAGS>): ConformanceOptions {
  const optional = {
    runs: flags.runs,
    seed: flags.seed,
    maxSteps: flags['max-steps'],
    accounts: flags.accounts,
    regions: flags.regions,
    actions: flags.actions,
    invalid: flags.invalid,
    credentials: flags.credentials,
    resetUrl: flags['reset-url'],
    settleMs: flags['settle-ms'],
    readRetryMs: flags['read-retry-ms'],
    maxDivergences: flags['max-divergences'],
    replay: flags.replay,
    timeoutMs: flags.timeout === undefined ? undefined : flags.timeout * 1000,
  };
  const accountHeaders = flags['header-per-account'];
  return { endpoint: flags.endpoint, ...definedOnly(optional), ...(accountHeaders.length === 0 ? {} : { accountHeaders }) };
}

/** `value` without its undefined members (the options are exact: absent, not undefined). */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** `pcxsim conform`. */
export const conformCommand = defineCommand({
  name: 'conform',
  summary:
    'Run random command sequences against pcxsim and URL at once, comparing past the first difference; report each AWS rule URL breaks once, with its reference section and confidence and a sequence shrunk to the minimum (exit 0 agrees, 1 diverges, 2 error).',
  flags: CONFORM_FLAGS,
  run: ({ flags }) => conform(flags),
});

/** One line of progress, for stderr. */
export function progressLine(progress: ConformanceProgress): string {
  const seconds = `${(progress.elapsedMs / 1000).toFixed(1)} s`;
  if (progress.kind === 'shrink') {
    return `conform: search ${progress.search}: shrinking [${progress.rule}], candidate ${progress.candidate}, smallest ${progress.steps} steps, ${seconds}\n`;
  }
  const broken = progress.broken.length === 0 ? 'agreed' : `broke ${progress.broken.map((id) => `[${id}]`).join(' ')}`;
  return `conform: search ${progress.search}, run ${progress.run}/${progress.runs}: ${broken}; ${progress.found} reported, ${seconds}\n`;
}

/** Writes each divergence of `report` as a replay file in `dir`; resolves to the files. */
function saveReplays(report: ConformanceReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return report.divergences.map((divergence, i) => {
    const file = join(dir, `divergence-${i + 1}-${divergence.rule.id}.json`);
    writeFileSync(file, replayFileOf(divergence));
    return file;
  });
}

/** Exit codes of a check stopped by a signal with nothing found: 128 + the signal's number, as shells do. */
const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

/** Runs `pcxsim conform`; resolves to the exit code. */
async function conform(flags: FlagValues<typeof CONFORM_FLAGS>): Promise<number> {
  const stop = new AbortController();
  let signalled: string | undefined;
  const onSignal = (name: NodeJS.Signals): void => {
    // A second signal: the user does not want to wait for the step under way.
    if (signalled !== undefined) process.exit(SIGNAL_EXIT[name] ?? 1);
    signalled = name;
    process.stderr.write(`conform: ${name}: stopping after the step under way (again to stop at once)\n`);
    stop.abort(`interrupted by ${name}`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let report: ConformanceReport;
  try {
    report = await checkConformance({
      ...optionsOf(flags),
      signal: stop.signal,
      ...(flags.quiet ? {} : { onProgress: (progress: ConformanceProgress) => process.stderr.write(progressLine(progress)) }),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  let text = formatReport(report);
  const replayDir = flags['save-replays'];
  if (replayDir !== undefined && report.divergences.length > 0) {
    try {
      const files = saveReplays(report, replayDir);
      text += `\nSaved, to run each alone: ${files.map((file) => `pcxsim conform --endpoint ${report.endpoint} --replay ${file}`).join('\n  ')}\n`;
    } catch (error) {
      process.stderr.write(`pcxsim conform: cannot write --save-replays ${replayDir}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  if (report.error !== undefined) process.stderr.write(text);
  else process.stdout.write(text);
  const reportFile = flags.report;
  if (reportFile !== undefined) {
    try {
      writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    } catch (error) {
      process.stderr.write(`pcxsim conform: cannot write --report ${reportFile}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  if (report.error !== undefined) return 2;
  if (report.divergences.length > 0) return 1;
  if (report.interrupted !== undefined) return signalled === undefined ? 2 : (SIGNAL_EXIT[signalled] ?? 2);
  return 0;
}
