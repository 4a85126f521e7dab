// A route's `State` (routes §2.3), derived from its connection's state at read time: a peering
// transition writes nothing to any route table. The route-state events come from the transition
// itself plus the per-connection index of routes (routing-store.ts `routesToPeering`), so a
// transition costs in proportion to the routes that point at that one connection.
import type { PeeringState } from '@pcxsim/lifecycle';
import type { EngineEvent } from '../events.js';
import { pkeys } from '../pmap.js';
import { peeringById } from '../records.js';
import type { Tx } from '../tx.js';
import type { World } from '../world.js';
import { routesToPeering, routingMembers } from './routing-store.js';
import { ACTIVE_ROUTE_STATE } from './routing-choices.js';

/** A route's state (botocore `RouteState`; `filtered` belongs to Route Server, out of scope). */
export type RouteState = 'active' | 'blackhole';

/** The state of a route to `pcxId` now. */
export function routeStateOf(world: World, pcxId: string): RouteState {
  return peeringById(world, pcxId)?.status === ACTIVE_ROUTE_STATE ? 'active' : 'blackhole';
}

const stateFor = (status: PeeringState | null): RouteState => (status === ACTIVE_ROUTE_STATE ? 'active' : 'blackhole');

/**
 * After a command: for every connection whose state change flipped its routes (into or out of
 * `active`), one `RouteStateChanged` per route that points at it, right after that transition's
 * event. Called by apply for every command that succeeded; it reads only the events of this command
 * and the routes as the command left them.
 */
export function routeStateEvents(tx: Tx): void {
  const events = tx.events;
  if (events.length === 0 || tx.w.routing.index.size === 0) return;
  let out: EngineEvent[] | null = null;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const flips = event.type === 'PeeringStatusChanged' ? routeEventsOf(tx, event.id, event.from, event.to, event.at) : [];
    if (flips.length > 0) out ??= events.slice(0, i);
    if (out !== null) out.push(event, ...flips);
  }
  if (out !== null) events.splice(0, events.length, ...out);
}

function routeEventsOf(tx: Tx, pcxId: string, before: PeeringState, after: PeeringState, at: number): EngineEvent[] {
  const from = stateFor(before);
  const to = stateFor(after);
  if (from === to) return [];
  const refs = routingMembers(tx.w, routesToPeering(pcxId));
  if (refs.size === 0) return [];
  return (pkeys(refs) as string[]).sort().map((ref) => {
    const space = ref.indexOf(' ');
    return {
      type: 'RouteStateChanged' as const,
      routeTableId: ref.slice(0, space),
      destination: ref.slice(space + 1),
      vpcPeeringConnectionId: pcxId,
      from,
      to,
      peeringState: after,
      at,
    };
  });
}
