// The checker's findings, as data (the JSON report is this object) and as text for people: per
// divergence the rule it breaks with its section of the reference and its confidence, the step, the
// shrunk sequence in symbolic form, and what each side said — each answer's one-line JSON laid out
// with the differing part first, so that cutting the line never cuts what differs.
import { formatStep } from '../arbitraries/format-step.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import type { Difference, DifferenceKind } from './compare.js';
import { describeOutcome, type Outcome } from './outcome.js';
import { citeRule, type Rule } from './rules.js';

/** One way the target differs from pcxsim, with the smallest sequence that shows it. */
export interface Divergence {
  /** What makes two divergences the same finding: the id of the rule broken (each rule is reported once). */
  readonly key: string;
  /** The AWS rule the target breaks. */
  readonly rule: Rule;
  /** The deciding difference's kind. */
  readonly kind: DifferenceKind;
  /** The action of the diverging step. */
  readonly action: string;
  /** The diverging step: the last of `sequence`, numbered from 1. */
  readonly step: number;
  /** The shrunk sequence, up to and including the diverging step, IDs in symbolic form. */
  readonly sequence: readonly SequenceStep[];
  /** What pcxsim answered at that step. */
  readonly reference: Outcome;
  /** What the target answered at that step. */
  readonly target: Outcome;
  /** Every difference at that step, the deciding one first. */
  readonly differences: readonly Difference[];
  /** How many times fast-check shrank the first failing sequence to get here. */
  readonly shrinks: number;
  /** fast-check's replay path of the counterexample (with the report's seed); `''` when not shrunk to the end. */
  readonly path: string;
}

/** What the checker measured of the target. */
export interface TargetTraits {
  /** `moved-by-checker`: a pcxsim on a manual clock, settled through its control API; `own`: waited for. */
  readonly clock: 'moved-by-checker' | 'own';
  /** Whether its reads were seen to lag (`lagging`), to answer at once (`immediate`), or too few disagreed to tell. */
  readonly reads: 'lagging' | 'immediate' | 'unknown';
}

/** What a conformance check found. */
export interface ConformanceReport {
  /** The endpoint under test. */
  readonly endpoint: string;
  /** True when every run agreed with pcxsim (and nothing stopped the check). */
  readonly conformant: boolean;
  /** The seed: the same seed and options replay the same sequences. */
  readonly seed: number;
  /** How many sequences each search ran. */
  readonly runs: number;
  /** The longest sequence. */
  readonly maxSteps: number;
  /** The distinct divergences found, each shrunk; empty when conformant. */
  readonly divergences: readonly Divergence[];
  /** Why the check could not be done (the target unreachable, a reset that failed); absent otherwise. */
  readonly error?: string;
  /** Why the check stopped early (a signal, the time limit): the divergences are those found until then. */
  readonly interrupted?: string;
  /** What was measured of the target (absent when it could not be reached). */
  readonly target?: TargetTraits;
}

const show = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));

function difference(d: Difference): string {
  const where = d.path === '' ? '' : ` at ${d.path}`;
  switch (d.kind) {
    case 'status':
      return `HTTP status: pcxsim ${show(d.reference)}, target ${show(d.target)}`;
    case 'error-code':
      return `error code: pcxsim ${show(d.reference)}, target ${show(d.target)}`;
    case 'missing-field':
      return `missing field${where}: pcxsim has ${show(d.reference)}`;
    case 'extra-field':
      return `extra field${where}: target has ${show(d.target)}`;
    case 'missing-item':
      return `missing item${where}: only pcxsim shows ${show(d.reference)}`;
    case 'extra-item':
      return `extra item${where}: only the target shows ${show(d.target)}`;
    case 'state':
      return `state${where}: pcxsim ${show(d.reference)}, target ${show(d.target)}`;
    case 'value':
      return `value${where}: pcxsim ${show(d.reference)}, target ${show(d.target)}`;
  }
}

/** How many differences of one step the text report lists. */
const LISTED_DIFFERENCES = 8;
/** How much of an answer the text report shows (the JSON report has all of it). */
const SHOWN_CHARACTERS = 300;

const clip = (text: string): string => (text.length <= SHOWN_CHARACTERS ? text : `${text.slice(0, SHOWN_CHARACTERS)}…`);

/** The segments of a difference's path: `Vpcs[$vpc0].Tags` → `Vpcs`, `[$vpc0]`, `Tags`. */
const segments = (path: string): string[] => path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? [];

/** The key of a list item as the comparison writes it (compare.ts `itemKey`, in short). */
function itemKeyOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return typeof item === 'string' ? item : undefined;
  const record = item as Record<string, unknown>;
  if (typeof record['ResourceId'] === 'string' && typeof record['Key'] === 'string') return `${record['ResourceId']}/${record['Key']}`;
  for (const name of ['VpcPeeringConnectionId', 'VpcId', 'Key', 'CidrBlock', 'Ipv6CidrBlock', 'AssociationId']) if (typeof record[name] === 'string') return record[name] as string;
  return undefined;
}

/** `value` with what lies along `path` moved first: the object key, or the list item, at each level. */
export function focusOn(value: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(value) && head.startsWith('[')) {
    const key = head.slice(1, -1);
    const index = value.findIndex((item, i) => itemKeyOf(item) === key || String(i) === key);
    if (index === -1) return value;
    return [focusOn(value[index], rest), ...value.filter((_, i) => i !== index)];
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && head in value) {
    const record = value as Record<string, unknown>;
    return { [head]: focusOn(record[head], rest), ...Object.fromEntries(Object.entries(record).filter(([name]) => name !== head)) };
  }
  return value;
}

/** One side's answer on one line, the part at `path` first. */
function describeFocused(outcome: Outcome, path: string): string {
  return outcome.ok ? `${outcome.status} ${JSON.stringify(focusOn(outcome.output, segments(path)))}` : describeOutcome(outcome);
}

/** The report as text for a terminal. */
export function formatReport(report: ConformanceReport): string {
  const lines: string[] = [];
  const count = `${report.runs} runs of up to ${report.maxSteps} steps, seed ${report.seed}`;
  if (report.error !== undefined) {
    lines.push(`pcxsim conform: could not check ${report.endpoint}: ${report.error}`);
  } else if (report.interrupted !== undefined && report.divergences.length === 0) {
    lines.push(`pcxsim conform: ${report.endpoint}: no divergence before the check stopped (${report.interrupted}; ${count})`);
  } else if (report.conformant) {
    lines.push(`pcxsim conform: ${report.endpoint} agrees with pcxsim (${count})`);
  } else {
    const n = report.divergences.length;
    lines.push(`pcxsim conform: ${report.endpoint} diverges from pcxsim: ${n} distinct divergence${n === 1 ? '' : 's'} (${count})`);
  }
  if (report.interrupted !== undefined) lines.push(`partial: ${report.interrupted}; what was found until then follows`);
  if (report.target !== undefined) {
    const clock = report.target.clock === 'moved-by-checker' ? 'a pcxsim on a manual clock, moved through /_pcxsim/clock' : 'its own, waited for';
    lines.push(`target: clock ${clock}; reads ${report.target.reads}`);
  }
  report.divergences.forEach((divergence, i) => {
    const { rule, sequence, step } = divergence;
    lines.push('');
    lines.push(`${i + 1}. [${rule.id}] ${rule.title} (${citeRule(rule)})`);
    lines.push(`   ${divergence.action}, step ${step} of the sequence below, ${divergence.kind}; shrunk ${divergence.shrinks} times`);
    sequence.forEach((s, j) => lines.push(`   ${j + 1 === step ? '→' : ' '} ${String(j + 1).padStart(2)}. ${formatStep(s)}`));
    const at = divergence.differences[0]?.path ?? '';
    lines.push(`   pcxsim: ${clip(describeFocused(divergence.reference, at))}`);
    lines.push(`   target: ${clip(describeFocused(divergence.target, at))}`);
    for (const d of divergence.differences.slice(0, LISTED_DIFFERENCES)) lines.push(`   - ${difference(d)}`);
    if (divergence.differences.length > LISTED_DIFFERENCES) lines.push(`   - … ${divergence.differences.length - LISTED_DIFFERENCES} more`);
    lines.push(`   replay: seed ${report.seed}${divergence.path === '' ? '' : `, fast-check path ${divergence.path}`}; alone: save it (--save-replays DIR) and run --replay FILE`);
  });
  if (report.divergences.length > 0) {
    lines.push(
      '',
      'spec §N: docs/reference/peering.md, routes §N: docs/reference/routing.md; [doc] documented, [obs] observed, [emu] an emulator\'s, [?] our guess (a divergence there is a difference of opinion).',
    );
  }
  return `${lines.join('\n')}\n`;
}
