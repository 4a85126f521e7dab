import fc from 'fast-check';

/** Constraints of {@link accountId}. */
export interface AccountIdConstraints {
  /**
   * Draw from these accounts only (each a 12-digit ID), e.g. a test's fixed cast of accounts.
   * @defaultValue any 12-digit ID
   */
  readonly among?: readonly string[];
}

/**
 * AWS account IDs: twelve decimal digits, leading zeros kept (`'000000004242'`), as EC2 and the
 * engine want them (spec §8.1).
 *
 * Generates any of the 10^12 IDs, or one of `among`. Shrinks towards `'000000000000'` (or the first
 * of `among`).
 *
 * @example
 * ```ts
 * accountId() // '482917306551', '000000000017', …
 * accountId({ among: ['111111111111', '222222222222'] })
 * ```
 */
export function accountId(constraints: AccountIdConstraints = {}): fc.Arbitrary<string> {
  if (constraints.among !== undefined) {
    if (constraints.among.length === 0) throw new RangeError('accountId(): `among` is empty');
    return fc.constantFrom(...constraints.among);
  }
  return fc.bigInt({ min: 0n, max: 999_999_999_999n }).map((n) => n.toString().padStart(12, '0'));
}
