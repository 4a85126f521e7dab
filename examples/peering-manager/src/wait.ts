// Polling a connection until it reaches one of the wanted states, like the SDK's waiters do, but
// with the whole lifecycle in view: an ended connection stops the wait at once with its reason.
import type { EC2Client, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { describeById, statusOf } from './connection.js';
import { PeeringEndedError, PeeringTimeoutError, type EndedStatus } from './errors.js';
import type { Run } from './settings.js';

const ENDED: ReadonlySet<string> = new Set<EndedStatus>(['failed', 'rejected', 'expired', 'deleting', 'deleted']);

/**
 * Describes `id` from `client` until its status is one of `wanted`. Not finding it is not an error
 * here: a new connection reaches Describe late, and the accepter only sees it once AWS has checked it.
 */
export async function waitForStatus(
  run: Run,
  client: EC2Client,
  id: string,
  wanted: readonly string[],
): Promise<VpcPeeringConnection> {
  let lastSeen = 'not-visible';
  for (let waitedMs = 0; ; waitedMs += run.poll.intervalMs) {
    const connection = await describeById(run, client, id);
    if (connection !== undefined) {
      lastSeen = statusOf(connection) ?? lastSeen;
      if (wanted.includes(lastSeen)) return connection;
      if (ENDED.has(lastSeen)) throw new PeeringEndedError(id, lastSeen as EndedStatus, connection.Status?.Message ?? '');
    }
    if (waitedMs >= run.poll.timeoutMs) throw new PeeringTimeoutError(id, wanted, lastSeen, waitedMs);
    await run.sleep(run.poll.intervalMs);
  }
}
