import type { Provenance } from './provenance.js';
import type { PeeringState } from './states.js';

/** A trigger an owner sets off by calling the EC2 API. */
export type UserTrigger = 'create' | 'accept' | 'reject' | 'delete';

/** A trigger AWS sets off by itself: the end of a transient state, the expiry, or a CIDR change. */
export type SystemTrigger =
  | 'request-checked'
  | 'request-check-failed'
  | 'provisioned'
  | 'deletion-finished'
  | 'expiry'
  | 'accepter-cidr-overlap';

/**
 * A trigger an owner sets off without calling a peering action: deleting one of the connection's
 * VPCs (DeleteVpc), which takes the connection with it (spec §1.2).
 */
export type VpcTrigger = 'vpc-deleted';

/** Anything that can move a connection from one state to another. */
export type Trigger = UserTrigger | VpcTrigger | SystemTrigger;

/**
 * The rule that a trigger may only be set off from one Region, with the wording AWS uses
 * when it is set off elsewhere ("… must be {phrase} in region {accepterRegion}").
 */
export interface RegionRule extends Provenance {
  /** The words after "must be" in the error: `accepted`, or `accepted or rejected`. */
  readonly phrase: string;
}

/** What the lifecycle knows about one trigger. */
export interface TriggerInfo {
  /**
   * `user` when an owner calls a peering action on the connection, `vpc` when an owner acts on one
   * of its VPCs and the connection follows, `system` when AWS acts by itself.
   */
  readonly kind: 'user' | 'vpc' | 'system';
  /** A short name for diagrams and tables. */
  readonly name: string;
  /** The EC2 API action behind a user trigger; `null` for system triggers. */
  readonly action: string | null;
  /** The state this trigger leads to, from whichever state it is allowed in. */
  readonly enters: PeeringState;
  /** The verb in "User (…) cannot {verb} peering pcx-…" when the wrong party tries it. */
  readonly verb: string;
  /** For Accept and Reject: only from the accepter VPC's Region. `null`: no Region rule. */
  readonly regionRule: RegionRule | null;
}

/** Every trigger with its name, action, target state, and Region rule (spec §1.2, §3). */
export const TRIGGERS: Readonly<Record<Trigger, TriggerInfo>> = {
  create: {
    kind: 'user',
    name: 'Create',
    action: 'CreateVpcPeeringConnection',
    enters: 'initiating-request',
    verb: 'create',
    // The requester calls in its own VPC's Region; a VPC elsewhere is simply not found (spec §1.2, §2.2).
    regionRule: null,
  },
  accept: {
    kind: 'user',
    name: 'Accept',
    action: 'AcceptVpcPeeringConnection',
    enters: 'provisioning',
    verb: 'accept',
    // spec §3.1: "Inter-Region: call Accept in the accepter VPC's Region"; the error text is [obs].
    regionRule: { phrase: 'accepted', spec: '§3.1', confidence: 'obs' },
  },
  reject: {
    kind: 'user',
    name: 'Reject',
    action: 'RejectVpcPeeringConnection',
    enters: 'rejected',
    verb: 'reject',
    // spec §3.2: moto's text [emu], "by analogy with Accept this is likely real".
    regionRule: { phrase: 'accepted or rejected', spec: '§3.2', confidence: 'emu' },
  },
  delete: {
    kind: 'user',
    name: 'Delete',
    action: 'DeleteVpcPeeringConnection',
    enters: 'deleting',
    verb: 'delete',
    // Each owner deletes from its own VPC's Region, where it sees the connection (spec §4.5).
    regionRule: null,
  },
  'vpc-deleted': {
    kind: 'vpc',
    name: 'VPC deleted',
    action: 'DeleteVpc',
    enters: 'deleted',
    verb: 'delete a VPC of',
    // The owner deletes its VPC in that VPC's Region (spec §1.2).
    regionRule: null,
  },
  'request-checked': {
    kind: 'system',
    name: 'request checked OK',
    action: null,
    enters: 'pending-acceptance',
    verb: 'confirm',
    regionRule: null,
  },
  'request-check-failed': {
    kind: 'system',
    name: 'request check failed',
    action: null,
    enters: 'failed',
    verb: 'fail',
    regionRule: null,
  },
  provisioned: {
    kind: 'system',
    name: 'provisioned',
    action: null,
    enters: 'active',
    verb: 'activate',
    regionRule: null,
  },
  'deletion-finished': {
    kind: 'system',
    name: 'deletion finished',
    action: null,
    enters: 'deleted',
    verb: 'finish deleting',
    regionRule: null,
  },
  expiry: {
    kind: 'system',
    name: '7 days without an answer',
    action: null,
    enters: 'expired',
    verb: 'expire',
    regionRule: null,
  },
  'accepter-cidr-overlap': {
    kind: 'system',
    name: 'accepter added an overlapping CIDR',
    action: null,
    enters: 'failed',
    verb: 'fail',
    regionRule: null,
  },
};

/** Every trigger, user triggers first, then the VPC's, then AWS's (the key order of {@link TRIGGERS}). */
export const ALL_TRIGGERS = Object.keys(TRIGGERS) as readonly Trigger[];
