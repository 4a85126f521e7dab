// Retries for in-process clients. The SDK backs off before each retry, in real time: up to a second
// after RequestLimitExceeded (ecosystem.md §1.3). An in-process endpoint is never overloaded, so in
// tests that backoff is only waiting. This is the SDK's own standard strategy — the same
// classification (throttling by error code, transient by HTTP status), the same attempt limit and
// retry quota — with every backoff 0 ms: the SDK's public `ConfiguredRetryStrategy`.
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { Provider, RetryStrategyV2 } from '@smithy/types';

/** The SDK's default number of attempts (the first one and two retries). */
export const SDK_DEFAULT_MAX_ATTEMPTS = 3;

/**
 * A `retryStrategy` for `@aws-sdk/client-ec2` that retries exactly as the SDK's standard strategy
 * does, without sleeping between attempts. Give each client its own: the retry quota is per strategy.
 *
 * @example
 * const ec2 = new EC2Client({ region, credentials, requestHandler, retryStrategy: noBackoffRetryStrategy() });
 */
export function noBackoffRetryStrategy(maxAttempts: number | Provider<number> = SDK_DEFAULT_MAX_ATTEMPTS): RetryStrategyV2 {
  return new ConfiguredRetryStrategy(maxAttempts, 0);
}
