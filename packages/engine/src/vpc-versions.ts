// The VPC side of eventual consistency (spec §10.4; eventual-consistency.ts): the versions DescribeVpcs
// may still show of a VPC changed in the last D ms, kept beside `world.vpcs` (a deleted VPC leaves it
// at once, yet Describe shows it D ms more). Every change to a VPC comes here from `writeVpc`.
import { laggingVpcs, members, reindex, viewKey, vpcsOf } from './indexes.js';
import { emptyPMap, pdelete, pget, pkeys, pset } from './pmap.js';
import { keptVersions } from './kept-versions.js';
import { enqueue } from './schedule.js';
import type { Tx } from './tx.js';
import type { VpcRecord, VpcVersion, World } from './world.js';

const vpcViewOf = (vpc: VpcRecord): string => viewKey(vpc.ownerId, vpc.region);

const kept = (versions: readonly VpcVersion[], clock: number): readonly VpcVersion[] | null => keptVersions(versions, clock, (version) => version.vpc === null);

function setVersions(tx: Tx, vpcId: string, view: string, versions: readonly VpcVersion[] | null): void {
  const all = tx.w.vpcVersions ?? emptyPMap<readonly VpcVersion[]>();
  const had = pget(all, vpcId) !== undefined;
  const next = versions === null ? pdelete(tx.edit, all, vpcId) : pset(tx.edit, all, vpcId, versions);
  if (next.size === 0) delete tx.w.vpcVersions;
  else tx.w.vpcVersions = next;
  if (had !== (versions !== null)) {
    tx.w.index = reindex(tx.edit, tx.w.index, vpcId, had ? [laggingVpcs(view)] : [], had ? [] : [laggingVpcs(view)]);
  }
}

/**
 * A VPC changed (`before` → `after`, `undefined` for none): Describe shows `after` from now + D on,
 * and what it showed until then. Several changes in one ms make one version.
 */
export function recordVpcChange(tx: Tx, before: VpcRecord | undefined, after: VpcRecord | undefined): void {
  const vpc = (after ?? before)!;
  const clock = tx.w.clock;
  const from = clock + tx.w.config.consistency.describeDelayMs;
  const history = tx.w.vpcVersions === undefined ? undefined : pget(tx.w.vpcVersions, vpc.vpcId);
  // A VPC without a history has been shown as it is (or not at all, when new) until now.
  const past = history ?? (before === undefined ? [] : [Object.freeze({ from: clock, vpc: before })]);
  const last = past[past.length - 1];
  const version = Object.freeze({ from, vpc: after ?? null });
  const versions = last?.from === from ? [...past.slice(0, -1), version] : [...past, version];
  if (last?.from !== from) tx.w.schedule = enqueue(tx.edit, tx.w.schedule, clock, from, 'catch-up', vpc.vpcId, clock).schedule;
  setVersions(tx, vpc.vpcId, vpcViewOf(vpc), kept(Object.freeze(versions), clock));
}

/** The VPC as DescribeVpcs shows it now, or `undefined` when it shows none (not yet created, or deleted). */
export function shownVpc(world: World, id: string): VpcRecord | undefined {
  const history = world.vpcVersions === undefined ? undefined : pget(world.vpcVersions, id);
  if (history === undefined) return pget(world.vpcs, id);
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.from <= world.clock) return history[i]!.vpc ?? undefined;
  return undefined;
}

/** The IDs of the VPCs a view may be shown: its VPCs now, and those whose Describe lags. */
export function shownVpcIds(world: World, view: string): string[] {
  const ids = pkeys(members(world.index, vpcsOf(view))) as string[];
  if (world.config.consistency.describeDelayMs === 0) return ids;
  const lagging = pkeys(members(world.index, laggingVpcs(view))) as string[];
  return lagging.length === 0 ? ids : [...new Set([...ids, ...lagging])];
}

/** A `catch-up` entry of a VPC fell due: the versions Describe no longer shows are dropped. */
export function catchUpVpc(tx: Tx, id: string): void {
  const history = tx.w.vpcVersions === undefined ? undefined : pget(tx.w.vpcVersions, id);
  if (history === undefined) return;
  // Some version is a VPC: a history starts with one, and a deleted VPC changes no more.
  const vpc = history.find((version) => version.vpc !== null)!.vpc!;
  setVersions(tx, id, vpcViewOf(vpc), kept(history, tx.w.clock));
}
