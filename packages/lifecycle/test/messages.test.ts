import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { PEERING_STATES, STATUS_MESSAGES, renderStatusMessage, transition } from '../src/index.js';
import { accountIdArb, byArb, contextArb, fromArb, triggerArb } from './fixtures.js';

describe('status messages (spec §1.1)', () => {
  test('every state has a status message', () => {
    for (const state of PEERING_STATES) {
      expect(renderStatusMessage(state, { accepterAccountId: '222222222222' }).length, state).toBeGreaterThan(0);
    }
  });

  test('the documented and observed texts are exact', () => {
    const context = { accepterAccountId: '222222222222' };
    expect(renderStatusMessage('initiating-request', context)).toBe('Initiating Request to 222222222222');
    expect(renderStatusMessage('pending-acceptance', context)).toBe('Pending Acceptance by 222222222222');
    expect(renderStatusMessage('provisioning', context)).toBe('Provisioning');
    expect(renderStatusMessage('active', context)).toBe('Active');
    expect(renderStatusMessage('failed', context)).toBe('Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range');
  });

  test('where the spec has no text, the message is the capitalised state name', () => {
    const unknown = PEERING_STATES.filter((state) => STATUS_MESSAGES[state].confidence === '?');
    expect(unknown.sort()).toEqual(['deleted', 'deleting', 'expired', 'rejected']);
    for (const state of unknown) {
      expect(renderStatusMessage(state, { accepterAccountId: '222222222222' })).toBe(state[0]?.toUpperCase() + state.slice(1));
    }
  });

  test.prop([accountIdArb])('the request messages name the accepter account', (accepterAccountId) => {
    expect(renderStatusMessage('initiating-request', { accepterAccountId })).toBe(`Initiating Request to ${accepterAccountId}`);
    expect(renderStatusMessage('pending-acceptance', { accepterAccountId })).toBe(`Pending Acceptance by ${accepterAccountId}`);
  });

  test.prop([fromArb, triggerArb, byArb, contextArb])(
    'no placeholder is left unfilled in any message or error',
    (from, trigger, by, context) => {
      const result = transition(from, trigger, by, context);
      const text = result.ok ? result.message : result.error.message;
      expect(text).not.toMatch(/[{}]/);
    },
  );
});
