// Checking a SigV4 signature against a configured secret (issue 5, off by default). The method of
// ecosystem.md §2.2, observed to accept the SDK (in-process and over a socket) and both AWS CLIs:
// rebuild the request with only the headers it says it signed, take the signing time from its own
// `x-amz-date`, the Region and service from its credential scope, sign it again with the secret, and
// compare. The signer must run with `applyChecksum: false`: with the default it would add
// `x-amz-content-sha256` to the canonical headers, and every botocore request (which signs only
// `content-type;host;x-amz-date`) would fail. The simulated clock is not the wall clock, so there is
// no check that the request is recent.
import { timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HeaderBag, HttpRequest, QueryParameterBag } from '@smithy/types';
import type { SigV4Signature } from './identity.js';
import type { Param } from './query-params.js';
import { Sha256, sha256Hex } from './sha256.js';

/** The parts of a request a signature covers. */
export interface SignedRequest {
  /** `GET` or `POST`. */
  readonly method: string;
  /** The path as sent (percent-encoded). */
  readonly path: string;
  /** The decoded query parameters. */
  readonly query: readonly Param[];
  /** The headers, names lower-case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body exactly as sent. */
  readonly body: string | Uint8Array;
}

// `20261125T203424Z` → Date.
function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m === null) return undefined;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isFinite(date.getTime()) ? date : undefined;
}

function queryBag(params: readonly Param[], without: ReadonlySet<string>): QueryParameterBag {
  const bag: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    if (without.has(name)) continue;
    const seen = bag[name];
    bag[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return bag;
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const sameText = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Whether `request` carries a genuine `signature` made with `secretAccessKey`. Never throws: a
 * signature that cannot be checked (a signed header missing, a bad date) does not match.
 */
export async function signatureMatches(request: SignedRequest, signature: SigV4Signature, secretAccessKey: string): Promise<boolean> {
  const headers: HeaderBag = {};
  for (const name of signature.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return false;
    headers[name] = value;
  }
  // The signer trusts a sent `x-amz-content-sha256` as the body's hash; make it true.
  const claimed = headers['x-amz-content-sha256'];
  if (claimed !== undefined && claimed !== sha256Hex(request.body)) return false;

  const signer = new SignatureV4({
    credentials: { accessKeyId: signature.scope.accessKeyId, secretAccessKey },
    region: signature.scope.region,
    service: signature.scope.service,
    sha256: Sha256,
    applyChecksum: false,
  });
  const base = { method: request.method, protocol: 'http:', hostname: headers['host'] ?? '', path: decodedPath(request.path), headers, body: request.body };
  const signableHeaders = new Set(signature.signedHeaders);
  try {
    if (signature.presigned === undefined) {
      const signingDate = parseAmzDate(headers['x-amz-date'] ?? '');
      if (signingDate === undefined) return false;
      const signed = await signer.sign({ ...base, query: queryBag(request.query, new Set()) } as HttpRequest, { signingDate, signableHeaders });
      const again = /Signature=([0-9a-f]+)/.exec(String(signed.headers['authorization'] ?? ''))?.[1] ?? '';
      return sameText(again, signature.signature);
    }
    const signingDate = parseAmzDate(signature.presigned.amzDate);
    const expiresIn = Number(signature.presigned.expires);
    if (signingDate === undefined || !Number.isSafeInteger(expiresIn)) return false;
    const query = queryBag(request.query, new Set(['X-Amz-Signature']));
    const signed = await signer.presign({ ...base, query } as HttpRequest, { signingDate, expiresIn, signableHeaders });
    return sameText(String(signed.query?.['X-Amz-Signature'] ?? ''), signature.signature);
  } catch {
    return false;
  }
}
