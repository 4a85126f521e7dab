import type { Caller } from '@pcxsim/engine';
import fc from 'fast-check';
import { accountId } from './account-id.js';
import { region } from './region.js';

/** Constraints of {@link caller}. */
export interface CallerConstraints {
  /**
   * The accounts to draw from.
   * @defaultValue any 12-digit ID (see {@link accountId})
   */
  readonly accounts?: readonly string[];
  /**
   * The Regions to draw from.
   * @defaultValue every public Region (see {@link region})
   */
  readonly regions?: readonly string[];
}

/**
 * Callers of the engine: an account and the Region it calls in, as `apply` takes them.
 *
 * Generates an {@link accountId} and a {@link region}, independently. Shrinks each of them (towards
 * `'000000000000'` and `us-east-1` by default, or the first of the lists given).
 *
 * @example
 * ```ts
 * caller({ accounts: ['111111111111', '222222222222'], regions: FEW_REGIONS })
 * // { accountId: '222222222222', region: 'us-east-1' }, …
 * ```
 */
export function caller(constraints: CallerConstraints = {}): fc.Arbitrary<Caller> {
  const accounts = constraints.accounts === undefined ? accountId() : accountId({ among: constraints.accounts });
  const regions = constraints.regions === undefined ? region() : region({ among: constraints.regions });
  return fc.record({ accountId: accounts, region: regions });
}
