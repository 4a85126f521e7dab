// FailPeeringChecks: a fault the simulation injects on request (never an EC2 action, never on the
// wire), so that callers can test how they handle a request that ends `failed` (spec §2.2) without
// having to build an overlap. The requests it marks fail exactly as an overlapping one does: same
// transition, same status message. peering-check.ts marks and consumes; this only arms.
import type { FailPeeringChecksCommand } from '../commands.js';
import { invalidValue } from '../errors.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { FailPeeringChecksOutput } from '../outputs.js';
import type { Tx } from '../tx.js';

/** FailPeeringChecks: `Count` replaces the number armed; 0 disarms (requests already marked still fail). */
export function failPeeringChecks(tx: Tx, command: FailPeeringChecksCommand): Outcome<FailPeeringChecksOutput> {
  const count = command.Count;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    return refuse(invalidValue(count, 'Count', 'Expecting a non-negative whole number of requests.'));
  }
  const current = tx.w.checkFaults;
  if ((current?.armed ?? 0) === count) return done({ Armed: count }); // the same world, not an equal copy
  const marked = current?.marked ?? [];
  // Absent when nothing is armed or marked, so a world that never used the fault keeps its exact form.
  if (count === 0 && marked.length === 0) delete tx.w.checkFaults;
  else tx.w.checkFaults = Object.freeze({ armed: count, marked });
  return done({ Armed: count });
}
