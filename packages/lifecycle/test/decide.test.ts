import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ERROR_TEXTS, SYSTEM_ROLES, TRANSITIONS, decide, renderRefusal, ruleFor, transition } from '../src/index.js';
import { CONTEXT, EVERY_COMBINATION, byArb, contextArb, fromArb, triggerArb } from './fixtures.js';

const rolesOf = (by: (typeof EVERY_COMBINATION)[number]['by']) => (by === 'system' ? SYSTEM_ROLES : by.roles);
const regionOf = (by: (typeof EVERY_COMBINATION)[number]['by']) => (by === 'system' ? null : by.region);

describe('decide: the one place a state change is decided', () => {
  test('every combination: decide allows exactly what transition allows, and refuses with its code', () => {
    for (const { from, trigger, by } of EVERY_COMBINATION) {
      const decision = decide(from, trigger, rolesOf(by), regionOf(by), CONTEXT.accepterRegion);
      const result = transition(from, trigger, by, CONTEXT);
      if (decision.ok) expect(result).toEqual({ ok: true, to: decision.to, message: expect.any(String), rule: decision.rule });
      else {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toEqual(renderRefusal(decision, from, trigger, by, CONTEXT));
        expect(decision.code).toBe(ERROR_TEXTS[decision.kind].code);
      }
    }
  });

  test.prop([fromArb, triggerArb, byArb, contextArb])('an allowed decision is its row: the row exists and one of the roles is in it', (from, trigger, by, context) => {
    const decision = decide(from, trigger, rolesOf(by), regionOf(by), context.accepterRegion);
    const rule = ruleFor(from, trigger);
    if (!decision.ok) {
      // A refusal for the caller's role is only given where the row exists and the Region is right.
      if (decision.kind === 'wrongParty') expect(rule).toBeDefined();
      if (decision.kind === 'notFound') expect(from).toBeNull();
      return;
    }
    expect(decision.rule).toBe(rule);
    expect(decision.to).toBe(rule!.to);
    expect(rolesOf(by).some((role) => rule!.by.includes(role))).toBe(true);
  });

  test('every row is allowed to each of its actors, from the accepter Region', () => {
    for (const rule of TRANSITIONS) {
      for (const role of rule.by) {
        const region = role === 'system' ? null : CONTEXT.accepterRegion;
        expect(decide(rule.from, rule.trigger, [role], region, CONTEXT.accepterRegion)).toEqual({ ok: true, to: rule.to, rule });
      }
    }
  });

  test("the accepter deleting its VPC under another account's pending request is refused for its role (spec §1.2)", () => {
    expect(decide('pending-acceptance', 'vpc-deleted', ['accepter'], 'eu-west-1', 'eu-west-1')).toMatchObject({ ok: false, kind: 'wrongParty' });
    expect(decide('pending-acceptance', 'vpc-deleted', ['requester', 'accepter'], 'eu-west-1', 'eu-west-1')).toMatchObject({ ok: true, to: 'deleted' });
  });
});
