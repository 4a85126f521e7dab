// The node:http way in (issue 5): a request listener usable in any node:http server (or anything that
// hands out IncomingMessage/ServerResponse), and `listen` for a ready server. It reads the body up to
// the limit and no further — a larger body is answered 413 at once, and the rest is thrown away
// unread (oversized-body.ts) — then hands a WireRequest to the endpoint and writes its answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Ec2Endpoint } from './endpoint.js';
import { answerThenDiscard, discardBounds } from './oversized-body.js';
import type { WireRequest, WireResponse } from './wire.js';

/** A `node:http` request listener. */
export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

// Node gives every header but `set-cookie` as one string (repeats joined with ", " or dropped, as
// RFC 9110 allows), so its own object is the WireRequest's headers as they are; only a `set-cookie`
// (which no EC2 client sends) needs its list joined, so the copy every request paid for goes.
function headersOf(request: IncomingMessage): Readonly<Record<string, string | undefined>> {
  const headers = request.headers;
  if (headers['set-cookie'] === undefined) return headers as Readonly<Record<string, string | undefined>>;
  const joined: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) joined[name] = Array.isArray(value) ? value.join(', ') : value;
  return joined;
}

function send(response: ServerResponse, answer: WireResponse, close: boolean): void {
  // The body goes as a string: node then joins status line, headers and body into one string for
  // the socket, where a Buffer body was one more copy (`Buffer.from`, `writeBuffer`: ~3% of the
  // server's profile) and one more part in the writev (bench/README.md, "HTTP under load").
  // The headers go as node's flat [name, value, …] list, made in one pass, rather than a spread
  // copy of the answer's object with two more keys (`send` was 2.2% of the server's profile).
  const flat: string[] = [];
  const headers = answer.headers;
  for (const name in headers) flat.push(name, headers[name]!);
  flat.push('content-length', String(Buffer.byteLength(answer.body, 'utf8')));
  if (close) flat.push('connection', 'close');
  // Node adds Date, the wall clock, as AWS does; the simulated now is in x-pcxsim-clock.
  response.writeHead(answer.status, flat);
  response.end(answer.body, 'utf8');
}

/**
 * A request listener that answers every request through `endpoint`.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(createRequestListener(new Ec2Endpoint())).listen(4599, '127.0.0.1');
 */
export function createRequestListener(endpoint: Ec2Endpoint): RequestListener {
  return (request, response) => {
    const url = request.url ?? '/';
    const q = url.indexOf('?');
    const target = { method: request.method ?? 'GET', path: q === -1 ? url : url.slice(0, q), query: q === -1 ? '' : url.slice(q + 1), headers: headersOf(request) };
    const limit = endpoint.limits.maxBodyBytes;
    const tooLarge = (): void => answerThenDiscard(request, response, () => send(response, endpoint.oversized(target), false), discardBounds(limit));
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      request.pause();
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.byteLength;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        request.pause();
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (over) return;
      const wire: WireRequest = { ...target, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) };
      // Answered at once when nothing is waited for (no promise, no microtask trip); else later.
      let answer: WireResponse | Promise<WireResponse>;
      try {
        answer = endpoint.answerNowOrLater(wire);
      } catch {
        response.destroy();
        return;
      }
      if (answer instanceof Promise) {
        answer.then(
          (later) => send(response, later, false),
          () => response.destroy(),
        );
      } else send(response, answer, false);
    });
    request.on('error', () => request.destroy());
  };
}

/** A server {@link listen} started. */
export interface RunningServer {
  /** The node:http server. */
  readonly server: Server;
  /** The endpoint URL, e.g. `http://127.0.0.1:4599`: what `--endpoint-url` and `endpoint` take. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Where {@link listen} listens. */
export interface ListenOptions {
  /** The address: default `127.0.0.1` (loopback only). */
  readonly host?: string;
  /** The port: default 0, any free port. */
  readonly port?: number;
}

/**
 * Starts a node:http server for `endpoint` and resolves once it listens.
 *
 * @example
 * const running = await listen(new Ec2Endpoint(), { port: 0 });
 * // aws --endpoint-url ${running.url} ec2 describe-vpcs
 * await running.close();
 */
export function listen(endpoint: Ec2Endpoint, options: ListenOptions = {}): Promise<RunningServer> {
  const server = createServer({ keepAlive: true }, createRequestListener(endpoint));
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shown}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
