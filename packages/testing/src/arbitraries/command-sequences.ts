import { createWorld, PUBLIC_REGIONS, type CommandType } from '@pcxsim/engine';
import fc from 'fast-check';
import type { SequenceStep } from './sequence-step.js';
import type { Settings } from './_internals/settings.js';
import { ROUTING_ACTIONS, SEQUENCE_ACTIONS, stepTemplate } from './_internals/step-templates.js';
import type { StepTemplate } from './_internals/template.js';
import { Tracker } from './_internals/tracker.js';

export { Bindings } from './bindings.js';
export type { SequenceStep } from './sequence-step.js';

/** The accounts of a sequence unless told otherwise: three, so that a third party exists. */
export const DEFAULT_ACCOUNTS: readonly string[] = Object.freeze(['111111111111', '222222222222', '333333333333']);

/** The Regions of a sequence unless told otherwise. */
export const DEFAULT_REGIONS: readonly string[] = Object.freeze(['us-east-1', 'eu-west-1']);

/** Options of {@link commandSequence}. */
export interface SequenceOptions {
  /**
   * The accounts that call (12-digit IDs).
   * @defaultValue {@link DEFAULT_ACCOUNTS}
   */
  readonly accounts?: readonly string[];
  /**
   * The Regions they call in.
   * @defaultValue {@link DEFAULT_REGIONS}
   */
  readonly regions?: readonly string[];
  /**
   * The fewest steps. (Above 0, fast-check's array shrinker can no longer drop the last steps.)
   * @defaultValue 0
   */
  readonly minLength?: number;
  /**
   * The most steps.
   * @defaultValue 30
   */
  readonly maxLength?: number;
  /**
   * The weight of deliberately invalid steps (bad IDs, malformed IDs, wrong party, wrong Region, bad
   * CIDRs, bad tags, bad filters, bad peer parameters, missing parameters, DryRun), in tenths of the
   * valid steps' weight: 1 makes about one step in ten invalid; 0 gives only valid-looking steps.
   * @defaultValue 1
   */
  readonly invalid?: number;
  /**
   * Include `AdvanceClock` steps (pcxsim's own; no EC2 endpoint has them). Without them the
   * planner assumes each step finds the world settled (as a real endpoint is, moments later).
   * @defaultValue true
   */
  readonly clockSteps?: boolean;
  /**
   * Restrict the steps to these actions. A step that needs a resource none exists of creates it
   * first only when the creating action is allowed.
   * @defaultValue the VPC, peering and tag actions of the engine, and `AdvanceClock` ({@link SEQUENCE_ACTIONS}), plus {@link ROUTING_ACTIONS} with `routes`
   */
  readonly actions?: readonly CommandType[];
  /**
   * Add the routing steps (issue 13): subnets, route tables, their associations, and routes to the
   * peering connections (CreateRoute, ReplaceRoute, DeleteRoute) — see {@link ROUTING_ACTIONS} —
   * and, with `invalid`, each refusal the routing rules have. Ignored when `actions` is given (name
   * the routing actions there instead).
   * @defaultValue false
   */
  readonly routes?: boolean;
  /**
   * Make one VPC a hub that aims at this many peering connections (requests to as many other VPCs,
   * created as needed), so that a VPC's connections fill more than one page of
   * DescribeVpcPeeringConnections (MaxResults is at least 5) and pagination bugs show. Hub steps weigh
   * as much as all the others together, and `maxLength` defaults to `max(30, 8 × density)`. 0: no hub.
   * @defaultValue 0
   */
  readonly density?: number;
}

// The action lists, for `actions` and for readers of the defaults.
export { SEQUENCE_ACTIONS, ROUTING_ACTIONS };

/** The settings of a sequence, checked. */
export function settingsOf(options: SequenceOptions): Settings {
  const accounts = options.accounts ?? DEFAULT_ACCOUNTS;
  const regions = options.regions ?? DEFAULT_REGIONS;
  if (accounts.length === 0 || regions.length === 0) throw new RangeError('commandSequence(): `accounts` and `regions` must not be empty');
  const allowed = new Set(options.actions ?? (options.routes === true ? [...SEQUENCE_ACTIONS, ...ROUTING_ACTIONS] : SEQUENCE_ACTIONS));
  if (options.clockSteps === false) allowed.delete('AdvanceClock');
  const density = options.density ?? 0;
  if (!Number.isInteger(density) || density < 0) throw new RangeError('commandSequence(): `density` must be a whole number, 0 or more');
  return { accounts, regions, allowed, density };
}

/** A world that knows every Region of the settings, for the planner. */
export function plannerTracker(settings: Settings): Tracker {
  return new Tracker(createWorld({ regions: [...new Set([...PUBLIC_REGIONS, ...settings.regions])] }));
}

/** The steps of a template list, planned one by one against the engine. */
function plan(templates: readonly StepTemplate[], settings: Settings, settle: boolean): SequenceStep[] {
  const tracker = plannerTracker(settings);
  return templates.map((item) => {
    const step = item.plan(tracker);
    tracker.run(step);
    if (settle) tracker.settle();
    return step;
  });
}

/**
 * Sequences of EC2 calls against VPC peering, as {@link SequenceStep}s (caller + SDK-shaped engine
 * command) with symbolic IDs (`$vpc0`, `$pcx1`, `$assoc0`): run one against any backend through a
 * {@link Bindings} of its own. Mostly the peering actions, weighted towards what makes sequences go
 * deep — CreateVpc, CreateVpcPeeringConnection (same account and Region, cross-account,
 * cross-Region, overlapping and not), Accept, Reject, Delete, Describe (by ID, by filters, all),
 * ModifyVpcPeeringConnectionOptions, tags, CIDR associations, DNS attributes — across several
 * accounts and Regions, with clock steps, and deliberately invalid steps (see
 * {@link SequenceOptions.invalid}).
 *
 * Each step is planned against pcxsim's engine after the steps before it, so it names resources that
 * exist, as the party that may act on them (Accept as the accepter, in its Region), preferring
 * connections in the state the action wants (Accept a pending one, modify an active one). A step that
 * needs a resource none exists of creates it first. The plan is pcxsim's view; another backend may
 * disagree, which is what a conformance check looks for.
 *
 * Generates the steps' intentions (which action, which of the resources so far, which party), then
 * plans them. Shrinks the list of intentions — fewer steps, simpler steps — and plans again, so a
 * shrunk sequence is meaningful: its steps still name resources that exist where they can (removing a
 * creation renumbers the later creations, and a symbol with nothing left to name becomes an ID that
 * exists nowhere).
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(commandSequence({ clockSteps: false }), async (steps) => {
 *   const ids = new Bindings();
 *   for (const step of steps) {
 *     const { caller, command } = ids.resolve(step);
 *     const answer = await mySystem.send(caller, command);
 *     if (answer.ok) ids.record(step, answer.output);
 *   }
 * }));
 * ```
 */
export function commandSequence(options: SequenceOptions = {}): fc.Arbitrary<readonly SequenceStep[]> {
  const settings = settingsOf(options);
  const minLength = options.minLength ?? 0;
  const maxLength = options.maxLength ?? Math.max(30, 8 * settings.density);
  const settle = !settings.allowed.has('AdvanceClock');
  return fc
    .array(stepTemplate(settings, options.invalid ?? 1), { minLength, maxLength, size: 'max' })
    .map((templates) => plan(templates, settings, settle));
}
