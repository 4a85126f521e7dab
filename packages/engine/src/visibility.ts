// Who sees a connection, from which (account, Region), and for how long (spec §1.1, §4.5). The
// lifecycle's visibility table decides; the world's config may change the retention numbers.
import { VISIBILITY, isVisible, visibilityWindow, type Party, type VisibilityWindow } from '@pcxsim/lifecycle';
import { viewKey } from './indexes.js';
import type { PeeringRecord, WorldConfig } from './world.js';

const NO_ROLES: readonly Party[] = Object.freeze([]);
/** The roles of the owner of the requester VPC alone. */
export const REQUESTER: readonly Party[] = Object.freeze(['requester']);
/** The roles of the owner of the accepter VPC alone. */
export const ACCEPTER: readonly Party[] = Object.freeze(['accepter']);
/** The roles of an account owning both VPCs in one Region. */
export const BOTH: readonly Party[] = Object.freeze(['requester', 'accepter']);

/**
 * The roles a caller holds for a connection from its (account, Region): the owner of a VPC of the
 * connection, in that VPC's Region (spec §4.5: "each account sees the connection in its own VPC's
 * Region"). An account owning both VPCs in one Region holds both roles; owning both in two Regions,
 * it is the requester in one and the accepter in the other [?].
 */
export function rolesIn(record: PeeringRecord, accountId: string, region: string): readonly Party[] {
  const requester = record.requesterOwnerId === accountId && record.requesterRegion === region;
  const accepter = record.accepterOwnerId === accountId && record.accepterRegion === region;
  return requester ? (accepter ? BOTH : REQUESTER) : accepter ? ACCEPTER : NO_ROLES;
}

/** The roles an account holds whatever the Region: used only to tell "wrong Region" from "not yours". */
export function accountRoles(record: PeeringRecord, accountId: string): readonly Party[] {
  const requester = record.requesterOwnerId === accountId;
  const accepter = record.accepterOwnerId === accountId;
  return requester ? (accepter ? BOTH : REQUESTER) : accepter ? ACCEPTER : NO_ROLES;
}

/**
 * How long a viewer holding `roles` sees the connection in its current state: the lifecycle's
 * window, with a retention number replaced by the config's for the same slot.
 */
export function windowFor(config: WorldConfig, record: PeeringRecord, roles: readonly Party[]): VisibilityWindow {
  const window = visibilityWindow(record.status, roles, record.deletedBy);
  if (typeof window !== 'number' || roles.length === 0) return window;
  const rule = VISIBILITY[record.status];
  const role: Party = roles[0]!;
  // The same slot choice as the lifecycle's visibilityWindow; the lifecycle takes no table argument.
  const slot =
    roles.length === 2 ? 'sameAccount' : rule.kind === 'by-deleter' ? (role === record.deletedBy ? 'deleter' : 'other') : role;
  const windows = config.retention[record.status as keyof WorldConfig['retention']] as Record<string, number | undefined> | undefined;
  return windows?.[slot] ?? window;
}

/** Whether a viewer holding `roles` sees the connection at `clock`. */
export function seenBy(config: WorldConfig, record: PeeringRecord, roles: readonly Party[], clock: number): boolean {
  return roles.length > 0 && isVisible(windowFor(config, record, roles), clock - record.statusSince);
}

/** Whether the view holding `roles` lists the connection in its current state at all (ignoring time). */
export function listedFor(record: PeeringRecord, roles: readonly Party[]): boolean {
  return roles.length > 0 && visibilityWindow(record.status, roles, record.deletedBy) !== 'never';
}

/** The views of a connection: one per (account, Region) that holds a role, with its roles. */
export function viewsOf(record: PeeringRecord): readonly (readonly [string, readonly Party[]])[] {
  const requesterView = viewKey(record.requesterOwnerId, record.requesterRegion);
  const accepterView = viewKey(record.accepterOwnerId, record.accepterRegion);
  if (requesterView === accepterView) return [[requesterView, BOTH]];
  return [
    [requesterView, REQUESTER],
    [accepterView, ACCEPTER],
  ];
}

/**
 * When the last viewer stops seeing a terminal connection (its retention windows, spec §1.1), so
 * that it can be removed; `null` while it is not terminal.
 */
export function retiresAt(config: WorldConfig, record: PeeringRecord): number | null {
  let last: number | null = null;
  for (const [, roles] of viewsOf(record)) {
    const window = windowFor(config, record, roles);
    if (window === 'while-in-state') return null;
    const end = window === 'never' ? record.statusSince : record.statusSince + window;
    last = last === null ? end : Math.max(last, end);
  }
  return last;
}
