// Dense worlds (issue 16 §5): one VPC — the hub, the first VPC still alive — peered with many
// others, so that a VPC's connections fill more than one page of DescribeVpcPeeringConnections
// (MaxResults is at least 5, spec §4.1) and a client's pagination bugs show. Without it, generated
// worlds rarely hold more than 5 connections per VPC.
import type { Caller } from '@pcxsim/engine';
import fc from 'fast-check';
import { requestStep } from './peering-steps.js';
import { viewer, type Settings } from './settings.js';
import { template, type WeightedTemplates } from './template.js';
import { blocksOverlap, type Tracker, type VpcEntry } from './tracker.js';
import { createVpcStep } from './vpc-steps.js';

/** The states in which a connection still joins two VPCs (a Create between them returns it, spec §2.2). */
const JOINING = ['initiating-request', 'pending-acceptance', 'provisioning', 'active'];

/** The hub's peers' blocks: 10.100.0.0/16 upwards, outside the shared pool (settings.ts), one per VPC. */
const peerBlock = (k: number): string => `10.${100 + (k % 150)}.0.0/16`;

/** The VPCs the hub is joined with now, and how many connections it has that its owner sees. */
function hubLinks(tracker: Tracker, hub: VpcEntry): { readonly joined: Set<string>; readonly seen: number } {
  const joined = new Set<string>();
  let seen = 0;
  for (const pcx of tracker.pcxs) {
    if (pcx.requesterVpc !== hub.symbol && pcx.accepterVpc !== hub.symbol) continue;
    const state = tracker.statusSeenBy(pcx, hub.owner);
    if (state === undefined) continue;
    seen++;
    if (JOINING.includes(state)) joined.add(pcx.requesterVpc === hub.symbol ? pcx.accepterVpc : pcx.requesterVpc);
  }
  return { joined, seen };
}

/**
 * The hub's next connection, while it has fewer than `density` that its owner sees: a request from
 * the hub to a live VPC it is not joined with and does not overlap (so the request is not failed),
 * or else a new VPC to request to, with a block the hub does not overlap, owned round the cast.
 * Once the hub is dense enough, the Accept of its pending requests, then a Describe of its
 * connections by its owner (when allowed; else more connections).
 */
function hubStep(tracker: Tracker, settings: Settings, density: number, n: number) {
  const hub = tracker.liveVpcs()[0];
  if (hub === undefined) return createVpcStep(viewer(settings, n), '10.0.0.0/16');
  const { joined, seen } = hubLinks(tracker, hub);
  if (seen >= density) {
    // Dense enough: answer the hub's pending requests (so its page holds active ones too), then read it.
    const pending = tracker.pcxs.find((pcx) => pcx.requesterVpc === hub.symbol && tracker.statusSeenBy(pcx, pcx.accepter) === 'pending-acceptance');
    if (pending !== undefined && settings.allowed.has('AcceptVpcPeeringConnection')) {
      return { caller: pending.accepter, command: { type: 'AcceptVpcPeeringConnection' as const, VpcPeeringConnectionId: pending.symbol } };
    }
    if (settings.allowed.has('DescribeVpcPeeringConnections')) {
      return { caller: hub.owner, command: { type: 'DescribeVpcPeeringConnections' as const, Filters: [{ Name: 'requester-vpc-info.vpc-id', Values: [hub.symbol] }] } };
    }
  }
  const peer = tracker.liveVpcs().find((vpc) => vpc !== hub && !joined.has(vpc.symbol) && !blocksOverlap(vpc.cidrs, hub.cidrs));
  if (peer !== undefined) return requestStep(hub, peer, false, null);
  let k = tracker.vpcs.length;
  while (blocksOverlap([peerBlock(k)], hub.cidrs)) k++;
  const owner: Caller = viewer(settings, n + tracker.vpcs.length);
  return createVpcStep(owner, peerBlock(k));
}

/** The hub's template, as heavy as all the other valid steps together (0 density: none). */
export function densityTemplates(settings: Settings, density: number): WeightedTemplates[] {
  if (density <= 0 || !settings.allowed.has('CreateVpcPeeringConnection') || !settings.allowed.has('CreateVpc')) return [];
  return [
    {
      action: 'CreateVpcPeeringConnection',
      weight: 400,
      arbitrary: fc.nat({ max: 63 }).map((n) => template('CreateVpcPeeringConnection', (tracker) => hubStep(tracker, settings, density, n))),
    },
  ];
}
