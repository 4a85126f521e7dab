import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  comparePrefixes,
  firstAddress,
  formatAddress,
  formatPrefix,
  lastAddress,
  prefixContains,
  prefixEquals,
  prefixOverlaps,
  prefixSize,
  subnets,
  supernet,
  type Prefix,
} from '../src/index.js';
import { anyPrefix, offsetAndCount, parsed, smallPrefix } from './arbitraries.js';

const small = fc.oneof(smallPrefix(4), smallPrefix(6));
const sameFamilyPair = fc.oneof(fc.tuple(smallPrefix(4), smallPrefix(4)), fc.tuple(smallPrefix(6), smallPrefix(6)));

/** The addresses of a small-universe prefix as offsets [first, end). */
function span(p: Prefix): [number, number] {
  const [first, count] = offsetAndCount(p);
  return [first, first + count];
}

describe('prefix relations agree with the brute-force model', () => {
  test.prop([sameFamilyPair])('contains ⇔ every address of the inner is in the outer', ([a, b]) => {
    const [a0, a1] = span(a);
    const [b0, b1] = span(b);
    expect(prefixContains(a, b)).toBe(a0 <= b0 && b1 <= a1);
  });

  test.prop([sameFamilyPair])('overlaps ⇔ they share an address, and is symmetric', ([a, b]) => {
    const [a0, a1] = span(a);
    const [b0, b1] = span(b);
    expect(prefixOverlaps(a, b)).toBe(a0 < b1 && b0 < a1);
    expect(prefixOverlaps(b, a)).toBe(prefixOverlaps(a, b));
  });

  test.prop([smallPrefix(4), smallPrefix(6)])('different families never overlap or contain', (v4, v6) => {
    expect(prefixOverlaps(v4, v6)).toBe(false);
    expect(prefixContains(v4, v6)).toBe(false);
    expect(prefixContains(v6, v4)).toBe(false);
  });

  test.prop([small])('size, first and last address match the span', (p) => {
    const [first, end] = span(p);
    expect(prefixSize(p)).toBe(BigInt(end - first));
    expect(prefixContains(p, firstAddress(p))).toBe(true);
    expect(prefixContains(p, lastAddress(p))).toBe(true);
    const lastWord = lastAddress(p).words.at(-1)! - firstAddress(p).words.at(-1)!;
    expect(lastWord).toBe(end - first - 1);
  });
});

describe('compare is a total order consistent with equals', () => {
  test.prop([anyPrefix, anyPrefix, anyPrefix])('antisymmetric, transitive, equals ⇔ 0', (a, b, c) => {
    expect(Math.sign(comparePrefixes(a, b)) + Math.sign(comparePrefixes(b, a))).toBe(0);
    expect(prefixEquals(a, b)).toBe(comparePrefixes(a, b) === 0);
    expect(prefixEquals(a, b)).toBe(formatPrefix(a) === formatPrefix(b));
    if (comparePrefixes(a, b) <= 0 && comparePrefixes(b, c) <= 0) expect(comparePrefixes(a, c)).toBeLessThanOrEqual(0);
  });

  it('puts IPv4 first, then shorter prefixes first at the same address', () => {
    const sorted = ['2001:db8::/32', '10.0.0.0/16', '10.0.0.0/8', '9.0.0.0/8'].map(parsed).sort(comparePrefixes).map(formatPrefix);
    expect(sorted).toEqual(['9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16', '2001:db8::/32']);
  });
});

describe('subnets and supernets', () => {
  test.prop([small, fc.nat(6)])('subnets tile the prefix in order, each contained, sizes adding up', (p, extra) => {
    const bits = p.family === 4 ? 32 : 128;
    const length = Math.min(bits, p.length + extra);
    const result = subnets(p, length);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parts = [...result.value];
    expect(parts).toHaveLength(2 ** (length - p.length));
    let next = span(p)[0];
    for (const part of parts) {
      expect(part.length).toBe(length);
      expect(prefixContains(p, part)).toBe(true);
      expect(span(part)[0]).toBe(next);
      next = span(part)[1];
    }
    expect(next).toBe(span(p)[1]);
  });

  test.prop([anyPrefix])('supernet contains the prefix and is one bit shorter', (p) => {
    const parent = supernet(p);
    if (p.length === 0) {
      expect(parent.ok).toBe(false);
      return;
    }
    expect(parent.ok && parent.value.length).toBe(p.length - 1);
    expect(parent.ok && prefixContains(parent.value, p)).toBe(true);
  });

  it('splits 10.0.0.0/16 into the four /18s and names the /8 supernet', () => {
    const parts = subnets(parsed('10.0.0.0/16'), 18);
    expect(parts.ok && [...parts.value].map(formatPrefix)).toEqual(['10.0.0.0/18', '10.0.64.0/18', '10.0.128.0/18', '10.0.192.0/18']);
    const parent = supernet(parsed('10.1.2.0/24'), 8);
    expect(parent.ok && formatPrefix(parent.value)).toBe('10.0.0.0/8');
  });

  it('splits the whole IPv6 space lazily and stops at its end', () => {
    const halves = subnets(parsed('::/0'), 1);
    expect(halves.ok && [...halves.value].map(formatPrefix)).toEqual(['::/1', '8000::/1']);
    const huge = subnets(parsed('::/0'), 128);
    expect(huge.ok && formatPrefix(huge.value[Symbol.iterator]().next().value as Prefix)).toBe('::/128');
    const tail = subnets(parsed('ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffc/126'), 128);
    expect(tail.ok && [...tail.value].map(formatPrefix).at(-1)).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128');
  });

  it('refuses impossible lengths', () => {
    expect(subnets(parsed('10.0.0.0/16'), 15).ok).toBe(false);
    expect(subnets(parsed('10.0.0.0/16'), 33).ok).toBe(false);
    expect(supernet(parsed('10.0.0.0/16'), 17).ok).toBe(false);
    expect(supernet(parsed('10.0.0.0/16'), -1).ok).toBe(false);
  });

  it('gives the broadcast address as the last address', () => {
    expect(formatAddress(lastAddress(parsed('10.0.0.0/16')))).toBe('10.0.255.255');
    expect(formatAddress(lastAddress(parsed('2001:db8::/32')))).toBe('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
  });
});
