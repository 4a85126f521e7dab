// Where the engine asks the lifecycle table: every state change of a connection — an owner's
// trigger, a VPC deleted under it, AWS's own — is `decide`d there (DESIGN: the lifecycle is a table
// the reducer reads). A refusal becomes the engine's error, marked unauthorized when the reason is
// who the caller is, so that a DryRun answers UnauthorizedOperation for it (spec §8.3).
import {
  SYSTEM_ROLES,
  decide,
  renderRefusal,
  type Decision,
  type Party,
  type PeeringContext,
  type PeeringState,
  type Refusal,
  type SystemTrigger,
  type Trigger,
} from '@pcxsim/lifecycle';
import { fromLifecycle } from './errors.js';
import { refuse, type Refused } from './outcome.js';
import { enter } from './peering-state.js';
import type { Caller, Tx } from './tx.js';
import type { PeeringRecord } from './world.js';

/** The lifecycle context of a connection: what its messages and errors name. */
export const contextOf = (record: PeeringRecord): PeeringContext => ({
  id: record.id,
  accepterAccountId: record.accepterOwnerId,
  accepterRegion: record.accepterRegion,
});

/** What the table says of AWS setting `trigger` off on `record` (AWS has no Region). */
export const systemDecision = (record: PeeringRecord, trigger: SystemTrigger): Decision =>
  decide(record.status, trigger, SYSTEM_ROLES, null, record.accepterRegion);

/** Sets off a system trigger through the lifecycle table; false when the table has no such row from the record's state. */
export function systemMove(tx: Tx, record: PeeringRecord, trigger: SystemTrigger): boolean {
  const decision = systemDecision(record, trigger);
  if (!decision.ok) return false;
  enter(tx, record, decision.to);
  return true;
}

/**
 * The engine's error for a refusal the table made of `caller`, acting in `roles`, setting `trigger`
 * off from `from`: the lifecycle's error text, unauthorized when the caller's role is the reason.
 */
export function lifecycleRefusal(
  refusal: Refusal,
  context: PeeringContext,
  from: PeeringState | null,
  trigger: Trigger,
  roles: readonly Party[],
  caller: Caller,
): Refused {
  const error = renderRefusal(refusal, from, trigger, { roles, accountId: caller.accountId, region: caller.region }, context);
  return refuse(fromLifecycle(error), refusal.kind === 'wrongParty');
}
