import { describe, expect, test } from 'vitest';
import {
  EXPIRY_MS,
  HOUR_MS,
  PEERING_STATES,
  SECOND_MS,
  TIMING_PROFILES,
  isCheckedWithinCreate,
  isTransient,
  transientDelayMs,
} from '../src/index.js';

describe('timing (spec §1.1, §2.3, §2.4, §10.4)', () => {
  test('a request expires 7 days (168 h) after its creation', () => {
    expect(EXPIRY_MS).toBe(168 * HOUR_MS);
  });

  test('the instant profile resolves every transient state on the next clock step', () => {
    for (const state of PEERING_STATES.filter(isTransient)) expect(transientDelayMs('instant', state), state).toBe(0);
  });

  test('the realistic profile takes a few seconds for every transient state', () => {
    for (const state of PEERING_STATES.filter(isTransient)) {
      const ms = transientDelayMs('realistic', state);
      expect(ms, state).toBeGreaterThanOrEqual(SECOND_MS);
      expect(ms, state).toBeLessThanOrEqual(60 * SECOND_MS);
    }
  });

  test('only transient states have a delay', () => {
    for (const profile of TIMING_PROFILES) {
      for (const state of PEERING_STATES.filter((s) => !isTransient(s))) expect(transientDelayMs(profile, state), state).toBeNull();
    }
  });

  test('same account and same Region: the request is checked within Create', () => {
    expect(isCheckedWithinCreate({ sameAccount: true, sameRegion: true })).toBe(true);
    expect(isCheckedWithinCreate({ sameAccount: false, sameRegion: true })).toBe(false);
    expect(isCheckedWithinCreate({ sameAccount: false, sameRegion: false })).toBe(false);
    expect(isCheckedWithinCreate({ sameAccount: true, sameRegion: false })).toBe(false);
  });
});
