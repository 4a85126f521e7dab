import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  ALL_TRIGGERS,
  PEERING_STATES,
  TRANSITIONS,
  TRIGGERS,
  isTerminal,
  isTransient,
  ruleFor,
  transition,
  type PeeringState,
  type TransitionRule,
} from '../src/index.js';
import { CONTEXT, EVERY_COMBINATION, byArb, contextArb, triggerArb } from './fixtures.js';

function reachableFromCreation(): Set<PeeringState> {
  const seen = new Set<PeeringState>();
  const queue: (PeeringState | null)[] = [null];
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    for (const rule of TRANSITIONS.filter((r) => r.from === from)) {
      if (!seen.has(rule.to)) {
        seen.add(rule.to);
        queue.push(rule.to);
      }
    }
  }
  return seen;
}

describe('the transition table', () => {
  test('every state is reachable from creation', () => {
    expect([...reachableFromCreation()].sort()).toEqual([...PEERING_STATES].sort());
  });

  test('no trigger leaves a terminal state', () => {
    expect(TRANSITIONS.filter((rule) => rule.from !== null && isTerminal(rule.from))).toEqual([]);
  });

  test('each (state, trigger) pair has at most one row', () => {
    const keys = TRANSITIONS.map((rule) => `${String(rule.from)} ${rule.trigger}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('each trigger leads to one state, the one InvalidStateTransition names', () => {
    for (const trigger of ALL_TRIGGERS) {
      const targets = new Set(TRANSITIONS.filter((rule) => rule.trigger === trigger).map((rule) => rule.to));
      expect([...targets], trigger).toEqual([TRIGGERS[trigger].enters]);
    }
  });

  test('system triggers are set off by AWS only, user triggers by owners only', () => {
    for (const rule of TRANSITIONS) {
      const expected = TRIGGERS[rule.trigger].kind === 'system' ? ['system'] : expect.not.arrayContaining(['system']);
      expect(rule.by, `${String(rule.from)} ${rule.trigger}`).toEqual(expected);
      expect(rule.by.length).toBeGreaterThan(0);
    }
  });

  test('AWS moves every transient state on, and no peering action sets it off but a Delete while provisioning', () => {
    for (const state of PEERING_STATES.filter(isTransient)) {
      const out = TRANSITIONS.filter((rule) => rule.from === state);
      expect(out.some((rule) => TRIGGERS[rule.trigger].kind === 'system'), state).toBe(true);
      // Besides AWS, the deletion of one of its VPCs ends a transient connection (spec §1.2), and a
      // provisioning connection may be deleted as an active one [?] (transitions.ts).
      const user = out.filter((rule) => TRIGGERS[rule.trigger].kind === 'user').map((rule) => [rule.trigger, rule.to, rule.by]);
      expect(user, state).toEqual(state === 'provisioning' ? [['delete', 'deleting', ['requester', 'accepter']]] : []);
    }
  });

  test('deleting a VPC takes its pending, provisioning or active connection straight to deleted (spec §1.2)', () => {
    const rows = TRANSITIONS.filter((rule) => rule.trigger === 'vpc-deleted');
    expect(rows.map((rule) => [rule.from, rule.to, rule.by])).toEqual([
      ['pending-acceptance', 'deleted', ['requester']],
      ['active', 'deleted', ['requester', 'accepter']],
      ['provisioning', 'deleted', ['requester', 'accepter']],
    ]);
  });

  test('only Create starts a connection, and Create starts nothing else', () => {
    expect(TRANSITIONS.filter((rule) => rule.from === null).map((rule) => rule.trigger)).toEqual(['create']);
    expect(TRANSITIONS.filter((rule) => rule.trigger === 'create').map((rule) => rule.from)).toEqual([null]);
  });

  test('ruleFor finds each row by its (from, trigger) and nothing else', () => {
    for (const rule of TRANSITIONS) expect(ruleFor(rule.from, rule.trigger)).toBe(rule);
    expect(ruleFor('active', 'accept')).toBeUndefined();
    expect(ruleFor(null, 'delete')).toBeUndefined();
  });
});

function callerFor(rule: TransitionRule) {
  // The first role the row allows, calling from the accepter VPC's Region.
  const [role] = rule.by;
  if (role === 'system' || role === undefined) return 'system' as const;
  return { roles: [role], accountId: role === 'requester' ? '111111111111' : '222222222222', region: CONTEXT.accepterRegion };
}

describe('every row of the table, through transition', () => {
  for (const rule of TRANSITIONS) {
    test(`${rule.from ?? '(none)'} --${rule.trigger}--> ${rule.to}, by ${rule.by.join(' or ')}`, () => {
      for (const role of rule.by) {
        const by = callerFor({ ...rule, by: [role] });
        const result = transition(rule.from, rule.trigger, by, CONTEXT);
        expect(result).toEqual({ ok: true, to: rule.to, message: expect.any(String), rule });
      }
    });
  }
});

describe('transition over every combination', () => {
  test('every (state, trigger, actor) combination yields exactly one of next state or error', () => {
    const codes = ['InvalidStateTransition', 'OperationNotPermitted', 'InvalidVpcPeeringConnectionID.NotFound'];
    const used = new Set<TransitionRule>();
    const malformed = EVERY_COMBINATION.filter(({ from, trigger, by }) => {
      const result = transition(from, trigger, by, CONTEXT);
      const keys = Object.keys(result).sort().join(',');
      if (result.ok) used.add(result.rule);
      return result.ok
        ? keys !== 'message,ok,rule,to' || !PEERING_STATES.includes(result.to) || result.message === ''
        : keys !== 'error,ok' || !codes.includes(result.error.code) || result.error.message === '';
    });
    expect(malformed).toEqual([]);
    // Every row of the table is reached by some combination.
    expect(used.size).toBe(TRANSITIONS.length);
  });

  test.prop([fc.constantFrom(...PEERING_STATES.filter(isTerminal)), triggerArb, byArb, contextArb])(
    'no trigger leaves a terminal state, whoever calls from wherever',
    (from, trigger, by, context) => {
      const result = transition(from, trigger, by, context);
      expect(result.ok).toBe(false);
    },
  );

  test.prop([fc.constantFrom(...PEERING_STATES, null), triggerArb, byArb, contextArb])(
    'an allowed trigger follows its row: the caller holds one of its roles, from the right Region',
    (from, trigger, by, context) => {
      const result = transition(from, trigger, by, context);
      if (!result.ok) return;
      expect(result.rule).toBe(ruleFor(from, trigger));
      expect(result.to).toBe(result.rule.to);
      if (by === 'system') expect(result.rule.by).toContain('system');
      else {
        expect(by.roles.some((role) => result.rule.by.includes(role))).toBe(true);
        if (TRIGGERS[trigger].regionRule !== null) expect(by.region).toBe(context.accepterRegion);
      }
    },
  );
});
