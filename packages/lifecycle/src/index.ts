/**
 * The AWS EC2 VPC peering state machine as data: the nine states, every transition with who
 * may set it off, the `Status.Message` of each state, the errors for refused triggers, how long
 * each owner sees a connection, and the timing of the transient states. The engine, the
 * generated docs (`docs/lifecycle.md`) and the tests all read these tables; {@link decide}
 * is the one function that applies them, and {@link transition} renders its answer.
 *
 * Every rule cites its section of `shared/spec/aws-vpc-peering.md`; `docs/fidelity.md` lists
 * them with their confidence and the test that pins each.
 *
 * @packageDocumentation
 */

export { PEERING_STATES, STATES, isTerminal, isTransient, isOutstanding, countsAsActive, isLive, carriesTraffic } from './states.js';
export type { PeeringState, StateKind, StateInfo, TransientState, TerminalState } from './states.js';

export { rolesOf } from './actors.js';
export type { Party, Actor, Caller, Owners } from './actors.js';

export { TRIGGERS, ALL_TRIGGERS } from './triggers.js';
export type { Trigger, UserTrigger, VpcTrigger, SystemTrigger, TriggerInfo, RegionRule } from './triggers.js';

export { TRANSITIONS, ruleFor } from './transitions.js';
export type { TransitionRule } from './transitions.js';

export { STATUS_MESSAGES, renderStatusMessage } from './messages.js';
export type { StatusMessage, StatusMessageContext } from './messages.js';

export { ERROR_TEXTS, CALLER_NAME, SYSTEM_NAME } from './errors.js';
export type { LifecycleError, LifecycleErrorCode, ErrorText, ErrorKind } from './errors.js';

export { VISIBILITY, visibilityWindow, isVisible } from './visibility.js';
export type { VisibilityWindow, VisibilityRule, WindowsByRole, WindowsByDeleter } from './visibility.js';

export {
  SECOND_MS,
  HOUR_MS,
  DAY_MS,
  EXPIRY_MS,
  TIMING_PROFILES,
  TRANSIENT_DELAYS,
  transientDelayMs,
  isCheckedWithinCreate,
} from './timing.js';
export type { TimingProfile, TransientDelay, RequestScope } from './timing.js';

export { decide, SYSTEM_ROLES } from './decide.js';
export type { Decision, Allowed, Refusal } from './decide.js';

export { transition, renderRefusal } from './transition.js';
export type { PeeringContext, TransitionResult, TransitionOk, TransitionRefused } from './transition.js';

export { renderLifecycleDoc } from './render-doc.js';

export type { Confidence, Provenance } from './provenance.js';
