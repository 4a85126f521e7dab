/**
 * Why a text, range or operation was refused. Errors are values in this package: nothing
 * it exports throws for any input.
 */
export interface CidrError {
  /** Machine-readable reason. */
  readonly code: CidrErrorCode;
  /** One sentence for people, naming the offending input. */
  readonly message: string;
}

/**
 * Every reason a {@link CidrError} can carry.
 *
 * - `malformed-address`: not a four-part decimal IPv4 address nor RFC 4291 IPv6 text.
 * - `missing-length`: no `/len` after the address.
 * - `malformed-length`: the prefix length is not plain decimal (`/08`, `/+8`, `/ 8`).
 * - `length-out-of-range`: the length exceeds 32 (IPv4) or 128 (IPv6), or a requested
 *   subnet/supernet length is impossible for the prefix.
 * - `host-bits-set`: strict parsing met bits set past the prefix length (`10.0.0.1/16`).
 * - `family-mismatch`: an operation was handed an IPv4 and an IPv6 value together.
 * - `empty-range`: a range whose first address is after its last.
 */
export type CidrErrorCode =
  | 'malformed-address'
  | 'missing-length'
  | 'malformed-length'
  | 'length-out-of-range'
  | 'host-bits-set'
  | 'family-mismatch'
  | 'empty-range';

/** The outcome of an operation that can be refused: a value, or a {@link CidrError}. */
export type Result<T> = Ok<T> | Err;

/** A successful {@link Result}. */
export interface Ok<T> {
  /** Discriminant. */
  readonly ok: true;
  /** The value produced. */
  readonly value: T;
}

/** A refused {@link Result}. */
export interface Err {
  /** Discriminant. */
  readonly ok: false;
  /** Why it was refused. */
  readonly error: CidrError;
}

/** Where in a list of inputs an operation over the list stopped. */
export interface AtIndex {
  /** The position (0-based) of the first input refused. */
  readonly index: number;
}

/** A refused {@link Result} of an operation over a list: why, and at which input. */
export type ErrAt = Err & AtIndex;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err(code: CidrErrorCode, message: string): Err {
  return { ok: false, error: { code, message } };
}
