// MaxResults and NextToken (spec §4.1, §4.4). Results come sorted by a key (the resource ID), and a
// token names the last key of its page: the next page starts after it. So a page never repeats or
// skips an item that existed throughout, whatever was created or removed in between. The token is
// opaque to clients, deterministic, and bound to the query it came from (its filters and IDs).
import { invalidNextToken, maxResultsInvalid } from './errors.js';
import { optionalInteger, optionalString } from './input.js';
import { done, refuse, type Outcome } from './outcome.js';
import { hashKey } from './pmap.js';

/** spec §4.1 [doc]: MaxResults is 5..1000. */
export const MIN_RESULTS = 5;
/** spec §4.1 [doc]. */
export const MAX_RESULTS = 1000;

/** A validated page request. */
export interface Paging {
  /** Page size, or `null` for everything at once. */
  readonly limit: number | null;
  /** Start after this sort key, or `null` for the first page. */
  readonly after: string | null;
  /** Binds the tokens to the query (computed only when a token is read or written). */
  readonly fingerprint: () => string;
}

/** A fingerprint of the query's own members (filters, IDs): a token is valid only for the same query. */
export const fingerprintOf = (query: unknown): string => hashKey(JSON.stringify(query ?? null)).toString(36);

const encode = (text: string): string =>
  btoa(encodeURIComponent(text)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function decode(token: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(atob(token.replace(/-/g, '+').replace(/_/g, '/'))));
  } catch {
    return undefined;
  }
}

/**
 * Reads `MaxResults` and `NextToken` for a query whose fingerprint `fingerprint` computes; `upper` is
 * the action's largest page (1000 for most, 100 for a few such as DescribeNetworkAcls [doc]).
 */
export function readPaging(maxResults: unknown, nextToken: unknown, fingerprint: () => string, upper = MAX_RESULTS): Outcome<Paging> {
  const max = optionalInteger(maxResults, 'MaxResults');
  if (!max.ok) return refuse(maxResultsInvalid(maxResults, true));
  if (max.value !== undefined && max.value < MIN_RESULTS) return refuse(maxResultsInvalid(max.value, true)); // spec §4.4 [obs]
  if (max.value !== undefined && max.value > upper) return refuse(maxResultsInvalid(max.value, false, upper)); // [?]
  const token = optionalString(nextToken, 'NextToken');
  if (!token.ok) return token;
  let after: string | null = null;
  if (token.value !== undefined && token.value !== '') {
    const decoded = decode(token.value);
    // spec §4.4 [?]: a token that is not ours, or from another query, is InvalidNextToken.
    if (!Array.isArray(decoded) || decoded[0] !== fingerprint() || typeof decoded[1] !== 'string') {
      return refuse(invalidNextToken(token.value));
    }
    after = decoded[1];
  }
  return done({ limit: max.value ?? null, after, fingerprint });
}

/** One page of `items` (sorted by `keyOf`, ascending), and the token of the next page if any. */
export function page<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  paging: Paging,
): { readonly items: T[]; readonly nextToken: string | undefined } {
  let start = 0;
  if (paging.after !== null) {
    const after = paging.after;
    let low = 0;
    let high = items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keyOf(items[mid]!) <= after) low = mid + 1;
      else high = mid;
    }
    start = low;
  }
  const end = paging.limit === null ? items.length : Math.min(items.length, start + paging.limit);
  const slice = items.slice(start, end);
  const nextToken = end < items.length ? encode(JSON.stringify([paging.fingerprint(), keyOf(items[end - 1]!)])) : undefined;
  return { items: slice, nextToken };
}

/** Sorts by key (UTF-16 code-unit order, the order the tokens use). */
export const sortByKey = <T>(items: T[], keyOf: (item: T) => string): T[] =>
  items.sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
