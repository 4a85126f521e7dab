// SHA-256 for checking SigV4 signatures (sigv4.ts). The signer takes a hash constructor — `new
// Sha256()` for a digest, `new Sha256(key)` for an HMAC — and the one it gets is the SDK's own:
// @smithy/core/checksum's `Sha256`, which @aws-sdk/client-ec2 signs with (@smithy/hash-node is now a
// re-export of @smithy/core's `Hash`, the same node:crypto underneath). No hashing code of our own.
import { createHash } from 'node:crypto';

export { Sha256 } from '@smithy/core/checksum';

/** The lowercase hex SHA-256 of `data` (to compare with a sent `x-amz-content-sha256`). */
export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
