// DescribeSecurityGroups over the caller's security groups in its Region: the default group of each
// VPC Describe shows now (spec §10.4), by ID, name and filters, paged by group ID.
import { defaultSecurityGroupView, SECURITY_GROUP_FILTERS, securityGroupTagValues } from '../default-security-group.js';
import { parseFilters, passes } from '../describe-filters.js';
import { hasDerivedIdForm, vpcOfDerived } from '../derived-ids.js';
import { groupNameWithoutDefaultVpc, securityGroupMalformed, securityGroupNotFound } from '../errors.js';
import { stringList } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import { fingerprintOf, page, readPaging, sortByKey } from '../pagination.js';
import type { DescribeSecurityGroupsCommand } from '../read-model-commands.js';
import type { DescribeSecurityGroupsOutput, SecurityGroupOutput } from '../read-model-outputs.js';
import { shownOwnVpcs } from '../shown-vpcs.js';
import type { Tx } from '../tx.js';
import { shownVpc } from '../vpc-versions.js';

/** DescribeSecurityGroups. */
export function describeSecurityGroups(tx: Tx, command: DescribeSecurityGroupsCommand): Outcome<DescribeSecurityGroupsOutput> {
  const ids = stringList(command.GroupIds, 'GroupId');
  if (!ids.ok) return ids;
  const names = stringList(command.GroupNames, 'GroupName');
  if (!names.ok) return names;
  const filters = parseFilters(command.Filters, SECURITY_GROUP_FILTERS, securityGroupTagValues);
  if (!filters.ok) return filters;
  const paging = readPaging(command.MaxResults, command.NextToken, () => fingerprintOf([ids.value, names.value, command.Filters]));
  if (!paging.ok) return paging;
  // [doc] GroupName.N names groups of the default VPC; no account here has one, so no name is found
  // (a group of another VPC is found by ID or by the `group-name` filter).
  if (names.value.length > 0) return refuse(groupNameWithoutDefaultVpc(names.value[0]!));

  let candidates: SecurityGroupOutput[];
  if (ids.value.length > 0) {
    candidates = [];
    for (const id of new Set(ids.value)) {
      if (!hasDerivedIdForm('sg-', id)) return refuse(securityGroupMalformed(id));
      const vpcId = vpcOfDerived('sg-', id);
      const vpc = vpcId === undefined ? undefined : shownVpc(tx.w, vpcId);
      // Another account's or Region's group "does not exist" for the caller, as a VPC does not (spec §2.2).
      if (vpc === undefined || vpc.ownerId !== tx.caller.accountId || vpc.region !== tx.caller.region) {
        return refuse(securityGroupNotFound(id));
      }
      candidates.push(defaultSecurityGroupView(vpc));
    }
  } else {
    candidates = shownOwnVpcs(tx.w, tx.caller).map(defaultSecurityGroupView);
  }
  const matched = sortByKey(
    candidates.filter((group) => passes(filters.value, group)),
    (group) => group.GroupId,
  );
  const { items, nextToken } = page(matched, (group) => group.GroupId, paging.value);
  const out: DescribeSecurityGroupsOutput = { SecurityGroups: items };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return done(out);
}
