import type { Caller } from './actors.js';
import { SYSTEM_ROLES, decide, type Refusal } from './decide.js';
import { invalidStateTransition, notFound, wrongParty, wrongRegion, type LifecycleError } from './errors.js';
import { renderStatusMessage } from './messages.js';
import type { PeeringState } from './states.js';
import type { TransitionRule } from './transitions.js';
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
 * account calling the API, or `'system'` for AWS itself): {@link decide}, with the new status
 * message or the error message rendered. Reads only the tables; never throws.
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
  const decision = by === 'system' ? decide(from, trigger, SYSTEM_ROLES, null, context.accepterRegion) : decide(from, trigger, by.roles, by.region, context.accepterRegion);
  if (decision.ok) return { ok: true, to: decision.to, message: renderStatusMessage(decision.to, context), rule: decision.rule };
  return { ok: false, error: renderRefusal(decision, from, trigger, by, context) };
}

/** The EC2 error of a refusal {@link decide} made, with its message filled in from the connection and the caller. */
export function renderRefusal(
  refusal: Refusal,
  from: PeeringState | null,
  trigger: Trigger,
  by: Caller | 'system',
  context: PeeringContext,
): LifecycleError {
  const info = TRIGGERS[trigger];
  switch (refusal.kind) {
    case 'notFound':
      return notFound(context.id);
    case 'wrongRegion':
      return wrongRegion(context.id, info.regionRule?.phrase ?? '', by === 'system' ? '' : by.region, context.accepterRegion);
    case 'invalidStateTransition':
      // decide refuses a connection that does not exist as notFound, so `from` is a state here.
      return invalidStateTransition(context.id, from ?? info.enters, info.enters);
    case 'wrongParty':
      return wrongParty(context.id, info.verb, by === 'system' ? null : by.accountId);
  }
}
