// From request parameters to an engine command, driven by the per-action table (actions.ts). The
// wire form (ecosystem.md §1.1, spec §9.1): `Action` and `Version=2016-11-15`, dotted names for
// nested members, lists flattened with 1-based indices (`TagSpecification.1.Tag.2.Key`,
// `Filter.1.Value.1`, and the single-value `Filter.1.Value`), `true`/`false`, decimal integers.
// Pure and total: any parameters give a command or the EC2 error a client would get, never a throw.
// The order of parameters never matters: keys are checked in sorted order, indices sort numerically.
import type { Command } from '@pcxsim/engine';
import { ACTIONS, isEc2Action, type Ec2Action } from './actions.js';
import * as errors from './errors.js';
import type { WireError } from './errors.js';
import type { Param } from './query-params.js';
import type { Member, Shape, StructureShape } from './shapes.js';

/** A request that reads as a command. */
export interface ParsedCommand {
  /** Discriminant. */
  readonly ok: true;
  /** The EC2 action. */
  readonly action: Ec2Action;
  /** The engine command: `type` and the action's SDK input members. */
  readonly command: Command;
  /** Never present on success. */
  readonly error?: never;
}

/** A request that does not: the EC2 error to answer with. */
export interface ParseFailure {
  /** Discriminant. */
  readonly ok: false;
  /** The error. */
  readonly error: WireError;
  /** Never present on failure. */
  readonly action?: never;
  /** Never present on failure. */
  readonly command?: never;
}

/** What {@link toCommand} gives: the command, or the error to answer with. */
export type ParsedRequest = ParsedCommand | ParseFailure;

// A list while it is being filled: items by index.
class ListDraft {
  readonly items = new Map<number, Draft>();
}

type Draft = string | number | boolean | StructDraft | ListDraft;
interface StructDraft {
  [member: string]: Draft;
}

// spec §9.1 [doc]: the samples write `vpcPeeringConnectionId=` (the lowerCamel locationName), so a
// member answers to its query name with the first letter in either case.
const lookups = new WeakMap<StructureShape, ReadonlyMap<string, Member>>();
function memberNamed(shape: StructureShape, name: string): Member | undefined {
  let lookup = lookups.get(shape);
  if (lookup === undefined) {
    const map = new Map<string, Member>();
    for (const member of shape.members) {
      map.set(member.query, member);
      map.set(member.query.charAt(0).toLowerCase() + member.query.slice(1), member);
    }
    lookups.set(shape, map);
    lookup = map;
  }
  return lookup.get(name);
}

const INDEX = /^[1-9][0-9]*$/;
// A Java int, as EC2 reads it: optional sign, decimal digits, within 32 bits [?].
const INTEGER = /^[+-]?[0-9]{1,10}$/;

/** Reads one scalar value by its shape. */
function scalar(shape: Exclude<Shape, StructureShape | { kind: 'list' }>, value: string, name: string): Draft | WireError {
  switch (shape.kind) {
    case 'string':
    case 'timestamp':
      return value;
    case 'boolean': {
      const lower = value.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : errors.notBoolean(value, name);
    }
    case 'integer': {
      const n = INTEGER.test(value) ? Number(value) : NaN;
      return Number.isInteger(n) && n >= -0x8000_0000 && n <= 0x7fff_ffff ? n : errors.notInteger(value, name);
    }
    case 'enum':
      return shape.values.has(value) ? value : errors.notInEnum(value, name, shape.name);
  }
}

const isError = (value: unknown): value is WireError =>
  typeof value === 'object' && value !== null && !(value instanceof ListDraft) && 'httpStatus' in value;

/**
 * Puts `value` at `segments[at…]` below `current` (of `shape`); returns the new draft or an error.
 * `name` is the whole parameter name, for messages.
 */
function insert(shape: Shape, current: Draft | undefined, segments: readonly string[], at: number, name: string, value: string, maxIndex: number): Draft | WireError {
  switch (shape.kind) {
    case 'structure': {
      if (at === segments.length) return errors.unknownParameter(name);
      const member = memberNamed(shape, segments[at]!);
      if (member === undefined) return errors.unknownParameter(name);
      const draft = (current ?? {}) as StructDraft;
      const next = insert(member.shape, draft[member.name], segments, at + 1, name, value, maxIndex);
      if (isError(next)) return next;
      draft[member.name] = next;
      return draft;
    }
    case 'list': {
      const draft = (current ?? new ListDraft()) as ListDraft;
      let index = 1; // spec §9.1 [doc]: `Filter.1.Value=x` is a list of one
      let below = at;
      if (at < segments.length) {
        const segment = segments[at]!;
        if (!INDEX.test(segment)) return errors.unknownParameter(name);
        index = segment.length > 5 ? Infinity : Number(segment);
        // A list the engine counts itself (CreateTags' ResourceId) still takes only indexes of five digits.
        if (index > maxIndex && (shape.counted !== true || index === Infinity)) return errors.listIndexTooLarge(name, maxIndex);
        below = at + 1;
      } else if (shape.member.kind === 'structure' || shape.member.kind === 'list') {
        return errors.unknownParameter(name);
      }
      const next = insert(shape.member, draft.items.get(index), segments, below, name, value, maxIndex);
      if (isError(next)) return next;
      draft.items.set(index, next);
      return draft;
    }
    default:
      if (at !== segments.length) return errors.unknownParameter(name);
      // The same member twice: the lowerCamel alias, or `X` beside `X.1`.
      if (current !== undefined) return errors.repeatedParameter(name);
      return scalar(shape, value, name);
  }
}

/** The finished value: lists as arrays in index order (gaps closed up [?]). */
function finish(draft: Draft): unknown {
  if (draft instanceof ListDraft) {
    return [...draft.items.entries()].sort(([a], [b]) => a - b).map(([, item]) => finish(item));
  }
  if (typeof draft === 'object') {
    for (const key of Object.keys(draft)) draft[key] = finish(draft[key]!) as Draft;
  }
  return draft;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The command a request's parameters ask for, or the EC2 error for them. Checks, in order: neither
 * `Action` nor `Version` twice, `Action` present, `Version` present and 2016-11-15, the action
 * known, no other parameter twice, then
 * each parameter (in sorted order) known and of the right type. Whether required members are
 * present, and every rule about values, is the engine's to say.
 *
 * @param params the decoded parameters, in any order
 * @param maxListIndex the largest list index accepted (limits.ts)
 */
export function toCommand(params: readonly Param[], maxListIndex: number): ParsedRequest {
  const byName = new Map<string, string>();
  const repeated: string[] = [];
  for (const [name, value] of params) {
    if (byName.has(name)) repeated.push(name);
    else byName.set(name, value);
  }
  const fail = (error: WireError): ParsedRequest => ({ ok: false, error });
  for (const name of ['Action', 'Version']) if (repeated.includes(name)) return fail(errors.repeatedParameter(name));
  const action = byName.get('Action');
  if (action === undefined || action === '') return fail(errors.missingAction());
  const version = byName.get('Version');
  if (version === undefined || version === '') return fail(errors.missingVersion());
  if (version !== errors.API_VERSION) return fail(errors.noSuchVersion(version));
  if (!isEc2Action(action)) return fail(errors.invalidAction(action));
  if (repeated.length > 0) return fail(errors.repeatedParameter(repeated.sort(byCodeUnits)[0]!));

  const input = ACTIONS[action].input;
  let draft: StructDraft = {};
  const names = [...byName.keys()].filter((name) => name !== 'Action' && name !== 'Version').sort(byCodeUnits);
  for (const name of names) {
    const next = insert(input, draft, name.split('.'), 0, name, byName.get(name)!, maxListIndex);
    if (isError(next)) return fail(next);
    draft = next as StructDraft;
  }
  return { ok: true, action, command: { type: action, ...(finish(draft) as object) } as Command };
}
