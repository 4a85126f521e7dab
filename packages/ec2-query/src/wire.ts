// The request and response every way in shares (issue 5, "Two ways in, one code path"): the node:http
// handler and the in-process SDK handler each turn their own request into a WireRequest and write
// the WireResponse back, so parsing, identity, the engine call and serialising happen in one place
// (endpoint.ts).

/** An HTTP request, as plain data. */
export interface WireRequest {
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** The path, percent-encoded as sent, without the query string. */
  readonly path: string;
  /** The raw query string, without the `?` (empty when none). */
  readonly query: string;
  /** The headers, names lower-case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body as sent: the SDK hands a string, a socket gives bytes. */
  readonly body: string | Uint8Array;
}

/** An HTTP response, as plain data. */
export interface WireResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The headers, names lower-case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body text (sent as UTF-8). */
  readonly body: string;
}

/** The byte length of a body. */
export const byteLength = (body: string | Uint8Array): number => (typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength);
