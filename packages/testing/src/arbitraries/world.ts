import { apply, createWorld, PUBLIC_REGIONS, type World, type WorldOptions } from '@pcxsim/engine';
import fc from 'fast-check';
import { Bindings } from './bindings.js';
import { commandSequence, settingsOf, type SequenceOptions } from './command-sequences.js';
import { formatStep } from './format-step.js';
import type { SequenceStep } from './sequence-step.js';

/** Options of {@link world}. */
export interface WorldConstraints extends Pick<SequenceOptions, 'accounts' | 'regions' | 'minLength' | 'maxLength' | 'clockSteps' | 'actions' | 'routes' | 'density'> {
  /**
   * The options of the world the steps run on (seed, timing, quotas, …).
   * @defaultValue `createWorld()`'s defaults, with the Regions of `regions` added
   */
  readonly worldOptions?: WorldOptions;
}

/** A world reached by running steps from an empty one. */
export interface GeneratedWorld {
  /** The world after the steps: frozen plain data, as `apply` returns it. */
  readonly world: World;
  /** The steps that built it, with symbolic IDs (see {@link commandSequence}). */
  readonly steps: readonly SequenceStep[];
  /** Every symbol the steps bound, to its ID in `world`: `{ $vpc0: 'vpc-0…', $pcx0: 'pcx-0…' }`. */
  readonly ids: Readonly<Record<string, string>>;
}

/** Runs the steps from an empty world with `options`. */
export function runSteps(steps: readonly SequenceStep[], options: WorldOptions): GeneratedWorld {
  let current = createWorld(options);
  const bindings = new Bindings();
  for (const step of steps) {
    const { caller, command } = bindings.resolve(step);
    const next = apply(current, caller, command);
    current = next.world;
    if (next.result.ok) bindings.record(step, next.result.value);
  }
  const generated = { world: current, steps, ids: bindings.toJSON() };
  // A failure report shows how the world was built, not the world itself.
  Object.defineProperty(generated, fc.toStringMethod, {
    value: () => `world(${steps.length} steps: ${steps.map(formatStep).join('; ')})`,
    enumerable: false,
  });
  return generated;
}

/**
 * Whole worlds of `@pcxsim/engine`, each BUILT BY RUNNING ENGINE COMMANDS through `apply` from an
 * empty world — VPCs of several accounts in several Regions, with CIDR associations, DNS attributes,
 * tags, and peering connections in every state the steps reach — with `routes`, subnets, route
 * tables, associations and routes to those connections (active or blackhole as their connections
 * are); with `density`, a hub VPC with many connections — so every world is one the engine
 * can actually reach, never a hand-assembled record. Only valid-looking steps are used (a step may
 * still be refused, as a real call would be; it then changes nothing).
 *
 * Generates a {@link commandSequence} (without invalid steps) and runs it. Shrinks by shrinking the
 * step list (see {@link commandSequence}) and running it again: towards fewer, simpler steps, down
 * to the empty world when `minLength` is 0. Reports print the steps, not the world.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(world({ worldOptions: { timing: 'realistic' } }), ({ world }) => {
 *   // every reachable world: no two active connections between the same VPCs, …
 * }));
 * ```
 */
export function world(constraints: WorldConstraints = {}): fc.Arbitrary<GeneratedWorld> {
  const { worldOptions, ...sequence } = constraints;
  const regions = worldOptions?.regions ?? [...new Set([...PUBLIC_REGIONS, ...settingsOf(sequence).regions])];
  const options: WorldOptions = { ...worldOptions, regions };
  return commandSequence({ minLength: 0, ...sequence, invalid: 0 }).map((steps) => runSteps(steps, options));
}
