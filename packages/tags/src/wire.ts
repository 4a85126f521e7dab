// Reading request fields as they arrive: from the wire (strings, or nothing) or from an in-process caller
// (anything at all). Absent is `undefined` or `null`, as an SDK omits a null field. Nothing here throws.
import { wrongType } from './messages.js';
import { err, ok, type Result } from './result.js';

/** The field `name` of `raw`, or `undefined` when `raw` is not an object. */
export const field = (raw: unknown, name: string): unknown =>
  typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;

/** A string field: absent, a string, or an error. */
export function readString(raw: unknown, parameter: string): Result<string | undefined> {
  if (raw === undefined || raw === null) return ok(undefined);
  return typeof raw === 'string' ? ok(raw) : err(wrongType(parameter, 'a string'));
}

/** A list field: absent is the empty list, exactly as on the wire, where an empty list sends no parameter (spec §9.1). */
export function readList(raw: unknown, parameter: string): Result<readonly unknown[]> {
  if (raw === undefined || raw === null) return ok([]);
  return Array.isArray(raw) ? ok(raw) : err(wrongType(parameter, 'a list'));
}
