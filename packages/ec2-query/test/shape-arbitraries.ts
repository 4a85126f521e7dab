// fast-check arbitraries read off the per-action table: any SDK-shaped value of a shape, so the round
// trips through the real SDK cover every member of every action, not a hand-picked few.
import fc from 'fast-check';
import type { Shape, StructureShape } from '../src/index.js';

/** Text the JS SDK can carry: any code point (lone surrogates cannot be percent-encoded at all). */
export const anyText = fc.string({ unit: 'binary', maxLength: 12 });

/**
 * Text that comes back unchanged from the SDK's XML parser, which reads a text of only whitespace
 * that contains a line break as empty (@aws-sdk/xml-builder's xml-parser.js) — so would any server's
 * document, AWS's included.
 */
export const xmlSafeText = anyText.filter((text) => !(text.trim() === '' && text.includes('\n')));

/** Any value of `shape` as an SDK object holds it; `text` generates the strings. */
export function valueOf(shape: Shape, text: fc.Arbitrary<string> = anyText): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string':
      return text;
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: -0x8000_0000, max: 0x7fff_ffff });
    case 'timestamp':
      return fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
    case 'enum':
      return fc.constantFrom(...shape.values);
    case 'list':
      return fc.array(valueOf(shape.member, text), { maxLength: 3 });
    case 'structure':
      return structureOf(shape, text);
  }
}

/** Any SDK object of a structure: each member present or not. */
export function structureOf(shape: StructureShape, text: fc.Arbitrary<string> = anyText): fc.Arbitrary<Record<string, unknown>> {
  const members = Object.fromEntries(shape.members.map((member) => [member.name, valueOf(member.shape, text)]));
  return fc.record(members, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/**
 * What survives the EC2 Query wire of an input: the SDK leaves out empty lists and empty structures
 * (`serializeEmptyLists: false`), so a list item with nothing in it sends nothing.
 */
export function onTheWire(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(onTheWire).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, onTheWire(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}
