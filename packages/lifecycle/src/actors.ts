/** One of the two owners of a peering connection: the owner of the requester VPC or of the accepter VPC. */
export type Party = 'requester' | 'accepter';

/** Who may trigger a transition: one of the owners, or AWS itself (`system`). */
export type Actor = Party | 'system';

/**
 * An account calling the EC2 API about a connection. An account that owns both VPCs
 * (same-account peering) holds both roles and may do what either owner may (spec §3.1).
 * An account that owns neither holds no role.
 */
export interface Caller {
  /** The roles the calling account holds for this connection; see {@link rolesOf}. */
  readonly roles: readonly Party[];
  /** The calling account (12 digits); named in "wrong party" errors. */
  readonly accountId: string;
  /** The Region the call is made in; Accept and Reject must come from the accepter VPC's Region. */
  readonly region: string;
}

/** The two owners of a connection, as {@link rolesOf} needs them. */
export interface Owners {
  /** The account that owns the requester VPC. */
  readonly requesterAccountId: string;
  /** The account that owns the accepter VPC. */
  readonly accepterAccountId: string;
}

/**
 * The roles an account holds for a connection: `['requester']`, `['accepter']`, both when the
 * account owns both VPCs (spec §3.1: "that account creates and accepts"), or none.
 *
 * @example
 * rolesOf('111111111111', { requesterAccountId: '111111111111', accepterAccountId: '222222222222' }); // ['requester']
 */
export function rolesOf(accountId: string, owners: Owners): readonly Party[] {
  const roles: Party[] = [];
  if (accountId === owners.requesterAccountId) roles.push('requester');
  if (accountId === owners.accepterAccountId) roles.push('accepter');
  return roles;
}
