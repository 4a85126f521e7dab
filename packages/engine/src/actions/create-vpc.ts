// CreateVpc (spec §6.1): a VPC of the caller's, in the caller's Region, with its primary block.
import { tagsFromSpecifications } from '@pcxsim/tags';
import type { CreateVpcCommand } from '../commands.js';
import { fromTags, notOneOf } from '../errors.js';
import { nextId } from '../ids.js';
import { optionalBoolean, optionalString, requiredString } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { CreateVpcOutput } from '../outputs.js';
import { writeVpc } from '../records.js';
import type { Tx } from '../tx.js';
import { ipv6AssociationOutput, vpcView } from '../views.js';
import { VPC_TENANCIES } from '../vpc-attributes.js';
import { parseIpv4Block } from '../vpc-cidr.js';
import type { Ipv6Block, VpcRecord } from '../world.js';
import { allocateIpv6 } from './ipv6.js';
import { createMainRouteTable } from '../routing/route-tables.js';

/** CreateVpc. */
export function createVpc(tx: Tx, command: CreateVpcCommand): Outcome<CreateVpcOutput> {
  const text = requiredString(command.CidrBlock, 'CidrBlock');
  if (!text.ok) return text;
  const cidr = parseIpv4Block(text.value, 'cidrBlock'); // spec §6.1: /16–/28, canonical
  if (!cidr.ok) return cidr;
  const ipv6 = optionalBoolean(command.AmazonProvidedIpv6CidrBlock, 'AmazonProvidedIpv6CidrBlock');
  if (!ipv6.ok) return ipv6;
  const tags = tagsFromSpecifications('CreateVpc', command.TagSpecifications); // spec §7.3
  if (!tags.ok) return refuse(fromTags(tags.error));
  const tenancy = optionalString(command.InstanceTenancy, 'InstanceTenancy');
  if (!tenancy.ok) return tenancy;
  if (tenancy.value !== undefined && !(VPC_TENANCIES as readonly string[]).includes(tenancy.value)) {
    return refuse(notOneOf(tenancy.value, 'InstanceTenancy', VPC_TENANCIES));
  }

  const [vpcId, afterVpc] = nextId(tx.w.ids, 'vpc-');
  const [associationId, afterAssociation] = nextId(afterVpc, 'vpc-cidr-assoc-');
  tx.w.ids = afterAssociation;
  const ipv6Blocks: Ipv6Block[] = [];
  if (ipv6.value === true) ipv6Blocks.push(allocateIpv6(tx, tx.caller.region, vpcId));
  const vpc: VpcRecord = Object.freeze({
    vpcId,
    ownerId: tx.caller.accountId,
    region: tx.caller.region,
    // spec §6.1: the primary block is associated with the VPC from the start.
    ipv4Blocks: Object.freeze([Object.freeze({ associationId, cidrBlock: cidr.value, state: 'associated' as const, since: tx.w.clock })]),
    ipv6Blocks: Object.freeze(ipv6Blocks),
    // Defaults of a non-default VPC: DNS resolution on, DNS hostnames off.
    enableDnsSupport: true,
    enableDnsHostnames: false,
    tags: tags.value,
    ...(tenancy.value === 'dedicated' ? { instanceTenancy: 'dedicated' as const } : {}),
  });
  writeVpc(tx, undefined, vpc);
  tx.events.push({ type: 'VpcCreated', vpcId, at: tx.w.clock });
  createMainRouteTable(tx, vpc); // routes §1.2 [doc]
  // [?] The response shows an IPv6 block just requested as `associating`, as AssociateVpcCidrBlock's
  // does (spec §6.1); Describe shows its stored state (at once `associated` under `instant`).
  const out = vpcView(vpc);
  if (ipv6Blocks.length > 0) out.Ipv6CidrBlockAssociationSet = ipv6Blocks.map((block) => ipv6AssociationOutput(block, vpc.region, 'associating'));
  return done({ Vpc: out });
}
