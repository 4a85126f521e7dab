import { describe, expect, test } from 'vitest';
import {
  PEERING_STATES,
  STATES,
  TRANSITIONS,
  carriesTraffic,
  countsAsActive,
  isLive,
  isOutstanding,
  isTerminal,
  isTransient,
  type TerminalState,
  type TransientState,
} from '../src/index.js';

// botocore's VpcPeeringConnectionStateReasonCode, in its own order (spec §1).
const SDK_STATE_REASON_CODES = [
  'initiating-request',
  'pending-acceptance',
  'active',
  'deleted',
  'rejected',
  'failed',
  'expired',
  'provisioning',
  'deleting',
];

describe('states', () => {
  test('the nine states are exactly the SDK VpcPeeringConnectionStateReasonCode values', () => {
    expect([...PEERING_STATES].sort()).toEqual([...SDK_STATE_REASON_CODES].sort());
    expect(Object.keys(STATES).sort()).toEqual([...SDK_STATE_REASON_CODES].sort());
  });

  test('terminal states are failed, expired, rejected and deleted', () => {
    const terminal = ['deleted', 'expired', 'failed', 'rejected'] as const satisfies readonly TerminalState[];
    // The TerminalState type names no other state (checked by tsc).
    const complete: Exclude<TerminalState, (typeof terminal)[number]> extends never ? true : false = true;
    expect(complete).toBe(true);
    expect(PEERING_STATES.filter(isTerminal).sort()).toEqual([...terminal]);
  });

  test('transient states are initiating-request, provisioning and deleting', () => {
    const transient = ['deleting', 'initiating-request', 'provisioning'] as const satisfies readonly TransientState[];
    // The TransientState type names no other state (checked by tsc).
    const complete: Exclude<TransientState, (typeof transient)[number]> extends never ? true : false = true;
    expect(complete).toBe(true);
    expect(PEERING_STATES.filter(isTransient).sort()).toEqual([...transient]);
  });

  test('every state has a summary for learners and a spec section', () => {
    for (const state of PEERING_STATES) {
      expect(STATES[state].summary.length, state).toBeGreaterThan(20);
      expect(STATES[state].spec, state).toMatch(/^§\d/);
    }
  });

  test('outstanding: initiating-request and pending-acceptance, the states an answer or the expiry can still end (spec §2.3)', () => {
    expect(PEERING_STATES.filter(isOutstanding)).toEqual(['initiating-request', 'pending-acceptance']);
    // The request is still waiting: the table lets it expire or be answered from here, or it is being checked.
    for (const state of PEERING_STATES.filter(isOutstanding)) {
      const triggers = TRANSITIONS.filter((rule) => rule.from === state).map((rule) => rule.trigger);
      expect(triggers.some((t) => ['expiry', 'request-checked'].includes(t)), state).toBe(true);
    }
  });

  test('countsAsActive: provisioning and active, the states Accept leads to and through (spec §2.3)', () => {
    expect(PEERING_STATES.filter(countsAsActive)).toEqual(['provisioning', 'active']);
  });

  test('live ("pending or active", spec §2.2): exactly the outstanding states and those that count as active', () => {
    expect(PEERING_STATES.filter(isLive)).toEqual(PEERING_STATES.filter((s) => isOutstanding(s) || countsAsActive(s)));
    expect(PEERING_STATES.filter((s) => isLive(s) && (isTerminal(s) || s === 'deleting'))).toEqual([]);
  });

  test('carriesTraffic: active only (spec §1.1, §5.2)', () => {
    expect(PEERING_STATES.filter(carriesTraffic)).toEqual(['active']);
  });
});
