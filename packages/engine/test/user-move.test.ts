import { PEERING_STATES, transition, type Party, type PeeringState, type UserTrigger } from '@pcxsim/lifecycle';
import { describe, expect, test } from 'vitest';
import { userMove } from '../src/clock.js';

// userMove is the lifecycle's `transition` without the status message: for every state, trigger,
// set of roles and Region it must allow exactly what `transition` allows, lead to the same state, and
// refuse with the same error.
describe('userMove', () => {
  const froms: (PeeringState | null)[] = [null, ...PEERING_STATES];
  const triggers: UserTrigger[] = ['create', 'accept', 'reject', 'delete'];
  const roleSets: Party[][] = [[], ['requester'], ['accepter'], ['requester', 'accepter']];
  const context = { id: 'pcx-1a2b3c4d', accepterAccountId: '222222222222', accepterRegion: 'us-east-1' };
  test('agrees with transition everywhere', () => {
    for (const from of froms)
      for (const trigger of triggers)
        for (const roles of roleSets)
          for (const region of ['us-east-1', 'eu-west-1']) {
            const by = { roles, accountId: '111111111111', region };
            const expected = transition(from, trigger, by, context);
            const got = userMove(from, trigger, by, context);
            if (expected.ok) expect(typeof got === 'string' ? got : got.ok && got.to).toBe(expected.to);
            else expect(got).toEqual(expected);
          }
  });
});
