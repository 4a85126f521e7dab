import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createTags, deleteTags, type Result, type Tag, type TagInput, type TagSet } from '../src/index.js';
import {
  awsKey,
  brokenRule,
  codePoints,
  garbage,
  isWellFormed,
  sorted,
  tagInput,
  tagSet,
  userKey,
  userTag,
  value,
} from './arbitraries.js';

const error = (result: Result<unknown>) => (result.ok ? undefined : result.error);
const invalid = (message: string) => ({ code: 'InvalidParameterValue', message });
const LIMIT = { code: 'TagLimitExceeded', message: 'The maximum number of Tags for a resource has been reached.' };
const userTags = (n: number, prefix = 'k'): Tag[] => Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: 'v' }));
const isAws = (tag: Tag) => tag.Key.startsWith('aws:');
const must = (result: Result<TagSet>): TagSet => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

test('CreateTags adds new keys and overwrites the value of existing ones', () => {
  const set = [{ Key: 'env', Value: 'dev' }, { Key: 'Name', Value: 'a' }];
  expect(must(createTags(set, [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: '' }]))).toEqual([
    { Key: 'Name', Value: 'a' },
    { Key: 'env', Value: 'prod' },
    { Key: 'team', Value: '' },
  ]);
});

test('CreateTags without tags is InvalidParameterValue', () => {
  const expected = invalid('You must specify one or more tags to create');
  expect(error(createTags([], []))).toEqual(expected);
  expect(error(createTags([], undefined))).toEqual(expected);
});

test('CreateTags rejects a tag without a value', () => {
  expect(error(createTags([], [{ Key: 'k' }]))?.message).toMatch(/Tag value cannot be null/);
});

test('the limit counts user tags of the result: overwriting at 50 succeeds, a 51st key fails', () => {
  const full = must(createTags([], userTags(50)));
  expect(must(createTags(full, [{ Key: 'k7', Value: 'new' }, { Key: 'k8', Value: '' }]))).toHaveLength(50);
  expect(error(createTags(full, [{ Key: 'k7', Value: 'new' }, { Key: 'extra', Value: '' }]))).toEqual(LIMIT);
  expect(error(createTags(must(createTags([], userTags(30))), userTags(21, 'j')))).toEqual(LIMIT);
});

test('aws: tags do not count against the limit', () => {
  const set = [...userTags(49), ...userTags(5, 'aws:sys')];
  expect(must(createTags(set, [{ Key: 'last', Value: '' }]))).toHaveLength(55);
});

test('CreateTags and DeleteTags reject an aws: key with the observed text', () => {
  const set = [{ Key: 'aws:cloudformation:stack-name', Value: 's' }];
  const expected = invalid(
    "Value ( aws:cloudformation:stack-name ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use",
  );
  expect(error(createTags(set, [{ Key: 'aws:cloudformation:stack-name', Value: 'x' }]))).toEqual(expected);
  expect(error(deleteTags(set, [{ Key: 'aws:cloudformation:stack-name' }]))).toEqual(expected);
});

test('duplicate keys in one CreateTags or DeleteTags request are rejected', () => {
  const expected = invalid("Duplicate tag key 'a' specified.");
  expect(error(createTags([], [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }]))).toEqual(expected);
  expect(error(deleteTags([{ Key: 'a', Value: '1' }], [{ Key: 'a' }, { Key: 'a', Value: '1' }]))).toEqual(expected);
});

test('DeleteTags: a key without a value deletes the tag whatever its value', () => {
  const set = [{ Key: 'a', Value: 'x' }, { Key: 'b', Value: '' }, { Key: 'c', Value: 'y' }];
  expect(must(deleteTags(set, [{ Key: 'a' }, { Key: 'b', Value: null }]))).toEqual([{ Key: 'c', Value: 'y' }]);
});

test('DeleteTags: a key with a value deletes only on an exact match, the empty value included', () => {
  const set = [{ Key: 'a', Value: 'x' }, { Key: 'b', Value: '' }, { Key: 'c', Value: 'y' }, { Key: 'd', Value: 'Y' }];
  const result = must(
    deleteTags(set, [{ Key: 'a', Value: '' }, { Key: 'b', Value: '' }, { Key: 'c', Value: 'y' }, { Key: 'd', Value: 'y' }]),
  );
  expect(result).toEqual([{ Key: 'a', Value: 'x' }, { Key: 'd', Value: 'Y' }]);
});

test('DeleteTags of a key the resource lacks changes nothing', () => {
  const set = [{ Key: 'a', Value: 'x' }];
  expect(must(deleteTags(set, [{ Key: 'A' }, { Key: 'zz', Value: '' }]))).toEqual(set);
});

test.prop([tagSet()])('DeleteTags with no tag list deletes every user tag and never an aws: one', (set) => {
  const kept = sorted(set.filter(isAws));
  expect(must(deleteTags(set))).toEqual(kept);
  expect(must(deleteTags(set, null))).toEqual(kept);
  expect(must(deleteTags(set, []))).toEqual(kept); // an empty list sends nothing on the wire
});

type Command = { type: 'CreateTags'; tags: unknown[] } | { type: 'DeleteTags'; tags: unknown[] | undefined };
// Mostly well-formed requests (so sequences grow sets to the limit and exact-match deletes hit), some not.
const validTags = fc.uniqueArray(userTag, { selector: (tag) => tag.Key, maxLength: 20, size: 'max' });
const deletes = fc.uniqueArray(fc.oneof(userTag, fc.record({ Key: userKey })), { selector: (tag) => tag.Key, maxLength: 8 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    type: fc.constant('CreateTags' as const),
    tags: fc.oneof({ weight: 4, arbitrary: validTags }, { weight: 1, arbitrary: fc.array(tagInput, { maxLength: 5 }) }),
  }),
  fc.record({
    type: fc.constant('DeleteTags' as const),
    tags: fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 4, arbitrary: deletes },
      { weight: 1, arbitrary: fc.array(tagInput, { maxLength: 5 }) },
    ),
  }),
);
const apply = (set: TagSet, c: Command) =>
  c.type === 'CreateTags' ? createTags(set, c.tags as TagInput[]) : deleteTags(set, c.tags as TagInput[] | undefined);

// A model of the two reducers written straight from spec §7.1, to compare the package against.
const fields = (tag: unknown): { Key?: unknown; Value?: unknown } => (typeof tag === 'object' && tag !== null ? tag : {});
const absent = (value: unknown) => value === undefined || value === null;
const validKey = (key: unknown): key is string =>
  typeof key === 'string' && isWellFormed(key) && codePoints(key) >= 1 && codePoints(key) <= 127 && !key.startsWith('aws:');
const validValue = (value: unknown): value is string =>
  typeof value === 'string' && isWellFormed(value) && codePoints(value) <= 256;
function model(set: TagSet, c: Command): Tag[] | 'error' {
  const entries = (c.tags ?? []).map(fields);
  const keys = entries.map((entry) => entry.Key);
  if (!keys.every(validKey) || new Set(keys).size !== keys.length) return 'error';
  const tags = new Map(set.map((tag) => [tag.Key, tag.Value]));
  if (c.type === 'CreateTags') {
    if (entries.length === 0 || !entries.every((entry) => validValue(entry.Value))) return 'error';
    for (const { Key, Value } of entries) tags.set(Key as string, Value as string);
  } else if (!entries.every((entry) => absent(entry.Value) || validValue(entry.Value))) {
    return 'error';
  } else if (entries.length === 0) {
    for (const key of tags.keys()) if (!key.startsWith('aws:')) tags.delete(key);
  } else {
    for (const { Key, Value } of entries) if (absent(Value) || tags.get(Key as string) === Value) tags.delete(Key as string);
  }
  const result = sorted([...tags].map(([Key, Value]) => ({ Key, Value })));
  return result.filter((tag) => !tag.Key.startsWith('aws:')).length > 50 ? 'error' : result;
}

test.prop([tagSet(), fc.array(command, { maxLength: 12 })])(
  'a valid set stays valid under any sequence of CreateTags/DeleteTags, as the spec model says',
  (initial, commands) => {
    let set: TagSet = initial;
    for (const c of commands) {
      const expected = model(set, c);
      const result = apply(set, c);
      if (expected === 'error') {
        expect(result.ok).toBe(false);
        continue;
      }
      set = must(result);
      expect(brokenRule(set)).toBeUndefined();
      expect(set).toEqual(expected);
    }
  },
);

test.prop([tagSet(), fc.uniqueArray(userTag, { selector: (tag) => tag.Key, minLength: 1, maxLength: 60 })])(
  'the limit is never exceeded: CreateTags fails with TagLimitExceeded exactly when the result would pass 50',
  (set, tags) => {
    const userKeys = new Set([...set.filter((tag) => !isAws(tag)), ...tags].map((tag) => tag.Key));
    const result = createTags(set, tags);
    if (userKeys.size > 50) expect(error(result)).toEqual(LIMIT);
    else expect(must(result).filter((tag) => !isAws(tag))).toHaveLength(userKeys.size);
  },
);

const newTags = fc.uniqueArray(userTag, { selector: (tag) => tag.Key, minLength: 1, maxLength: 30 });
test.prop([tagSet(20), newTags, fc.boolean()])(
  'create-then-delete of the same keys restores the set',
  (set, candidates, withValues) => {
    const fresh = candidates.filter((tag) => !set.some((old) => old.Key === tag.Key));
    fc.pre(fresh.length > 0);
    const created = must(createTags(set, fresh));
    const doomed = fresh.map(({ Key, Value }) => (withValues ? { Key, Value } : { Key }));
    expect(must(deleteTags(created, doomed))).toEqual(sorted(set));
  },
);

test.prop([tagSet(), command])('the reducers never touch aws: tags', (set, c) => {
  const result = apply(set, c);
  if (result.ok) expect(result.value.filter(isAws)).toEqual(sorted(set.filter(isAws)));
  const mentionsAws = (c.tags ?? []).some((tag) => {
    const key = (tag as { Key?: unknown } | null)?.Key;
    return typeof key === 'string' && key.startsWith('aws:');
  });
  if (mentionsAws) expect(result.ok).toBe(false);
});

test.prop([tagSet(), fc.oneof(command.map((c) => c.tags), garbage)])(
  'the reducers are total on request input and never change the set they are given',
  (set, tags) => {
    const before = structuredClone(set);
    for (const result of [createTags(set, tags as TagInput[]), deleteTags(set, tags as TagInput[])]) {
      if (result.ok) expect(brokenRule(result.value)).toBeUndefined();
      else expect(['InvalidParameterValue', 'TagLimitExceeded']).toContain(result.error.code);
    }
    expect(set).toEqual(before);
  },
);

test.prop([tagSet(49), userKey, value])('results are fresh frozen sets that JSON restores exactly', (set, Key, Value) => {
  const result = must(createTags(set, [{ Key, Value }]));
  expect(Object.isFrozen(set)).toBe(false);
  expect(result.some((tag) => (set as TagSet).includes(tag))).toBe(false);
  expect(brokenRule(result)).toBeUndefined();
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
});

test.prop([awsKey, value])('DeleteTags of AWS:<key> leaves the reserved aws:<key> tag alone', (Key, Value) => {
  const set = [{ Key, Value }];
  expect(must(deleteTags(set, [{ Key: Key.replace('aws:', 'AWS:') }]))).toEqual(set);
});
