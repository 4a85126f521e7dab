// A pcxsim target on a manual clock (`pcxsim serve --clock manual`) never moves a transient state on
// by itself: waiting for it would cost `settleMs` on every step and settle nothing. Such a target
// is recognised by its control API (GET /_pcxsim/health answers, and every answer names the
// simulated now in `x-pcxsim-clock`) and a clock that stands still between two asks; the checker
// then settles it by POST /_pcxsim/clock {"advanceMs": n} instead of waiting (settle.ts).
import { CLOCK_HEADER } from '@pcxsim/ec2-query';
import { sleep } from './settle.js';
import { TransportError } from './transport-error.js';

/** How long the clock is watched: a wall clock moves in that time, a manual one does not. */
const WATCH_MS = 30;

/** Moves a target's simulated clock on. */
export interface TargetClock {
  /** Advances the target's clock by `ms` of simulated time. */
  advance(ms: number): Promise<void>;
}

async function clockOf(url: URL): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.ok ? (response.headers.get(CLOCK_HEADER) ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The control of `endpoint`'s clock when it is a pcxsim on a manual clock; undefined for any other
 * target (another emulator, or pcxsim on the wall clock, whose states resolve by themselves).
 */
export async function manualClockOf(endpoint: string): Promise<TargetClock | undefined> {
  const health = new URL('/_pcxsim/health', endpoint);
  const before = await clockOf(health);
  if (before === undefined) return undefined;
  await sleep(WATCH_MS);
  if ((await clockOf(health)) !== before) return undefined;
  const clock = new URL('/_pcxsim/clock', endpoint);
  return {
    async advance(ms) {
      let response: Response;
      try {
        response = await fetch(clock, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
      } catch (error) {
        throw new TransportError(`POST ${clock.href}: ${(error as Error).message}`, { cause: error });
      }
      await response.arrayBuffer();
      if (!response.ok) throw new TransportError(`POST ${clock.href} answered ${response.status}`);
    },
  };
}
