// AdvanceClock: the simulation's own command (DESIGN). Time moves only here.
import { advanceTo } from '../clock-advance.js';
import type { AdvanceClockCommand } from '../commands.js';
import { invalidValue } from '../errors.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { AdvanceClockOutput } from '../outputs.js';
import type { Tx } from '../tx.js';

/** AdvanceClock: a non-negative whole number of ms; 0 runs what is due now (the `instant` profile's next step). */
export function advanceClock(tx: Tx, command: AdvanceClockCommand): Outcome<AdvanceClockOutput> {
  const ms = command.Milliseconds;
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) {
    return refuse(invalidValue(ms, 'Milliseconds', 'Expecting a non-negative whole number of milliseconds.'));
  }
  const fired = advanceTo(tx, tx.w.clock + ms);
  return done({ Clock: tx.w.clock, Fired: fired });
}
