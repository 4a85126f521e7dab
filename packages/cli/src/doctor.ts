// `pcxsim doctor --data DIR` (issue 19): the full check of a data directory — SQLite's
// integrity_check, the layout, and how far the command log reads intact — and what to do about it.
// It only reads (no lock, so it also works while a server runs), and exits 0 for a sound directory,
// 1 for a damaged one.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from './command.js';
import { anyText, option } from './flags.js';
import { openToSalvage, scanLog, type LogScan, type Salvage } from './readable-log.js';
import type { HeaderDamage } from './sqlite-header.js';
import { describeSqliteError, layoutOf, SCHEMA_VERSION, structuralProblems, type Layout } from './store-check.js';
import type { StoredCommand } from './store.js';

/** What `pcxsim doctor` found in a data directory. */
export interface Diagnosis {
  /** The database file. */
  readonly file: string;
  /** Its size in bytes (the write-ahead log beside it not counted). */
  readonly bytes: number;
  /** What is wrong with its header; the rest is then read through a copy with a readable one. */
  readonly header: HeaderDamage | undefined;
  /** What SQLite's integrity_check lists (none for a sound file), or why the file cannot be opened. With a damaged header, of the copy. */
  readonly problems: readonly string[];
  /** The layout: pcxsim's, another version of it, damaged, or empty. */
  readonly layout: Layout;
  /** How far the command log reads. */
  readonly log: LogScan;
  /** The last command of the intact prefix. */
  readonly lastIntact: StoredCommand | undefined;
  /** True when nothing is wrong. */
  readonly sound: boolean;
}

/** Examines the data directory `dir` (read only). Undefined when it holds no database at all. */
export function diagnose(dir: string): Diagnosis | undefined {
  const file = join(dir, 'pcxsim.sqlite');
  if (!existsSync(file)) return undefined;
  const bytes = statSync(file).size;
  let salvage: Salvage;
  try {
    salvage = openToSalvage(file);
  } catch (error) {
    const problem = describeSqliteError(error);
    const log: LogScan = { lastIntact: 0, stoppedBecause: problem, highestSeen: 0, exact: false, readableAfter: undefined };
    return { file, bytes, header: undefined, problems: [problem], layout: { kind: 'damaged', what: problem }, log, lastIntact: undefined, sound: false };
  }
  try {
    const { db, header } = salvage;
    const problems = structuralProblems(db, 'integrity_check');
    const layout = layoutOf(db);
    let lastIntact: StoredCommand | undefined;
    const log = scanLog(db, (entry) => (lastIntact = entry));
    const sound = header === undefined && problems.length === 0 && layout.kind === 'pcxsim' && log.stoppedBecause === undefined;
    return { file, bytes, header, problems, layout, log, lastIntact, sound };
  } finally {
    salvage.close();
  }
}

const MiB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The commands lost to a recovery from the intact prefix, in words. */
export function lostInWords(log: LogScan): string {
  const lost = log.highestSeen - log.lastIntact;
  if (log.stoppedBecause === undefined) return 'none lost';
  if (!log.exact && lost === 0) return 'how many were lost cannot be told (the end of the log cannot be read)';
  if (!log.exact) return `at least ${lost} lost (the end of the log cannot be read, so there may be more)`;
  return `${lost} lost (${log.lastIntact + 1}..${log.highestSeen})`;
}

/** The report `pcxsim doctor` prints. */
export function formatDiagnosis(dir: string, diagnosis: Diagnosis): string {
  const { file, bytes, header, problems, layout, log, lastIntact } = diagnosis;
  const lines = [`pcxsim doctor: ${file} (${MiB(bytes)})`];
  if (header !== undefined) {
    lines.push(`  header     DAMAGED: ${header.what}`);
    if (header.kind !== 'newer-format') lines.push('             (what follows is read through a copy with a readable header)');
  }
  if (problems.length === 0) lines.push('  structure  sound (SQLite integrity_check: ok)');
  else {
    lines.push(`  structure  DAMAGED: SQLite's integrity_check found ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const problem of problems.slice(0, 8)) lines.push(`             ${problem}`);
    if (problems.length > 8) lines.push(`             … and ${problems.length - 8} more`);
  }
  const layoutText: Record<Layout['kind'], string> = {
    pcxsim: `pcxsim store, schema ${SCHEMA_VERSION}`,
    empty: 'no tables: not a pcxsim store',
    'other-version': `a pcxsim store of schema ${layout.kind === 'other-version' ? layout.version : ''}; this pcxsim reads schema ${SCHEMA_VERSION}`,
    damaged: `DAMAGED: ${layout.kind === 'damaged' ? layout.what : ''}`,
  };
  lines.push(`  layout     ${layoutText[layout.kind]}`);
  const last = lastIntact === undefined ? '' : ` — the last: ${new Date(lastIntact.clock).toISOString()} ${lastIntact.command.type} by ${lastIntact.caller.accountId} in ${lastIntact.caller.region}`;
  lines.push(`  log        ${log.lastIntact === 0 ? 'no command reads intact' : `commands 1..${log.lastIntact} read intact${last}`}`);
  if (log.stoppedBecause !== undefined) {
    lines.push(`             command ${log.lastIntact + 1}: ${log.stoppedBecause}`);
    if (log.readableAfter !== undefined) lines.push(`             commands ${log.readableAfter[0]}..${log.readableAfter[1]} read past the damage (of no use without the ones before them)`);
    const reach = log.highestSeen > log.lastIntact ? `the log reaches ${log.exact ? '' : 'at least '}${log.highestSeen}: ` : '';
    lines.push(`             ${reach}a recovery keeps 1..${log.lastIntact}, ${lostInWords(log)}`);
  }
  if (diagnosis.sound) lines.push(`  verdict    sound: ${log.lastIntact} commands; \`pcxsim serve --data ${dir}\` serves it`);
  else if (header?.kind === 'newer-format' || (layout.kind === 'other-version' && problems.length === 0)) {
    lines.push('  verdict    written by another version: serve it with the pcxsim that wrote it');
  }
  else lines.push(`  verdict    DAMAGED: \`pcxsim recover --data ${dir} --to NEWDIR\` rebuilds a good directory from commands 1..${log.lastIntact} (${lostInWords(log)}), or serve a backup`);
  return `${lines.join('\n')}\n`;
}

/** `pcxsim doctor`. */
export const doctorCommand = defineCommand({
  name: 'doctor',
  summary:
    'Checks a data directory in full (SQLite\'s integrity_check, the layout, the command log) and names the last command that can be read intact; exit 0 when it is sound, 1 when it is damaged. It only reads, so it also works while a server runs.',
  flags: { data: option({ value: 'DIR', help: 'the data directory to check', required: true, parse: anyText }) },
  run: ({ flags }) => doctor(flags.data),
});

function doctor(dir: string): number {
  const diagnosis = diagnose(dir);
  if (diagnosis === undefined) {
    process.stderr.write(`pcxsim doctor: there is no pcxsim store in ${dir} (no pcxsim.sqlite)\n`);
    return 1;
  }
  process.stdout.write(formatDiagnosis(dir, diagnosis));
  return diagnosis.sound ? 0 : 1;
}
