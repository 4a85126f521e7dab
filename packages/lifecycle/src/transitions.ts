import type { Actor } from './actors.js';
import type { Provenance } from './provenance.js';
import type { PeeringState } from './states.js';
import type { Trigger } from './triggers.js';

/** One row of the state machine: from a state, a trigger set off by one of some actors leads to a state. */
export interface TransitionRule extends Provenance {
  /** The state the connection is in; `null` for Create, before the connection exists. */
  readonly from: PeeringState | null;
  /** What sets the transition off. */
  readonly trigger: Trigger;
  /** Who may set it off; a caller holding any one of these roles may. */
  readonly by: readonly Actor[];
  /** The state the connection is in afterwards. */
  readonly to: PeeringState;
  /** Why, for learners: the AWS rule behind the row. */
  readonly note: string;
}

/**
 * The VPC peering state machine (spec §1.2). There is at most one row per (from, trigger);
 * anything not listed here is not allowed. The engine, the docs and the tests all read it.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  // spec §1.2: Create, by the requester owner. §2.4: a same-account, same-Region request is
  // checked within the call (see isCheckedWithinCreate), so its response already shows pending-acceptance.
  {
    from: null,
    trigger: 'create',
    by: ['requester'],
    to: 'initiating-request',
    note: 'The owner of the requester VPC asks to peer with the accepter VPC.',
    spec: '§1.2, §2.4',
    confidence: 'doc',
  },
  // spec §1.2: asynchronous check, by the system.
  {
    from: 'initiating-request',
    trigger: 'request-checked',
    by: ['system'],
    to: 'pending-acceptance',
    note: 'The VPC IDs, account and Region are right and no IPv4 CIDRs overlap.',
    spec: '§1.2',
    confidence: 'doc',
  },
  // spec §1.2, §2.2: the call succeeded, the connection fails afterwards.
  {
    from: 'initiating-request',
    trigger: 'request-check-failed',
    by: ['system'],
    to: 'failed',
    note: 'A wrong VPC ID, account ID or Region, or overlapping IPv4 CIDRs: Create still succeeded, the connection fails.',
    spec: '§1.2, §2.2',
    confidence: 'doc',
  },
  // spec §1.2, §3.1: only the accepter owner, only while pending; the response shows provisioning [obs].
  {
    from: 'pending-acceptance',
    trigger: 'accept',
    by: ['accepter'],
    to: 'provisioning',
    note: 'Only the owner of the accepter VPC accepts, from the accepter VPC\'s Region.',
    spec: '§1.2, §3.1',
    confidence: 'doc',
  },
  // spec §1.2, §3.2: only the accepter owner, only while pending.
  {
    from: 'pending-acceptance',
    trigger: 'reject',
    by: ['accepter'],
    to: 'rejected',
    note: 'Only the owner of the accepter VPC rejects, from the accepter VPC\'s Region.',
    spec: '§1.2, §3.2',
    confidence: 'doc',
  },
  // spec §1.2, §3.3: a pending request is deleted by the requester owner only. The docs show the
  // pass through deleting for inter-Region connections; we take it for every delete [?].
  {
    from: 'pending-acceptance',
    trigger: 'delete',
    by: ['requester'],
    to: 'deleting',
    note: 'The requester withdraws its request. The accepter cannot delete it: it rejects instead.',
    spec: '§1.2, §3.3',
    confidence: 'doc',
  },
  // spec §1.1, §1.2: 7 days (168 h) after creation without an answer.
  {
    from: 'pending-acceptance',
    trigger: 'expiry',
    by: ['system'],
    to: 'expired',
    note: 'Nobody accepted or rejected the request within 7 days of its creation.',
    spec: '§1.1, §1.2',
    confidence: 'doc',
  },
  // spec §1.2, §6.2: "the request fails and cannot be accepted".
  {
    from: 'pending-acceptance',
    trigger: 'accepter-cidr-overlap',
    by: ['system'],
    to: 'failed',
    note: 'The accepter associated a CIDR block that overlaps the requester VPC.',
    spec: '§1.2, §6.2',
    confidence: 'doc',
  },
  // spec §1.1: provisioning passes quickly; §10.4: clients poll until it leaves provisioning.
  {
    from: 'provisioning',
    trigger: 'provisioned',
    by: ['system'],
    to: 'active',
    note: 'AWS has set the connection up.',
    spec: '§1.1, §10.4',
    confidence: 'doc',
  },
  // spec §1.2, §3.3: either owner deletes an active connection.
  {
    from: 'active',
    trigger: 'delete',
    by: ['requester', 'accepter'],
    to: 'deleting',
    note: 'Either owner may end an active connection.',
    spec: '§1.2, §3.3',
    confidence: 'doc',
  },
  // spec §1.1 says nothing of what may be done while provisioning, and no public record shows AWS
  // refusing or taking a Delete then [?]. An accepted connection counts as active everywhere else
  // (the per-VPC quota, the one connection per pair, DeleteVpc ending it, spec §1.2, §2.3), so a
  // Delete is taken as for an active connection: either owner, through deleting. This is what keeps
  // "accept, then delete" automation working under the realistic profile (issue 14).
  {
    from: 'provisioning',
    trigger: 'delete',
    by: ['requester', 'accepter'],
    to: 'deleting',
    note: 'Accepted and about to be active: either owner may end it, as an active connection.',
    spec: '§1.1, §1.2, §3.3',
    confidence: '?',
  },
  // spec §1.2 [doc]: a requester deleting its VPC before acceptance deletes its request. The accepter
  // of another account's request may not delete its VPC (the engine answers DependencyViolation for
  // this refusal): it rejects first. An account owning both VPCs holds both roles, so its request
  // ends whichever VPC it deletes [?].
  {
    from: 'pending-acceptance',
    trigger: 'vpc-deleted',
    by: ['requester'],
    to: 'deleted',
    note: 'The requester deleted its VPC before an answer. The accepter of another account\'s request cannot delete its VPC: it rejects first.',
    spec: '§1.2',
    confidence: 'doc',
  },
  // spec §1.2 [doc]: deleting a VPC of the pair deletes its active connection, straight to deleted.
  {
    from: 'active',
    trigger: 'vpc-deleted',
    by: ['requester', 'accepter'],
    to: 'deleted',
    note: 'Deleting either VPC deletes the connection.',
    spec: '§1.2',
    confidence: 'doc',
  },
  // Not stated: an accepted connection still provisioning ends as an active one does [?].
  {
    from: 'provisioning',
    trigger: 'vpc-deleted',
    by: ['requester', 'accepter'],
    to: 'deleted',
    note: 'Accepted and about to be active: deleting either VPC deletes it, as for an active connection.',
    spec: '§1.2',
    confidence: '?',
  },
  // spec §1.1: deleting passes quickly, then deleted.
  {
    from: 'deleting',
    trigger: 'deletion-finished',
    by: ['system'],
    to: 'deleted',
    note: 'AWS has torn the connection down.',
    spec: '§1.1',
    confidence: 'doc',
  },
];

/** The rows by their `from` (`null` keyed as the empty string), then their trigger: built once from {@link TRANSITIONS}. */
const ROWS: ReadonlyMap<string, ReadonlyMap<Trigger, TransitionRule>> = (() => {
  const rows = new Map<string, Map<Trigger, TransitionRule>>();
  for (const rule of TRANSITIONS) {
    const key = rule.from ?? '';
    const byTrigger = rows.get(key) ?? new Map<Trigger, TransitionRule>();
    byTrigger.set(rule.trigger, rule);
    rows.set(key, byTrigger);
  }
  return rows;
})();

/** The row for `trigger` from `from`, or `undefined` when the table has none (the trigger is not allowed there). */
export function ruleFor(from: PeeringState | null, trigger: Trigger): TransitionRule | undefined {
  return ROWS.get(from ?? '')?.get(trigger);
}
