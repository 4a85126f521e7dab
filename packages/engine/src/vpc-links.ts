// Each VPC's peering connections, in one entry per VPC (`world.links`): the connections between it
// and each other VPC, either direction, and how many of them count against its quota. The rules ask
// all three at once — Create the pair (spec §2.2, the duplicate request), Accept the pair and both
// quotas (spec §2.2, §2.3), DeleteVpc and Describe's `*-vpc-info.vpc-id` filters the VPC's set — so
// they live together: a new connection writes two entries instead of a pair table, two index sets
// and their keys, and an accept moves two counters in entries it reads anyway. Derived from the
// connection records alone (records.ts writes them), like every index.
import type { EditScope } from './edit-scope.js';
import { emptyPMap, pdelete, peach, pget, pset, type PMap } from './pmap.js';
import type { VpcLinks } from './world.js';

const NO_IDS: readonly string[] = Object.freeze([]);

const NO_LINKS: VpcLinks = Object.freeze({ active: 0, size: 0, peers: emptyPMap<readonly string[]>() });

/** The entry of `vpcId` (an empty one when it takes part in no connection). */
export const linksOf = (links: PMap<VpcLinks>, vpcId: string): VpcLinks => pget(links, vpcId) ?? NO_LINKS;

/** The connections between two VPCs, either direction, in the order they were made. */
export const pairMembers = (links: PMap<VpcLinks>, a: string, b: string): readonly string[] => pget(linksOf(links, a).peers, b) ?? NO_IDS;

/** The provisioning and active connections either side of which is the VPC (spec §2.3: the per-VPC quota). */
export const activeCount = (links: PMap<VpcLinks>, vpcId: string): number => linksOf(links, vpcId).active;

/** How many connections either side of which is the VPC (every state, visible or not). */
export const connectionCount = (links: PMap<VpcLinks>, vpcId: string): number => linksOf(links, vpcId).size;

/** Every connection either side of which is the VPC, every state, visible or not (in no set order). */
export function connectionIds(links: PMap<VpcLinks>, vpcId: string): string[] {
  const out: string[] = [];
  peach(linksOf(links, vpcId).peers, (ids) => {
    for (let i = 0; i < ids.length; i++) out.push(ids[i]!);
  });
  return out;
}

/** The table with `vpcId`'s entry replaced; an entry left with no connection is dropped. */
function put(scope: EditScope, links: PMap<VpcLinks>, vpcId: string, entry: VpcLinks): PMap<VpcLinks> {
  return entry.size === 0 && entry.active === 0 ? pdelete(scope, links, vpcId) : pset(scope, links, vpcId, entry);
}

/** `vpcId`'s side of the connection `id` with `peerVpcId` added (`add`) or removed. */
function link(scope: EditScope, links: PMap<VpcLinks>, vpcId: string, peerVpcId: string, id: string, add: boolean): PMap<VpcLinks> {
  const entry = linksOf(links, vpcId);
  const ids = pget(entry.peers, peerVpcId) ?? NO_IDS;
  const next = add ? Object.freeze([...ids, id]) : Object.freeze(ids.filter((other) => other !== id));
  const peers = next.length === 0 ? pdelete(scope, entry.peers, peerVpcId) : pset(scope, entry.peers, peerVpcId, next);
  return put(scope, links, vpcId, Object.freeze({ active: entry.active, size: entry.size + next.length - ids.length, peers }));
}

/** The table with the connection `id` between `a` (requester) and `b` (accepter) entered or removed. */
export function linkPair(scope: EditScope, links: PMap<VpcLinks>, a: string, b: string, id: string, add: boolean): PMap<VpcLinks> {
  const out = link(scope, links, a, b, id, add);
  return a === b ? out : link(scope, out, b, a, id, add);
}

/** The table with the quota counters of `a` and `b` (one VPC counted once) moved by `delta`. */
export function moveActive(scope: EditScope, links: PMap<VpcLinks>, a: string, b: string, delta: number): PMap<VpcLinks> {
  const out = count(scope, links, a, delta);
  return a === b ? out : count(scope, out, b, delta);
}

function count(scope: EditScope, links: PMap<VpcLinks>, vpcId: string, delta: number): PMap<VpcLinks> {
  const entry = linksOf(links, vpcId);
  return put(scope, links, vpcId, Object.freeze({ active: entry.active + delta, size: entry.size, peers: entry.peers }));
}
