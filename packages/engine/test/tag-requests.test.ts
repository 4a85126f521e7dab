import { describe, expect, test } from 'vitest';
import { A, Sim } from './helpers.js';

describe('CreateTags and DeleteTags requests (spec §7.1)', () => {
  test('CreateTags and DeleteTags take at most 1000 resource IDs: more is ResourceCountExceeded', () => {
    const sim = new Sim();
    const vpc = sim.vpc(A, '10.0.0.0/16');
    const tags = [{ Key: 'k', Value: 'v' }];
    // 1000 IDs, repeats included, are accepted; the 1001st is refused before any is looked up.
    sim.ok(A, { type: 'CreateTags', Resources: Array.from({ length: 1000 }, () => vpc), Tags: tags });
    sim.ok(A, { type: 'DeleteTags', Resources: Array.from({ length: 1000 }, () => vpc), Tags: tags });
    const tooMany = [...Array.from({ length: 1000 }, () => vpc), 'vpc-0123456789abcdef0'];
    const expected = {
      code: 'ResourceCountExceeded',
      message: 'You have exceeded the number of resources allowed in a single call of this type',
      httpStatus: 400,
    };
    expect(sim.fail(A, { type: 'CreateTags', Resources: tooMany, Tags: tags })).toEqual(expected);
    expect(sim.fail(A, { type: 'DeleteTags', Resources: tooMany, Tags: tags })).toEqual(expected);
  });
});
