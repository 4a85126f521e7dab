// Every EC2 call goes through here: throttling and server errors are retried with exponential
// backoff, a bounded number of times. Build the clients with `maxAttempts: 1` so that this is the
// only retry loop (the SDK's own would multiply the attempts and sleep in real time).
import { RetriesExhaustedError } from './errors.js';
import type { Run } from './settings.js';

/** EC2 answers throttling with `RequestLimitExceeded` (HTTP 503, sometimes 400); 5xx errors are worth a retry too. */
function isTransient(error: unknown): boolean {
  const { name, $fault } = error as { name?: unknown; $fault?: unknown };
  return $fault === 'server' || name === 'RequestLimitExceeded';
}

/** 1×, 2×, 4×… the base delay, never more than the cap. */
export function backoffMs(retry: Run['retry'], attempt: number): number {
  return Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
}

/** Runs `call`, retrying it while it fails transiently, at most `run.retry.maxRetries` times. */
export async function withRetries<T>(run: Run, action: string, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (attempt > run.retry.maxRetries) throw new RetriesExhaustedError(action, attempt, error);
      await run.sleep(backoffMs(run.retry, attempt));
    }
  }
}
