// The EC2 account attributes DescribeAccountAttributes answers, the same for every account of the
// world: the values an account created today has [doc] (the API reference and the CLI reference's
// sample output), in the sample's order. Clients read `supported-platforms` (old Terraform providers,
// to choose EC2-Classic or VPC) and `default-vpc`.
import type { AccountAttributeOutput } from './read-model-outputs.js';

/** Each attribute and its values. */
export const ACCOUNT_ATTRIBUTES: readonly (readonly [string, readonly string[]])[] = [
  // [doc] the sample's value.
  ['vpc-max-security-groups-per-interface', ['5']],
  // [doc] "no longer supported… does not reflect your actual vCPU limit"; the sample's value.
  ['max-instances', ['20']],
  // [doc] accounts created after 2013-12-04 support EC2-VPC only; EC2-Classic is retired.
  ['supported-platforms', ['VPC']],
  // [doc] "the ID of the default VPC … or none": pcxsim creates no default VPCs.
  ['default-vpc', ['none']],
  // [doc] the default Elastic IP quota, 5 per Region.
  ['max-elastic-ips', ['5']],
  ['vpc-max-elastic-ips', ['5']],
];

/** Every attribute name. */
export const ACCOUNT_ATTRIBUTE_NAMES: readonly string[] = ACCOUNT_ATTRIBUTES.map(([name]) => name);

/** An attribute as the SDK shapes it. */
export const accountAttributeView = ([name, values]: readonly [string, readonly string[]]): AccountAttributeOutput => ({
  AttributeName: name,
  AttributeValues: values.map((value) => ({ AttributeValue: value })),
});
