// EC2 Describe filters (spec §4.3): several filters are ANDed, the values of one filter ORed; names
// and values are case-sensitive; `*` matches any run of characters, `?` zero or one character, and a
// backslash escapes `*`, `?` or `\`. Each Describe action declares its filter names as a table; a
// name not in it is an error, never silently ignored.
import { filterLimit, filterWithoutValues, invalidFilter, missingParameter } from './errors.js';
import { anyList, optionalString, stringList } from './input.js';
import { done, refuse, type Outcome } from './outcome.js';

/** A compiled filter value: a literal to compare, or a pattern. */
export interface ValuePattern {
  /** The value as given. */
  readonly text: string;
  /** The literal to compare with `===` when the value has no wildcard; `null` otherwise. */
  readonly literal: string | null;
  /** The anchored pattern when the value has a wildcard; `null` otherwise. */
  readonly regex: RegExp | null;
}

/** What a resource shows under one filter name, from the caller's view. */
export type FilterValues<R> = (resource: R, tagKey: string) => readonly string[];

/** A filter of the request, ready to test resources. */
export interface ParsedFilter<R> {
  /** The filter name as given. */
  readonly name: string;
  /** For `tag:<key>`: the key; otherwise the empty string. */
  readonly tagKey: string;
  /** The values, compiled. */
  readonly patterns: readonly ValuePattern[];
  /** What a resource shows under the name. */
  readonly values: FilterValues<R>;
}

const MAX_VALUE_LENGTH = 255;

/** Compiles one filter value (spec §4.3). */
export function compilePattern(text: string): ValuePattern {
  let source = '';
  let literal = '';
  let wild = false;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const next = chars[i + 1];
    if (char === '\\' && (next === '*' || next === '?' || next === '\\')) {
      source += escapeRegex(next);
      literal += next;
      i++;
    } else if (char === '*') {
      wild = true;
      source += '[\\s\\S]*';
    } else if (char === '?') {
      // spec §4.3 [doc]: "zero or one" character, the EC2 guide's wording.
      wild = true;
      source += '[\\s\\S]?';
    } else {
      // [?] a backslash before anything else is itself.
      source += escapeRegex(char);
      literal += char;
    }
  }
  return wild ? { text, literal: null, regex: new RegExp(`^${source}$`, 'u') } : { text, literal, regex: null };
}

const escapeRegex = (char: string): string => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the value matches the pattern. */
export const matches = (pattern: ValuePattern, value: string): boolean =>
  pattern.literal !== null ? pattern.literal === value : pattern.regex!.test(value);

/** Whether any shown value matches any pattern (OR across values). */
export function matchesAny(patterns: readonly ValuePattern[], shown: readonly string[]): boolean {
  for (const value of shown) for (const pattern of patterns) if (matches(pattern, value)) return true;
  return false;
}

/** Whether a resource passes every filter (AND across filters). */
export function passes<R>(filters: readonly ParsedFilter<R>[], resource: R): boolean {
  for (const filter of filters) if (!matchesAny(filter.patterns, filter.values(resource, filter.tagKey))) return false;
  return true;
}

/** The literal values of a filter, or `null` when one of them has a wildcard (so no index can answer it). */
export function literals<R>(filter: ParsedFilter<R>): readonly string[] | null {
  const out: string[] = [];
  for (const pattern of filter.patterns) {
    if (pattern.literal === null) return null;
    out.push(pattern.literal);
  }
  return out;
}

/**
 * Reads `Filter.N` against a table of names (`tag:<key>` handled apart): unknown name →
 * `InvalidParameterValue` "The filter '…' is invalid" [obs]; a value over 255 characters →
 * `FilterLimitExceeded` [obs]; a filter without a name → `MissingParameter` [?]; without values →
 * `InvalidParameterValue` [?].
 */
export function parseFilters<R>(
  raw: unknown,
  table: Readonly<Record<string, FilterValues<R>>>,
  tagValues: FilterValues<R> | null,
): Outcome<readonly ParsedFilter<R>[]> {
  const list = anyList(raw, 'Filter');
  if (!list.ok) return list;
  const out: ParsedFilter<R>[] = [];
  for (const [n, item] of list.value.entries()) {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const name = optionalString(entry['Name'], `Filter.${n + 1}.Name`);
    if (!name.ok) return name;
    if (name.value === undefined || name.value === '') return refuse(missingParameter(`Filter.${n + 1}.Name`));
    const isTag = name.value.startsWith('tag:') && name.value.length > 4 && tagValues !== null;
    const values = isTag ? tagValues : Object.hasOwn(table, name.value) ? table[name.value]! : undefined;
    if (values === undefined) return refuse(invalidFilter(name.value));
    const texts = stringList(entry['Values'], `Filter.${n + 1}.Value`);
    if (!texts.ok) return texts;
    if (texts.value.length === 0) return refuse(filterWithoutValues(name.value));
    for (const text of texts.value) if ([...text].length > MAX_VALUE_LENGTH) return refuse(filterLimit());
    out.push({ name: name.value, tagKey: isTag ? name.value.slice(4) : '', patterns: texts.value.map(compilePattern), values });
  }
  return done(out);
}
