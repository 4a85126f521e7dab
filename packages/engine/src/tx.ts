// One command in progress: a shallow working copy of the world, the caller, the events so far, and
// the command's edit scope. Handlers replace the copy's fields; apply() commits the scope (freezing
// what the command made) when the command succeeds and drops both when it fails, so a failed command
// leaves the world untouched.
import { EditScope } from './edit-scope.js';
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
  /** What this command made, and alone may edit in place (edit-scope.ts): every change to the world's maps and queue is made in it. */
  readonly edit: EditScope;
}

/** Starts a command on `world`, in an edit scope of its own. */
export const begin = (world: World, caller: Caller): Tx => ({ w: { ...world }, caller, events: [], edit: new EditScope() });

/** Ends a command that succeeded: what it made is frozen, and the world it made is returned, frozen. */
export function commit(tx: Tx): World {
  tx.edit.commit();
  return Object.freeze(tx.w);
}
