#!/usr/bin/env node
// `pnpm run bench:immer [-- --sizes 1000,100000,1000000]`
//
// Why the world is a persistent trie and not an immer draft (docs/design.md): the cost of one record
// update, four ways, in microseconds of this process's CPU time per update (user + system, so that
// other work on a shared machine does not count):
// - literal:      a frozen object literal of the record's fixed shape, as the engine's makeRecord writes it;
// - spread:       Object.freeze({ ...record, status }), the obvious immutable update;
// - immer record: produce(record, (draft) => { draft.status = … }), immer on the record alone;
// - immer world:  produce(world, (draft) => { draft.peerings[id].status = …; draft.clock += 1 }), immer on a
//                 world holding `size` records in a plain object, as an immer-based engine would keep them;
// - pmap world:   the literal, stored with the engine's pset into a persistent hash trie of `size` records
//                 and frozen when its edit scope commits, as apply() does on every command.
// immer runs with its defaults (auto-freeze on). Prints a table, then one plain line per size:
//   immer size=<n> literal_us=<n> spread_us=<n> immer_record_us=<n> immer_world_us=<n> pmap_world_us=<n>
import { produce } from 'immer';
// The trie is internal to the engine (not exported from its index): the bench reads the built module.
import { EditScope } from '../packages/engine/dist/edit-scope.js';
import { emptyPMap, pset } from '../packages/engine/dist/pmap.js';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const at = args.indexOf('--sizes');
const SIZES = (at >= 0 ? args[at + 1] : '1000,100000,1000000').split(',').map(Number);
const STATES = ['pending-acceptance', 'provisioning', 'active', 'deleting', 'deleted'];

/** A record of a peering connection's shape (the engine's PeeringRecord: 20 fields). */
function record(i) {
  return Object.freeze({
    id: `pcx-${i.toString(16).padStart(17, '0')}`,
    requesterVpcId: `vpc-${(2 * i).toString(16).padStart(17, '0')}`,
    requesterOwnerId: '111111111111',
    requesterRegion: 'us-east-1',
    accepterVpcId: `vpc-${(2 * i + 1).toString(16).padStart(17, '0')}`,
    accepterOwnerId: '222222222222',
    accepterRegion: 'us-east-1',
    status: 'active',
    statusSince: 1_767_225_600_000,
    createdAt: 1_767_225_600_000,
    expiresAt: 1_767_830_400_000,
    accepted: true,
    deletedBy: null,
    expiryEntry: null,
    requesterOptions: Object.freeze({ allowDnsResolutionFromRemoteVpc: false }),
    accepterOptions: Object.freeze({ allowDnsResolutionFromRemoteVpc: false }),
    tags: Object.freeze({}),
    deletedVpcs: null,
    previous: null,
    visibleFrom: 0,
  });
}

/** The record with a new status, written field by field as the engine's makeRecord does. */
function literal(base, status) {
  return Object.freeze({
    id: base.id,
    requesterVpcId: base.requesterVpcId,
    requesterOwnerId: base.requesterOwnerId,
    requesterRegion: base.requesterRegion,
    accepterVpcId: base.accepterVpcId,
    accepterOwnerId: base.accepterOwnerId,
    accepterRegion: base.accepterRegion,
    status,
    statusSince: base.statusSince,
    createdAt: base.createdAt,
    expiresAt: base.expiresAt,
    accepted: base.accepted,
    deletedBy: base.deletedBy,
    expiryEntry: base.expiryEntry,
    requesterOptions: base.requesterOptions,
    accepterOptions: base.accepterOptions,
    tags: base.tags,
    deletedVpcs: base.deletedVpcs,
    previous: base.previous,
    visibleFrom: base.visibleFrom,
  });
}

/** CPU microseconds per call of `step(i)`, the median of 5 rounds of `n` calls after a warm-up round. */
function measure(n, step) {
  const rounds = [];
  for (let round = 0; round < 6; round++) {
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) step(i);
    const used = process.cpuUsage(before);
    if (round > 0) rounds.push((used.user + used.system) / n);
  }
  rounds.sort((a, b) => a - b);
  return rounds[2];
}

/** Enough calls for a round to take tens of milliseconds, and at least 3 (one update of a million-record world through immer takes seconds). */
const callsFor = (expectedUs) => Math.max(3, Math.min(200_000, Math.round(50_000 / expectedUs)));

const rows = [];
const base = record(1);
let sink = 0; // keeps results alive, so that no update is optimised away
const recordOnly = {
  literal: measure(callsFor(0.1), (i) => (sink += literal(base, STATES[i % 5]).status.length)),
  spread: measure(callsFor(0.3), (i) => (sink += Object.freeze({ ...base, status: STATES[i % 5] }).status.length)),
  immerRecord: measure(
    callsFor(5),
    (i) =>
      (sink += produce(base, (draft) => {
        draft.status = STATES[i % 5];
      }).status.length),
  ),
};

for (const size of SIZES) {
  const ids = Array.from({ length: size }, (_, i) => record(i).id);
  // The immer world: records in a plain object, the whole world frozen as produce leaves it.
  let world = { clock: 0, peerings: Object.fromEntries(ids.map((id, i) => [id, record(i)])) };
  world = produce(world, (draft) => {
    draft.clock = 1;
  });
  const estimate = size / 20; // copying the object of `size` keys dominates: ~0.05 µs a key
  const immerWorld = measure(callsFor(estimate), (i) => {
    const id = ids[(i * 7919) % size];
    world = produce(world, (draft) => {
      draft.peerings[id].status = STATES[i % 5];
      draft.clock += 1;
    });
  });
  world = null;
  // The pmap world: the same records in the engine's trie.
  let map = emptyPMap();
  const filling = new EditScope();
  for (let i = 0; i < size; i++) map = pset(filling, map, ids[i], record(i));
  filling.commit();
  const pmapWorld = measure(callsFor(1), (i) => {
    const id = ids[(i * 7919) % size];
    const scope = new EditScope();
    map = pset(scope, map, id, literal(base, STATES[i % 5]));
    scope.commit();
  });
  rows.push({ size, ...recordOnly, immerWorld, pmapWorld });
  map = null;
}

const us = (value) => (value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : Math.round(value).toString());
console.log('| records | literal µs | spread µs | immer record µs | immer world µs | pmap world µs |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.size} | ${us(r.literal)} | ${us(r.spread)} | ${us(r.immerRecord)} | ${us(r.immerWorld)} | ${us(r.pmapWorld)} |`);
}
for (const r of rows) {
  console.log(
    `immer size=${r.size} literal_us=${us(r.literal)} spread_us=${us(r.spread)} immer_record_us=${us(r.immerRecord)} immer_world_us=${us(r.immerWorld)} pmap_world_us=${us(r.pmapWorld)}`,
  );
}
if (sink === -1) console.log(sink);
