// Reading request members. An SDK validates nothing and an in-process caller can pass anything, so
// every member is checked here: absent, the right type, or an EC2 error (never a throw).
import { invalidValue, missingParameter } from './errors.js';
import { done, refuse, type Outcome } from './outcome.js';

const wrongType = (raw: unknown, name: string, expected: string): Outcome<never> =>
  refuse(invalidValue(typeof raw === 'object' ? JSON.stringify(raw) ?? typeof raw : raw, name, `Expected ${expected}.`));

/** An optional string member. */
export function optionalString(raw: unknown, name: string): Outcome<string | undefined> {
  if (raw === undefined || raw === null) return done(undefined);
  return typeof raw === 'string' ? done(raw) : wrongType(raw, name, 'a string');
}

/** A required string member: absent or empty is `MissingParameter` (spec §9.1). */
export function requiredString(raw: unknown, name: string): Outcome<string> {
  const read = optionalString(raw, name);
  if (!read.ok) return read;
  return read.value === undefined || read.value === '' ? refuse(missingParameter(name)) : done(read.value);
}

/** An optional boolean member. */
export function optionalBoolean(raw: unknown, name: string): Outcome<boolean | undefined> {
  if (raw === undefined || raw === null) return done(undefined);
  return typeof raw === 'boolean' ? done(raw) : wrongType(raw, name, 'a boolean');
}

/** An optional list of strings; absent is the empty list, as on the wire (spec §9.1). */
export function stringList(raw: unknown, name: string): Outcome<readonly string[]> {
  if (raw === undefined || raw === null) return done([]);
  if (!Array.isArray(raw)) return wrongType(raw, name, 'a list');
  for (const item of raw) if (typeof item !== 'string') return wrongType(item, `${name}.N`, 'a string');
  return done(raw as readonly string[]);
}

/** An optional list of anything; absent is the empty list. */
export function anyList(raw: unknown, name: string): Outcome<readonly unknown[]> {
  if (raw === undefined || raw === null) return done([]);
  return Array.isArray(raw) ? done(raw) : wrongType(raw, name, 'a list');
}

/** An optional object member. */
export function optionalObject(raw: unknown, name: string): Outcome<Readonly<Record<string, unknown>> | undefined> {
  if (raw === undefined || raw === null) return done(undefined);
  return typeof raw === 'object' && !Array.isArray(raw) ? done(raw as Record<string, unknown>) : wrongType(raw, name, 'a structure');
}

/** An optional integer member. */
export function optionalInteger(raw: unknown, name: string): Outcome<number | undefined> {
  if (raw === undefined || raw === null) return done(undefined);
  return typeof raw === 'number' && Number.isSafeInteger(raw) ? done(raw) : wrongType(raw, name, 'an integer');
}
