// The little shape language the per-action table (actions.ts) is written in: the same members,
// names and types the SDK's EC2 model has (@aws-sdk/client-ec2 schemas), cut down to what the
// engine reads and writes. One table drives both directions: a member's `query` name is what a
// request carries (ecosystem.md §1.1), its `xml` name the element a response uses (§1.2).

/** A string, a boolean (`true`/`false`), a 32-bit integer, or a timestamp (ISO 8601 with milliseconds). */
export interface ScalarShape {
  /** Which scalar. */
  readonly kind: 'string' | 'boolean' | 'integer' | 'timestamp';
}

/** A string restricted to the values of an EC2 enum (e.g. `ResourceType`). */
export interface EnumShape {
  /** Discriminant. */
  readonly kind: 'enum';
  /** The enum's name in the EC2 model, for error messages. */
  readonly name: string;
  /** Every value the enum has. */
  readonly values: ReadonlySet<string>;
}

/** A list: `Name.1`, `Name.2`, … in a request (1-based, flattened); `<name><item>…</item></name>` in a response. */
export interface ListShape {
  /** Discriminant. */
  readonly kind: 'list';
  /** The shape of each item. */
  readonly member: Shape;
  /**
   * The engine counts this list itself and answers AWS's own error past its limit (CreateTags'
   * `ResourceId.N`: `ResourceCountExceeded`), so the protocol's list-index limit does not apply.
   */
  readonly counted?: true;
}

/** A structure: dotted member names in a request, child elements in a response, in this order. */
export interface StructureShape {
  /** Discriminant. */
  readonly kind: 'structure';
  /** The members, in the order a response writes them. */
  readonly members: readonly Member[];
}

/** Any shape. */
export type Shape = ScalarShape | EnumShape | ListShape | StructureShape;

/** One member of a structure, with its three names. */
export interface Member {
  /** The SDK's member name (PascalCase): the key in a command and in an output object. */
  readonly name: string;
  /** The request parameter name (the model's `ec2QueryName`, else its capitalised `xmlName`, else `name`). */
  readonly query: string;
  /** The response element name (the model's `xmlName`, lowerCamel). */
  readonly xml: string;
  /** The member's shape. */
  readonly shape: Shape;
}

/** The string scalar. */
export const STRING: ScalarShape = { kind: 'string' };
/** The boolean scalar. */
export const BOOLEAN: ScalarShape = { kind: 'boolean' };
/** The integer scalar. */
export const INTEGER: ScalarShape = { kind: 'integer' };
/** The timestamp scalar. */
export const TIMESTAMP: ScalarShape = { kind: 'timestamp' };

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * A member named `name`. Most EC2 members are spelt the same on the wire and lowerCamel in XML;
 * `names` gives the exceptions (lists: `Filters` is `Filter.N` on the wire, `Tags` is `<tagSet>`).
 */
export function member(name: string, shape: Shape, names: { readonly query?: string; readonly xml?: string } = {}): Member {
  return { name, query: names.query ?? name, xml: names.xml ?? lowerFirst(name), shape };
}

/** A structure of `members`. */
export const structure = (...members: Member[]): StructureShape => ({ kind: 'structure', members });

/** A list of `item`; `counted`: the engine limits its length itself (see {@link ListShape.counted}). */
export const list = (item: Shape, options: { readonly counted?: true } = {}): ListShape =>
  options.counted ? { kind: 'list', member: item, counted: true } : { kind: 'list', member: item };

/** An enum named `name` with `values`. */
export const enumOf = (name: string, values: readonly string[]): EnumShape => ({ kind: 'enum', name, values: new Set(values) });
