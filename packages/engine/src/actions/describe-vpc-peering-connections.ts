// DescribeVpcPeeringConnections (spec §4): by ID and by the 12 documented filters, from the caller's
// view, paged. Candidates come from the narrowest index a filter offers, so a filtered query costs in
// proportion to what that index holds, not to the world. With eventual consistency (spec §10.4) each
// connection is shown, and filtered, in the version Describe shows now.
import { PEERING_STATES, type PeeringState } from '@pcxsim/lifecycle';
import type { DescribeVpcPeeringConnectionsCommand } from '../commands.js';
import { literals, parseFilters, passes, type FilterValues, type ParsedFilter } from '../describe-filters.js';
import { peeringMalformed, peeringNotFound } from '../errors.js';
import { isPcxId } from '../ids.js';
import { byStatus, hasStatusSet, indexed, listedIn, peeringsTagged, viewKey } from '../indexes.js';
import { stringList } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { DescribeVpcPeeringConnectionsOutput } from '../outputs.js';
import { fingerprintOf, page, readPaging, sortByKey } from '../pagination.js';
import { describeDelay, laggingPeeringIds } from '../eventual-consistency.js';
import { shownTo } from '../lookup.js';
import { listedIds } from '../peering-queries.js';
import { peach } from '../pmap.js';
import type { Tx } from '../tx.js';
import { peeringView, showsAccepterDetails, showsExpiration, sideBlocks, statusMessage, tagsIn } from '../views.js';
import { connectionCount, connectionIds } from '../vpc-links.js';
import { shownVpc } from '../vpc-versions.js';
import type { PeeringRecord, World } from '../world.js';

/** A connection as one view sees it: what the filters test. */
interface Seen {
  readonly world: World;
  readonly record: PeeringRecord;
  readonly view: string;
}

const NONE: readonly string[] = [];

/**
 * The 12 filters of spec §4.2 [doc]: what a connection shows under each name, from the caller's view.
 * The `cidr-block` filters match any IPv4 block of the side, secondary ones included [?]; the
 * accepter's only once they are shown (spec §2.4). Blocks are read from the VPCs as Describe shows them.
 */
const PEERING_FILTERS: Readonly<Record<string, FilterValues<Seen>>> = {
  'accepter-vpc-info.cidr-block': ({ world, record }) =>
    showsAccepterDetails(record) ? (sideBlocks(world, record, 'accepter', shownVpc)?.ipv4 ?? NONE) : NONE,
  'accepter-vpc-info.owner-id': ({ record }) => [record.accepterOwnerId],
  'accepter-vpc-info.vpc-id': ({ record }) => [record.accepterVpcId],
  // The timestamp as the wire shows it, `YYYY-MM-DDThh:mm:ss.000Z` (spec §9.2).
  'expiration-time': ({ record }) => (showsExpiration(record) ? [new Date(record.expiresAt).toISOString()] : NONE),
  'requester-vpc-info.cidr-block': ({ world, record }) => sideBlocks(world, record, 'requester', shownVpc)?.ipv4 ?? NONE,
  'requester-vpc-info.owner-id': ({ record }) => [record.requesterOwnerId],
  'requester-vpc-info.vpc-id': ({ record }) => [record.requesterVpcId],
  'status-code': ({ record }) => [record.status],
  'status-message': ({ record }) => [statusMessage(record)],
  'tag-key': ({ record, view }) => tagsIn(record, view).map((tag) => tag.Key),
  'vpc-peering-connection-id': ({ record }) => [record.id],
};

// spec §4.2, §7.4: `tag:<key>` tests the caller's own tag set.
const tagValues: FilterValues<Seen> = ({ record, view }, key) =>
  tagsIn(record, view)
    .filter((tag) => tag.Key === key)
    .map((tag) => tag.Value);

/** IDs a filter can be answered from: how many, and (only for the smallest) which. */
interface Source {
  readonly size: number;
  readonly ids: () => string[];
}

/** Union of index sets, as IDs. */
function indexSource(world: World, keys: readonly string[]): Source {
  return {
    size: keys.reduce((sum, key) => sum + indexed(world, key).size, 0),
    ids: () => {
      const out = new Set<string>();
      for (const key of keys) peach(indexed(world, key), (_, id) => out.add(id as string));
      return [...out];
    },
  };
}

/** The connections either side of which is one of the VPCs (world.links). */
function vpcSource(world: World, vpcIds: readonly string[]): Source {
  return {
    size: vpcIds.reduce((sum, vpcId) => sum + connectionCount(world.links, vpcId), 0),
    ids: () => [...new Set(vpcIds.flatMap((vpcId) => connectionIds(world.links, vpcId)))],
  };
}

/** Where one filter can be answered from, or `null` when it cannot (wildcards, or no index). */
function sourceFor(world: World, view: string, filter: ParsedFilter<Seen>): Source | null {
  if (filter.tagKey !== '') return indexSource(world, [peeringsTagged(view, filter.tagKey)]);
  const values = literals(filter);
  if (values === null) return null;
  switch (filter.name) {
    case 'status-code': {
      // A state without a set of its own (indexes.ts) is answered from the view's set.
      const states = values.filter((value): value is PeeringState => (PEERING_STATES as readonly string[]).includes(value));
      return indexSource(world, [...new Set(states.map((state) => (hasStatusSet(state) ? byStatus(view, state) : listedIn(view))))]);
    }
    case 'requester-vpc-info.vpc-id':
    case 'accepter-vpc-info.vpc-id':
      return vpcSource(world, values);
    case 'tag-key':
      return indexSource(world, values.map((key) => peeringsTagged(view, key)));
    default:
      return null;
  }
}

/**
 * The candidate IDs: from the filter whose index answer is smallest, or every connection the view
 * lists. The indexes hold current versions; with eventual consistency a connection Describe shows in
 * an older version may answer differently, so every lagging one of the view is added (spec §10.4).
 */
function candidates(world: World, view: string, filters: readonly ParsedFilter<Seen>[]): string[] {
  let best: string[] | null = null;
  let bestSize = Infinity;
  for (const filter of filters) {
    if (filter.name === 'vpc-peering-connection-id') {
      const ids = literals(filter);
      if (ids !== null && ids.length < bestSize) [best, bestSize] = [[...new Set(ids)], ids.length];
      continue;
    }
    const source = sourceFor(world, view, filter);
    if (source !== null && source.size < bestSize) [best, bestSize] = [source.ids(), source.size];
  }
  const ids = best ?? listedIds(world, view);
  if (describeDelay(world) === 0) return ids;
  const lagging = laggingPeeringIds(world, view);
  return lagging.length === 0 ? ids : [...new Set([...ids, ...lagging])];
}

/** DescribeVpcPeeringConnections. */
export function describeVpcPeeringConnections(
  tx: Tx,
  command: DescribeVpcPeeringConnectionsCommand,
): Outcome<DescribeVpcPeeringConnectionsOutput> {
  const { w, caller } = tx;
  const ids = stringList(command.VpcPeeringConnectionIds, 'VpcPeeringConnectionId');
  if (!ids.ok) return ids;
  for (const id of ids.value) if (!isPcxId(id)) return refuse(peeringMalformed(id)); // spec §4.5 [doc]
  const filters = parseFilters(command.Filters, PEERING_FILTERS, tagValues);
  if (!filters.ok) return filters;
  // [?] unlike DescribeVpcs, IDs and MaxResults may come together: the docs do not forbid it.
  const paging = readPaging(command.MaxResults, command.NextToken, () => fingerprintOf([ids.value, command.Filters]));
  if (!paging.ok) return paging;

  const view = viewKey(caller.accountId, caller.region);
  const shown = (id: string): PeeringRecord | undefined => shownTo(w, caller, id);
  const found: PeeringRecord[] = [];
  if (ids.value.length > 0) {
    // spec §4.5 [doc]: an unknown or invisible ID is NotFound, not an empty answer (the SDK waiters rely on it).
    for (const id of new Set(ids.value)) {
      const record = shown(id);
      if (record === undefined) return refuse(peeringNotFound(id));
      found.push(record);
    }
  } else {
    for (const id of candidates(w, view, filters.value)) {
      const record = shown(id);
      if (record !== undefined) found.push(record);
    }
  }
  const matched = sortByKey(
    found.filter((record) => passes(filters.value, { world: w, record, view })),
    (record) => record.id,
  );
  const { items, nextToken } = page(matched, (record) => record.id, paging.value);
  const out: DescribeVpcPeeringConnectionsOutput = {
    VpcPeeringConnections: items.map((record) => peeringView(w, record, view, shownVpc)),
  };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return done(out);
}
