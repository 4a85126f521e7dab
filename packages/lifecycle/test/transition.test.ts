import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { PEERING_STATES, TRANSITIONS, transition, type Caller } from '../src/index.js';
import { ACCEPTER, BOTH, CONTEXT, REQUESTER, STRANGER, byArb, callerArb, contextArb, fromArb, triggerArb } from './fixtures.js';

const ID = CONTEXT.id;
const FAILED_MESSAGE = 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range';

describe('allowed transitions (spec §1.2)', () => {
  test('Create by the requester starts in initiating-request, "Initiating Request to <accepter>"', () => {
    expect(transition(null, 'create', REQUESTER, CONTEXT)).toMatchObject({
      ok: true,
      to: 'initiating-request',
      message: 'Initiating Request to 222222222222',
    });
  });

  test('a request that checks out waits in pending-acceptance, "Pending Acceptance by <accepter>"', () => {
    expect(transition('initiating-request', 'request-checked', 'system', CONTEXT)).toMatchObject({
      ok: true,
      to: 'pending-acceptance',
      message: 'Pending Acceptance by 222222222222',
    });
  });

  test('a request that fails its check is failed, with the observed message', () => {
    expect(transition('initiating-request', 'request-check-failed', 'system', CONTEXT)).toMatchObject({
      ok: true,
      to: 'failed',
      message: FAILED_MESSAGE,
    });
  });

  test('Accept by the accepter, from its Region, moves to provisioning', () => {
    expect(transition('pending-acceptance', 'accept', ACCEPTER, CONTEXT)).toMatchObject({
      ok: true,
      to: 'provisioning',
      message: 'Provisioning',
    });
  });

  test('provisioning finishes in active', () => {
    expect(transition('provisioning', 'provisioned', 'system', CONTEXT)).toMatchObject({ ok: true, to: 'active', message: 'Active' });
  });

  test('Reject by the accepter moves to rejected', () => {
    expect(transition('pending-acceptance', 'reject', ACCEPTER, CONTEXT)).toMatchObject({ ok: true, to: 'rejected' });
  });

  test('the requester deletes its pending request through deleting', () => {
    expect(transition('pending-acceptance', 'delete', REQUESTER, CONTEXT)).toMatchObject({ ok: true, to: 'deleting' });
  });

  test('either owner deletes an active connection', () => {
    expect(transition('active', 'delete', REQUESTER, CONTEXT)).toMatchObject({ ok: true, to: 'deleting' });
    expect(transition('active', 'delete', ACCEPTER, CONTEXT)).toMatchObject({ ok: true, to: 'deleting' });
  });

  test('deleting finishes in deleted', () => {
    expect(transition('deleting', 'deletion-finished', 'system', CONTEXT)).toMatchObject({ ok: true, to: 'deleted' });
  });

  test('a pending request expires', () => {
    expect(transition('pending-acceptance', 'expiry', 'system', CONTEXT)).toMatchObject({ ok: true, to: 'expired' });
  });

  test('an overlapping CIDR added by the accepter fails a pending request', () => {
    expect(transition('pending-acceptance', 'accepter-cidr-overlap', 'system', CONTEXT)).toMatchObject({
      ok: true,
      to: 'failed',
      message: FAILED_MESSAGE,
    });
  });

  test('an account that owns both VPCs may do what either owner may', () => {
    expect(transition(null, 'create', BOTH, CONTEXT)).toMatchObject({ ok: true, to: 'initiating-request' });
    expect(transition('pending-acceptance', 'accept', BOTH, CONTEXT)).toMatchObject({ ok: true, to: 'provisioning' });
    expect(transition('pending-acceptance', 'reject', BOTH, CONTEXT)).toMatchObject({ ok: true, to: 'rejected' });
    expect(transition('pending-acceptance', 'delete', BOTH, CONTEXT)).toMatchObject({ ok: true, to: 'deleting' });
  });
});

describe('refused triggers (spec §3)', () => {
  // failed and rejected: the observed text (spec §3.3 [obs]); deleted and expired: the same form [?].
  test.each(['failed', 'rejected', 'deleted', 'expired'] as const)('Delete of a %s connection: InvalidStateTransition to deleting', (from) => {
    expect(transition(from, 'delete', REQUESTER, CONTEXT)).toEqual({
      ok: false,
      error: { code: 'InvalidStateTransition', message: `Invalid state transition for ${ID}, attempted to transition from ${from} to deleting` },
    });
  });

  test.prop([fc.constantFrom(...PEERING_STATES.filter((s) => s !== 'pending-acceptance' && s !== 'active' && s !== 'provisioning')), callerArb, contextArb])(
    'every Delete refused for its state says "to deleting", which Terraform matches',
    (from, caller, context) => {
      const result = transition(from, 'delete', caller, context);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('InvalidStateTransition');
        expect(result.error.message).toContain('to deleting');
      }
    },
  );

  test('Accept or Reject of a connection that is not pending: InvalidStateTransition', () => {
    expect(transition('active', 'accept', ACCEPTER, CONTEXT)).toMatchObject({
      ok: false,
      error: { code: 'InvalidStateTransition', message: `Invalid state transition for ${ID}, attempted to transition from active to provisioning` },
    });
    expect(transition('expired', 'reject', ACCEPTER, CONTEXT)).toMatchObject({
      ok: false,
      error: { code: 'InvalidStateTransition', message: `Invalid state transition for ${ID}, attempted to transition from expired to rejected` },
    });
  });

  test('Accept from a Region other than the accepter VPC Region: OperationNotPermitted "Incorrect region"', () => {
    expect(transition('pending-acceptance', 'accept', { ...ACCEPTER, region: 'us-west-2' }, CONTEXT)).toEqual({
      ok: false,
      error: {
        code: 'OperationNotPermitted',
        message: `Incorrect region (us-west-2) specified for this request. VPC peering connection ${ID} must be accepted in region eu-west-1`,
      },
    });
  });

  test('Reject from a Region other than the accepter VPC Region: "must be accepted or rejected"', () => {
    expect(transition('pending-acceptance', 'reject', { ...ACCEPTER, region: 'us-west-2' }, CONTEXT)).toEqual({
      ok: false,
      error: {
        code: 'OperationNotPermitted',
        message: `Incorrect region (us-west-2) specified for this request. VPC peering connection ${ID} must be accepted or rejected in region eu-west-1`,
      },
    });
  });

  test('Delete has no Region rule: each owner deletes from its own Region', () => {
    expect(transition('active', 'delete', REQUESTER, CONTEXT)).toMatchObject({ ok: true });
    expect(REQUESTER.region).not.toBe(CONTEXT.accepterRegion);
  });

  test('Accept by the requester of a cross-account request: OperationNotPermitted "cannot accept"', () => {
    expect(transition('pending-acceptance', 'accept', { ...REQUESTER, region: 'eu-west-1' }, CONTEXT)).toEqual({
      ok: false,
      error: { code: 'OperationNotPermitted', message: `User (111111111111) cannot accept peering ${ID}` },
    });
  });

  test('Reject by the requester: OperationNotPermitted "cannot reject"', () => {
    expect(transition('pending-acceptance', 'reject', { ...REQUESTER, region: 'eu-west-1' }, CONTEXT)).toEqual({
      ok: false,
      error: { code: 'OperationNotPermitted', message: `User (111111111111) cannot reject peering ${ID}` },
    });
  });

  test('Delete of a pending request by the accepter: OperationNotPermitted "cannot delete"', () => {
    expect(transition('pending-acceptance', 'delete', ACCEPTER, CONTEXT)).toEqual({
      ok: false,
      error: { code: 'OperationNotPermitted', message: `User (222222222222) cannot delete peering ${ID}` },
    });
  });

  test('an account that owns neither VPC can set nothing off', () => {
    for (const rule of TRANSITIONS) {
      expect(transition(rule.from, rule.trigger, STRANGER, CONTEXT).ok, `${String(rule.from)} ${rule.trigger}`).toBe(false);
    }
  });

  test('owners cannot set off the system triggers, and AWS cannot set off an owner trigger', () => {
    expect(transition('provisioning', 'provisioned', BOTH, CONTEXT)).toEqual({
      ok: false,
      error: { code: 'OperationNotPermitted', message: `User (333333333333) cannot activate peering ${ID}` },
    });
    expect(transition('pending-acceptance', 'accept', 'system', CONTEXT)).toEqual({
      ok: false,
      error: { code: 'OperationNotPermitted', message: `AWS cannot accept peering ${ID}` },
    });
  });

  test.prop([triggerArb.filter((t) => t !== 'create'), byArb, contextArb])(
    'a trigger on a connection that does not exist: InvalidVpcPeeringConnectionID.NotFound',
    (trigger, by, context) => {
      expect(transition(null, trigger, by, context)).toEqual({
        ok: false,
        error: { code: 'InvalidVpcPeeringConnectionID.NotFound', message: `The vpcPeeringConnection ID '${context.id}' does not exist` },
      });
    },
  );

  test('Create cannot restart an existing connection', () => {
    expect(transition('active', 'create', REQUESTER, CONTEXT)).toMatchObject({
      ok: false,
      error: { code: 'InvalidStateTransition', message: `Invalid state transition for ${ID}, attempted to transition from active to initiating-request` },
    });
  });

  test('the Region check comes before the state check', () => {
    const elsewhere: Caller = { ...ACCEPTER, region: 'us-west-2' };
    expect(transition('active', 'accept', elsewhere, CONTEXT)).toMatchObject({ ok: false, error: { message: expect.stringContaining('Incorrect region') } });
  });

  test('the state check comes before the party check', () => {
    expect(transition('active', 'accept', { ...REQUESTER, region: 'eu-west-1' }, CONTEXT)).toMatchObject({
      ok: false,
      error: { code: 'InvalidStateTransition' },
    });
  });
});

describe('purity', () => {
  test.prop([fromArb, triggerArb, byArb, contextArb])(
    'transition is deterministic and leaves its inputs untouched',
    (from, trigger, by, context) => {
      const frozenBy = by === 'system' ? by : Object.freeze({ ...by, roles: Object.freeze([...by.roles]) });
      const frozenContext = Object.freeze({ ...context });
      const first = transition(from, trigger, frozenBy, frozenContext);
      expect(transition(from, trigger, frozenBy, frozenContext)).toEqual(first);
      expect(frozenContext).toEqual(context);
    },
  );
});
