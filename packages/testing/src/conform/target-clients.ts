// The clients that talk to the endpoint under test: one real EC2Client per (account, Region), no
// retries (a retry would hide the first answer, which is the one compared), each signing with its
// account's credentials and carrying its account's extra headers. The one exception is a kept-alive
// connection the server closed while idle (Node's servers do after 5 s, and the checker idles that
// long while it waits or retries a read): a reset before any answer means the request never reached
// the server, so it is sent once more on a fresh connection, as the SDK's own retry would.
import { EC2Client } from '@aws-sdk/client-ec2';
import type { Caller, Command } from '@pcxsim/engine';
import type { AccountCredentials } from './credentials.js';
import type { Outcome } from './outcome.js';
import { send } from './send.js';
import { TransportError } from './transport-error.js';

/** The socket errors of a connection the server had already closed. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE']);

/** The error code under a transport failure (the SDK's error, or what it wraps). */
function codeOf(error: unknown): string | undefined {
  for (let inner = error, depth = 0; inner !== undefined && inner !== null && depth < 4; depth++) {
    const code = (inner as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    inner = (inner as { cause?: unknown }).cause;
  }
  return undefined;
}

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

  /** Sends `command` as `caller`; once more if the kept-alive connection turned out closed. */
  async send(caller: Caller, command: Command): Promise<Outcome> {
    try {
      return await send(this.for(caller), command);
    } catch (error) {
      if (!(error instanceof TransportError) || !STALE_CONNECTION.has(codeOf(error) ?? '')) throw error;
      return send(this.for(caller), command);
    }
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
