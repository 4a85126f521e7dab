// Longest prefix match in one route table (routes §2.5 [doc]: "we use the most specific route that
// matches the traffic"), IPv4 and IPv6 apart.
//
// Cost: a table keeps how many routes it has of each destination length (RouteTableRecord.lengths);
// a lookup masks the address to each length present, longest first, and looks the masked prefix up
// by exact key in the table's trie — at most 33 (IPv4) or 129 (IPv6) probes whatever the number of
// routes, each a walk of the trie, which grows with the log of the table's routes. Nothing here
// reads the rest of the world.
import { prefixContains, type Address } from '@pcxsim/cidr';
import { pget } from '../pmap.js';
import type { LocalRoute } from './local-routes.js';
import type { RouteRecord, RouteTableRecord } from './routing-records.js';
import { addressKey } from './route-destination.js';

/** A route that matches an address: a local one, or one a user created. */
export type RouteMatch =
  | { readonly kind: 'local'; readonly route: LocalRoute; readonly length: number }
  | { readonly kind: 'user'; readonly route: RouteRecord; readonly length: number };

const sortedLengths = new WeakMap<RouteTableRecord, { readonly 4: readonly number[]; readonly 6: readonly number[] }>();

/** The destination lengths a table's user routes have, per family, longest first; memoised per (frozen) record. */
function lengthsOf(table: RouteTableRecord): { readonly 4: readonly number[]; readonly 6: readonly number[] } {
  let lengths = sortedLengths.get(table);
  if (lengths === undefined) {
    const v4: number[] = [];
    const v6: number[] = [];
    for (const key in table.lengths) {
      const [family, length] = key.split('/');
      (family === '4' ? v4 : v6).push(Number(length));
    }
    lengths = { 4: v4.sort((a, b) => b - a), 6: v6.sort((a, b) => b - a) };
    sortedLengths.set(table, lengths);
  }
  return lengths;
}

/**
 * Every route of the table that matches `address`, most specific first: the first is the one the
 * table uses. A `local` route wins a tie [?] (a user route equal to a block is refused, routes §2.2,
 * so a tie needs a block associated after the route). A blackhole route still matches (routes §2.5
 * [?]: the lookup does not fall back past it).
 */
export function matchingRoutes(table: RouteTableRecord, locals: readonly LocalRoute[], address: Address): RouteMatch[] {
  const out: RouteMatch[] = [];
  const localMatches = locals.filter((local) => prefixContains(local.prefix, address)).sort((a, b) => b.prefix.length - a.prefix.length);
  let next = 0;
  for (const length of lengthsOf(table)[address.family]) {
    while (next < localMatches.length && localMatches[next]!.prefix.length >= length) {
      const local = localMatches[next++]!;
      out.push({ kind: 'local', route: local, length: local.prefix.length });
    }
    const route = pget(table.routes, addressKey(address, length));
    if (route !== undefined) out.push({ kind: 'user', route, length });
  }
  for (; next < localMatches.length; next++) out.push({ kind: 'local', route: localMatches[next]!, length: localMatches[next]!.prefix.length });
  return out;
}

/** The route the table uses for `address`, or `null` when none matches: stops at the first probe that hits. */
export function longestPrefixMatch(table: RouteTableRecord, locals: readonly LocalRoute[], address: Address): RouteMatch | null {
  let best: LocalRoute | null = null;
  for (const local of locals) {
    if ((best === null || local.prefix.length > best.prefix.length) && prefixContains(local.prefix, address)) best = local;
  }
  for (const length of lengthsOf(table)[address.family]) {
    if (best !== null && best.prefix.length >= length) break;
    const route = pget(table.routes, addressKey(address, length));
    if (route !== undefined) return { kind: 'user', route, length };
  }
  return best === null ? null : { kind: 'local', route: best, length: best.prefix.length };
}
