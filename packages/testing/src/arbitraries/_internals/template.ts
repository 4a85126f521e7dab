// A step template: what a generated step wants to do, without the IDs. Templates are what the
// arbitraries generate and shrink; a planner turns each into a concrete step against the state the
// steps before it left, so shrinking a template list always gives a meaningful sequence.
import type { CommandType } from '@pcxsim/engine';
import type fc from 'fast-check';
import type { SequenceStep } from '../sequence-step.js';
import type { Tracker } from './tracker.js';

/** What one step wants to do; {@link StepTemplate.plan} makes it concrete. */
export interface StepTemplate {
  /** The action the template stands for (a step that needs a resource none exists of creates it instead). */
  readonly action: CommandType;
  /** Whether it is deliberately invalid. */
  readonly invalid: boolean;
  /** The step, given what the steps before it did. */
  plan(tracker: Tracker): SequenceStep;
}

/** Templates of one kind, with the weight of their kind. */
export interface WeightedTemplates {
  readonly action: CommandType;
  readonly weight: number;
  readonly arbitrary: fc.Arbitrary<StepTemplate>;
}

/** A template from its action and plan. */
export const template = (action: CommandType, plan: (tracker: Tracker) => SequenceStep, invalid = false): StepTemplate => ({ action, invalid, plan });
