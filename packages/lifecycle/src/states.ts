import type { Provenance } from './provenance.js';

/**
 * The nine states of a VPC peering connection, in the order a connection lives through them.
 * The members are exactly those of the SDK's `VpcPeeringConnectionStateReasonCode` (spec §1).
 */
export const PEERING_STATES = [
  'initiating-request',
  'pending-acceptance',
  'provisioning',
  'active',
  'deleting',
  'deleted',
  'rejected',
  'expired',
  'failed',
] as const;

/** A state of a VPC peering connection: the `Status.Code` that Describe reports. */
export type PeeringState = (typeof PEERING_STATES)[number];

/**
 * How a state behaves: `transient` states resolve by themselves after a short delay,
 * `stable` ones wait for someone to act (or for the 7-day expiry), `terminal` ones never
 * change again and only disappear from view when their visibility window ends.
 */
export type StateKind = 'transient' | 'stable' | 'terminal';

/** What the lifecycle knows about one state. */
export interface StateInfo extends Provenance {
  /** Whether the state resolves by itself, waits for an owner, or is final. */
  readonly kind: StateKind;
  /** One sentence for learners: what the state means and how a connection gets there. */
  readonly summary: string;
  /**
   * The request still waits for an answer: it counts against the requester account's quota of
   * outstanding requests (spec §2.3), Describe shows its `ExpirationTime` (spec §1.2), and its
   * requester VPC may not gain a CIDR block (spec §6.2).
   */
  readonly outstanding: boolean;
  /** Counts against the active-connections-per-VPC quota, and as the one connection a pair of VPCs may have (spec §2.2, §2.3). */
  readonly countsAsActive: boolean;
  /** A request in this state is "pending or active": the same request again returns it (spec §2.2). */
  readonly live: boolean;
  /** Traffic can flow, and the peering options can be changed (spec §1.1, §5.2). */
  readonly carriesTraffic: boolean;
}

/**
 * Every state with its kind, its meaning, and the facts the rules outside the state machine ask of
 * it (spec §1.1). Our choices there [?]: `initiating-request` is outstanding and live like
 * `pending-acceptance` (the request exists and waits; spec §2.2, §2.3 name only "pending");
 * `provisioning` counts as active (accepted, about to be active; spec §2.3); options change only
 * when `active` (spec §5.2 [obs]). docs/fidelity.md lists them.
 */
export const STATES: Readonly<Record<PeeringState, StateInfo>> = {
  // spec §1.1: "It then goes to pending-acceptance or to failed".
  'initiating-request': {
    kind: 'transient',
    outstanding: true,
    countsAsActive: false,
    live: true,
    carriesTraffic: false,
    summary: 'The requester has just asked; AWS checks the request (VPC IDs, account, overlapping CIDRs).',
    spec: '§1.1',
    confidence: 'doc',
  },
  // spec §1.1: waits for the accepter owner; the requester may still delete it.
  'pending-acceptance': {
    kind: 'stable',
    outstanding: true,
    countsAsActive: false,
    live: true,
    carriesTraffic: false,
    summary: 'The request is valid and waits for the accepter owner to accept or reject it, for up to 7 days.',
    spec: '§1.1',
    confidence: 'doc',
  },
  // spec §1.1: "Accepted, about to become active".
  provisioning: {
    kind: 'transient',
    outstanding: false,
    countsAsActive: true,
    live: true,
    carriesTraffic: false,
    summary: 'The accepter has accepted; AWS sets the connection up.',
    spec: '§1.1',
    confidence: 'doc',
  },
  // spec §1.1: stays active until deleted, even if a Region event stops traffic.
  active: {
    kind: 'stable',
    outstanding: false,
    countsAsActive: true,
    live: true,
    carriesTraffic: true,
    summary: 'Traffic can flow between the VPCs (if routes and security groups allow it) until an owner deletes the connection.',
    spec: '§1.1',
    confidence: 'doc',
  },
  // spec §1.1: documented for inter-Region deletes; real errors say "to deleting" for every delete.
  deleting: {
    kind: 'transient',
    outstanding: false,
    countsAsActive: false,
    live: false,
    carriesTraffic: false,
    summary: 'An owner has deleted the connection; AWS tears it down.',
    spec: '§1.1, §3.3',
    confidence: 'doc',
  },
  deleted: {
    kind: 'terminal',
    outstanding: false,
    countsAsActive: false,
    live: false,
    carriesTraffic: false,
    summary: 'The connection is gone; it stays visible for a while so that both owners can see what happened.',
    spec: '§1.1',
    confidence: 'doc',
  },
  // spec §1.1: cannot be accepted or deleted; AWS removes it itself.
  rejected: {
    kind: 'terminal',
    outstanding: false,
    countsAsActive: false,
    live: false,
    carriesTraffic: false,
    summary: 'The accepter owner said no. Nobody can accept or delete it; AWS removes it after its visibility window.',
    spec: '§1.1',
    confidence: 'doc',
  },
  // spec §1.1: no action for 7 days; nothing allowed afterwards.
  expired: {
    kind: 'terminal',
    outstanding: false,
    countsAsActive: false,
    live: false,
    carriesTraffic: false,
    summary: 'Nobody answered the request within 7 days. Nothing can be done with it any more.',
    spec: '§1.1',
    confidence: 'doc',
  },
  // spec §1.1, §2.2: overlapping CIDRs or a wrong VPC ID, account or Region.
  failed: {
    kind: 'terminal',
    outstanding: false,
    countsAsActive: false,
    live: false,
    carriesTraffic: false,
    summary: 'The request could not be honoured (overlapping CIDRs, or a wrong VPC ID, account ID or Region). It cannot be accepted, rejected or deleted.',
    spec: '§1.1, §2.2',
    confidence: 'doc',
  },
};

/** The states whose kind is `transient`: they resolve by themselves after a delay (see the timing profiles). */
export type TransientState = 'initiating-request' | 'provisioning' | 'deleting';

/** The states whose kind is `terminal`: no trigger ever leaves them. */
export type TerminalState = 'deleted' | 'rejected' | 'expired' | 'failed';

/** Whether a state is terminal: nothing moves a connection out of it (spec §1.1). */
export function isTerminal(state: PeeringState): state is TerminalState {
  return STATES[state].kind === 'terminal';
}

/** Whether a state is transient: the system moves the connection on after a delay (spec §1.1, §10.4). */
export function isTransient(state: PeeringState): state is TransientState {
  return STATES[state].kind === 'transient';
}

/** Whether a request in `state` still waits for an answer (quota, `ExpirationTime`, CIDR freeze: spec §1.2, §2.3, §6.2). */
export const isOutstanding = (state: PeeringState): boolean => STATES[state].outstanding;

/** Whether a connection in `state` counts as active for the per-VPC quota and the one-per-pair rule (spec §2.2, §2.3). */
export const countsAsActive = (state: PeeringState): boolean => STATES[state].countsAsActive;

/** Whether a request in `state` is "pending or active", so that the same request again returns it (spec §2.2). */
export const isLive = (state: PeeringState): boolean => STATES[state].live;

/** Whether traffic can flow over a connection in `state`, and its options can change (spec §1.1, §5.2). */
export const carriesTraffic = (state: PeeringState): boolean => STATES[state].carriesTraffic;
