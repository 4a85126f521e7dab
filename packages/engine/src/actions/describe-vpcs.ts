// DescribeVpcs: the caller's VPCs in its Region, by ID and filters, paged. With eventual consistency
// (spec §10.4) each VPC is shown, and filtered, in the version Describe shows now: a new one appears
// late, a deleted one still shows, changes to its blocks and tags come late.
import type { DescribeVpcsCommand } from '../commands.js';
import { parseFilters, passes } from '../describe-filters.js';
import { invalidCombination } from '../errors.js';
import { viewKey } from '../indexes.js';
import { stringList } from '../input.js';
import { shownOwnVpcById } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { DescribeVpcsOutput } from '../outputs.js';
import { fingerprintOf, page, readPaging, sortByKey } from '../pagination.js';
import type { Tx } from '../tx.js';
import { vpcView } from '../views.js';
import { VPC_FILTERS, vpcTagValues } from '../vpc-filters.js';
import { shownVpc, shownVpcIds } from '../vpc-versions.js';
import type { VpcRecord } from '../world.js';

/** DescribeVpcs. */
export function describeVpcs(tx: Tx, command: DescribeVpcsCommand): Outcome<DescribeVpcsOutput> {
  const ids = stringList(command.VpcIds, 'VpcId');
  if (!ids.ok) return ids;
  // spec §4.4 [obs]: DescribeVpcs refuses IDs together with MaxResults.
  if (ids.value.length > 0 && command.MaxResults !== undefined) return refuse(invalidCombination('VpcIds', 'MaxResults'));
  const filters = parseFilters(command.Filters, VPC_FILTERS, vpcTagValues);
  if (!filters.ok) return filters;
  const paging = readPaging(command.MaxResults, command.NextToken, () => fingerprintOf([ids.value, command.Filters]));
  if (!paging.ok) return paging;

  let candidates: VpcRecord[];
  if (ids.value.length > 0) {
    candidates = [];
    for (const id of new Set(ids.value)) {
      const vpc = shownOwnVpcById(tx.w, tx.caller, id);
      if (!vpc.ok) return vpc;
      candidates.push(vpc.value);
    }
  } else {
    candidates = [];
    for (const id of shownVpcIds(tx.w, viewKey(tx.caller.accountId, tx.caller.region))) {
      const vpc = shownVpc(tx.w, id);
      if (vpc !== undefined) candidates.push(vpc);
    }
  }
  const matched = sortByKey(
    candidates.filter((vpc) => passes(filters.value, vpc)),
    (vpc) => vpc.vpcId,
  );
  const { items, nextToken } = page(matched, (vpc) => vpc.vpcId, paging.value);
  const out: DescribeVpcsOutput = { Vpcs: items.map(vpcView) };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return done(out);
}
