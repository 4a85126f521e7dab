// DescribeTags over the caller's VPCs and the connections its view sees (spec §7.4: the caller's
// own tag sets).
import type { DescribeTagsCommand } from '../commands.js';
import { literals, parseFilters, passes, type FilterValues } from '../describe-filters.js';
import { members, viewKey, vpcsOf } from '../indexes.js';
import { visibleTo } from '../lookup.js';
import { done, type Outcome } from '../outcome.js';
import type { DescribeTagsOutput, TagDescriptionOutput } from '../outputs.js';
import { fingerprintOf, page, readPaging, sortByKey } from '../pagination.js';
import { describedVersion } from '../peering-state.js';
import { listedIds } from '../peering-queries.js';
import { pkeys } from '../pmap.js';
import { peeringById, vpcById } from '../store.js';
import type { Tx } from '../tx.js';
import { tagsIn } from '../views.js';

const TAG_FILTERS: Readonly<Record<string, FilterValues<TagDescriptionOutput>>> = {
  key: (tag) => [tag.Key],
  value: (tag) => [tag.Value],
  'resource-id': (tag) => [tag.ResourceId],
  'resource-type': (tag) => [tag.ResourceType],
};

// `tag:<key>` on DescribeTags: the tag has that key and one of the values.
const tagValues: FilterValues<TagDescriptionOutput> = (tag, key) => (tag.Key === key ? [tag.Value] : []);

const sortKey = (tag: TagDescriptionOutput): string => `${tag.ResourceId}\u0000${tag.Key}`;

/** DescribeTags. */
export function describeTags(tx: Tx, command: DescribeTagsCommand): Outcome<DescribeTagsOutput> {
  const filters = parseFilters(command.Filters, TAG_FILTERS, tagValues);
  if (!filters.ok) return filters;
  const paging = readPaging(command.MaxResults, command.NextToken, () => fingerprintOf(command.Filters));
  if (!paging.ok) return paging;
  const view = viewKey(tx.caller.accountId, tx.caller.region);

  // With a literal resource-id filter only those resources are read; otherwise every one of the view's.
  const byId = filters.value.find((filter) => filter.name === 'resource-id');
  const ids = byId !== undefined ? literals(byId) : null;
  const vpcIds = ids ?? (pkeys(members(tx.w.index, vpcsOf(view))) as string[]);
  const pcxIds = ids ?? listedIds(tx.w, view);

  const found: TagDescriptionOutput[] = [];
  for (const id of new Set(vpcIds)) {
    const vpc = vpcById(tx.w, id);
    if (vpc === undefined || vpc.ownerId !== tx.caller.accountId || vpc.region !== tx.caller.region) continue;
    for (const tag of vpc.tags) found.push({ Key: tag.Key, ResourceId: id, ResourceType: 'vpc', Value: tag.Value });
  }
  for (const id of new Set(pcxIds)) {
    const current = peeringById(tx.w, id);
    const record = current === undefined ? undefined : describedVersion(current, tx.w.clock);
    if (record === undefined || !visibleTo(tx.w, record, tx.caller)) continue;
    for (const tag of tagsIn(record, view)) {
      found.push({ Key: tag.Key, ResourceId: id, ResourceType: 'vpc-peering-connection', Value: tag.Value });
    }
  }
  const matched = sortByKey(
    found.filter((tag) => passes(filters.value, tag)),
    sortKey,
  );
  const { items, nextToken } = page(matched, sortKey, paging.value);
  const out: DescribeTagsOutput = { Tags: items };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return done(out);
}
