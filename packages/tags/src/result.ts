/** The EC2 error codes this package returns (spec §7.2, §7.3). */
export type TagErrorCode = 'InvalidParameterValue' | 'InvalidTagKey.Malformed' | 'TagLimitExceeded';

/** An EC2 client error as a value. The protocol layer sends `code` and `message` unchanged (HTTP 400, spec §9.3). */
export interface TagError {
  /** The EC2 error code, e.g. `InvalidParameterValue`. */
  readonly code: TagErrorCode;
  /** The message text EC2 sends with the code. */
  readonly message: string;
}

/** A success: the computed value. */
export interface Ok<T> {
  /** Always `true` on success. */
  readonly ok: true;
  /** The computed value. */
  readonly value: T;
  /** Never present on success. */
  readonly error?: never;
}

/** A failure: the EC2 error a client would get. */
export interface Err {
  /** Always `false` on failure. */
  readonly ok: false;
  /** Never present on failure. */
  readonly value?: never;
  /** The error, ready to send. */
  readonly error: TagError;
}

/** What every function of this package returns: a value or an EC2 error, never a throw. */
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (error: TagError): Err => ({ ok: false, error });
