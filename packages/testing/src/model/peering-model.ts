import { createWorld, PUBLIC_REGIONS, type World, type WorldOptions } from '@pcxsim/engine';
import { Bindings } from '../arbitraries/bindings.js';
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import { Tracker } from '../arbitraries/_internals/tracker.js';

// The engine world, the model's symbols and what each symbol is: kept beside each model, so the
// planner's internals stay out of the public class.
const trackers = new WeakMap<PeeringModel, Tracker>();

/** The planner state of a model. */
export function trackerOf(model: PeeringModel): Tracker {
  const tracker = trackers.get(model);
  if (tracker === undefined) throw new Error('not a PeeringModel');
  return tracker;
}

/**
 * The model of a model-based run: pcxsim's engine world after the steps so far — what the real
 * system should agree with — and the symbols each side bound. One per run: `fc.asyncModelRun`'s
 * setup makes a fresh one.
 */
export class PeeringModel {
  /** Symbols → the real system's IDs. */
  readonly realIds: Bindings = new Bindings();
  /** The steps run so far, symbolic, in order. */
  readonly steps: SequenceStep[] = [];

  /**
   * A model starting from an empty world with `options` (give it the real system's seed, timing
   * and Regions when they differ from the defaults).
   */
  constructor(options: WorldOptions = {}) {
    trackers.set(this, new Tracker(createWorld({ regions: PUBLIC_REGIONS, ...options })));
  }

  /** The engine's world now. */
  get world(): World {
    return trackerOf(this).world;
  }

  /** Symbols → the engine's IDs. */
  get engineIds(): Bindings {
    return trackerOf(this).ids;
  }
}
