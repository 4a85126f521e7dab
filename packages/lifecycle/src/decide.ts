import type { Actor } from './actors.js';
import { ERROR_TEXTS, type ErrorKind, type LifecycleErrorCode } from './errors.js';
import type { PeeringState } from './states.js';
import { TRANSITIONS, ruleFor, type TransitionRule } from './transitions.js';
import { TRIGGERS, type Trigger } from './triggers.js';

/** The trigger is allowed: the state it leads to, and the row of {@link TRANSITIONS} that allows it. */
export interface Allowed {
  /** Tells an allowed trigger from a refused one. */
  readonly ok: true;
  /** The state the connection moves to. */
  readonly to: PeeringState;
  /** The row that allows it. */
  readonly rule: TransitionRule;
}

/** The trigger is refused: why, and the EC2 error code a client gets (the message is rendered by `transition`). */
export interface Refusal {
  /** Tells an allowed trigger from a refused one. */
  readonly ok: false;
  /** Why: no such connection, the wrong Region, not from this state, or not this caller. */
  readonly kind: ErrorKind;
  /** The EC2 error code of that kind. */
  readonly code: LifecycleErrorCode;
}

/** What the table says of one trigger: allowed (and where it leads) or refused (and why). */
export type Decision = Allowed | Refusal;

/** The roles AWS itself acts in, for a system trigger. */
export const SYSTEM_ROLES: readonly Actor[] = Object.freeze(['system']);

// Decisions are values fixed by the table, made once here: deciding allocates nothing, as the engine
// decides on every state change of every connection.
const ALLOWED: ReadonlyMap<TransitionRule, Allowed> = new Map(
  TRANSITIONS.map((rule) => [rule, Object.freeze({ ok: true, to: rule.to, rule })] as const),
);
const refusal = (kind: ErrorKind): Refusal => Object.freeze({ ok: false, kind, code: ERROR_TEXTS[kind].code });
const NOT_FOUND = refusal('notFound');
const WRONG_REGION = refusal('wrongRegion');
const INVALID_STATE_TRANSITION = refusal('invalidStateTransition');
const WRONG_PARTY = refusal('wrongParty');

/**
 * Whether an actor holding `roles` may set `trigger` off on a connection in state `from` (`null`: no
 * connection yet), calling from `region` (`null` for AWS itself, which has none) when the accepter
 * VPC is in `accepterRegion`. Reads only the table; this is the one place a state change is decided.
 *
 * The checks run in this order (the order among them is our choice [?], spec §3):
 * 1. no connection and the trigger is not Create → `notFound` (spec §4.5);
 * 2. Accept or Reject called from a Region other than the accepter VPC's → `wrongRegion` (spec §3.1, §3.2);
 * 3. no row for (`from`, `trigger`) → `invalidStateTransition` (spec §3);
 * 4. the actor holds none of the row's roles → `wrongParty` (spec §3.1, §3.3).
 *
 * @example
 * decide('pending-acceptance', 'accept', ['accepter'], 'eu-west-1', 'eu-west-1'); // { ok: true, to: 'provisioning', rule: … }
 * decide('pending-acceptance', 'accept', ['requester'], 'eu-west-1', 'eu-west-1'); // { ok: false, kind: 'wrongParty', code: 'OperationNotPermitted' }
 */
export function decide(
  from: PeeringState | null,
  trigger: Trigger,
  roles: readonly Actor[],
  region: string | null,
  accepterRegion: string,
): Decision {
  const rule = ruleFor(from, trigger);
  const misplaced = region !== null && region !== accepterRegion && TRIGGERS[trigger].regionRule !== null;
  if (rule === undefined) {
    if (from === null) return NOT_FOUND;
    return misplaced ? WRONG_REGION : INVALID_STATE_TRANSITION;
  }
  if (misplaced) return WRONG_REGION;
  for (let i = 0; i < roles.length; i++) if (rule.by.includes(roles[i]!)) return ALLOWED.get(rule)!;
  return WRONG_PARTY;
}
