// The simulated clock (DESIGN): time moves only when AdvanceClock says so, and every scheduled
// transition that falls due on the way runs at its own due time, in due order, ties broken by the
// order they were scheduled in.
import { TRIGGERS, isTerminal, ruleFor, transition, type Party, type PeeringState, type SystemTrigger, type Trigger } from '@pcxsim/lifecycle';
import { stepBlocks } from './block-states.js';
import { catchUpPeering, forgetPeeringLag } from './eventual-consistency.js';
import { runCheck } from './peering-check.js';
import { enter } from './peering-state.js';
import { dequeue, peek, type ScheduledEntry } from './schedule.js';
import { peeringById, writePeering } from './store.js';
import type { Tx } from './tx.js';
import { catchUpVpc } from './vpc-versions.js';
import type { PeeringRecord } from './world.js';

/** The lifecycle context of a connection: what its messages and errors name. */
export const contextOf = (record: PeeringRecord) => ({
  id: record.id,
  accepterAccountId: record.accepterOwnerId,
  accepterRegion: record.accepterRegion,
});

/**
 * Sets off a system trigger through the lifecycle table; false when the table has no such row. AWS
 * itself is always allowed what the table gives it and has no Region, so the row alone decides
 * (this is `transition` for the system caller, without rendering a message nobody reads).
 */
export function systemMove(tx: Tx, record: PeeringRecord, trigger: SystemTrigger): boolean {
  const to = systemTarget(record.status, trigger);
  if (to === null) return false;
  enter(tx, record, to);
  return true;
}

/** Where a system trigger leads from `from` by the lifecycle table, or `null` when it has no such row. */
export function systemTarget(from: PeeringState, trigger: SystemTrigger): PeeringState | null {
  const rule = ruleFor(from, trigger);
  return rule !== undefined && rule.by.includes('system') ? rule.to : null;
}

/** A caller of a user trigger, as the lifecycle's `transition` takes it. */
interface TriggerCaller {
  readonly roles: readonly Party[];
  readonly accountId: string;
  readonly region: string;
}

/**
 * `transition(from, trigger, by, context)` for an account caller, without rendering the status
 * message nobody reads here: where the row exists, the Region rule holds and the caller holds one of
 * the row's roles, the row's target; anything else goes to `transition` itself, which refuses it.
 */
export function userMove(
  from: PeeringState | null,
  trigger: Trigger,
  by: TriggerCaller,
  context: { readonly id: string; readonly accepterAccountId: string; readonly accepterRegion: string },
): ReturnType<typeof transition> | PeeringState {
  const rule = ruleFor(from, trigger);
  if (rule !== undefined && (TRIGGERS[trigger].regionRule === null || by.region === context.accepterRegion)) {
    for (let i = 0; i < by.roles.length; i++) if (rule.by.includes(by.roles[i]!)) return rule.to;
  }
  return transition(from, trigger, by, context);
}

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
    tx.w.schedule = dequeue(tx.w.schedule, next.lane);
    tx.w.clock = Math.max(tx.w.clock, next.entry.due);
    if (fire(tx, next.entry)) fired++;
  }
  tx.w.clock = target;
  if (target !== from) tx.events.push({ type: 'ClockAdvanced', from, to: target });
  return fired;
}
