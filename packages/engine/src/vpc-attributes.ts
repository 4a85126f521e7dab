// The attributes of a VPC that DescribeVpcAttribute reads and ModifyVpcAttribute writes, and its
// tenancy: names, defaults, and the one rule between them. Older records lack the newer fields;
// absent means AWS's default.
import type { VpcRecord } from './world.js';

/** The attributes of the model's `VpcAttributeName` enum, in its order. */
export const VPC_ATTRIBUTES = ['enableDnsSupport', 'enableDnsHostnames', 'enableNetworkAddressUsageMetrics'] as const;

/** One of them. */
export type VpcAttributeName = (typeof VPC_ATTRIBUTES)[number];

/** Whether `name` is a VPC attribute (case-sensitive, as the enum is). */
export const isVpcAttribute = (name: string): name is VpcAttributeName => (VPC_ATTRIBUTES as readonly string[]).includes(name);

/**
 * The value of an attribute. Defaults of a non-default VPC [doc] (VPC User Guide, DNS attributes):
 * DNS support on, DNS hostnames off; Network Address Usage metrics off [doc] (NAU guide).
 */
export function attributeOf(vpc: VpcRecord, name: VpcAttributeName): boolean {
  switch (name) {
    case 'enableDnsSupport':
      return vpc.enableDnsSupport;
    case 'enableDnsHostnames':
      return vpc.enableDnsHostnames;
    case 'enableNetworkAddressUsageMetrics':
      return vpc.enableNetworkAddressUsageMetrics ?? false;
  }
}

/** The record with `name` set to `value`; the optional field stays absent while it holds the default. */
export function withAttribute(vpc: VpcRecord, name: VpcAttributeName, value: boolean): VpcRecord {
  if (name !== 'enableNetworkAddressUsageMetrics') return Object.freeze({ ...vpc, [name]: value });
  const { enableNetworkAddressUsageMetrics: _dropped, ...rest } = vpc;
  return Object.freeze(value ? { ...rest, enableNetworkAddressUsageMetrics: true } : rest);
}

/**
 * [doc] (ModifyVpcAttribute): "You can only enable DNS hostnames if you've enabled DNS support."
 * Turning DNS support off while hostnames are on is not refused by any documented rule, so it is
 * allowed [?].
 */
export const hostnamesNeedSupport = (vpc: VpcRecord, name: VpcAttributeName, value: boolean): boolean =>
  name === 'enableDnsHostnames' && value && !vpc.enableDnsSupport;

/**
 * The tenancies CreateVpc takes [doc] (the `Tenancy` enum has a third value, `host`, which the API
 * reference says "is not supported" for a VPC).
 */
export const VPC_TENANCIES = ['default', 'dedicated'] as const;

/** A VPC's `InstanceTenancy`. */
export type VpcTenancy = (typeof VPC_TENANCIES)[number];

/** The tenancy of a VPC. */
export const tenancyOf = (vpc: VpcRecord): VpcTenancy => vpc.instanceTenancy ?? 'default';
