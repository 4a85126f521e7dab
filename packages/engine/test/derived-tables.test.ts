// The tables derived from the connection records — each VPC's connections and quota counter
// (vpc-links.ts), the status index and the outstanding-requests counters (indexes.ts) — are written
// change by change (records.ts). Whatever the history, they must equal the tables built afresh from
// the records the world holds.
import { countsAsActive, isOutstanding } from '@pcxsim/lifecycle';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { byStatus, hasStatusSet, listedIn, outstandingOf } from '../src/indexes.js';
import { peach, pkeys, type PMap } from '../src/pmap.js';
import { listedFor, viewsOf } from '../src/visibility.js';
import type { PeeringRecord, World } from '../src/world.js';
import { rawStepArb, runSteps } from './scenario.js';

type Links = Record<string, { active: number; size: number; peers: Record<string, string[]> }>;

const sorted = <T>(values: Iterable<T>): T[] => [...values].sort();

/** What the tables hold, as plain sorted data. */
function held(world: World): { links: Links; statuses: Record<string, string[]>; counts: Record<string, number> } {
  const links: Links = {};
  peach(world.links, (entry, vpcId) => {
    const peers: Record<string, string[]> = {};
    peach(entry.peers, (ids, peer) => (peers[peer as string] = sorted(ids)));
    links[vpcId as string] = { active: entry.active, size: entry.size, peers };
  });
  const statuses: Record<string, string[]> = {};
  peach(world.statuses, (set: PMap<true>, key) => (statuses[key as string] = sorted(pkeys(set) as string[])));
  const counts: Record<string, number> = {};
  peach(world.counts, (n, key) => (counts[key as string] = n));
  return { links, statuses, counts };
}

/** The same tables built from the records alone. */
function rebuilt(world: World): ReturnType<typeof held> {
  const links: Links = {};
  const statuses: Record<string, Set<string>> = {};
  const counts: Record<string, number> = {};
  const entry = (vpcId: string) => (links[vpcId] ??= { active: 0, size: 0, peers: {} });
  const add = (key: string, id: string) => (statuses[key] ??= new Set()).add(id);
  peach(world.peerings, (record: PeeringRecord) => {
    const sides = record.requesterVpcId === record.accepterVpcId ? [record.requesterVpcId] : [record.requesterVpcId, record.accepterVpcId];
    for (const vpcId of sides) {
      const other = vpcId === record.requesterVpcId ? record.accepterVpcId : record.requesterVpcId;
      const own = entry(vpcId);
      (own.peers[other] ??= []).push(record.id);
      own.size++;
      if (countsAsActive(record.status)) own.active++;
    }
    for (const [view, roles] of viewsOf(record)) {
      if (!listedFor(record, roles)) continue;
      add(listedIn(view), record.id);
      if (hasStatusSet(record.status)) add(byStatus(view, record.status), record.id);
    }
    if (isOutstanding(record.status)) counts[outstandingOf(record.requesterOwnerId)] = (counts[outstandingOf(record.requesterOwnerId)] ?? 0) + 1;
  });
  for (const own of Object.values(links)) for (const peer in own.peers) own.peers[peer] = sorted(own.peers[peer]!);
  return { links, statuses: Object.fromEntries(Object.entries(statuses).map(([key, ids]) => [key, sorted(ids)])), counts };
}

describe('the derived tables', () => {
  test.prop([fc.array(rawStepArb, { maxLength: 40 })])('equal the tables rebuilt from the records, after every command', (raw) => {
    const { steps } = runSteps(raw);
    for (const { step, command } of steps) expect(held(step.world), command.type).toEqual(rebuilt(step.world));
  });

  test.prop([fc.array(rawStepArb, { maxLength: 40 })])('hold no empty entry: a VPC without connections and a set left empty are dropped', (raw) => {
    const { world } = runSteps(raw);
    peach(world.links, (entry) => expect(entry.size + entry.active).toBeGreaterThan(0));
    peach(world.statuses, (set: PMap<true>) => expect(set.size).toBeGreaterThan(0));
  });
});
