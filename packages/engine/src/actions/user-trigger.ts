// Accept, Reject and Delete share their first steps: find the connection the caller may see, then
// ask the lifecycle table whether this caller may set the trigger off from the current state.
import { TRIGGERS, decide, type Party, type PeeringState, type UserTrigger } from '@pcxsim/lifecycle';
import { peeringNotFound } from '../errors.js';
import { peeringId } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import { contextOf, lifecycleRefusal } from '../lifecycle-decisions.js';
import { peeringById } from '../records.js';
import type { Tx } from '../tx.js';
import { rolesIn, seenBy } from '../visibility.js';
import type { PeeringRecord } from '../world.js';

/** A trigger the lifecycle allows: the connection, the state it moves to, and the caller's roles. */
export interface Allowed {
  /** The connection. */
  readonly record: PeeringRecord;
  /** The state the trigger leads to. */
  readonly to: PeeringState;
  /** The roles the caller acts in. */
  readonly roles: readonly Party[];
}

/**
 * The connection named by `raw`, if the caller may set `trigger` off on it now. A third account, or
 * an owner in a Region where it does not see the connection, gets NotFound (spec §4.5), except the
 * accepter's account calling Accept or Reject from another Region, which gets the recorded "Incorrect
 * region" error (spec §3.1 [obs], §3.2 [emu]). Then the lifecycle decides (state, then party).
 */
export function userTrigger(tx: Tx, raw: unknown, trigger: UserTrigger): Outcome<Allowed> {
  const id = peeringId(raw);
  if (!id.ok) return id;
  const { caller, w } = tx;
  const record = peeringById(w, id.value);
  if (record === undefined) return refuse(peeringNotFound(id.value));
  let roles = rolesIn(record, caller.accountId, caller.region);
  if (!seenBy(w.config, record, roles, w.clock)) {
    const accepterRoles = rolesIn(record, record.accepterOwnerId, record.accepterRegion);
    const fromElsewhere =
      TRIGGERS[trigger].regionRule !== null &&
      record.accepterOwnerId === caller.accountId &&
      seenBy(w.config, record, accepterRoles, w.clock);
    if (!fromElsewhere) return refuse(peeringNotFound(id.value));
    roles = accepterRoles;
  }
  const decision = decide(record.status, trigger, roles, caller.region, record.accepterRegion);
  if (!decision.ok) return lifecycleRefusal(decision, contextOf(record), record.status, trigger, roles, caller);
  return done({ record, to: decision.to, roles });
}
