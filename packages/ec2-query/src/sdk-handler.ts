// The in-process way in (ecosystem.md §2.1): a `requestHandler` for `new EC2Client({ requestHandler })`
// that answers without sockets, through the same endpoint as the node:http handler. The SDK hands
// over a signed request whose body is the form string; it wants back a response whose body is a
// Uint8Array or a stream — a plain string fails in its deserialiser (`nodeStream.pipe is not a
// function`).
import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/core/protocols';
import type { HttpHandlerOptions, QueryParameterBag } from '@smithy/types';
import type { Ec2Endpoint } from './endpoint.js';

// The SDK's query bag back to a query string (EC2 requests normally have none).
function queryString(query: QueryParameterBag | undefined): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    const values = value === null ? [null] : Array.isArray(value) ? value : [value];
    for (const item of values) parts.push(item === null ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(item)}`);
  }
  return parts.join('&');
}

/** The body as a string or bytes; a stream is read to its end, or to just past `limit` (the endpoint then refuses it). */
async function bodyOf(body: unknown, limit: number): Promise<string | Uint8Array> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of body as AsyncIterable<unknown>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk instanceof Uint8Array ? chunk : new Uint8Array(0);
      chunks.push(bytes);
      size += bytes.byteLength;
      if (size > limit) break;
    }
    return Buffer.concat(chunks);
  }
  return String(body);
}

/** What an `HttpHandler` gives the SDK back. */
export interface HandlerOutput {
  /** The response: status, headers, the body as bytes. */
  readonly response: HttpResponse;
}

/**
 * An `HttpHandler` for `@aws-sdk/client-ec2` that answers in process from `endpoint`: no sockets,
 * the same parsing, engine and XML as over HTTP. The client still signs its requests, so give it a
 * `region` and static `credentials` (a 12-digit access key ID is the account).
 *
 * @example
 * const ec2 = new EC2Client({
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: '111111111111', secretAccessKey: 'notasecret' },
 *   requestHandler: new InProcessHandler(new Ec2Endpoint()),
 * });
 */
export class InProcessHandler implements HttpHandler {
  /** The endpoint that answers. */
  readonly endpoint: Ec2Endpoint;

  /** A handler over `endpoint`. */
  constructor(endpoint: Ec2Endpoint) {
    this.endpoint = endpoint;
  }

  /** Answers one SDK request. */
  async handle(request: HttpRequest, _options?: HttpHandlerOptions): Promise<HandlerOutput> {
    const headers: Record<string, string> = {};
    const given = request.headers;
    for (const name in given) headers[name.toLowerCase()] = given[name]!;
    // The SDK's EC2 body is a string: used as it is, without waiting on a stream reader.
    const raw = request.body as unknown;
    const body = typeof raw === 'string' ? raw : await bodyOf(raw, this.endpoint.limits.maxBodyBytes);
    const path = request.path === '' ? '/' : request.path;
    const wire = { method: request.method.toUpperCase(), path, query: request.query === undefined ? '' : queryString(request.query), headers, body };
    // Answered at once from memory when nothing is waited for: one await fewer per call.
    const now = this.endpoint.answerNowOrLater(wire);
    const answer = now instanceof Promise ? await now : now;
    return {
      response: new HttpResponse({ statusCode: answer.status, headers: { ...answer.headers }, body: Buffer.from(answer.body, 'utf8') }),
    };
  }

  /** Part of `HttpHandler`; this handler has no client settings to update. */
  updateHttpClientConfig(): void {}

  /** Part of `HttpHandler`; this handler has no client settings. */
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}
