// pcxsim's side of a comparison: a fresh in-process endpoint per sequence (the same seed every time,
// the instant timing), reached through the real SDK like the target. Before each step it takes a
// clock step of 0 ms, which with the instant timing resolves every transient state — the settled
// world a real target reaches a moment later (the checker waits for it, settle.ts).
import { EC2Client } from '@aws-sdk/client-ec2';
import { Ec2Endpoint, InProcessHandler } from '@pcxsim/ec2-query';
import type { Caller, Command, WorldOptions } from '@pcxsim/engine';
import { DEFAULT_SECRET_ACCESS_KEY } from './credentials.js';
import type { Outcome } from './outcome.js';
import { send } from './send.js';

/** pcxsim, in process, for one sequence. */
export class ReferenceSide {
  private readonly endpoint: Ec2Endpoint;
  private readonly handler: InProcessHandler;
  private readonly clients = new Map<string, EC2Client>();

  /** A new world with `worldOptions` (the timing is forced to `instant`). */
  constructor(worldOptions: WorldOptions) {
    this.endpoint = new Ec2Endpoint({ worldOptions: { ...worldOptions, timing: 'instant' } });
    this.handler = new InProcessHandler(this.endpoint);
  }

  /** Resolves every transient state (a clock step of 0 ms with the instant timing). */
  settle(): void {
    this.endpoint.advanceClock(0);
  }

  /** Sends `command` as `caller` (the access key is the account, pcxsim's convention). */
  send(caller: Caller, command: Command): Promise<Outcome> {
    const key = `${caller.accountId}|${caller.region}`;
    let client = this.clients.get(key);
    if (client === undefined) {
      client = new EC2Client({
        region: caller.region,
        maxAttempts: 1,
        credentials: { accessKeyId: caller.accountId, secretAccessKey: DEFAULT_SECRET_ACCESS_KEY },
        requestHandler: this.handler,
      });
      this.clients.set(key, client);
    }
    return send(client, command);
  }

  /** Lets go of the clients. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
  }
}
