// DescribeTags over the caller's VPCs, subnets and route tables and the connections its view sees
// (spec §7.4: the caller's own tag sets; routes §1.1: only the owner sees a subnet or table), each in
// the version Describe shows now (spec §10.4).
import type { DescribeTagsCommand } from '../commands.js';
import { literals, parseFilters, passes, type FilterValues } from '../describe-filters.js';
import { describeDelay, laggingPeeringIds } from '../eventual-consistency.js';
import { viewKey } from '../indexes.js';
import { shownTo } from '../lookup.js';
import { done, type Outcome } from '../outcome.js';
import type { DescribeTagsOutput, TagDescriptionOutput } from '../outputs.js';
import { fingerprintOf, page, readPaging, sortByKey } from '../pagination.js';
import { listedIds } from '../peering-queries.js';
import type { Tx } from '../tx.js';
import { tagsIn } from '../views.js';
import { shownVpc, shownVpcIds } from '../vpc-versions.js';
import { shownOwnSubnetById, shownOwnTableById } from '../routing/routing-lookup.js';
import { shownSubnetIds, shownTableIds } from '../routing/routing-versions.js';

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
  const vpcIds = ids ?? shownVpcIds(tx.w, view);
  // The listing index holds current versions: add the connections whose Describe lags (spec §10.4).
  const pcxIds = ids ?? (describeDelay(tx.w) === 0 ? listedIds(tx.w, view) : [...listedIds(tx.w, view), ...laggingPeeringIds(tx.w, view)]);

  const subnetIds = ids ?? shownSubnetIds(tx.w, view);
  const tableIds = ids ?? shownTableIds(tx.w, view);

  const found: TagDescriptionOutput[] = [];
  for (const id of new Set(vpcIds)) {
    const vpc = shownVpc(tx.w, id);
    if (vpc === undefined || vpc.ownerId !== tx.caller.accountId || vpc.region !== tx.caller.region) continue;
    for (const tag of vpc.tags) found.push({ Key: tag.Key, ResourceId: id, ResourceType: 'vpc', Value: tag.Value });
  }
  for (const id of new Set(pcxIds)) {
    const record = shownTo(tx.w, tx.caller, id);
    if (record === undefined) continue;
    for (const tag of tagsIn(record, view)) {
      found.push({ Key: tag.Key, ResourceId: id, ResourceType: 'vpc-peering-connection', Value: tag.Value });
    }
  }
  for (const id of new Set(subnetIds)) {
    if (!id.startsWith('subnet-')) continue;
    const subnet = shownOwnSubnetById(tx.w, tx.caller, id);
    if (!subnet.ok) continue;
    for (const tag of subnet.value.tags) found.push({ Key: tag.Key, ResourceId: id, ResourceType: 'subnet', Value: tag.Value });
  }
  for (const id of new Set(tableIds)) {
    if (!id.startsWith('rtb-')) continue;
    const table = shownOwnTableById(tx.w, tx.caller, id);
    if (!table.ok) continue;
    for (const tag of table.value.tags) found.push({ Key: tag.Key, ResourceId: id, ResourceType: 'route-table', Value: tag.Value });
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
