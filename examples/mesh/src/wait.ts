// Polling a connection until it reaches one of the wanted states, like the SDK's waiters, but with
// the whole lifecycle in view: an ended connection stops the wait at once, with AWS's reason.
import type { EC2Client, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { describeById, statusOf } from './observe.js';
import type { Run } from './settings.js';

/** The states that never lead to `active` (spec §1.1). */
const ENDED: ReadonlySet<string> = new Set(['failed', 'rejected', 'expired', 'deleting', 'deleted']);

/** How a wait ended. */
export type WaitResult =
  | { readonly kind: 'reached'; readonly connection: VpcPeeringConnection }
  | { readonly kind: 'ended'; readonly status: string; readonly message: string }
  | { readonly kind: 'timed-out'; readonly lastSeen: string };

/**
 * Describes `id` from `client` until its status is one of `wanted`. Not finding it is not an end: a
 * new connection reaches Describe late, and the accepter sees it only once AWS has checked it.
 */
export async function waitFor(run: Run, client: EC2Client, id: string, wanted: readonly string[]): Promise<WaitResult> {
  let lastSeen = 'not-visible';
  for (let waitedMs = 0; ; waitedMs += run.poll.intervalMs) {
    const connection = await describeById(run, client, id);
    if (connection !== undefined) {
      lastSeen = statusOf(connection) ?? lastSeen;
      if (wanted.includes(lastSeen)) return { kind: 'reached', connection };
      if (ENDED.has(lastSeen)) return { kind: 'ended', status: lastSeen, message: connection.Status?.Message ?? '' };
    }
    if (waitedMs >= run.poll.timeoutMs) return { kind: 'timed-out', lastSeen };
    await run.sleep(run.poll.intervalMs);
  }
}
