// Symbolic IDs: a generated sequence cannot know the IDs a backend will hand out, so it names
// resources by the order they were created in ("$vpc0" is the first VPC created), and each run
// binds the symbols to the IDs its own backend returned.
import type { SequenceStep } from './sequence-step.js';

/**
 * The kinds of resource a symbol can name: `$vpcN`, `$pcxN`, `$assocN` (a VPC's CIDR block
 * association), `$subnetN`, `$rtbN` (a route table a step created) and `$rtbassocN` (a route table
 * association a step made).
 */
export type SymbolKind = 'vpc' | 'pcx' | 'assoc' | 'subnet' | 'rtb' | 'rtbassoc';

/** Every kind, in the order reports list them. */
const KINDS: readonly SymbolKind[] = ['vpc', 'pcx', 'assoc', 'subnet', 'rtb', 'rtbassoc'];

const ID_PREFIX: Readonly<Record<SymbolKind, string>> = {
  vpc: 'vpc-',
  pcx: 'pcx-',
  assoc: 'vpc-cidr-assoc-',
  subnet: 'subnet-',
  rtb: 'rtb-',
  rtbassoc: 'rtbassoc-',
};

// `rtbassoc` before `rtb`, so that `$rtbassoc0` is not read as `$rtb` followed by text.
const SYMBOL = /\$(vpc|pcx|assoc|subnet|rtbassoc|rtb)(\d+)(?!\d)/g;

/** The symbol of the `index`-th resource of `kind` created (0-based): `symbolFor('pcx', 0)` is `$pcx0`. */
export const symbolFor = (kind: SymbolKind, index: number): string => `$${kind}${index}`;

/**
 * The ID an unbound symbol stands for: well-formed (the prefix and 17 hex digits, the first `0`, as
 * every long EC2 ID) and the same every time, but one no backend hands out, so every backend
 * answers NotFound for it.
 */
export function unboundId(kind: SymbolKind, index: number): string {
  return `${ID_PREFIX[kind]}0ffff${index.toString(16).padStart(12, '0')}`;
}

/** A copy of `value` with `replace` applied to every string in it, at any depth. */
function mapStrings(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, replace));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, replace)]));
  }
  return value;
}

/** A field of an output of unknown shape, read without trusting the shape. */
const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

/** The ID a successful creation's output carries, and the kind of symbol it gets. */
function createdBy(step: SequenceStep, output: unknown): readonly [SymbolKind, unknown] | undefined {
  switch (step.command.type) {
    case 'CreateVpc':
      return ['vpc', field(field(output, 'Vpc'), 'VpcId')];
    case 'CreateVpcPeeringConnection':
      return ['pcx', field(field(output, 'VpcPeeringConnection'), 'VpcPeeringConnectionId')];
    case 'AssociateVpcCidrBlock':
      return [
        'assoc',
        field(field(output, 'CidrBlockAssociation'), 'AssociationId') ?? field(field(output, 'Ipv6CidrBlockAssociation'), 'AssociationId'),
      ];
    case 'CreateSubnet':
      return ['subnet', field(field(output, 'Subnet'), 'SubnetId')];
    case 'CreateRouteTable':
      return ['rtb', field(field(output, 'RouteTable'), 'RouteTableId')];
    case 'AssociateRouteTable':
      return ['rtbassoc', field(output, 'AssociationId')];
    // The replacement is a new association (routes §1.5): the old ID is gone.
    case 'ReplaceRouteTableAssociation':
      return ['rtbassoc', field(output, 'NewAssociationId')];
    default:
      return undefined;
  }
}

/**
 * Symbolic IDs → real IDs as a sequence runs against one backend. Each backend a sequence runs
 * against gets its own `Bindings`: `$vpc0` is the first VPC *that backend* created.
 *
 * @example
 * ```ts
 * const ids = new Bindings();
 * for (const step of steps) {
 *   const { caller, command } = ids.resolve(step);
 *   const result = apply(world, caller, command);
 *   world = result.world;
 *   if (result.result.ok) ids.record(step, result.result.value);
 * }
 * ```
 */
export class Bindings {
  private readonly ids: Record<SymbolKind, string[]> = { vpc: [], pcx: [], assoc: [], subnet: [], rtb: [], rtbassoc: [] };
  private readonly symbols = new Map<string, string>();

  /**
   * The step with every symbolic ID replaced (deep, in any string field or list); an unbound symbol
   * becomes a well-formed ID that exists nowhere (deterministic, e.g. `vpc-0ffff000000000005` for
   * `$vpc5`), so every backend answers NotFound.
   */
  resolve(step: SequenceStep): SequenceStep {
    const replace = (text: string): string =>
      text.includes('$')
        ? text.replace(SYMBOL, (_, kind: SymbolKind, digits: string) => this.ids[kind][Number(digits)] ?? unboundId(kind, Number(digits)))
        : text;
    return { caller: step.caller, command: mapStrings(step.command, replace) as SequenceStep['command'] };
  }

  /**
   * Records the ID a successful result created: CreateVpc → `$vpcN`, CreateVpcPeeringConnection →
   * `$pcxN`, AssociateVpcCidrBlock → `$assocN`, CreateSubnet → `$subnetN`, CreateRouteTable →
   * `$rtbN`, AssociateRouteTable and ReplaceRouteTableAssociation → `$rtbassocN`. `output` is the SDK-shaped output (the engine's and
   * `@aws-sdk/client-ec2`'s are the same shape). An ID already bound is not counted again: a Create
   * that returns an existing connection (spec §2.2) created nothing.
   */
  record(step: SequenceStep, output: unknown): void {
    const created = createdBy(step, output);
    if (created === undefined) return;
    const [kind, id] = created;
    if (typeof id !== 'string' || this.symbols.has(id)) return;
    this.symbols.set(id, symbolFor(kind, this.ids[kind].length));
    this.ids[kind].push(id);
  }

  /** The symbol of a real ID, if bound (for reports). */
  symbolOf(realId: string): string | undefined {
    return this.symbols.get(realId);
  }

  /** The real ID a symbol is bound to, if it is. */
  idOf(symbol: string): string | undefined {
    const match = /^\$(vpc|pcx|assoc|subnet|rtbassoc|rtb)(\d+)$/.exec(symbol);
    return match === null ? undefined : this.ids[match[1] as SymbolKind][Number(match[2])];
  }

  /** How many symbols of `kind` are bound: the next creation of that kind is bound to `$<kind><count>`. */
  count(kind: SymbolKind): number {
    return this.ids[kind].length;
  }

  /** Every binding, symbol → real ID, in creation order per kind: plain data for reports and JSON. */
  toJSON(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const kind of KINDS) this.ids[kind].forEach((id, index) => (out[symbolFor(kind, index)] = id));
    return out;
  }
}
