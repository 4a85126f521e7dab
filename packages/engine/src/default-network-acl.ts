// The default network ACL AWS creates with every VPC, as a read model: it exists exactly while its
// VPC does (so DeleteVpc deletes it), its ID is derived from the VPC's (derived-ids.ts), and its rules
// are AWS's defaults. Nothing here can change it: pcxsim has no CreateNetworkAclEntry.
import type { FilterValues } from './describe-filters.js';
import { holdsAddresses } from './block-states.js';
import { derivedId } from './derived-ids.js';
import type { NetworkAclEntryOutput, NetworkAclOutput } from './read-model-outputs.js';
import type { VpcRecord, World } from './world.js';
import { routingIds, subnetsOfVpc } from './routing/routing-store.js';

/** The ID of the VPC's default network ACL. */
export const defaultNetworkAclId = (vpc: Pick<VpcRecord, 'vpcId'>): string => derivedId('acl-', vpc.vpcId);

/** The rule number of the last rule, which denies what no other rule allowed (IPv4; IPv6 is one more) [doc]. */
export const CATCH_ALL_RULE = 32767;

const rule = (egress: boolean, ruleNumber: number, action: 'allow' | 'deny', cidr: string, ipv6: boolean): NetworkAclEntryOutput =>
  ipv6
    ? { Egress: egress, Ipv6CidrBlock: cidr, Protocol: '-1', RuleAction: action, RuleNumber: ruleNumber }
    : { CidrBlock: cidr, Egress: egress, Protocol: '-1', RuleAction: action, RuleNumber: ruleNumber };

/**
 * The default ACL's rules [doc] (VPC User Guide, "Default network ACL"): in each direction rule 100
 * allows all traffic from/to 0.0.0.0/0 and the `*` rule (32767) denies it; a VPC with an IPv6 block
 * also has rule 101 allowing ::/0 and the IPv6 `*` rule (32768). Listed outbound first, then inbound,
 * each by rule number, as the CLI reference's sample output lists them [doc]. The IPv6 rules follow
 * the VPC's IPv6 blocks as they come and go [?] (AWS adds them when a block is associated to a VPC
 * whose ACL was never changed, as here).
 */
export function defaultNetworkAclEntries(vpc: VpcRecord): NetworkAclEntryOutput[] {
  const ipv6 = vpc.ipv6Blocks.some(holdsAddresses);
  const entries: NetworkAclEntryOutput[] = [];
  for (const egress of [true, false]) {
    entries.push(rule(egress, 100, 'allow', '0.0.0.0/0', false));
    if (ipv6) entries.push(rule(egress, 101, 'allow', '::/0', true));
    entries.push(rule(egress, CATCH_ALL_RULE, 'deny', '0.0.0.0/0', false));
    if (ipv6) entries.push(rule(egress, CATCH_ALL_RULE + 1, 'deny', '::/0', true));
  }
  return entries;
}

/**
 * The ID of a subnet's association with its VPC's default network ACL: derived from the subnet's ID
 * (derived-ids.ts), so it is stable for the subnet's life and costs no ID from the world's generator.
 */
export const defaultAclAssociationId = (subnetId: string): string => derivedId('aclassoc-', subnetId);

/**
 * The VPC's default network ACL as its owner sees it, every subnet of the VPC associated with it:
 * routes §1.10 [doc], "By default when you create a subnet, it's automatically associated with the
 * default network ACL", and pcxsim has no custom ACL to move one to. Listed by subnet ID.
 */
export function defaultNetworkAclView(world: Pick<World, 'routing'>, vpc: VpcRecord): NetworkAclOutput {
  const networkAclId = defaultNetworkAclId(vpc);
  const subnets = routingIds(world, subnetsOfVpc(vpc.vpcId)).sort();
  return {
    Associations: subnets.map((subnetId) => ({ NetworkAclAssociationId: defaultAclAssociationId(subnetId), NetworkAclId: networkAclId, SubnetId: subnetId })),
    Entries: defaultNetworkAclEntries(vpc),
    IsDefault: true,
    NetworkAclId: networkAclId,
    Tags: [],
    VpcId: vpc.vpcId,
    OwnerId: vpc.ownerId,
  };
}

const entryValues =
  (pick: (entry: NetworkAclEntryOutput) => string | undefined): FilterValues<NetworkAclOutput> =>
  (acl) =>
    acl.Entries.flatMap((entry) => {
      const value = pick(entry);
      return value === undefined ? [] : [value];
    });

const associationValues =
  (pick: (association: NetworkAclOutput['Associations'][number]) => string): FilterValues<NetworkAclOutput> =>
  (acl) =>
    acl.Associations.map(pick);

/**
 * The DescribeNetworkAcls filters [doc] (the model's list): what an ACL shows under each name. A rule
 * for every protocol (`-1`) has no port range and no ICMP type, so those filters match nothing here.
 */
export const NETWORK_ACL_FILTERS: Readonly<Record<string, FilterValues<NetworkAclOutput>>> = {
  'association.association-id': associationValues((association) => association.NetworkAclAssociationId),
  'association.network-acl-id': associationValues((association) => association.NetworkAclId),
  'association.subnet-id': associationValues((association) => association.SubnetId),
  default: (acl) => [String(acl.IsDefault)],
  'entry.cidr': entryValues((entry) => entry.CidrBlock),
  'entry.icmp.code': () => [],
  'entry.icmp.type': () => [],
  'entry.ipv6-cidr': entryValues((entry) => entry.Ipv6CidrBlock),
  'entry.port-range.from': () => [],
  'entry.port-range.to': () => [],
  'entry.protocol': entryValues((entry) => entry.Protocol),
  'entry.rule-action': entryValues((entry) => entry.RuleAction),
  'entry.egress': entryValues((entry) => String(entry.Egress)),
  'entry.rule-number': entryValues((entry) => String(entry.RuleNumber)),
  'network-acl-id': (acl) => [acl.NetworkAclId],
  'owner-id': (acl) => [acl.OwnerId],
  'tag-key': (acl) => acl.Tags.map((tag) => tag.Key),
  'vpc-id': (acl) => [acl.VpcId],
};

/** What an ACL shows under `tag:<key>`. */
export const networkAclTagValues: FilterValues<NetworkAclOutput> = (acl, key) =>
  acl.Tags.filter((tag) => tag.Key === key).map((tag) => tag.Value);
