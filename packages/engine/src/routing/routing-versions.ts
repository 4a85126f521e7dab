// The routing side of eventual consistency (spec §10.4, routes §2.8; eventual-consistency.ts): with a
// Describe delay of D ms, DescribeSubnets, DescribeRouteTables and DescribeTags show a subnet or a
// route table as it was D ms ago — a new one is not found yet, a deleted one is still listed — while
// every other action acts on the current state. As for VPCs (vpc-versions.ts): the versions Describe
// may still show are kept beside the records, a `catch-up` entry at change + D drops the ones it no
// longer shows, and the index keys `laggingSubnets`/`laggingTables` list, per view, the resources whose
// shown version is not their current one. With D = 0 none of this runs. A route's `State` and the
// local routes are derived when read (routing-records.ts), from the connection and VPC as they are.
import { members, reindex, viewKey } from '../indexes.js';
import { emptyPMap, pdelete, pget, pkeys, pset, type PMap } from '../pmap.js';
import { keptVersions } from '../kept-versions.js';
import { enqueue } from '../schedule.js';
import type { Tx } from '../tx.js';
import type { World } from '../world.js';
import type { RouteTableRecord, SubnetRecord } from './routing-records.js';
import { routingIds, subnetById, subnetsOfView, tableById, tablesOfView } from './routing-store.js';

/** A subnet or route table as Describe shows it from `from` on (`null`: none, not yet or no more). */
export interface RoutingVersion {
  /** From when Describe shows it, epoch ms. */
  readonly from: number;
  /** The record, or `null`. */
  readonly record: SubnetRecord | RouteTableRecord | null;
}

/** The subnets of a view whose Describe lags. */
export const laggingSubnets = (view: string): string => `ls|${view}`;
/** The route tables of a view whose Describe lags. */
export const laggingTables = (view: string): string => `lt|${view}`;

const lagKeyOf = (record: SubnetRecord | RouteTableRecord): string =>
  ('subnetId' in record ? laggingSubnets : laggingTables)(viewKey(record.ownerId, record.region));
const idOf = (record: SubnetRecord | RouteTableRecord): string => ('subnetId' in record ? record.subnetId : record.routeTableId);

const kept = (versions: readonly RoutingVersion[], clock: number): readonly RoutingVersion[] | null =>
  keptVersions(versions, clock, (version) => version.record === null);

function setVersions(tx: Tx, id: string, lagKey: string, versions: readonly RoutingVersion[] | null): void {
  const all: PMap<readonly RoutingVersion[]> = tx.w.routing.versions ?? emptyPMap<readonly RoutingVersion[]>();
  const had = pget(all, id) !== undefined;
  const next = versions === null ? pdelete(tx.edit, all, id) : pset(tx.edit, all, id, versions);
  let index = tx.w.routing.index;
  if (had !== (versions !== null)) index = reindex(tx.edit, index, id, had ? [lagKey] : [], had ? [] : [lagKey]);
  tx.w.routing = Object.freeze({ ...tx.w.routing, versions: next.size === 0 ? undefined : next, index });
}

/**
 * A subnet or table changed (`before` → `after`, `undefined` for none): Describe shows `after` from
 * now + D on, and what it showed until then. Several changes in one ms make one version.
 */
export function recordRoutingChange(tx: Tx, before: SubnetRecord | RouteTableRecord | undefined, after: SubnetRecord | RouteTableRecord | undefined): void {
  const delay = tx.w.config.consistency.describeDelayMs;
  if (delay === 0) return;
  const record = (after ?? before)!;
  const id = idOf(record);
  const clock = tx.w.clock;
  const from = clock + delay;
  const history = tx.w.routing.versions === undefined ? undefined : pget(tx.w.routing.versions, id);
  const past = history ?? (before === undefined ? [] : [Object.freeze({ from: clock, record: before })]);
  const last = past[past.length - 1];
  const version: RoutingVersion = Object.freeze({ from, record: after ?? null });
  const versions = last?.from === from ? [...past.slice(0, -1), version] : [...past, version];
  if (last?.from !== from) tx.w.schedule = enqueue(tx.edit, tx.w.schedule, clock, from, 'catch-up', id, clock).schedule;
  setVersions(tx, id, lagKeyOf(record), kept(Object.freeze(versions), clock));
}

function shown(world: World, id: string): SubnetRecord | RouteTableRecord | undefined {
  const history = world.routing.versions === undefined ? undefined : pget(world.routing.versions, id);
  if (history === undefined) return id.startsWith('subnet-') ? subnetById(world, id) : tableById(world, id);
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.from <= world.clock) return history[i]!.record ?? undefined;
  return undefined;
}

/** The subnet as Describe shows it now, or `undefined` (not yet created, or deleted D ms ago). */
export const shownSubnet = (world: World, id: string): SubnetRecord | undefined => shown(world, id) as SubnetRecord | undefined;

/** The route table as Describe shows it now, or `undefined`. */
export const shownTable = (world: World, id: string): RouteTableRecord | undefined => shown(world, id) as RouteTableRecord | undefined;

function shownIds(world: World, current: string, lagging: string): string[] {
  const ids = routingIds(world, current);
  if (world.config.consistency.describeDelayMs === 0) return ids;
  const late = pkeys(members(world.routing.index, lagging)) as string[];
  return late.length === 0 ? ids : [...new Set([...ids, ...late])];
}

/** The IDs of the subnets a view may be shown: its subnets now, and those whose Describe lags. */
export const shownSubnetIds = (world: World, view: string): string[] => shownIds(world, subnetsOfView(view), laggingSubnets(view));

/** The IDs of the route tables a view may be shown. */
export const shownTableIds = (world: World, view: string): string[] => shownIds(world, tablesOfView(view), laggingTables(view));

/** A `catch-up` entry of a subnet or table fell due: the versions Describe no longer shows are dropped. */
export function catchUpRouting(tx: Tx, id: string): void {
  const history = tx.w.routing.versions === undefined ? undefined : pget(tx.w.routing.versions, id);
  if (history === undefined) return;
  const record = history.find((version) => version.record !== null)!.record!;
  setVersions(tx, id, lagKeyOf(record), kept(history, tx.w.clock));
}
