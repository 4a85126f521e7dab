import type { SequenceStep } from '../arbitraries/sequence-step.js';
import { formatStep } from '../arbitraries/format-step.js';
import type { Bindings } from '../arbitraries/bindings.js';
import type { Answer } from './answer.js';
import type { PeeringModel } from './peering-model.js';

/** What a {@link Comparison} gets besides the two answers. */
export interface ComparisonContext {
  /** The step, with symbolic IDs. */
  readonly step: SequenceStep;
  /** The model after the step: its world, and both sides' symbols (`engineIds`, `realIds`). */
  readonly model: PeeringModel;
}

/**
 * Checks that the real system's answer agrees with the engine's: returns when it does, throws
 * (a {@link Disagreement}, or any error) when it does not.
 */
export type Comparison = (expected: Answer, actual: Answer, context: ComparisonContext) => void;

/** The real system answered differently from pcxsim's engine. */
export class Disagreement extends Error {
  /** The step, symbolic. */
  readonly step: SequenceStep;
  /** pcxsim's answer. */
  readonly expected: Answer;
  /** The real system's answer. */
  readonly actual: Answer;

  /** A disagreement on `step`, explained by `what`. */
  constructor(what: string, step: SequenceStep, expected: Answer, actual: Answer) {
    super(`${formatStep(step)}: ${what}`);
    this.name = 'Disagreement';
    this.step = step;
    this.expected = expected;
    this.actual = actual;
  }
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '?');

/**
 * What an output says that both sides must agree on, with IDs turned into symbols: the state of
 * each peering connection it shows, the VPCs it lists, the tags it describes. Sorted, so order
 * does not matter.
 */
function facts(output: unknown, ids: Bindings): string[] {
  const symbol = (id: unknown) => ids.symbolOf(text(id)) ?? '?';
  const single = field(output, 'VpcPeeringConnection');
  const connections = single === undefined ? list(field(output, 'VpcPeeringConnections')) : [single];
  return [
    ...connections.map((pcx) => `${single === undefined ? symbol(field(pcx, 'VpcPeeringConnectionId')) : 'it'} is ${text(field(field(pcx, 'Status'), 'Code'))}`),
    ...list(field(output, 'Vpcs')).map((vpc) => `lists ${symbol(field(vpc, 'VpcId'))}`),
    ...list(field(output, 'Tags')).map((tag) =>
      field(tag, 'ResourceId') === undefined ? '' : `${symbol(field(tag, 'ResourceId'))} has ${text(field(tag, 'Key'))}=${text(field(tag, 'Value'))}`,
    ),
  ]
    .filter((fact) => fact !== '')
    .sort();
}

const said = (answer: Answer): string => (answer.ok ? 'succeeded' : `failed with ${answer.code}`);

/**
 * The default {@link Comparison}: both succeed or both fail; failures carry the same error code;
 * successes show the same peering states (by symbol), list the same VPCs and describe the same
 * tags. Messages, timestamps, CIDRs and other fields are not compared: combine this with checks of
 * your own for those.
 *
 * @example
 * ```ts
 * const strict: Comparison = (expected, actual, context) => {
 *   compareOutcomes(expected, actual, context);
 *   if (!expected.ok && !actual.ok) expect(actual.message).toBe(expected.message);
 * };
 * ```
 */
export function compareOutcomes(expected: Answer, actual: Answer, context: ComparisonContext): void {
  const { step, model } = context;
  if (expected.ok !== actual.ok || (!expected.ok && !actual.ok && expected.code !== actual.code)) {
    throw new Disagreement(`pcxsim ${said(expected)}, the real system ${said(actual)}`, step, expected, actual);
  }
  if (!expected.ok || !actual.ok || step.command.type === 'AdvanceClock') return;
  const ours = facts(expected.output, model.engineIds);
  const theirs = facts(actual.output, model.realIds);
  if (ours.join('\n') !== theirs.join('\n')) {
    throw new Disagreement(`pcxsim says [${ours.join('; ')}], the real system [${theirs.join('; ')}]`, step, expected, actual);
  }
}
