// What a reconcile or a teardown reports: the outcome of each pair, and every change made, in order.

/** The fate of one pair of members (`a` comes before `b` in the mesh). */
export type PairOutcome =
  /** Peered by an active connection, and routed both ways. */
  | { readonly kind: 'peered'; readonly a: string; readonly b: string; readonly connectionId: string }
  /** Not asked for: AWS would fail the request (spec §2.2). `blocks` is the first overlapping pair, a's then b's. */
  | { readonly kind: 'overlapping'; readonly a: string; readonly b: string; readonly blocks: readonly [string, string] }
  /** The connection failed, was rejected, expired or was deleted while the reconciler worked on it. */
  | { readonly kind: 'ended'; readonly a: string; readonly b: string; readonly connectionId: string; readonly status: string; readonly message: string }
  /** A wait ran past its budget; `lastSeen` is the last status seen, or `not-visible`. */
  | { readonly kind: 'timed-out'; readonly a: string; readonly b: string; readonly connectionId: string; readonly lastSeen: string };

/** One write the reconciler made; members are named by their `name`. */
export type MeshChange =
  | { readonly action: 'create-connection'; readonly requester: string; readonly accepter: string; readonly connectionId: string }
  | { readonly action: 'accept-connection'; readonly accepter: string; readonly connectionId: string }
  | { readonly action: 'delete-connection'; readonly requester: string; readonly connectionId: string }
  | {
      readonly action: 'create-route' | 'replace-route' | 'delete-route';
      readonly member: string;
      readonly routeTableId: string;
      readonly destination: string;
      readonly connectionId: string;
    };

/**
 * A peer's block a member does not route: it overlaps a block of another of the member's peers. One
 * VPC may peer with several VPCs that overlap one another, but its table can send a prefix to one
 * connection only (routes §3.4, §3.5): which peer should have it is the owner's call, not the mesh's.
 */
export interface UnroutedBlock {
  readonly member: string;
  readonly peer: string;
  readonly destination: string;
  /** The other peer whose block overlaps it. */
  readonly overlapsWith: string;
}

/** What {@link reconcileMesh} did: one outcome per pair, in mesh order, and the changes it made. */
export interface MeshReport {
  readonly pairs: readonly PairOutcome[];
  /** Peers' blocks left without a route, member by member. */
  readonly unrouted: readonly UnroutedBlock[];
  /** Empty when the mesh was already as desired: a second reconcile reports no change. */
  readonly changes: readonly MeshChange[];
}
