import type { Party } from './actors.js';
import type { Provenance } from './provenance.js';
import type { PeeringState } from './states.js';
import { DAY_MS, HOUR_MS } from './timing.js';

/**
 * How long an owner sees a connection in a state (in Describe): `while-in-state` for as long as
 * the connection stays there, `never`, or a number of ms counted from entering the state.
 * After the window, Describe by ID answers NotFound (spec §4.5).
 */
export type VisibilityWindow = 'while-in-state' | 'never' | number;

/** Windows that depend on the viewer's role. */
export interface WindowsByRole extends Provenance {
  /** Tells this shape apart from {@link WindowsByDeleter}. */
  readonly kind: 'by-role';
  /** What the owner of the requester VPC sees. */
  readonly requester: VisibilityWindow;
  /** What the owner of the accepter VPC sees. */
  readonly accepter: VisibilityWindow;
  /** What an account that owns both VPCs sees. */
  readonly sameAccount: VisibilityWindow;
}

/** Windows that depend on who deleted the connection (only `deleted`). */
export interface WindowsByDeleter extends Provenance {
  /** Tells this shape apart from {@link WindowsByRole}. */
  readonly kind: 'by-deleter';
  /** What the owner who called Delete sees. */
  readonly deleter: VisibilityWindow;
  /** What the other owner sees. */
  readonly other: VisibilityWindow;
  /** What an account that owns both VPCs sees. */
  readonly sameAccount: VisibilityWindow;
}

/** The visibility rule of one state. */
export type VisibilityRule = WindowsByRole | WindowsByDeleter;

const ALWAYS: VisibilityWindow = 'while-in-state';
const NEVER: VisibilityWindow = 'never';

/** Who sees a connection in each state, and for how long after it enters the state (spec §1.1, §4.5). */
export const VISIBILITY: Readonly<Record<PeeringState, VisibilityRule>> = {
  // Not stated. The accepter learns of the request once it is checked [?]; the requester has it
  // in the Create response.
  'initiating-request': { kind: 'by-role', requester: ALWAYS, accepter: NEVER, sameAccount: ALWAYS, spec: '§1.1, §4.5', confidence: '?' },
  // spec §4.5: "your" connections are those where you own either VPC.
  'pending-acceptance': { kind: 'by-role', requester: ALWAYS, accepter: ALWAYS, sameAccount: ALWAYS, spec: '§4.5', confidence: 'doc' },
  provisioning: { kind: 'by-role', requester: ALWAYS, accepter: ALWAYS, sameAccount: ALWAYS, spec: '§4.5', confidence: 'doc' },
  active: { kind: 'by-role', requester: ALWAYS, accepter: ALWAYS, sameAccount: ALWAYS, spec: '§4.5', confidence: 'doc' },
  deleting: { kind: 'by-role', requester: ALWAYS, accepter: ALWAYS, sameAccount: ALWAYS, spec: '§4.5', confidence: 'doc' },
  // spec §1.1: the party that deleted 2 h, the other 2 days, same account 2 h.
  deleted: { kind: 'by-deleter', deleter: 2 * HOUR_MS, other: 2 * DAY_MS, sameAccount: 2 * HOUR_MS, spec: '§1.1', confidence: 'doc' },
  // spec §1.1: requester 2 days, accepter 2 h, same account 2 h.
  rejected: { kind: 'by-role', requester: 2 * DAY_MS, accepter: 2 * HOUR_MS, sameAccount: 2 * HOUR_MS, spec: '§1.1', confidence: 'doc' },
  // spec §1.1: both owners, 2 days.
  expired: { kind: 'by-role', requester: 2 * DAY_MS, accepter: 2 * DAY_MS, sameAccount: 2 * DAY_MS, spec: '§1.1', confidence: 'doc' },
  // spec §1.1, §4.5: the requester only, 2 h; the docs never say the accepter sees it.
  failed: { kind: 'by-role', requester: 2 * HOUR_MS, accepter: NEVER, sameAccount: 2 * HOUR_MS, spec: '§1.1, §4.5', confidence: 'doc' },
};

/**
 * How long an account holding `roles` sees a connection in `state`. An account holding both
 * roles gets the same-account window; one holding none never sees it (spec §4.5). For
 * `deleted`, `deletedBy` tells the deleter from the other owner.
 *
 * @example
 * visibilityWindow('rejected', ['requester']); // 172_800_000 (2 days)
 */
export function visibilityWindow(
  state: PeeringState,
  roles: readonly Party[],
  deletedBy: Party | null = null,
): VisibilityWindow {
  const rule = VISIBILITY[state];
  const isRequester = roles.includes('requester');
  const isAccepter = roles.includes('accepter');
  if (isRequester && isAccepter) return rule.sameAccount;
  if (!isRequester && !isAccepter) return NEVER;
  const role: Party = isRequester ? 'requester' : 'accepter';
  if (rule.kind === 'by-deleter') return role === deletedBy ? rule.deleter : rule.other;
  return rule[role];
}

/** Whether a window still shows the connection `msInState` ms after it entered the state. */
export function isVisible(window: VisibilityWindow, msInState: number): boolean {
  if (window === 'while-in-state') return true;
  if (window === 'never') return false;
  return msInState < window;
}
