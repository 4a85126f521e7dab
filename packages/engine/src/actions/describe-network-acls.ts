// DescribeNetworkAcls over the caller's network ACLs in its Region: the default ACL of each VPC
// Describe shows now (spec §10.4), by ID and filters, paged by ACL ID.
import { defaultNetworkAclView, NETWORK_ACL_FILTERS, networkAclTagValues } from '../default-network-acl.js';
import { parseFilters, passes } from '../describe-filters.js';
import { hasDerivedIdForm, vpcOfDerived } from '../derived-ids.js';
import { networkAclMalformed, networkAclNotFound } from '../errors.js';
import { stringList } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import { fingerprintOf, page, readPaging, sortByKey } from '../pagination.js';
import type { DescribeNetworkAclsCommand } from '../read-model-commands.js';
import type { DescribeNetworkAclsOutput, NetworkAclOutput } from '../read-model-outputs.js';
import { shownOwnVpcs } from '../shown-vpcs.js';
import type { Tx } from '../tx.js';
import { shownVpc } from '../vpc-versions.js';

/** DescribeNetworkAcls. */
export function describeNetworkAcls(tx: Tx, command: DescribeNetworkAclsCommand): Outcome<DescribeNetworkAclsOutput> {
  const ids = stringList(command.NetworkAclIds, 'NetworkAclId');
  if (!ids.ok) return ids;
  const filters = parseFilters(command.Filters, NETWORK_ACL_FILTERS, networkAclTagValues);
  if (!filters.ok) return filters;
  // [doc] MaxResults 5..100 for this action.
  const paging = readPaging(command.MaxResults, command.NextToken, () => fingerprintOf([ids.value, command.Filters]), 100);
  if (!paging.ok) return paging;

  let candidates: NetworkAclOutput[];
  if (ids.value.length > 0) {
    candidates = [];
    for (const id of new Set(ids.value)) {
      if (!hasDerivedIdForm('acl-', id)) return refuse(networkAclMalformed(id));
      const vpcId = vpcOfDerived('acl-', id);
      const vpc = vpcId === undefined ? undefined : shownVpc(tx.w, vpcId);
      // Another account's or Region's ACL "does not exist" for the caller, as a VPC does not (spec §2.2).
      if (vpc === undefined || vpc.ownerId !== tx.caller.accountId || vpc.region !== tx.caller.region) {
        return refuse(networkAclNotFound(id));
      }
      candidates.push(defaultNetworkAclView(tx.w, vpc));
    }
  } else {
    candidates = shownOwnVpcs(tx.w, tx.caller).map((vpc) => defaultNetworkAclView(tx.w, vpc));
  }
  const matched = sortByKey(
    candidates.filter((acl) => passes(filters.value, acl)),
    (acl) => acl.NetworkAclId,
  );
  const { items, nextToken } = page(matched, (acl) => acl.NetworkAclId, paging.value);
  const out: DescribeNetworkAclsOutput = { NetworkAcls: items };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return done(out);
}
