import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isAccountId, isPcxId, isVpcId, nextId, type IdState } from '../src/ids.js';

function take(state: IdState, n: number, prefix: 'pcx-' | 'vpc-'): string[] {
  const out: string[] = [];
  let ids = state;
  for (let i = 0; i < n; i++) {
    const [id, next] = nextId(ids, prefix);
    out.push(id);
    ids = next;
  }
  return out;
}

describe('resource IDs (spec §8.1)', () => {
  test.prop([fc.nat(), fc.integer({ min: 0, max: 2 ** 40 })])('IDs are the prefix, 0 and 16 lowercase hex digits', (seed, next) => {
    const [pcx] = nextId({ seed, next }, 'pcx-');
    const [vpc] = nextId({ seed, next }, 'vpc-');
    expect(pcx).toMatch(/^pcx-0[0-9a-f]{16}$/);
    expect(vpc).toMatch(/^vpc-0[0-9a-f]{16}$/);
    expect(isPcxId(pcx)).toBe(true);
    expect(isVpcId(vpc)).toBe(true);
  });

  test.prop([fc.nat()])('IDs never repeat within a world and the same seed gives the same IDs', (seed) => {
    const ids = take({ seed, next: 0 }, 2000, 'pcx-');
    expect(new Set(ids).size).toBe(ids.length);
    expect(take({ seed, next: 0 }, 50, 'pcx-')).toEqual(ids.slice(0, 50));
  });

  test('short and long IDs are well formed; anything else is malformed', () => {
    expect(isPcxId('pcx-1a2b3c4d')).toBe(true);
    expect(isPcxId('pcx-094a1149b32ef0c05')).toBe(true);
    for (const bad of ['pcx-', 'pcx-1A2B3C4D', 'pcx-123456789', 'vpc-1a2b3c4d', 'pcx-094a1149b32ef0c05 ', 'PCX-1a2b3c4d']) {
      expect(isPcxId(bad)).toBe(false);
    }
  });

  // The checks are written by hand for speed; they must accept exactly what these expressions accept.
  const idLike = fc.oneof(
    fc.string(),
    fc.tuple(fc.constantFrom('pcx-', 'vpc-', 'PCX-', 'pcx', 'vpc-pcx-', ''), fc.stringMatching(/^[0-9a-gA-F\n ]{0,19}$/)).map(([p, d]) => p + d),
    fc.stringMatching(/^[0-9a\n]{10,14}$/),
    fc.tuple(fc.constantFrom('pcx-', 'vpc-'), fc.stringMatching(/^(?:[0-9a-f]{8}|[0-9a-f]{17})$/)).map(([p, d]) => p + d),
  );
  test.prop([idLike])('the ID checks accept exactly the spec §8.1 forms', (id) => {
    expect(isPcxId(id)).toBe(/^pcx-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(id));
    expect(isVpcId(id)).toBe(/^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(id));
    expect(isAccountId(id)).toBe(/^\d{12}$/.test(id));
  });
});
