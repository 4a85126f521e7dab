// From results to the documents of ecosystem.md §1.2 / spec §9.2, walking the per-action table:
// root `<{Action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">`, `<requestId>` first,
// lowerCamel element names, `<item>` list members, an empty list as an empty element (`<tagSet/>`),
// timestamps as ISO 8601 UTC with milliseconds, `true`/`false`; and errors as spec §9.3's
// `<Response><Errors><Error>…</Error></Errors><RequestID>…</RequestID></Response>`, one Error only
// (two make the SDK answer `Unknown`, ecosystem.md §1.3). Pure: strings in, a string out.
import type { ActionShapes, Ec2Action } from './actions.js';
import type { WireError } from './errors.js';
import type { Shape, StructureShape } from './shapes.js';

/** The namespace of every success document (spec §9.2). */
export const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

// `&`, `<`, `>` as entities; `\r` and the other control characters XML 1.0 cannot carry raw as
// character references (`\r` would come back as `\n`: parsers normalise line ends, the SDK's too).
// Characters above U+FFFF are written raw, never as references: the SDK's entity decoder uses
// `String.fromCharCode`, which would cut them (@aws-sdk/xml-builder's xml-parser.js).
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;
const ESCAPES = /[&<>\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g;
const escapeOne = (char: string): string =>
  char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`;

/** `text` made safe as XML character data: every character comes back the same from a parser. */
export const escapeText = (text: string): string => (NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, escapeOne) : text);

// ISO 8601 with four-digit years: `toISOString` writes `+010000-…` past 9999, which the SDKs refuse
// (`Invalid RFC3339 timestamp format`), so such a time is left out rather than break the document.
const FIRST_TIME = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const LAST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A scalar as text, or undefined when the value cannot be one (it is then left out). */
function scalarText(kind: Shape['kind'], value: unknown): string | undefined {
  switch (kind) {
    case 'timestamp': {
      const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : NaN;
      return time >= FIRST_TIME && time <= LAST_TIME ? new Date(time).toISOString() : undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? String(value) : undefined;
    default:
      return typeof value === 'string' ? escapeText(value) : undefined;
  }
}

/** The content of an element of `shape` holding `value` ('' when empty), or undefined to leave it out. */
function content(shape: Shape, value: unknown): string | undefined {
  switch (shape.kind) {
    case 'structure':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? members(shape, value as Readonly<Record<string, unknown>>)
        : undefined;
    case 'list': {
      if (!Array.isArray(value)) return undefined;
      let out = '';
      for (const item of value) {
        const inner = content(shape.member, item);
        if (inner !== undefined) out += inner === '' ? '<item/>' : `<item>${inner}</item>`;
      }
      return out;
    }
    default:
      return scalarText(shape.kind, value);
  }
}

/** A member with its element's tags written out once. */
interface Slot {
  readonly name: string;
  readonly shape: Shape;
  readonly open: string;
  readonly close: string;
  readonly empty: string;
}

// The tags of every member, made the first time a structure is written, not `<vpcId>` and `</vpcId>`
// anew for every element of every response: 1.85 → 1.27 µs for three typical documents
// (bench/README.md, "HTTP under load"). Keyed by the shape object, so a table built at run time works too.
const slotsByShape = new WeakMap<StructureShape, readonly Slot[]>();
function slotsOf(shape: StructureShape): readonly Slot[] {
  let slots = slotsByShape.get(shape);
  if (slots === undefined) {
    slots = shape.members.map((member) => ({ name: member.name, shape: member.shape, open: `<${member.xml}>`, close: `</${member.xml}>`, empty: `<${member.xml}/>` }));
    slotsByShape.set(shape, slots);
  }
  return slots;
}

/** The member elements of a structure, in the table's order; absent members are left out. */
function members(shape: StructureShape, value: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (const slot of slotsOf(shape)) {
    const inner = content(slot.shape, value[slot.name]);
    if (inner === undefined) continue;
    out += inner === '' ? slot.empty : slot.open + inner + slot.close;
  }
  return out;
}

/**
 * The success document of `action` for the engine's `output` (an SDK-shaped object; members the
 * table does not list are not written — test/shapes-sdk.test.ts checks the engine writes none).
 */
export function successDocument(action: Ec2Action, shapes: ActionShapes, output: unknown, requestId: string): string {
  const body = typeof output === 'object' && output !== null ? members(shapes.output, output as Readonly<Record<string, unknown>>) : '';
  const root = `${action}Response`;
  return (
    `${DECLARATION}<${root} xmlns="${XMLNS}"><requestId>${escapeText(requestId)}</requestId>` +
    `${body}${shapes.returnsTrue ? '<return>true</return>' : ''}</${root}>`
  );
}

/** The error document (spec §9.3): root `<Response>`, no namespace, `<RequestID>` with capital `ID`. */
export function errorDocument(error: WireError, requestId: string): string {
  return (
    `${DECLARATION}<Response><Errors><Error><Code>${escapeText(error.code)}</Code>` +
    `<Message>${escapeText(error.message)}</Message></Error></Errors>` +
    `<RequestID>${escapeText(requestId)}</RequestID></Response>`
  );
}
