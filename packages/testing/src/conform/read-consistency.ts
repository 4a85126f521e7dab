// Whether the target's reads lag its writes (eventual consistency, spec §10.4), measured rather
// than assumed, so that a target answering at once does not wait `readRetryMs` on every read that
// disagrees for good (a real divergence never goes away, and asking again only costs time).
//
// The rule: every target starts as "maybe lagging", and a Describe that disagrees is asked again
// for up to `readRetryMs`. Each such read is one measurement:
// - it came to agree on a later ask → the target lags: it stays "lagging" for the whole check, and
//   every disagreeing read gets the full retry;
// - it still disagreed when the retry ran out → one more sign that the target answers at once.
// After SETTLED_SIGNS such reads and no lag ever seen, the target is taken to answer at once: a
// disagreeing read is then asked again only once, after `pollMs` (a probe that costs one poll);
// should that probe ever agree, the target lags after all and the full retry comes back.

/** Disagreeing reads that never came to agree before the target counts as answering at once. */
export const SETTLED_SIGNS = 2;

/** What the checker has seen of the target's reads so far (shared by every sequence of a check). */
export class ReadConsistency {
  /** Some read disagreed and then agreed when asked again. */
  private lagSeen = false;
  /** Reads that disagreed for the whole retry. */
  private finalReads = 0;

  /** Whether the target has been seen to answer reads late. */
  get lagging(): boolean {
    return this.lagSeen;
  }

  /** Whether the target is taken to answer at once (enough final disagreements, no lag ever seen). */
  get immediate(): boolean {
    return !this.lagSeen && this.finalReads >= SETTLED_SIGNS;
  }

  /** How long a read that disagrees is asked again: the full `retryMs`, or one poll once the target is known to answer at once. */
  retryBudget(retryMs: number, pollMs: number): number {
    return this.immediate ? Math.min(retryMs, Math.max(1, pollMs)) : retryMs;
  }

  /** Takes note of a read that disagreed: did asking again make it agree? */
  record(cameToAgree: boolean): void {
    if (cameToAgree) this.lagSeen = true;
    else this.finalReads++;
  }

  /** For the report: `lagging`, `immediate`, or `unknown` (too few disagreeing reads to tell). */
  verdict(): 'lagging' | 'immediate' | 'unknown' {
    return this.lagSeen ? 'lagging' : this.immediate ? 'immediate' : 'unknown';
  }
}
