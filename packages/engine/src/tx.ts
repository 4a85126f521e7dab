// One command in progress: a shallow working copy of the world, the caller, and the events so far.
// Handlers replace the copy's fields; apply() freezes the result when the command succeeds and
// drops it when it fails, so a failed command leaves the world untouched.
import type { EngineEvent } from './events.js';
import type { World } from './world.js';

/** Who calls: an account, in a Region (DESIGN: the core contract). */
export interface Caller {
  /** The 12-digit account ID. */
  readonly accountId: string;
  /** The Region the call is made in. */
  readonly region: string;
}

/** The world being changed by the running command. */
export type WorldDraft = { -readonly [K in keyof World]: World[K] };

/** The running command's state. */
export interface Tx {
  /** The working copy. */
  readonly w: WorldDraft;
  /** Who calls. */
  readonly caller: Caller;
  /** The events so far. */
  readonly events: EngineEvent[];
}

/** Starts a command on `world`. */
export const begin = (world: World, caller: Caller): Tx => ({ w: { ...world }, caller, events: [] });
