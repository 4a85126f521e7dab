// A connection's record and its versions. With eventual consistency (spec §10.4) a record carries the
// older versions Describe may still show, newest first through `previous`, each shown from its
// `visibleFrom` on; without it, `previous` is always null.
import type { PeeringRecord } from './world.js';

/** The fields a change may set; a field absent or `undefined` keeps its value. */
export type PeeringChanges = { readonly [K in keyof Omit<PeeringRecord, 'id' | 'previous' | 'visibleFrom'>]?: PeeringRecord[K] | undefined };

/**
 * A frozen record: `base` with `changes`. Written out field by field rather than spread: records are
 * made on every change, and a literal of fixed shape is much cheaper for V8 than a 20-field spread.
 * Each field is read by name (not through a helper taking the key): `changes` comes in many shapes,
 * and a keyed read of a computed name on them is several times slower than a named one.
 */
export function makeRecord(
  base: Omit<PeeringRecord, 'previous' | 'visibleFrom'>,
  changes: PeeringChanges,
  previous: PeeringRecord | null,
  visibleFrom: number,
): PeeringRecord {
  return Object.freeze({
    id: base.id,
    requesterVpcId: base.requesterVpcId,
    requesterOwnerId: base.requesterOwnerId,
    requesterRegion: base.requesterRegion,
    accepterVpcId: base.accepterVpcId,
    accepterOwnerId: base.accepterOwnerId,
    accepterRegion: base.accepterRegion,
    status: changes.status === undefined ? base.status : changes.status,
    statusSince: changes.statusSince === undefined ? base.statusSince : changes.statusSince,
    createdAt: changes.createdAt === undefined ? base.createdAt : changes.createdAt,
    expiresAt: changes.expiresAt === undefined ? base.expiresAt : changes.expiresAt,
    accepted: changes.accepted === undefined ? base.accepted : changes.accepted,
    deletedBy: changes.deletedBy === undefined ? base.deletedBy : changes.deletedBy,
    expiryEntry: changes.expiryEntry === undefined ? base.expiryEntry : changes.expiryEntry,
    requesterOptions: changes.requesterOptions === undefined ? base.requesterOptions : changes.requesterOptions,
    accepterOptions: changes.accepterOptions === undefined ? base.accepterOptions : changes.accepterOptions,
    tags: changes.tags === undefined ? base.tags : changes.tags,
    deletedVpcs: changes.deletedVpcs === undefined ? base.deletedVpcs : changes.deletedVpcs,
    previous,
    visibleFrom,
  });
}

/** The version of a connection Describe shows at `clock` (spec §10.4), or `undefined` when none yet. */
export function describedVersion(record: PeeringRecord, clock: number): PeeringRecord | undefined {
  let version: PeeringRecord | null = record;
  while (version !== null && version.visibleFrom > clock) version = version.previous;
  return version ?? undefined;
}

/**
 * The record without the versions Describe can no longer show at `clock`: a version already shown
 * hides every older one. Copies only the versions above the cut (those made in the last delay).
 */
export function withoutHiddenVersions(record: PeeringRecord, clock: number): PeeringRecord {
  if (record.previous === null) return record;
  if (record.visibleFrom <= clock) return makeRecord(record, {}, null, record.visibleFrom);
  const previous = withoutHiddenVersions(record.previous, clock);
  return previous === record.previous ? record : makeRecord(record, {}, previous, record.visibleFrom);
}
