// The checker's findings, as data (the JSON report is this object) and as text for people: per
// divergence the rule it breaks with its spec section, the step, the shrunk sequence in symbolic
// form, and what each side said.
import { formatStep } from '../arbitraries/format-step.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import type { Difference, DifferenceKind } from './compare.js';
import { describeOutcome, type Outcome } from './outcome.js';
import type { Rule } from './rules.js';

/** One way the target differs from pcxsim, with the smallest sequence that shows it. */
export interface Divergence {
  /** What makes two divergences the same finding: `<rule id> <kind> <codes exchanged, or the action>`. */
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
  /** fast-check's replay path of the counterexample (with the report's seed). */
  readonly path: string;
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

/** The report as text for a terminal. */
export function formatReport(report: ConformanceReport): string {
  const lines: string[] = [];
  const count = `${report.runs} runs of up to ${report.maxSteps} steps, seed ${report.seed}`;
  if (report.error !== undefined) {
    lines.push(`pcxsim conform: could not check ${report.endpoint}: ${report.error}`);
  } else if (report.conformant) {
    lines.push(`pcxsim conform: ${report.endpoint} agrees with pcxsim (${count})`);
  } else {
    const n = report.divergences.length;
    lines.push(`pcxsim conform: ${report.endpoint} diverges from pcxsim: ${n} distinct divergence${n === 1 ? '' : 's'} (${count})`);
  }
  report.divergences.forEach((divergence, i) => {
    const { rule, sequence, step } = divergence;
    lines.push('');
    lines.push(`${i + 1}. [${rule.id}] ${rule.title} (spec ${rule.spec})`);
    lines.push(`   ${divergence.action}, step ${step} of the sequence below, ${divergence.kind}; shrunk ${divergence.shrinks} times`);
    sequence.forEach((s, j) => lines.push(`   ${j + 1 === step ? '→' : ' '} ${String(j + 1).padStart(2)}. ${formatStep(s)}`));
    lines.push(`   pcxsim: ${clip(describeOutcome(divergence.reference))}`);
    lines.push(`   target: ${clip(describeOutcome(divergence.target))}`);
    for (const d of divergence.differences.slice(0, LISTED_DIFFERENCES)) lines.push(`   - ${difference(d)}`);
    if (divergence.differences.length > LISTED_DIFFERENCES) lines.push(`   - … ${divergence.differences.length - LISTED_DIFFERENCES} more`);
    lines.push(`   replay: seed ${report.seed}, fast-check path ${divergence.path}`);
  });
  if (report.divergences.length > 0) lines.push('', 'Spec sections: docs/reference/peering.md; each rule with its confidence and test: docs/fidelity.md.');
  return `${lines.join('\n')}\n`;
}
