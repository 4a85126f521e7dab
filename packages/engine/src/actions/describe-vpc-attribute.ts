// DescribeVpcAttribute: one attribute of a VPC of the caller's, as Describe shows the VPC now
// (spec §10.4: a new VPC is NotFound while Describe lags, which Terraform's read retries).
import { notOneOf } from '../errors.js';
import { requiredString } from '../input.js';
import { shownOwnVpcById } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { DescribeVpcAttributeCommand } from '../read-model-commands.js';
import type { DescribeVpcAttributeOutput } from '../read-model-outputs.js';
import type { Tx } from '../tx.js';
import { attributeOf, isVpcAttribute, VPC_ATTRIBUTES } from '../vpc-attributes.js';

const OUTPUT_MEMBER = {
  enableDnsSupport: 'EnableDnsSupport',
  enableDnsHostnames: 'EnableDnsHostnames',
  enableNetworkAddressUsageMetrics: 'EnableNetworkAddressUsageMetrics',
} as const;

/** DescribeVpcAttribute: the answer names the VPC and carries the one attribute asked for [doc]. */
export function describeVpcAttribute(tx: Tx, command: DescribeVpcAttributeCommand): Outcome<DescribeVpcAttributeOutput> {
  const id = requiredString(command.VpcId, 'VpcId');
  if (!id.ok) return id;
  const attribute = requiredString(command.Attribute, 'Attribute');
  if (!attribute.ok) return attribute;
  // [?] the enum is case-sensitive, as the model's values are.
  if (!isVpcAttribute(attribute.value)) return refuse(notOneOf(attribute.value, 'Attribute', VPC_ATTRIBUTES));
  const vpc = shownOwnVpcById(tx.w, tx.caller, id.value);
  if (!vpc.ok) return vpc;
  return done({ VpcId: vpc.value.vpcId, [OUTPUT_MEMBER[attribute.value]]: { Value: attributeOf(vpc.value, attribute.value) } });
}
