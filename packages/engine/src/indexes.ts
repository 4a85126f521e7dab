// Secondary indexes, so that what Describe and the rules ask costs in proportion to the answer,
// not to the world: one persistent map from an index key to the set of IDs under it.
import type { PeeringState } from '@pcxsim/lifecycle';
import type { EditScope } from './edit-scope.js';
import { emptyPMap, pdelete, pget, pset, type PMap } from './pmap.js';

/** A set of IDs. */
export type IdSet = PMap<true>;

const NONE: IdSet = emptyPMap<true>();

/** The (account, Region) a caller sees the world from: `account|region`. */
export const viewKey = (accountId: string, region: string): string => `${accountId}|${region}`;

/** Every connection a view lists, whatever its state (in `world.statuses`). */
export const listedIn = (view: string): string => `s|${view}`;
/** Connections of one state that a view lists (in `world.statuses`), for a state {@link hasStatusSet} gives a set of its own. */
export const byStatus = (view: string, status: string): string => `s|${view}|${status}`;

/**
 * Whether the connections in `status` have a set of their own in the status index. `active` has
 * not: it is where connections settle, the bulk of a busy view, and a set of it would take two
 * writes down the deepest set of the world on every connection's way through (in on provisioned,
 * out on delete). Its members are the view's {@link listedIn} set, whose membership changes only
 * on creation, retirement and a change of visibility, filtered by state: a `status-code=active`
 * Describe reads the view's set, in proportion to the view, of which it is mostly the answer.
 */
export function hasStatusSet(status: PeeringState): boolean {
  switch (status) {
    case 'active':
      return false;
    default:
      return true;
  }
}
/** Counter: the initiating and pending requests an account made (the outstanding-requests quota). */
export const outstandingOf = (accountId: string): string => `o|${accountId}`;
/** Connections whose tag set in a view has the key. */
export const peeringsTagged = (view: string, key: string): string => `t|${view}|${key}`;
/** The VPCs of a view. */
export const vpcsOf = (view: string): string => `v|${view}`;
/** The VPCs of a view whose tags have the key. */
export const vpcsTagged = (view: string, key: string): string => `T|${view}|${key}`;
/** Connections of a view (either of its two) that Describe shows in an older version than the current one (spec §10.4). */
export const laggingPeerings = (view: string): string => `l|${view}`;
/** VPCs of a view that DescribeVpcs shows in an older version than the current one, or still shows deleted (spec §10.4). */
export const laggingVpcs = (view: string): string => `L|${view}`;

/** A counter's value. */
export const count = (counts: PMap<number>, key: string): number => pget(counts, key) ?? 0;

/** The counters with `key` moved by `delta`; a counter at zero is dropped. */
export function bump(scope: EditScope, counts: PMap<number>, key: string, delta: number): PMap<number> {
  const next = count(counts, key) + delta;
  return next === 0 ? pdelete(scope, counts, key) : pset(scope, counts, key, next);
}

/** The IDs under `key`. */
export const members = (index: PMap<IdSet>, key: string): IdSet => pget(index, key) ?? NONE;

/** The IDs under `key`, in whichever of the world's two index maps holds its kind ({@link byStatus} keys: `statuses`). */
export const indexed = (world: { readonly index: PMap<IdSet>; readonly statuses: PMap<IdSet> }, key: string): IdSet =>
  members(key.startsWith('s|') ? world.statuses : world.index, key);

/** Moves an ID from the keys only `before` has to the keys only `after` has. */
export function reindex(scope: EditScope, index: PMap<IdSet>, id: string, before: readonly string[], after: readonly string[]): PMap<IdSet> {
  let out = index;
  for (let i = 0; i < before.length; i++) {
    const key = before[i]!;
    if (!after.includes(key)) out = removeMember(scope, out, key, id);
  }
  for (let i = 0; i < after.length; i++) {
    const key = after[i]!;
    if (!before.includes(key)) out = addMember(scope, out, key, id);
  }
  return out;
}

/** The index with `id` added under `key`. */
export function addMember(scope: EditScope, index: PMap<IdSet>, key: string, id: string): PMap<IdSet> {
  return pset(scope, index, key, pset(scope, members(index, key), id, true));
}

/** The index with `id` removed from under `key`; a set left empty is dropped. */
export function removeMember(scope: EditScope, index: PMap<IdSet>, key: string, id: string): PMap<IdSet> {
  const set = pdelete(scope, members(index, key), id);
  return set.size === 0 ? pdelete(scope, index, key) : pset(scope, index, key, set);
}
