import type { Provenance } from './provenance.js';
import { isTransient, type PeeringState, type TransientState } from './states.js';

/** One second, in milliseconds. */
export const SECOND_MS = 1_000;
/** One hour, in milliseconds. */
export const HOUR_MS = 3_600_000;
/** One day, in milliseconds. */
export const DAY_MS = 86_400_000;

/**
 * How long an unanswered request waits before it expires, counted from its creation:
 * 7 days (168 h), not adjustable (spec §1.1, §2.3 [doc]). `ExpirationTime` = creation time + this.
 */
export const EXPIRY_MS = 7 * DAY_MS;

/**
 * How fast the transient states resolve. `instant`: on the next clock step (a delay of 0 ms);
 * `realistic`: after a few seconds, like AWS.
 */
export type TimingProfile = 'instant' | 'realistic';

/** Every timing profile. */
export const TIMING_PROFILES: readonly TimingProfile[] = ['instant', 'realistic'];

/** How long a transient state lasts under one profile, with where the number comes from. */
export interface TransientDelay extends Provenance {
  /** The delay in milliseconds from entering the state until the system moves it on. */
  readonly ms: number;
}

/**
 * The delay of each transient state per profile. AWS documents none of them ("passes quickly",
 * spec §1.1): the `realistic` numbers are our choice [?]; `instant` is a design choice so that
 * tests still see each transient state once (spec §10.4).
 *
 * What public records bound them with (none times a state directly):
 * - Terraform waits at most its create timeout, 1 minute, for `initiating-request`/`provisioning` to
 *   pass (aws_vpc_peering_connection, WaitVPCPeeringConnectionActive), and its acceptance tests create,
 *   accept and reach `active` well inside it (hashicorp/terraform-provider-aws#3393: a whole
 *   create-accept-destroy test in 27–73 s, VPCs included) [obs]: seconds, not minutes.
 * - Describe was seen still answering `active` or `pending-acceptance` after a Delete
 *   (hashicorp/terraform-provider-aws#4140, #3393) [obs]: that is Describe's lag (spec §10.4, the
 *   world's `describeDelayMs`), not a long `deleting`.
 * - A cross-account request is NotFound to the accepter while it is `initiating-request`
 *   (hashicorp/terraform-provider-aws#30423, an Accept right after Create) [obs]: 2 s reproduces it.
 */
export const TRANSIENT_DELAYS: Readonly<Record<TimingProfile, Readonly<Record<TransientState, TransientDelay>>>> = {
  instant: {
    'initiating-request': { ms: 0, spec: '§10.4', confidence: '?' },
    provisioning: { ms: 0, spec: '§10.4', confidence: '?' },
    deleting: { ms: 0, spec: '§10.4', confidence: '?' },
  },
  realistic: {
    'initiating-request': { ms: 2 * SECOND_MS, spec: '§1.1', confidence: '?' },
    provisioning: { ms: 5 * SECOND_MS, spec: '§1.1', confidence: '?' },
    deleting: { ms: 5 * SECOND_MS, spec: '§1.1', confidence: '?' },
  },
};

/**
 * How long a connection stays in `state` before the system moves it on under `profile`, in ms;
 * `null` for states that do not resolve by themselves (the expiry of `pending-acceptance` is
 * {@link EXPIRY_MS}, counted from creation).
 */
export function transientDelayMs(profile: TimingProfile, state: PeeringState): number | null {
  return isTransient(state) ? TRANSIENT_DELAYS[profile][state].ms : null;
}

/** Where the two VPCs of a request are, relative to each other. */
export interface RequestScope {
  /** Both VPCs belong to one account. */
  readonly sameAccount: boolean;
  /** Both VPCs are in one Region. */
  readonly sameRegion: boolean;
}

/**
 * Whether AWS checks the request within the Create call, so that the Create response already
 * shows the result (`pending-acceptance` or `failed`) instead of `initiating-request`.
 * Seen for same account and same Region (spec §2.4 [obs]); cross-account requests answer
 * `initiating-request` (spec §2.4 [doc]). Same account across Regions: not seen, we assume
 * `initiating-request` [?].
 */
export function isCheckedWithinCreate(scope: RequestScope): boolean {
  return scope.sameAccount && scope.sameRegion;
}
