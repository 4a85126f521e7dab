// ModifyVpcAttribute: the DNS attributes peering's DNS option depends on (spec §5.2, §10.3), and
// Network Address Usage metrics — one attribute per call.
import type { AttributeBooleanValue, ModifyVpcAttributeCommand } from '../commands.js';
import { dnsSupportRequired, missingParameter, multipleAttributes } from '../errors.js';
import { optionalBoolean, optionalObject } from '../input.js';
import { ownVpc } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import { writeVpc } from '../records.js';
import type { Tx } from '../tx.js';
import { hostnamesNeedSupport, withAttribute, type VpcAttributeName } from '../vpc-attributes.js';

/** Each request member and the attribute it sets, in the model's member order. */
const MEMBERS: readonly (readonly [keyof ModifyVpcAttributeCommand & string, VpcAttributeName])[] = [
  ['EnableDnsHostnames', 'enableDnsHostnames'],
  ['EnableDnsSupport', 'enableDnsSupport'],
  ['EnableNetworkAddressUsageMetrics', 'enableNetworkAddressUsageMetrics'],
];

/**
 * ModifyVpcAttribute. Several attributes in one call: `InvalidParameterCombination` "Fields for
 * multiple attribute types specified: …" [obs]; none: `MissingParameter` [?]; enabling DNS hostnames
 * while DNS support is off is refused [doc] (vpc-attributes.ts).
 */
export function modifyVpcAttribute(tx: Tx, command: ModifyVpcAttributeCommand): Outcome<EmptyOutput> {
  const vpc = ownVpc(tx.w, tx.caller, command.VpcId, 'VpcId');
  if (!vpc.ok) return vpc;
  const given: (readonly [string, VpcAttributeName, Readonly<Record<string, unknown>>])[] = [];
  for (const [member, attribute] of MEMBERS) {
    const value = optionalObject((command as unknown as Readonly<Record<string, AttributeBooleanValue | undefined>>)[member], member);
    if (!value.ok) return value;
    if (value.value !== undefined) given.push([member, attribute, value.value]);
  }
  if (given.length > 1) return refuse(multipleAttributes(given.map(([, attribute]) => attribute)));
  if (given.length === 0) return refuse(missingParameter('EnableDnsSupport'));
  const [member, attribute, structure] = given[0]!;
  const value = optionalBoolean(structure['Value'], `${member}.Value`);
  if (!value.ok) return value;
  if (value.value === undefined) return refuse(missingParameter(`${member}.Value`));
  if (hostnamesNeedSupport(vpc.value, attribute, value.value)) return refuse(dnsSupportRequired(vpc.value.vpcId));
  writeVpc(tx, vpc.value, withAttribute(vpc.value, attribute, value.value));
  tx.events.push({ type: 'VpcChanged', vpcId: vpc.value.vpcId, change: 'attribute-modified', at: tx.w.clock });
  return done({});
}
