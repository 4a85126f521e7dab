// The one error the store raises for people: a data directory it cannot use, with a message that
// says why and what to do. `pcxsim` prints it as it is (no stack trace) and exits 1.

/** A data directory the store cannot use, with a message for people. */
export class StoreError extends Error {
  /** `StoreError`. */
  override readonly name = 'StoreError';
}
