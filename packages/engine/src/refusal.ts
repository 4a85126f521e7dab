// Turning a lifecycle refusal into the engine's, and telling "you may not" apart from "not now":
// a DryRun answers UnauthorizedOperation only for the first (spec §8.3).
import { TRIGGERS, ruleFor, type LifecycleError, type Party, type PeeringState, type UserTrigger } from '@pcxsim/lifecycle';
import { fromLifecycle } from './errors.js';
import { refuse, type Refused } from './outcome.js';
import type { Caller } from './tx.js';
import type { PeeringRecord } from './world.js';

/**
 * The lifecycle refused `trigger`: the error, marked unauthorized when the reason is the caller's
 * role (the row exists, the Region is right, but the caller holds none of the row's roles). The
 * lifecycle's refusal carries no kind, so the engine re-reads the table to tell.
 */
export function lifecycleRefusal(
  error: LifecycleError,
  record: PeeringRecord,
  from: PeeringState,
  trigger: UserTrigger,
  roles: readonly Party[],
  caller: Caller,
): Refused {
  const rule = ruleFor(from, trigger);
  const misplaced = TRIGGERS[trigger].regionRule !== null && caller.region !== record.accepterRegion;
  const wrongParty = rule !== undefined && !misplaced && !rule.by.some((role) => role !== 'system' && roles.includes(role));
  return refuse(fromLifecycle(error), wrongParty);
}
