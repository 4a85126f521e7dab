// reconcileMesh: bring the AWS side to the desired mesh. Observe first (each member's blocks and the
// connections it asked for), then walk the pairs in mesh order, then route. Running it again on a
// mesh already as desired only reads: its report has no change.
import { connectPair, existingBetween, pairsOf } from './connect-pair.js';
import { blocksOverlap, firstOverlap } from './ipv4-blocks.js';
import { blocksOf, requestedBy } from './observe.js';
import type { MeshChange, MeshReport, PairOutcome, UnroutedBlock } from './report.js';
import { ensureRoutes, type WantedRoute } from './routes.js';
import { runOf, type MeshSpec } from './settings.js';

/**
 * Peers every pair of members whose IPv4 blocks do not overlap, accepting as the accepter's owner in
 * its Region, and routes each member's table to each peer's blocks through their connection.
 *
 * A pair whose blocks overlap is reported, not requested (AWS would fail it, spec §2.2). A connection
 * that ended before the call is history and a new one is requested; one that ends during the call,
 * or a wait that runs out, is reported for its pair and the others go on. Calls throttled past the
 * retry bound throw {@link RetriesExhaustedError}; other AWS errors are passed on unchanged.
 */
export async function reconcileMesh(spec: MeshSpec): Promise<MeshReport> {
  const run = runOf(spec);
  const { members } = spec;
  const blocks = new Map<string, string[]>();
  const requested = new Map<string, Awaited<ReturnType<typeof requestedBy>>>();
  for (const member of members) {
    blocks.set(member.name, await blocksOf(run, member));
    requested.set(member.name, await requestedBy(run, member));
  }

  const changes: MeshChange[] = [];
  const pairs: PairOutcome[] = [];
  for (const pair of pairsOf(members)) {
    const overlap = firstOverlap(blocks.get(pair.a.name)!, blocks.get(pair.b.name)!);
    if (overlap !== undefined) pairs.push({ kind: 'overlapping', a: pair.a.name, b: pair.b.name, blocks: overlap });
    else pairs.push(await connectPair(run, pair, existingBetween(pair, requested), changes));
  }

  // Routes once every connection is active: a route made earlier would be a blackhole until then (routes §2.3).
  const unrouted: UnroutedBlock[] = [];
  for (const member of members) {
    const reachable = peersOf(member.name, pairs).flatMap(({ peer, connectionId }) => blocks.get(peer)!.map((destination) => ({ peer, destination, connectionId })));
    const wanted: WantedRoute[] = [];
    for (const route of reachable) {
      // Peers that overlap one another: one table sends a prefix to one connection only (routes §3.5).
      const clash = reachable.find((other) => other.peer !== route.peer && blocksOverlap(other.destination, route.destination));
      if (clash === undefined) wanted.push(route);
      else unrouted.push({ member: member.name, peer: route.peer, destination: route.destination, overlapsWith: clash.peer });
    }
    await ensureRoutes(run, member, wanted, changes);
  }
  return { pairs, unrouted, changes };
}

/** The member's peers in mesh order, each with the connection that joins them. */
function peersOf(name: string, pairs: readonly PairOutcome[]): { peer: string; connectionId: string }[] {
  return pairs.flatMap((pair) => {
    if (pair.kind !== 'peered' || (pair.a !== name && pair.b !== name)) return [];
    return [{ peer: pair.a === name ? pair.b : pair.a, connectionId: pair.connectionId }];
  });
}
