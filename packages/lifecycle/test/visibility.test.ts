import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { DAY_MS, HOUR_MS, PEERING_STATES, isTerminal, isVisible, visibilityWindow, type Party } from '../src/index.js';

const OWNERS: readonly (readonly Party[])[] = [['requester'], ['accepter'], ['requester', 'accepter']];
const partyArb = fc.constantFrom<Party>('requester', 'accepter');
const stateArb = fc.constantFrom(...PEERING_STATES);

describe('visibility windows (spec §1.1, §4.5)', () => {
  test('failed is visible to the requester only, for 2 hours', () => {
    expect(visibilityWindow('failed', ['requester'])).toBe(2 * HOUR_MS);
    expect(visibilityWindow('failed', ['accepter'])).toBe('never');
    expect(visibilityWindow('failed', ['requester', 'accepter'])).toBe(2 * HOUR_MS);
  });

  test('expired is visible to both owners for 2 days', () => {
    for (const roles of OWNERS) expect(visibilityWindow('expired', roles)).toBe(2 * DAY_MS);
  });

  test('rejected: requester 2 days, accepter 2 hours, one account owning both 2 hours', () => {
    expect(visibilityWindow('rejected', ['requester'])).toBe(2 * DAY_MS);
    expect(visibilityWindow('rejected', ['accepter'])).toBe(2 * HOUR_MS);
    expect(visibilityWindow('rejected', ['requester', 'accepter'])).toBe(2 * HOUR_MS);
  });

  test('deleted: 2 hours for the owner that deleted, 2 days for the other, 2 hours for one account owning both', () => {
    expect(visibilityWindow('deleted', ['requester'], 'requester')).toBe(2 * HOUR_MS);
    expect(visibilityWindow('deleted', ['accepter'], 'requester')).toBe(2 * DAY_MS);
    expect(visibilityWindow('deleted', ['accepter'], 'accepter')).toBe(2 * HOUR_MS);
    expect(visibilityWindow('deleted', ['requester'], 'accepter')).toBe(2 * DAY_MS);
    expect(visibilityWindow('deleted', ['requester', 'accepter'], 'accepter')).toBe(2 * HOUR_MS);
  });

  test('initiating-request is not yet visible to the accepter', () => {
    expect(visibilityWindow('initiating-request', ['requester'])).toBe('while-in-state');
    expect(visibilityWindow('initiating-request', ['accepter'])).toBe('never');
  });

  test('from pending-acceptance to deleting, both owners see the connection while it is in the state', () => {
    for (const state of ['pending-acceptance', 'provisioning', 'active', 'deleting'] as const) {
      for (const roles of OWNERS) expect(visibilityWindow(state, roles), `${state} ${roles.join('+')}`).toBe('while-in-state');
    }
  });

  test.prop([stateArb, fc.option(partyArb)])('an account that owns neither VPC never sees the connection', (state, deletedBy) => {
    expect(visibilityWindow(state, [], deletedBy)).toBe('never');
  });

  test.prop([stateArb.filter(isTerminal), fc.constantFrom(...OWNERS), fc.option(partyArb)])(
    'a terminal state disappears from every view after at most 2 days',
    (state, roles, deletedBy) => {
      const window = visibilityWindow(state, roles, deletedBy);
      expect(window === 'never' || (typeof window === 'number' && window > 0 && window <= 2 * DAY_MS)).toBe(true);
      expect(isVisible(window, 2 * DAY_MS)).toBe(false);
    },
  );

  test.prop([fc.integer({ min: 1, max: 10 * DAY_MS }), fc.nat({ max: 20 * DAY_MS })])(
    'a window shows the connection up to, not including, its end',
    (window, msInState) => {
      expect(isVisible(window, msInState)).toBe(msInState < window);
      expect(isVisible('while-in-state', msInState)).toBe(true);
      expect(isVisible('never', msInState)).toBe(false);
    },
  );
});
