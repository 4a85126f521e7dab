// Real targets move transient states on asynchronously (initiating-request, provisioning, deleting:
// spec §1.1 "passes quickly"), and may show a new connection a little late (spec §10.4). pcxsim's
// reference resolves them before every step, so before every step the checker also lets the target
// get there: it polls the sequence's connections (as their requesters, by the
// vpc-peering-connection-id filter, which never answers NotFound) until each has been listed once
// and none is transient, within a bounded time. Without this, an Accept right after a cross-account
// Create would race the target's check — a race a real client (Terraform's waiter) avoids by
// waiting too. A connection listed once and then gone is settled: some emulators drop deleted rows.
// A pcxsim target on a manual clock is not waited for but moved on (target-clock.ts): its clock is
// advanced 0 ms, then by doubling steps, until nothing is transient — no wall time spent.
import type { Caller, Command } from '@pcxsim/engine';
import type { Outcome } from './outcome.js';
import type { TargetClock } from './target-clock.js';
import type { CreatedPeering, TargetResources } from './target-resources.js';
import { isTransientState } from './transient-values.js';

/** How long to wait for a target. */
export interface SettleTiming {
  /** At most this long for the connections to leave their transient states, in ms. */
  readonly settleMs: number;
  /** The first pause between two polls, in ms (it doubles, up to a second). */
  readonly pollMs: number;
  /** The target's clock, when the checker moves it (a pcxsim on a manual clock): `settleMs` is then simulated time. */
  readonly clock?: TargetClock | undefined;
}

/** The first advance of a manual clock after 0 ms, in ms: instant timing needs 0, realistic 2 s and 5 s. */
const FIRST_ADVANCE_MS = 250;

/** Sends a command to the target as a caller. */
export type SendAs = (caller: Caller, command: Command) => Promise<Outcome>;

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether some connection is still unseen or transient on the target (one Describe per requester). */
async function unsettled(resources: TargetResources, sendAs: SendAs): Promise<boolean> {
  const byRequester = new Map<string, { caller: Caller; peerings: CreatedPeering[] }>();
  for (const peering of resources.peerings) {
    const key = `${peering.caller.accountId}|${peering.caller.region}`;
    const group = byRequester.get(key) ?? { caller: peering.caller, peerings: [] };
    group.peerings.push(peering);
    byRequester.set(key, group);
  }
  let waiting = false;
  for (const { caller, peerings } of byRequester.values()) {
    const ids = peerings.map((peering) => peering.id);
    const outcome = await sendAs(caller, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'vpc-peering-connection-id', Values: ids }] });
    // A target that cannot answer this cannot be waited for; the comparison will show why.
    const items = outcome.ok ? outcome.output['VpcPeeringConnections'] : undefined;
    if (!Array.isArray(items)) {
      for (const peering of peerings) peering.seen = true;
      continue;
    }
    const codes = new Map<unknown, unknown>((items as readonly { VpcPeeringConnectionId?: unknown; Status?: { Code?: unknown } }[]).map((item) => [item.VpcPeeringConnectionId, item.Status?.Code]));
    for (const peering of peerings) {
      if (codes.has(peering.id)) peering.seen = true;
      if (!peering.seen || isTransientState(codes.get(peering.id))) waiting = true;
    }
  }
  return waiting;
}

/** Waits, within `timing.settleMs`, until each of the sequence's connections on the target has been listed and none is transient. */
export async function settleTarget(resources: TargetResources, sendAs: SendAs, timing: SettleTiming): Promise<void> {
  if (!resources.unsettled || resources.peerings.length === 0) return;
  if (timing.clock !== undefined) {
    await advanceUntilSettled(resources, sendAs, timing.clock, timing.settleMs);
    return;
  }
  const deadline = Date.now() + timing.settleMs;
  let pause = Math.max(1, timing.pollMs);
  while (await unsettled(resources, sendAs)) {
    if (Date.now() + pause > deadline) {
      // Given up on: a connection never listed is not waited for again.
      for (const peering of resources.peerings) peering.seen = true;
      break;
    }
    await sleep(pause);
    pause = Math.min(pause * 2, 1000);
  }
  resources.unsettled = false;
}

/** Moves a manual clock on (0 ms first, then doubling, `settleMs` in all at most) until nothing is unseen or transient. */
async function advanceUntilSettled(resources: TargetResources, sendAs: SendAs, clock: TargetClock, settleMs: number): Promise<void> {
  let advanced = 0;
  for (let step = 0; ; step = step === 0 ? FIRST_ADVANCE_MS : step * 2) {
    const ms = Math.min(step, settleMs - advanced);
    if (ms < 0 || (step > 0 && ms === 0)) break;
    await clock.advance(ms);
    advanced += ms;
    if (!(await unsettled(resources, sendAs))) break;
  }
  for (const peering of resources.peerings) peering.seen = true;
  resources.unsettled = false;
}
