import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  comparePrefixes,
  complement,
  containsPrefix,
  difference,
  emptyPrefixSet,
  formatPrefix,
  formatPrefixSet,
  intersection,
  isEmpty,
  overlaps,
  overlapsSet,
  parseAddress,
  parsePrefixSet,
  prefixContains,
  prefixOverlaps,
  prefixSet,
  rangeSet,
  rangeToPrefixes,
  setEquals,
  setSize,
  supernet,
  symmetricDifference,
  toPrefixes,
  toRanges,
  union,
  type Address,
  type PrefixSet,
} from '../src/index.js';
import { anyPrefix, modelOf, offsetAndCount, parsed, smallPrefix, smallPrefixes, universe4, universe6, UNIVERSE_SIZE, type Model } from './arbitraries.js';

const set = smallPrefixes.map(prefixSet);
const bigSet = fc.array(anyPrefix, { maxLength: 30 }).map(prefixSet);

/** The model of a set: its minimal prefixes painted into the bitmaps. */
const model = (s: PrefixSet): Model => modelOf(toPrefixes(s));
const combine = (a: Model, b: Model, f: (x: number, y: number) => number): Model => ({
  4: a[4].map((x, i) => f(x, b[4][i]!)),
  6: a[6].map((x, i) => f(x, b[6][i]!)),
});

describe('set operations agree with the brute-force model (a /20 and a /116)', () => {
  test.prop([smallPrefixes])('a set holds exactly the addresses of its prefixes', (prefixes) => {
    expect(model(prefixSet(prefixes))).toEqual(modelOf(prefixes));
  });
  test.prop([set, set])('union', (a, b) => {
    expect(model(union(a, b))).toEqual(combine(model(a), model(b), (x, y) => x | y));
  });
  test.prop([set, set])('intersection', (a, b) => {
    expect(model(intersection(a, b))).toEqual(combine(model(a), model(b), (x, y) => x & y));
  });
  test.prop([set, set])('difference', (a, b) => {
    expect(model(difference(a, b))).toEqual(combine(model(a), model(b), (x, y) => x & (1 - y)));
  });
  test.prop([set, set])('symmetric difference', (a, b) => {
    expect(model(symmetricDifference(a, b))).toEqual(combine(model(a), model(b), (x, y) => x ^ y));
  });
  test.prop([set])('complement within the universe', (a) => {
    const inside4 = complement(a, universe4);
    const m = model(a);
    expect(model(inside4)[4]).toEqual(m[4].map((x) => 1 - x));
    expect(model(inside4)[6].every((x) => x === 0)).toBe(true);
  });
  test.prop([set, fc.oneof(smallPrefix(4), smallPrefix(6))])('overlaps and containsPrefix', (a, p) => {
    const [first, count] = offsetAndCount(p);
    const bits = model(a)[p.family].subarray(first, first + count);
    expect(overlaps(a, p)).toBe(bits.some((x) => x === 1));
    expect(containsPrefix(a, p)).toBe(bits.every((x) => x === 1));
  });
  test.prop([set, set])('overlapsSet ⇔ some address in both', (a, b) => {
    const both = combine(model(a), model(b), (x, y) => x & y);
    expect(overlapsSet(a, b)).toBe(both[4].includes(1) || both[6].includes(1));
  });
  test.prop([set])('size counts the addresses', (a) => {
    const m = model(a);
    expect(setSize(a)).toBe(BigInt(m[4].reduce((s, x) => s + x, 0) + m[6].reduce((s, x) => s + x, 0)));
  });
});

describe('set algebra laws (any prefixes of both families)', () => {
  test.prop([bigSet, bigSet])('union and intersection are commutative', (a, b) => {
    expect(setEquals(union(a, b), union(b, a))).toBe(true);
    expect(setEquals(intersection(a, b), intersection(b, a))).toBe(true);
  });
  test.prop([bigSet, bigSet, bigSet])('union and intersection are associative', (a, b, c) => {
    expect(setEquals(union(union(a, b), c), union(a, union(b, c)))).toBe(true);
    expect(setEquals(intersection(intersection(a, b), c), intersection(a, intersection(b, c)))).toBe(true);
  });
  test.prop([bigSet, bigSet, bigSet])('each distributes over the other', (a, b, c) => {
    expect(setEquals(intersection(a, union(b, c)), union(intersection(a, b), intersection(a, c)))).toBe(true);
    expect(setEquals(union(a, intersection(b, c)), intersection(union(a, b), union(a, c)))).toBe(true);
  });
  test.prop([bigSet, bigSet, anyPrefix])('De Morgan inside a universe', (a, b, universe) => {
    const not = (s: PrefixSet) => complement(s, universe);
    expect(setEquals(not(union(a, b)), intersection(not(a), not(b)))).toBe(true);
    expect(setEquals(not(intersection(a, b)), union(not(a), not(b)))).toBe(true);
  });
  test.prop([bigSet, bigSet])('A ∖ B ∩ B = ∅ and (A ∖ B) ∪ (A ∩ B) = A', (a, b) => {
    expect(isEmpty(intersection(difference(a, b), b))).toBe(true);
    expect(setEquals(union(difference(a, b), intersection(a, b)), a)).toBe(true);
  });
  test.prop([bigSet, bigSet])('|A ∪ B| = |A| + |B| − |A ∩ B|', (a, b) => {
    expect(setSize(union(a, b))).toBe(setSize(a) + setSize(b) - setSize(intersection(a, b)));
  });
  test.prop([bigSet])('identities with the empty set', (a) => {
    expect(setEquals(union(a, emptyPrefixSet), a)).toBe(true);
    expect(isEmpty(intersection(a, emptyPrefixSet))).toBe(true);
    expect(isEmpty(difference(a, a))).toBe(true);
    expect(setEquals(symmetricDifference(a, emptyPrefixSet), a)).toBe(true);
  });
});

describe('toPrefixes is minimal, canonical, disjoint, sorted, and rebuilds the set', () => {
  test.prop([bigSet])('the minimal prefix list', (a) => {
    const prefixes = toPrefixes(a);
    expect(setEquals(prefixSet(prefixes), a)).toBe(true);
    for (let i = 1; i < prefixes.length; i++) {
      expect(comparePrefixes(prefixes[i - 1]!, prefixes[i]!)).toBeLessThan(0);
      expect(prefixOverlaps(prefixes[i - 1]!, prefixes[i]!)).toBe(false);
    }
    // Minimal: no two prefixes are the halves of one supernet (else one prefix would do).
    const texts = new Set(prefixes.map(formatPrefix));
    for (const p of prefixes) {
      const parent = supernet(p);
      if (!parent.ok) continue;
      const siblings = prefixes.filter((q) => q.length === p.length && prefixContains(parent.value, q));
      expect(siblings.length).toBeLessThan(2);
    }
    expect(formatPrefixSet(a)).toEqual([...texts]);
  });

  test.prop([smallPrefixes, smallPrefixes])('equal sets give equal lists, whatever prefixes built them', (xs, ys) => {
    const a = prefixSet(xs);
    const b = prefixSet(ys);
    expect(setEquals(a, b)).toBe(JSON.stringify(toPrefixes(a)) === JSON.stringify(toPrefixes(b)));
  });

  test.prop([bigSet])('toRanges gives maximal sorted ranges that rebuild the set', (a) => {
    const ranges = toRanges(a);
    const rebuilt = rangeSet(ranges);
    expect(rebuilt.ok && setEquals(rebuilt.value, a)).toBe(true);
    expect(ranges.length).toBe(toRanges(rebuilt.ok ? rebuilt.value : emptyPrefixSet).length);
  });

  test.prop([fc.oneof(smallPrefix(4), smallPrefix(6)), fc.nat(UNIVERSE_SIZE - 1), fc.nat(UNIVERSE_SIZE - 1)])(
    'rangeToPrefixes covers exactly [first, last]',
    (base, x, y) => {
      const universe = base.family === 4 ? universe4 : universe6;
      const at = (offset: number): Address => ({ family: base.family, words: universe.words.map((w, i, all) => (i === all.length - 1 ? w + offset : w)) });
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      const result = rangeToPrefixes(at(lo), at(hi));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const m = modelOf(result.value)[base.family];
      expect([...m].map((bit, i) => bit === 1 ? i : -1).filter((i) => i >= 0)).toEqual(Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
      if (lo < hi) expect(rangeToPrefixes(at(hi), at(lo)).ok).toBe(false);
    },
  );
});

describe('building sets from text', () => {
  it('merges adjacent and overlapping blocks, both families in one set', () => {
    const result = parsePrefixSet(['10.0.1.0/24', '10.0.0.0/24', '10.0.0.128/25', '2001:db8:8000::/33', '2001:db8::/33', '192.168.0.0/16']);
    expect(result.ok && formatPrefixSet(result.value)).toEqual(['10.0.0.0/23', '192.168.0.0/16', '2001:db8::/32']);
  });

  it('answers the peering question: do two VPCs overlap in any block (spec §2.2)', () => {
    const requester = parsePrefixSet(['10.0.0.0/16', '100.64.0.0/24', '2600:1f18:abcd:1200::/56']);
    const accepter = parsePrefixSet(['172.31.0.0/16', '100.64.0.128/25']);
    const other = parsePrefixSet(['172.31.0.0/16', '2600:1f18:abcd:1300::/56']);
    if (!requester.ok || !accepter.ok || !other.ok) throw new Error('parse');
    expect(overlapsSet(requester.value, accepter.value)).toBe(true); // a secondary block overlaps
    expect(overlapsSet(requester.value, other.value)).toBe(false);
    expect(overlaps(requester.value, parsed('2600:1f18:abcd:1234::/64'))).toBe(true);
  });

  it('stops at the first refused text and names its index', () => {
    expect(parsePrefixSet(['10.0.0.0/16', '10.0.0.1/16'])).toMatchObject({ ok: false, index: 1, error: { code: 'host-bits-set' } });
    const cleared = parsePrefixSet(['10.0.0.1/16'], { hostBits: 'clear' });
    expect(cleared.ok && formatPrefixSet(cleared.value)).toEqual(['10.0.0.0/16']);
  });

  it('refuses ranges that mix families or run backwards', () => {
    const v4 = (parseAddress('10.0.0.1') as { value: Address }).value;
    const v4b = (parseAddress('10.0.0.0') as { value: Address }).value;
    const v6 = (parseAddress('::1') as { value: Address }).value;
    expect(rangeSet([{ first: v4, last: v6 }])).toMatchObject({ ok: false, error: { code: 'family-mismatch' } });
    expect(rangeSet([{ first: v4, last: v4b }])).toMatchObject({ ok: false, error: { code: 'empty-range' } });
  });

  it('covers the whole address space without overflow', () => {
    const all = parsePrefixSet(['0.0.0.0/1', '128.0.0.0/1', '::/1', '8000::/1']);
    expect(all.ok && formatPrefixSet(all.value)).toEqual(['0.0.0.0/0', '::/0']);
    expect(all.ok && setSize(all.value)).toBe(2n ** 32n + 2n ** 128n);
    const gaps = all.ok ? difference(all.value, prefixSet([parsed('255.255.255.255/32'), parsed('::/128')])) : emptyPrefixSet;
    expect(formatPrefixSet(gaps)).toHaveLength(32 + 128);
  });

  it('serialises as its prefix list and is frozen', () => {
    const s = parsePrefixSet(['10.0.0.0/24', '10.0.1.0/24']);
    expect(s.ok && JSON.stringify(s.value)).toBe('["10.0.0.0/23"]');
    expect(s.ok && Object.isFrozen(s.value)).toBe(true);
  });

  it('sorts large inputs (radix path) exactly like small ones (insertion path)', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => `10.${(i * 7919) % 256}.${(i * 104729) % 256}.0/24`);
    const big = parsePrefixSet(texts);
    const pieces = [];
    for (let i = 0; i < texts.length; i += 40) {
      const part = parsePrefixSet(texts.slice(i, i + 40));
      if (part.ok) pieces.push(part.value);
    }
    expect(big.ok && setEquals(big.value, pieces.reduce(union, emptyPrefixSet))).toBe(true);
  });
});
