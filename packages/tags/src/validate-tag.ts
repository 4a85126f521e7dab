import { MAX_KEY_LENGTH, MAX_VALUE_LENGTH } from './limits.js';
import * as messages from './messages.js';
import { err, ok, type Result } from './result.js';
import { isReservedKey, type Tag, type TagInput } from './tag.js';
import { field, readString } from './wire.js';

/**
 * Where tags being written come from. It decides the error for an `aws:` key (spec §7.2): CreateTags answers
 * `InvalidParameterValue`, a TagSpecification on a create call `InvalidTagKey.Malformed`.
 */
export type TagSource = 'CreateTags' | 'TagSpecification';

/** A DeleteTags entry: without a value it matches any value (spec §7.1). */
export interface TagToDelete {
  /** The key to delete. */
  readonly Key: string;
  /** When present, delete only if the tag has exactly this value (the empty string included). */
  readonly Value?: string;
}

// In a `u` regex a surrogate pair is one code point, so \p{Cs} matches only an unpaired half.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Length in Unicode code points, the unit of the EC2 limits (spec §7.1 [doc]): an emoji counts 1, not 2.
 * A lone surrogate counts 1, as `[...text].length` does (such text is rejected before any length check anyway).
 */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

// Code points never outnumber UTF-16 units, so the count is only needed for long text.
const longerThan = (text: string, max: number): boolean => text.length > max && codePointLength(text) > max;

function checkKey(raw: unknown, source: TagSource | 'DeleteTags'): Result<string> {
  const read = readString(raw, 'Key');
  if (!read.ok) return read;
  const key = read.value;
  if (key === undefined || key === '') return err(messages.keyMissing()); // spec §7.2
  if (LONE_SURROGATE.test(key)) return err(messages.notUnicode('key')); // [?] see messages.notUnicode
  if (longerThan(key, MAX_KEY_LENGTH)) return err(messages.keyTooLong()); // spec §7.1
  if (isReservedKey(key)) {
    // spec §7.1: users cannot create, change or delete aws: tags; the error form depends on the call (§7.2)
    return err(source === 'TagSpecification' ? messages.reservedKeyAtCreate(key) : messages.reservedKey(key));
  }
  return ok(key);
}

function checkValue(raw: unknown): Result<string | undefined> {
  const read = readString(raw, 'Value');
  if (!read.ok) return read;
  const value = read.value;
  if (value === undefined) return read; // absent: an error for a write, "any value" for a delete (spec §7.1)
  if (LONE_SURROGATE.test(value)) return err(messages.notUnicode('value')); // [?]
  if (longerThan(value, MAX_VALUE_LENGTH)) return err(messages.valueTooLong()); // spec §7.1, §7.2
  return ok(value);
}

/**
 * Validates one tag to be written (spec §7.1, §7.2): a key of 1 to {@link MAX_KEY_LENGTH} code points not
 * starting with `aws:`, and a value (possibly empty, never absent) of at most {@link MAX_VALUE_LENGTH}.
 * Total: any input, even not an object, gives a result.
 *
 * @param input the tag as the request carries it
 * @param source the call it arrives in, which decides the `aws:` error (default `CreateTags`)
 * @returns the tag as stored (frozen), or the error EC2 sends
 */
export function validateTag(input: TagInput, source: TagSource = 'CreateTags'): Result<Tag> {
  const key = checkKey(field(input, 'Key'), source);
  if (!key.ok) return key;
  const value = checkValue(field(input, 'Value'));
  if (!value.ok) return value;
  if (value.value === undefined) return err(messages.valueMissing(key.value)); // spec §7.1: empty, never absent
  return ok(Object.freeze({ Key: key.value, Value: value.value }));
}

/** Validates one DeleteTags entry: the key as for a write, the value optional (spec §7.1). */
export function validateTagToDelete(input: unknown): Result<TagToDelete> {
  const key = checkKey(field(input, 'Key'), 'DeleteTags');
  if (!key.ok) return key;
  const value = checkValue(field(input, 'Value'));
  if (!value.ok) return value;
  return ok(value.value === undefined ? { Key: key.value } : { Key: key.value, Value: value.value });
}
