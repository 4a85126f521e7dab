// The per-action table against the EC2 model itself, as @aws-sdk/client-ec2 ships it (its schemas):
// every member the table lists exists there with the same request name (`ec2QueryName`, else the
// capitalised `xmlName`, else the member name), the same response element name (`xmlName`), the same
// type and nesting; response lists use `<item>`; the `ResourceType` enum has the SDK's values.
import * as sdk from '@aws-sdk/client-ec2';
import { describe, expect, test } from 'vitest';
import { ACTIONS, RESOURCE_TYPES, type Ec2Action, type Shape } from '../src/index.js';

// The SDK's schema encoding: a structure is [3, namespace, name, traits, memberNames, memberSchemas],
// a list [1, namespace, name, traits, memberSchema]; a member schema is a type code or
// [schema, traits]; type codes: 0 string, 1 number, 2 boolean, 4–7 timestamp, 64 + code a list of it.
type SdkSchema = unknown;
type Traits = { readonly ec2QueryName?: string; readonly xmlName?: string };

interface Plain {
  readonly kind: 'string' | 'integer' | 'boolean' | 'timestamp' | 'list' | 'structure';
  readonly item?: Plain;
  readonly itemXml?: string;
  readonly members?: ReadonlyMap<string, { readonly query: string; readonly xml: string; readonly shape: Plain }>;
}

const deref = (schema: SdkSchema): SdkSchema => (typeof schema === 'function' ? (schema as () => SdkSchema)() : schema);
const capitalise = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

function plain(schema: SdkSchema): Plain {
  const s = deref(schema);
  if (typeof s === 'number') {
    if (s >= 64) return { kind: 'list', item: plain(s - 64), itemXml: 'item' };
    return { kind: s === 0 ? 'string' : s === 1 ? 'integer' : s === 2 ? 'boolean' : 'timestamp' };
  }
  const array = s as readonly unknown[];
  if (array[0] === 1) {
    const [item, traits] = memberSchema(array[4]);
    return { kind: 'list', item: plain(item), itemXml: traits.xmlName ?? 'member' };
  }
  if (array[0] === 3) {
    const names = array[4] as readonly string[];
    const schemas = array[5] as readonly unknown[];
    const members = new Map(
      names.map((name, i) => {
        const [member, traits] = memberSchema(schemas[i]);
        const query = traits.ec2QueryName ?? (traits.xmlName === undefined ? name : capitalise(traits.xmlName));
        return [name, { query, xml: traits.xmlName ?? name, shape: plain(member) }] as const;
      }),
    );
    return { kind: 'structure', members };
  }
  throw new Error(`an SDK schema this test does not read: ${JSON.stringify(s)}`);
}

function memberSchema(member: unknown): readonly [SdkSchema, Traits] {
  return Array.isArray(member) ? [member[0], (member[1] ?? {}) as Traits] : [member, {}];
}

/** The differences between the table's `shape` and the SDK's, as readable paths. */
function differences(shape: Shape, model: Plain, side: 'input' | 'output', path: string): string[] {
  const kind = shape.kind === 'enum' ? 'string' : shape.kind;
  if (kind !== model.kind) return [`${path}: ${kind} here, ${model.kind} in the SDK`];
  if (shape.kind === 'list') {
    const out = differences(shape.member, model.item!, side, `${path}[]`);
    if (side === 'output' && model.itemXml !== 'item') out.push(`${path}: SDK list items are <${model.itemXml}>`);
    return out;
  }
  if (shape.kind !== 'structure') return [];
  return shape.members.flatMap((member) => {
    const theirs = model.members!.get(member.name);
    if (theirs === undefined) return [`${path}.${member.name}: not in the SDK`];
    const name = side === 'input' ? [member.query, theirs.query] : [member.xml, theirs.xml];
    const named = name[0] === name[1] ? [] : [`${path}.${member.name}: named ${name[0]} here, ${name[1]} in the SDK`];
    return [...named, ...differences(member.shape, theirs.shape, side, `${path}.${member.name}`)];
  });
}

const schemas = sdk as unknown as Record<string, SdkSchema>;

describe('the per-action table is the EC2 model', () => {
  test.each(Object.keys(ACTIONS) as Ec2Action[])('%s: request names and types are the SDK model', (action) => {
    expect(differences(ACTIONS[action].input, plain(schemas[`${action}Request$`]), 'input', action)).toEqual([]);
  });

  test.each(Object.keys(ACTIONS) as Ec2Action[])('%s: response element names and types are the SDK model', (action) => {
    const result = schemas[`${action}Result$`];
    if (result === undefined) {
      // Actions whose model has no output members (the SDK answers `{}`): the table writes none.
      expect(ACTIONS[action].output.members).toEqual([]);
      return;
    }
    expect(differences(ACTIONS[action].output, plain(result), 'output', action)).toEqual([]);
  });

  test('the ResourceType enum is the SDK enum', () => {
    expect([...RESOURCE_TYPES].sort()).toEqual(Object.values(sdk.ResourceType).sort());
  });
});
