// Who is calling (issue 5): the account comes from the access key ID of the request's SigV4
// signature — a 12-digit key IS the account ID, other keys map through configuration, anything else
// is the default account — and the Region from the signature's credential scope. The signature sits
// in the `Authorization` header (what the SDK and the CLI send, ecosystem.md §1.1, §3) or, for a
// presigned GET, in `X-Amz-*` query parameters. Whether it is genuine is sigv4.ts's question.
import type { Caller } from '@pcxsim/engine';
import type { Param } from './query-params.js';

/** The credential scope of a signature: `AKID/20261125/us-east-1/ec2/aws4_request`. */
export interface CredentialScope {
  /** The access key ID. */
  readonly accessKeyId: string;
  /** The signing day, `YYYYMMDD`. */
  readonly date: string;
  /** The Region signed for. */
  readonly region: string;
  /** The service signed for (`ec2`). */
  readonly service: string;
}

/** The times a presigned request carries. */
export interface PresignedTimes {
  /** `X-Amz-Date`, `YYYYMMDDTHHMMSSZ`: when it was signed. */
  readonly amzDate: string;
  /** `X-Amz-Expires`, seconds (default 3600). */
  readonly expires: string;
}

/** A SigV4 signature as a request carries it. */
export interface SigV4Signature {
  /** In the `Authorization` header, or in the query string (presigned). */
  readonly location: 'header' | 'query';
  /** The credential scope. */
  readonly scope: CredentialScope;
  /** The names of the signed headers, lower-case. */
  readonly signedHeaders: readonly string[];
  /** The signature, 64 hex digits. */
  readonly signature: string;
  /** For a presigned request: `X-Amz-Date` and `X-Amz-Expires`. */
  readonly presigned?: PresignedTimes;
}

/** The query parameters of a presigned request, which are not EC2 parameters. */
export const PRESIGN_PARAMS: ReadonlySet<string> = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
]);

const ALGORITHM = 'AWS4-HMAC-SHA256';

function scopeOf(credential: string): CredentialScope | undefined {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return undefined;
  const [accessKeyId, date, region, service] = parts as [string, string, string, string, string];
  return accessKeyId !== '' && /^\d{8}$/.test(date) && region !== '' && service !== '' ? { accessKeyId, date, region, service } : undefined;
}

const splitHeaders = (list: string): string[] => list.split(';').filter((name) => name !== '');

/**
 * The signature in an `Authorization` header, if it is a well-formed SigV4 one: the fields after the
 * algorithm, split at commas, each `Name=value` with blanks trimmed; a later field of the same name
 * wins. Read by index rather than through split arrays and a Map: every request takes this path.
 */
function fromHeader(header: string): SigV4Signature | undefined {
  if (!header.startsWith(`${ALGORITHM} `)) return undefined;
  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  for (let start = ALGORITHM.length; start <= header.length; ) {
    let end = header.indexOf(',', start);
    if (end === -1) end = header.length;
    const eq = header.indexOf('=', start);
    if (eq !== -1 && eq < end) {
      const name = header.slice(start, eq).trim();
      if (name === 'Credential') credential = header.slice(eq + 1, end).trim();
      else if (name === 'SignedHeaders') signedHeaders = header.slice(eq + 1, end).trim();
      else if (name === 'Signature') signature = header.slice(eq + 1, end).trim();
    }
    start = end + 1;
  }
  const scope = scopeOf(credential ?? '');
  if (scope === undefined || signedHeaders === undefined || signature === undefined) return undefined;
  return { location: 'header', scope, signedHeaders: splitHeaders(signedHeaders.toLowerCase()), signature };
}

/** The signature of a presigned request, from its query parameters. */
function fromQuery(params: readonly Param[]): SigV4Signature | undefined {
  const get = (name: string): string | undefined => params.find(([key]) => key === name)?.[1];
  if (get('X-Amz-Algorithm') !== ALGORITHM) return undefined;
  const scope = scopeOf(get('X-Amz-Credential') ?? '');
  const signedHeaders = get('X-Amz-SignedHeaders');
  const signature = get('X-Amz-Signature');
  const amzDate = get('X-Amz-Date');
  if (scope === undefined || signedHeaders === undefined || signature === undefined || amzDate === undefined) return undefined;
  return {
    location: 'query',
    scope,
    signedHeaders: splitHeaders(signedHeaders.toLowerCase()),
    signature,
    presigned: { amzDate, expires: get('X-Amz-Expires') ?? '3600' },
  };
}

/**
 * The request's SigV4 signature: the `Authorization` header's, else the query string's; undefined
 * when there is none or it is malformed.
 */
export function signatureOf(authorization: string | undefined, queryParams: readonly Param[]): SigV4Signature | undefined {
  return authorization !== undefined ? fromHeader(authorization) : fromQuery(queryParams);
}

/** How access keys map to accounts, and who calls when a request says nothing. */
export interface IdentityOptions {
  /** Access key IDs that are not 12-digit account IDs themselves, mapped to account IDs. */
  readonly accounts?: Readonly<Record<string, string>>;
  /** The account of any other key, and of unsigned requests: `123456789012`. */
  readonly defaultAccountId?: string;
  /** The Region of unsigned requests: `us-east-1`. */
  readonly defaultRegion?: string;
}

/** The default account: AWS's documentation example account. */
export const DEFAULT_ACCOUNT_ID = '123456789012';

/** The default Region. */
export const DEFAULT_REGION = 'us-east-1';

const ACCOUNT_ID = /^\d{12}$/;

/**
 * The caller a signature stands for.
 *
 * @example
 * callerOf(signatureOf('AWS4-HMAC-SHA256 Credential=111111111111/20260101/eu-west-1/ec2/aws4_request, SignedHeaders=host, Signature=…', []), {});
 * // { accountId: '111111111111', region: 'eu-west-1' }
 */
export function callerOf(signature: SigV4Signature | undefined, options: IdentityOptions): Caller {
  const region = signature?.scope.region ?? options.defaultRegion ?? DEFAULT_REGION;
  const key = signature?.scope.accessKeyId;
  if (key !== undefined && ACCOUNT_ID.test(key)) return { accountId: key, region };
  const accounts = options.accounts;
  const mapped = key !== undefined && accounts !== undefined && Object.prototype.hasOwnProperty.call(accounts, key) ? accounts[key] : undefined;
  return { accountId: mapped ?? options.defaultAccountId ?? DEFAULT_ACCOUNT_ID, region };
}
