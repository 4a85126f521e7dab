// The clients that talk to the endpoint under test: one real EC2Client per (account, Region), no
// retries (a retry would hide the first answer, which is the one compared), each signing with its
// account's credentials and carrying its account's extra headers.
import { EC2Client } from '@aws-sdk/client-ec2';
import type { Caller } from '@pcxsim/engine';
import type { AccountCredentials } from './credentials.js';

/** How long a call to the target may take before it counts as a transport failure. */
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 5_000;

/** EC2 clients for one target endpoint, made on first use and kept. */
export class TargetClients {
  private readonly clients = new Map<string, EC2Client>();

  /** Clients of `endpoint`, each account signing with `credentialsOf(account)`. */
  constructor(
    private readonly endpoint: string,
    private readonly credentialsOf: (accountId: string) => AccountCredentials,
  ) {}

  /** The client of `caller`. */
  for(caller: Caller): EC2Client {
    const key = `${caller.accountId}|${caller.region}`;
    let client = this.clients.get(key);
    if (client === undefined) {
      client = this.create(caller);
      this.clients.set(key, client);
    }
    return client;
  }

  /** Closes every client's connections. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private create(caller: Caller): EC2Client {
    const { accessKeyId, secretAccessKey, sessionToken, headers } = this.credentialsOf(caller.accountId);
    const client = new EC2Client({
      endpoint: this.endpoint,
      region: caller.region,
      maxAttempts: 1,
      credentials: { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) },
      requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: CONNECTION_TIMEOUT_MS },
    });
    const extra = Object.entries(headers ?? {});
    if (extra.length > 0) {
      // At the build step, before signing: the headers are signed like any other.
      client.middlewareStack.add(
        (next) => (args) => {
          const request = args.request as { headers?: Record<string, string> };
          if (request.headers !== undefined) for (const [name, value] of extra) request.headers[name] = value;
          return next(args);
        },
        { step: 'build', name: 'pcxsimConformAccountHeaders' },
      );
    }
    return client;
  }
}
