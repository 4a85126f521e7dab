import type { Actor, Caller } from './actors.js';
import { invalidStateTransition, notFound, wrongParty, wrongRegion, type LifecycleError } from './errors.js';
import { renderStatusMessage } from './messages.js';
import type { PeeringState } from './states.js';
import { ruleFor, type TransitionRule } from './transitions.js';
import { TRIGGERS, type Trigger } from './triggers.js';

/** The facts about a connection that the status messages and error texts name. */
export interface PeeringContext {
  /** The connection's ID, `pcx-…`. */
  readonly id: string;
  /** The account that owns the accepter VPC. */
  readonly accepterAccountId: string;
  /** The Region of the accepter VPC, where Accept and Reject must be called. */
  readonly accepterRegion: string;
}

/** The trigger is allowed: the state the connection moves to, its new status message, and the row used. */
export interface TransitionOk {
  /** Tells success from failure. */
  readonly ok: true;
  /** The new state. */
  readonly to: PeeringState;
  /** The new `Status.Message`, filled in. */
  readonly message: string;
  /** The row of {@link TRANSITIONS} that allowed it. */
  readonly rule: TransitionRule;
}

/** The trigger is refused: the EC2 error a client would get. */
export interface TransitionRefused {
  /** Tells success from failure. */
  readonly ok: false;
  /** The error, as a value. */
  readonly error: LifecycleError;
}

/** Exactly one of: the next state and message, or the error. */
export type TransitionResult = TransitionOk | TransitionRefused;

/**
 * Sets `trigger` off on a connection in state `from` (`null`: no connection yet), by `by` (an
 * account calling the API, or `'system'` for AWS itself). Reads only the tables; never throws.
 *
 * The checks run in this order (the order among them is our choice [?], spec §3):
 * 1. no connection and the trigger is not Create → `InvalidVpcPeeringConnectionID.NotFound` (spec §4.5);
 * 2. Accept or Reject called from a Region other than the accepter VPC's → `OperationNotPermitted` (spec §3.1, §3.2);
 * 3. no row for (`from`, `trigger`) → `InvalidStateTransition`, naming the state the trigger leads to (spec §3);
 * 4. the caller holds none of the row's roles → `OperationNotPermitted` (spec §3.1, §3.3).
 *
 * @example
 * const context = { id: 'pcx-0123456789abcdef0', accepterAccountId: '222222222222', accepterRegion: 'us-east-1' };
 * transition('pending-acceptance', 'accept', { roles: ['accepter'], accountId: '222222222222', region: 'us-east-1' }, context);
 * // { ok: true, to: 'provisioning', message: 'Provisioning', rule: … }
 * transition('rejected', 'delete', { roles: ['requester'], accountId: '111111111111', region: 'us-east-1' }, context);
 * // { ok: false, error: { code: 'InvalidStateTransition', message: '… attempted to transition from rejected to deleting' } }
 */
export function transition(
  from: PeeringState | null,
  trigger: Trigger,
  by: Caller | 'system',
  context: PeeringContext,
): TransitionResult {
  const info = TRIGGERS[trigger];
  const rule = ruleFor(from, trigger);
  if (rule === undefined) {
    if (from === null) return refuse(notFound(context.id));
    return refuse(regionError(trigger, by, context) ?? invalidStateTransition(context.id, from, info.enters));
  }
  const misplaced = regionError(trigger, by, context);
  if (misplaced !== null) return refuse(misplaced);
  if (!mayTrigger(rule.by, by)) return refuse(wrongParty(context.id, info.verb, by === 'system' ? null : by.accountId));
  return { ok: true, to: rule.to, message: renderStatusMessage(rule.to, context), rule };
}

/** Whether `by` holds one of the roles a row allows; an account owning both VPCs holds both roles. */
function mayTrigger(allowed: readonly Actor[], by: Caller | 'system'): boolean {
  return by === 'system' ? allowed.includes('system') : by.roles.some((role) => allowed.includes(role));
}

/** spec §3.1, §3.2: Accept and Reject only from the accepter VPC's Region. */
function regionError(trigger: Trigger, by: Caller | 'system', context: PeeringContext): LifecycleError | null {
  const rule = TRIGGERS[trigger].regionRule;
  if (rule === null || by === 'system' || by.region === context.accepterRegion) return null;
  return wrongRegion(context.id, rule.phrase, by.region, context.accepterRegion);
}

function refuse(error: LifecycleError): TransitionRefused {
  return { ok: false, error };
}
