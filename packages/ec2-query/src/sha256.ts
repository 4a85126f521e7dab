// SHA-256 and HMAC-SHA-256 for @smithy/signature-v4, over node:crypto: the signer takes a hash
// constructor, `new Sha256()` for a digest and `new Sha256(key)` for an HMAC (the `Checksum`
// interface of @smithy/types). Native hashing keeps signature checks cheap.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Checksum, SourceData } from '@smithy/types';

const bytesOf = (data: SourceData): Uint8Array =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

/** A SHA-256 digest, or an HMAC-SHA-256 when given a key. */
export class Sha256 implements Checksum {
  private readonly key: Uint8Array | undefined;
  private hash: Hash | Hmac;

  /** A digest, or with `key` an HMAC. */
  constructor(key?: SourceData) {
    this.key = key === undefined ? undefined : bytesOf(key);
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.key === undefined ? createHash('sha256') : createHmac('sha256', this.key);
  }

  /** Adds data. */
  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  /** The digest of everything added. */
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  /** Starts over. */
  reset(): void {
    this.hash = this.fresh();
  }
}

/** The lowercase hex SHA-256 of `data`. */
export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
