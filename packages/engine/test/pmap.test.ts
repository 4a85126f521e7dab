import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { EditScope } from '../src/edit-scope.js';
import { emptyPMap, pdelete, peach, pget, pset, type PKey, type PMap } from '../src/pmap.js';

const keyArb = fc.oneof(fc.string({ maxLength: 6 }), fc.nat({ max: 5000 }), fc.constantFrom('pcx-0a', 'vpc-0b', ''));
// The fourth member commits: between commits, nodes are edited in place (one command's changes).
const opArb = fc.tuple(fc.boolean(), keyArb, fc.nat(), fc.boolean());

type Op = readonly [isSet: boolean, key: PKey, value: number, commit: boolean];

// One edit scope, committed where a test ends a command: each commit ends one transaction, and the
// scope then owns nothing (what it made is frozen).
const scope = new EditScope();

/** Runs `ops` on an empty map and on a Map model alike, committing where an op says; `check` runs after each op. */
function run(ops: readonly Op[], check: (map: PMap<number>, model: Map<PKey, number>) => void = () => {}) {
  let map = emptyPMap<number>();
  const model = new Map<PKey, number>();
  for (const [isSet, key, value, commit] of ops) {
    map = isSet ? pset(scope, map, key, value) : pdelete(scope, map, key);
    if (isSet) model.set(key, value);
    else model.delete(key);
    if (commit) scope.commit();
    check(map, model);
  }
  scope.commit();
  return { map, model };
}

function entries(map: PMap<number>): Map<PKey, number> {
  const out = new Map<PKey, number>();
  peach(map, (value, key) => out.set(key, value));
  return out;
}

describe('persistent hash map', () => {
  test.prop([fc.array(opArb, { maxLength: 300 })])('behaves as a Map under any sequence of sets and deletes', (ops) => {
    const { map, model } = run(ops, (map, model) => expect(map.size).toBe(model.size));
    expect(map.size).toBe(model.size);
    expect(entries(map)).toEqual(model);
    for (const [key, value] of model) expect(pget(map, key)).toBe(value);
  });

  test.prop([fc.array(opArb, { maxLength: 100 }), fc.array(opArb, { maxLength: 100 })])(
    'an older version never changes when newer ones are made, even within one command',
    (first, second) => {
      let map = emptyPMap<number>();
      for (const [isSet, key, value, commit] of first) {
        map = isSet ? pset(scope, map, key, value) : pdelete(scope, map, key);
        if (commit) scope.commit();
      }
      scope.commit();
      const snapshot = JSON.stringify(map);
      let next = map;
      for (const [isSet, key, value] of second) next = isSet ? pset(scope, next, key, value) : pdelete(scope, next, key);
      scope.commit();
      expect(JSON.stringify(map)).toBe(snapshot);
    },
  );

  test.prop([fc.array(opArb, { maxLength: 200 })])('is plain data: JSON restores a map that reads the same', (ops) => {
    let map = emptyPMap<number>();
    for (const [isSet, key, value] of ops) map = isSet ? pset(scope, map, key, value) : pdelete(scope, map, key);
    scope.commit();
    const restored = JSON.parse(JSON.stringify(map)) as PMap<number>;
    expect(restored).toEqual(map);
    expect(entries(restored)).toEqual(entries(map));
  });

  // Small integer keys share slots (an integer is its own hash), so deep nodes are made and emptied
  // again, mostly within one command.
  const denseOpArb = fc.tuple(fc.boolean(), fc.oneof(fc.nat({ max: 300 }), keyArb), fc.nat(), fc.integer({ min: 0, max: 9 }).map((n) => n === 0));
  test.prop([fc.array(denseOpArb, { maxLength: 300, size: 'max' })])(
    'has one layout per content, however the changes were grouped into commands (edits in place included)',
    (ops) => {
      const { map, model } = run(ops);
      // The same entries, each set once, in the same order of first insertion as the model keeps.
      let fresh = emptyPMap<number>();
      for (const [key, value] of model) fresh = pset(scope, fresh, key, value);
      scope.commit();
      expect(JSON.stringify(map)).toBe(JSON.stringify(fresh));
    },
  );

  test('setting the value a key already has returns the same map', () => {
    const map = pset(scope, emptyPMap<number>(), 'k', 1);
    scope.commit();
    expect(pset(scope, map, 'k', 1)).toBe(map);
    expect(pdelete(scope, map, 'absent')).toBe(map);
  });

  test('keys whose 32-bit hashes collide are kept apart', () => {
    // An integer hashes to itself modulo 2^32, so these share one hash.
    const keys = [7, 7 + 2 ** 32, 7 + 2 ** 33, 7 + 3 * 2 ** 32];
    let map = emptyPMap<number>();
    keys.forEach((key, i) => (map = pset(scope, map, key, i)));
    scope.commit();
    keys.forEach((key, i) => expect(pget(map, key)).toBe(i));
    map = pdelete(scope, pdelete(scope, map, keys[1]!), keys[2]!);
    scope.commit();
    expect(map.size).toBe(2);
    expect(pget(map, keys[3]!)).toBe(3);
    expect(pget(map, keys[1]!)).toBeUndefined();
  });

  test('committed nodes are frozen', () => {
    let map = emptyPMap<number>();
    for (let i = 0; i < 100; i++) map = pset(scope, map, `key-${i}`, i);
    scope.commit();
    expect(Object.isFrozen(map)).toBe(true);
    expect(Object.isFrozen(map.root)).toBe(true);
  });
});
