// The tag arbitraries, held against @pcxsim/tags itself: valid ones pass its validators, and each
// invalid kind gets exactly the error it is labelled with — from the validator and from the engine.
import { apply, createWorld, type Caller } from '@pcxsim/engine';
import { MAX_USER_TAGS, validateTag, validateTags, type TagInput } from '@pcxsim/tags';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { INVALID_TAG_KINDS, invalidTag, invalidTagLists, invalidTags, tag, tagSet, type InvalidTagListKind } from '../src/index.js';

const ME: Caller = { accountId: '111111111111', region: 'us-east-1' };

/** A world with one VPC of ME, and its ID. */
function oneVpc() {
  const step = apply(createWorld(), ME, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' });
  if (!step.result.ok) throw new Error(step.result.error.message);
  return { world: step.world, vpcId: step.result.value.Vpc.VpcId };
}

describe('tag', () => {
  it.each(['portable', 'unicode'] as const)('validateTag accepts every %s tag unchanged', (characters) => {
    fc.assert(
      fc.property(tag({ characters }), (generated) => {
        expect(validateTag(generated)).toEqual({ ok: true, value: generated });
        expect(validateTag(generated, 'TagSpecification').ok).toBe(true);
      }),
    );
  });

  test('keys come from the pool when one is given', () => {
    fc.assert(fc.property(tag({ keys: ['Name', 'env'] }), ({ Key }) => ['Name', 'env'].includes(Key)));
  });

  test('shrinks towards { Key: "a", Value: "" }', () => {
    const details = fc.check(fc.property(tag(), () => false));
    expect(details.counterexample?.[0]).toEqual({ Key: 'a', Value: '' });
  });
});

describe('tagSet', () => {
  test('validateTags accepts every set: distinct keys, at most 50', () => {
    fc.assert(
      fc.property(tagSet(), (tags) => {
        expect(tags.length).toBeLessThanOrEqual(MAX_USER_TAGS);
        expect(validateTags(tags).ok).toBe(true);
      }),
    );
  });

  test('a set becomes the tags of a new VPC, exactly', () => {
    fc.assert(
      fc.property(tagSet({ minLength: 1, maxLength: 10 }), (tags) => {
        const step = apply(createWorld(), ME, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: tags }] });
        expect(step.result.ok && step.result.value.Vpc.Tags).toEqual([...tags].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0)));
      }),
    );
  });

  test('a pool of keys bounds the size; impossible sizes are refused', () => {
    fc.assert(fc.property(tagSet({ keys: ['a', 'b', 'c'] }), (tags) => tags.length <= 3));
    expect(() => tagSet({ minLength: 4, keys: ['a', 'b', 'c'] })).toThrow(RangeError);
    expect(() => tagSet({ maxLength: 51 })).toThrow(RangeError);
  });
});

describe('invalidTags', () => {
  it.each(INVALID_TAG_KINDS)('%s: validateTag gives exactly the labelled error, for CreateTags and a TagSpecification', (kind) => {
    fc.assert(
      fc.property(invalidTags[kind](), (invalid) => {
        expect(invalid.kind).toBe(kind);
        const tagInput = invalid.tag as TagInput;
        expect(validateTag(tagInput, 'CreateTags')).toEqual({ ok: false, error: invalid.errors.CreateTags });
        expect(validateTag(tagInput, 'TagSpecification')).toEqual({ ok: false, error: invalid.errors.TagSpecification });
      }),
    );
  });

  it.each(INVALID_TAG_KINDS)('%s: the engine answers CreateTags with the labelled error (HTTP 400)', (kind) => {
    const { world, vpcId } = oneVpc();
    fc.assert(
      fc.property(invalidTags[kind](), (invalid) => {
        const step = apply(world, ME, { type: 'CreateTags', Resources: [vpcId], Tags: [invalid.tag as TagInput] });
        expect(step.result.ok ? 'succeeded' : step.result.error).toEqual({ ...invalid.errors.CreateTags, httpStatus: 400 });
        expect(step.world).toBe(world);
      }),
    );
  });

  test('every kind has its own error', () => {
    const samples = INVALID_TAG_KINDS.map((kind) => fc.sample(invalidTags[kind](), { numRuns: 1, seed: 1 })[0]!);
    const messages = samples.map(({ errors }) => errors.CreateTags.message.replace(/\( .* \)/, '(…)'));
    expect(new Set(messages).size).toBe(INVALID_TAG_KINDS.length);
  });

  test('invalidTag draws every kind; wireOnly keeps the ones a wire carries', () => {
    expect(new Set(fc.sample(invalidTag(), 500).map(({ kind }) => kind)).size).toBe(INVALID_TAG_KINDS.length);
    fc.assert(fc.property(invalidTag({ wireOnly: true }), ({ wire, tag: loose }) => wire && (loose.Key === undefined || loose.Key === null || typeof loose.Key === 'string')));
    expect(() => invalidTag({ kinds: ['keyNotString'], wireOnly: true })).toThrow(RangeError);
  });
});

describe('invalidTagLists', () => {
  it.each<InvalidTagListKind>(['duplicateKey', 'tooMany'])('%s: every tag valid, the list refused with exactly the labelled error', (kind) => {
    fc.assert(
      fc.property(invalidTagLists[kind](), ({ kind: label, tags, error }) => {
        expect(label).toBe(kind);
        for (const one of tags) expect(validateTag(one).ok).toBe(true);
        expect(validateTags(tags)).toEqual({ ok: false, error });
      }),
    );
  });
});
