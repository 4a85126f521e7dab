// The simulated clock (DESIGN): time moves only when AdvanceClock says so, and every scheduled
// transition that falls due on the way runs at its own due time, in due order, ties broken by the
// order they were scheduled in.
import { isTerminal } from '@pcxsim/lifecycle';
import { stepBlocks } from './block-states.js';
import { catchUpPeering, forgetPeeringLag } from './eventual-consistency.js';
import { runCheck } from './peering-check.js';
import { dequeue, peek, type ScheduledEntry } from './schedule.js';
import { systemMove } from './lifecycle-decisions.js';
import { peeringById, writePeering } from './records.js';
import type { Tx } from './tx.js';
import { catchUpVpc } from './vpc-versions.js';
import { catchUpRouting } from './routing/routing-versions.js';

/**
 * Runs one entry that fell due; returns whether it still applied (stale entries do nothing). A
 * `catch-up` is bookkeeping, no transition: it never counts.
 */
function fire(tx: Tx, entry: ScheduledEntry): boolean {
  // spec §6.1: a VPC's block associations move on by themselves.
  if (entry.kind === 'block-state') return stepBlocks(tx, entry.id);
  // spec §10.4: Describe catches up with a change made `describeDelayMs` ago.
  if (entry.kind === 'catch-up') {
    if (entry.id.startsWith('vpc-')) catchUpVpc(tx, entry.id);
    else if (entry.id.startsWith('subnet-') || entry.id.startsWith('rtb-')) catchUpRouting(tx, entry.id);
    else catchUpPeering(tx, entry.id);
    return false;
  }
  const record = peeringById(tx.w, entry.id);
  if (record === undefined || record.statusSince !== entry.since) return false;
  switch (entry.kind) {
    // spec §1.2, §2.2: the asynchronous check of a new request.
    case 'request-check':
      return systemMove(tx, record, runCheck(tx, record) === null ? 'request-checked' : 'request-check-failed');
    // spec §1.1: provisioning and deleting pass by themselves.
    case 'provisioned':
      return systemMove(tx, record, 'provisioned');
    case 'deletion-finished':
      return systemMove(tx, record, 'deletion-finished');
    // spec §1.1: 7 days without an answer.
    case 'expiry':
      return systemMove(tx, record, 'expiry');
    // spec §1.1, §4.5: after the last retention window, NotFound for everyone.
    case 'retire':
      if (!isTerminal(record.status)) return false;
      writePeering(tx, record, undefined);
      forgetPeeringLag(tx, record);
      tx.events.push({ type: 'PeeringRetired', id: record.id, at: tx.w.clock });
      return true;
  }
}

/** Moves the clock to `target`, running every entry due by then; returns how many applied. */
export function advanceTo(tx: Tx, target: number): number {
  const from = tx.w.clock;
  let fired = 0;
  for (;;) {
    const next = peek(tx.w.schedule);
    if (next === null || next.entry.due > target) break;
    tx.w.schedule = dequeue(tx.edit, tx.w.schedule, next.lane);
    tx.w.clock = Math.max(tx.w.clock, next.entry.due);
    if (fire(tx, next.entry)) fired++;
  }
  tx.w.clock = target;
  if (target !== from) tx.events.push({ type: 'ClockAdvanced', from, to: target });
  return fired;
}
