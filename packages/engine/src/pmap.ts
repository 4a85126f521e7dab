// A persistent hash map (a hash array mapped trie, HAMT) made of plain JSON data.
//
// Why not a frozen Record or Map: a world of a million connections must change in a few
// microseconds, and copying a million-entry object on every command cannot. A HAMT shares every
// untouched node between the old and the new world, so a change copies one path of at most seven
// small nodes. Why not classes: the world must survive JSON.stringify/JSON.parse exactly, so the
// nodes are plain arrays (see {@link PNode}), and keys are strings or small non-negative integers.
//
// Changes within one command are cheaper still: every change is made in an edit scope (the command's
// transaction carries it, edit-scope.ts), and a node (or map wrapper) that scope made is edited in
// place by a second change — a set or a delete — instead of being copied again. Nodes the scope did
// not make (earlier worlds, frozen or restored from JSON; other transactions') are always copied. The
// scope freezes what it made when the command succeeds, and gives it up when it fails.
// So within one scope a map must be used linearly: once `pset` or `pdelete` has returned a new
// version, the version it was given must not be used again.

import type { EditScope } from './edit-scope.js';

/** A key of a {@link PMap}: a string, or a non-negative integer below 2^31 (used as its own hash). */
export type PKey = string | number;

/**
 * A node of the trie, one flat array: cell 0 is the header, then two cells per entry. In a branch
 * the header is the bitmap of the occupied slots of its level and the pairs, in slot order, are
 * `key, value` or `null, child`. Past the last level (a collision node) the header is the 32-bit hash
 * all its keys share and the pairs are `key, value`. One array per node, not an object and an array:
 * each change copies, registers and freezes half as many objects.
 */
export type PNode = readonly unknown[];

/** A branch of the trie (see {@link PNode}). */
export type BitmapNode = PNode;

/** Keys whose 32-bit hashes are equal, past the last level of the trie (see {@link PNode}). */
export type CollisionNode = PNode;

/**
 * An immutable map from {@link PKey} to `V`, as plain JSON data. Read it with the engine's
 * queries; its layout is an implementation detail.
 */
export interface PMap<V> {
  /** The number of entries. */
  readonly size: number;
  /** The trie, or `null` when empty. */
  readonly root: PNode | null;
  /** Phantom marker of the value type; never present at run time. */
  readonly __values?: V;
}

type Cells = unknown[];

/** The empty map. */
export const EMPTY_PMAP: PMap<never> = Object.freeze({ size: 0, root: null });

/** Typed view of {@link EMPTY_PMAP}. */
export const emptyPMap = <V>(): PMap<V> => EMPTY_PMAP as PMap<V>;

class Root<V> {
  constructor(
    public size: number,
    public root: PNode | null,
  ) {}
  declare readonly __values?: V;
}

/**
 * The map with a new root and size: the same object, edited, when `scope` made it (a map changed
 * several times in one command then allocates one wrapper, not one per change).
 */
function rooted<V>(scope: EditScope, map: PMap<V>, root: PNode, size: number): PMap<V> {
  if (scope.owns(map)) {
    const own = map as unknown as Root<V>;
    own.root = root;
    own.size = size;
    return map;
  }
  return scope.own(new Root<V>(size, root));
}

const copyOf = (cells: PNode): Cells => Array.from(cells);

/** FNV-1a over UTF-16 code units; integers hash to themselves so dense integer keys fill nodes densely. */
export function hashKey(key: PKey): number {
  if (typeof key === 'number') return key >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Two V8 facts shape the allocation code below (both measured on Node 20):
// - slice() on a frozen array takes a slow generic path, about fifty times slower than Array.from(),
//   and every node of an earlier world is frozen; so copies use Array.from().
// - Object and array *literals* carry allocation sites, and V8 pretenures a site whose objects
//   survive (they all do while a world is being built): from then on every node it allocates goes
//   straight to the old generation, and each short-lived path copy costs a full mark-compact later.
//   Constructor calls and builtins (Array.of, Array.from) carry no site, so nodes are made by
//   Array.of and Array.from, and map wrappers by the tiny class above (JSON writes the same text,
//   and plain objects restored from JSON are used alike).

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The shift of the last branch level; a node below it is a collision node. */
const LAST_SHIFT = 30;

/** The value under `key`, or `undefined`. */
export function pget<V>(map: PMap<V>, key: PKey): V | undefined {
  let current = map.root;
  if (current === null) return undefined;
  const hash = hashKey(key);
  for (let shift = 0; shift <= LAST_SHIFT; shift += 5) {
    const m = current[0] as number;
    const bit = 1 << ((hash >>> shift) & 31);
    if ((m & bit) === 0) return undefined;
    const at = popcount(m & (bit - 1)) * 2 + 1;
    const k = current[at];
    if (k === null) {
      current = current[at + 1] as PNode;
      continue;
    }
    return k === key ? (current[at + 1] as V) : undefined;
  }
  for (let i = 1; i < current.length; i += 2) if (current[i] === key) return current[i + 1] as V;
  return undefined;
}

/** The map with `key` set to `value`, made in `scope` (the same map when it already held exactly that value). */
export function pset<V>(scope: EditScope, map: PMap<V>, key: PKey, value: V): PMap<V> {
  scope.grew = false;
  const hash = hashKey(key);
  const root = map.root === null ? scope.own(Array.of<unknown>(1 << (hash & 31), key, value)) : setIn(scope, map.root, hash, key, value, 0);
  if (map.root === null) scope.grew = true;
  // A node edited in place is the same object: only the size tells that an entry was added.
  if (root === map.root && !scope.grew) return map;
  return rooted(scope, map, root, map.size + (scope.grew ? 1 : 0));
}

/** The node itself when `scope` made it (and may still edit it), else `null`. */
function editable(scope: EditScope, current: PNode): Cells | null {
  return scope.owns(current) ? (current as Cells) : null;
}

function setIn(scope: EditScope, current: PNode, hash: number, key: PKey, value: unknown, shift: number): PNode {
  if (shift > LAST_SHIFT) {
    for (let i = 1; i < current.length; i += 2) {
      if (current[i] !== key) continue;
      if (current[i + 1] === value) return current;
      return withCell(scope, current, i + 1, value);
    }
    scope.grew = true;
    const own = editable(scope, current);
    if (own !== null) {
      own.push(key, value);
      return own;
    }
    const grown = copyOf(current);
    grown.push(key, value);
    return scope.own(grown);
  }
  const m = current[0] as number;
  const bit = 1 << ((hash >>> shift) & 31);
  const at = popcount(m & (bit - 1)) * 2 + 1;
  if ((m & bit) === 0) {
    scope.grew = true;
    const own = editable(scope, current);
    if (own !== null) {
      insertAt(own, at, key, value);
      own[0] = m | bit;
      return own;
    }
    const copy = copyOf(current);
    copy[0] = m | bit;
    return scope.own(insertAt(copy, at, key, value));
  }
  const k = current[at];
  if (k === null) {
    const child = current[at + 1] as PNode;
    const changed = setIn(scope, child, hash, key, value, shift + 5);
    return changed === child ? current : withCell(scope, current, at + 1, changed);
  }
  if (k === key) return current[at + 1] === value ? current : withCell(scope, current, at + 1, value);
  scope.grew = true;
  const split = pair(scope, shift + 5, hashKey(k as PKey), k as PKey, current[at + 1], hash, key, value);
  const own = editable(scope, current);
  if (own !== null) {
    own[at] = null;
    own[at + 1] = split;
    return own;
  }
  const copy = copyOf(current);
  copy[at] = null;
  copy[at + 1] = split;
  return scope.own(copy);
}

/**
 * `cells` with `key, value` inserted at `at`. Not `splice`: growing an array by splice takes a slow
 * path, about twice the cost of two pushes and a shift loop over an average node.
 */
function insertAt(cells: Cells, at: number, key: unknown, value: unknown): Cells {
  const end = cells.length;
  cells.push(key, value);
  if (at === end) return cells;
  for (let i = end + 1; i >= at + 2; i--) cells[i] = cells[i - 2];
  cells[at] = key;
  cells[at + 1] = value;
  return cells;
}

function withCell(scope: EditScope, current: PNode, at: number, value: unknown): PNode {
  const own = editable(scope, current);
  if (own !== null) {
    own[at] = value;
    return own;
  }
  const copy = copyOf(current);
  copy[at] = value;
  return scope.own(copy);
}

function pair(scope: EditScope, shift: number, h1: number, k1: PKey, v1: unknown, h2: number, k2: PKey, v2: unknown): PNode {
  if (shift > LAST_SHIFT) return scope.own(Array.of<unknown>(h1, k1, v1, k2, v2));
  const b1 = (h1 >>> shift) & 31;
  const b2 = (h2 >>> shift) & 31;
  if (b1 === b2) return scope.own(Array.of<unknown>(1 << b1, null, pair(scope, shift + 5, h1, k1, v1, h2, k2, v2)));
  const bits = (1 << b1) | (1 << b2);
  return scope.own(b1 < b2 ? Array.of<unknown>(bits, k1, v1, k2, v2) : Array.of<unknown>(bits, k2, v2, k1, v1));
}

/** The map without `key`, made in `scope` (the same map when it had no such key). */
export function pdelete<V>(scope: EditScope, map: PMap<V>, key: PKey): PMap<V> {
  if (map.root === null) return map;
  scope.shrank = false;
  const root = deleteIn(scope, map.root, hashKey(key), key, 0);
  if (!scope.shrank) return map;
  return root === null ? emptyPMap<V>() : rooted(scope, map, root, map.size - 1);
}

/** Whether a node holds exactly one entry and no child, so its parent can hold the entry itself. */
const isSingleLeaf = (current: PNode): boolean => current.length === 3 && current[1] !== null;

function deleteIn(scope: EditScope, current: PNode, hash: number, key: PKey, shift: number): PNode | null {
  if (shift > LAST_SHIFT) {
    for (let i = 1; i < current.length; i += 2) {
      if (current[i] !== key) continue;
      scope.shrank = true;
      if (current.length === 3) return null;
      const own = editable(scope, current);
      if (own !== null) {
        own.splice(i, 2);
        return own;
      }
      const copy = copyOf(current);
      copy.splice(i, 2);
      return scope.own(copy);
    }
    return current;
  }
  const m = current[0] as number;
  const bit = 1 << ((hash >>> shift) & 31);
  if ((m & bit) === 0) return current;
  const at = popcount(m & (bit - 1)) * 2 + 1;
  const k = current[at];
  if (k === null) {
    const child = current[at + 1] as PNode;
    const changed = deleteIn(scope, child, hash, key, shift + 5);
    // A child edited in place is the same object: only `shrank` tells that an entry went.
    if (!scope.shrank) return current;
    if (changed === null) return without(scope, current, m, bit, at);
    // Keep the trie canonical: a child left with one entry is folded into this node.
    if (isSingleLeaf(changed)) {
      const own = editable(scope, current);
      const copy = own ?? scope.own(copyOf(current));
      copy[at] = changed[1];
      copy[at + 1] = changed[2];
      return copy;
    }
    return changed === child ? current : withCell(scope, current, at + 1, changed);
  }
  if (k !== key) return current;
  scope.shrank = true;
  return without(scope, current, m, bit, at);
}

function without(scope: EditScope, current: PNode, m: number, bit: number, at: number): PNode | null {
  if (m === bit) return null;
  const own = editable(scope, current);
  const copy = own ?? scope.own(copyOf(current));
  copy.splice(at, 2);
  copy[0] = m & ~bit;
  return copy;
}

/** Calls `visit` on every entry, in trie order (deterministic for a given history of changes). */
export function peach<V>(map: PMap<V>, visit: (value: V, key: PKey) => void): void {
  if (map.root !== null) eachIn(map.root, visit as (value: unknown, key: PKey) => void);
}

function eachIn(current: PNode, visit: (value: unknown, key: PKey) => void): void {
  for (let i = 1; i < current.length; i += 2) {
    const k = current[i];
    if (k === null) eachIn(current[i + 1] as PNode, visit);
    else visit(current[i + 1], k as PKey);
  }
}

/** Every key, in trie order. */
export function pkeys(map: PMap<unknown>): PKey[] {
  const out: PKey[] = [];
  peach(map, (_, key) => out.push(key));
  return out;
}
