// Two servers never agree on IDs, timestamps, tokens or Amazon-assigned IPv6 blocks, and a target
// that is never reset holds resources of earlier sequences. So before comparing, each side's answer
// is rewritten in the sequence's own terms: every ID that side created becomes its symbol ($vpc0,
// $pcx1 — each side through its own Bindings), other IDs a placeholder of their kind, times and
// tokens a marker of their presence, and list-Describes keep only the items this sequence created.
import type { Outcome } from './outcome.js';

/** What normalising needs of a side's bindings: the symbol of each ID that side created. */
export interface SymbolTable {
  /** The symbol of a real ID, if the sequence created it on this side. */
  symbolOf(realId: string): string | undefined;
}

/** A Describe whose list would show other sequences' resources too, and the ID that says whose. */
interface ListedItems {
  readonly list: string;
  readonly id: string;
}

const LISTS: Readonly<Record<string, ListedItems>> = {
  DescribeVpcPeeringConnections: { list: 'VpcPeeringConnections', id: 'VpcPeeringConnectionId' },
  DescribeVpcs: { list: 'Vpcs', id: 'VpcId' },
  DescribeTags: { list: 'Tags', id: 'ResourceId' },
};

/** An EC2 resource ID: a lower-case kind, then hex (pcxsim has 17 digits, AWS 8 or 17, emulators vary). */
const ID = /^([a-z]+(?:-[a-z]+)*)-([0-9a-f]{8,17})$/;
const IDS_IN_TEXT = /\b[a-z]+(?:-[a-z]+)*-[0-9a-f]{8,17}\b/g;

/** Markers for values that are present but never equal across servers. */
export const MARKERS = { time: '<time>', token: '<token>', amazonIpv6: '<amazon-ipv6-block>' } as const;

function normaliseValue(value: unknown, key: string, symbols: SymbolTable): unknown {
  if (value instanceof Date) return MARKERS.time;
  if (Array.isArray(value)) return value.map((item) => normaliseValue(item, key, symbols));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, normaliseValue(inner, name, symbols)]));
  }
  if (typeof value !== 'string') return value;
  // ClientToken: the SDK fills in a fresh idempotency token (CreateRouteTable echoes it, routes §1.3).
  if (key === 'NextToken' || key === 'ClientToken') return MARKERS.token;
  // An ARN names its resource's ID (SubnetArn: `…:subnet/subnet-…`): the ID in it as its symbol.
  if (key.endsWith('Arn')) return symboliseText(value, symbols);
  // spec §6.1: Amazon picks the /56; two servers pick different ones.
  if (key === 'Ipv6CidrBlock') return MARKERS.amazonIpv6;
  const symbol = symbols.symbolOf(value);
  if (symbol !== undefined) return symbol;
  const id = ID.exec(value);
  return id === null ? value : `${id[1]}-?`;
}

/** `output` with the list of a list-Describe cut down to the items this side's sequence created. */
function ownItems(action: string, output: Readonly<Record<string, unknown>>, symbols: SymbolTable): Readonly<Record<string, unknown>> {
  const listed = LISTS[action];
  const items = listed === undefined ? undefined : output[listed.list];
  if (listed === undefined || !Array.isArray(items)) return output;
  const own = items.filter((item: unknown) => {
    const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[listed.id] : undefined;
    return typeof id === 'string' && symbols.symbolOf(id) !== undefined;
  });
  return { ...output, [listed.list]: own };
}

/** Replaces the IDs a side created by their symbols in a text (error messages, for the report). */
export function symboliseText(text: string, symbols: SymbolTable): string {
  return text.replace(IDS_IN_TEXT, (id) => symbols.symbolOf(id) ?? id);
}

/** One side's outcome of `action` in the sequence's own terms. */
export function normaliseOutcome(action: string, outcome: Outcome, symbols: SymbolTable): Outcome {
  if (!outcome.ok) return { ...outcome, message: symboliseText(outcome.message, symbols) };
  const output = normaliseValue(ownItems(action, outcome.output, symbols), '', symbols) as Readonly<Record<string, unknown>>;
  return { ok: true, status: outcome.status, output };
}
