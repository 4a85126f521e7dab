// What DescribeRegions says of each Region of the world: its EC2 endpoint and whether it is one of
// the Regions an account must opt in to. Every Region of the world is enabled for every account
// (callers may call in any of them), so an opt-in Region reads `opted-in`.
import type { RegionOutput } from './read-model-outputs.js';
import { partitionOf } from './regions.js';

/**
 * The Regions launched after 2019-03-20, which an account must enable before use [doc] (AWS General
 * Reference, "Regions"; the list as of 2025). Any other Region needs no opt-in.
 */
export const OPT_IN_REGIONS: readonly string[] = Object.freeze([
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-6', 'ap-southeast-7', 'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1',
  'me-central-1', 'me-south-1', 'mx-central-1',
]);

/** The DNS suffix of each partition's endpoints [doc] (botocore endpoints.json). */
const DNS_SUFFIX: Readonly<Record<string, string>> = {
  aws: 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-us-gov': 'amazonaws.com',
  'aws-iso': 'c2s.ic.gov',
  'aws-iso-b': 'sc2s.sgov.gov',
};

/** A Region as DescribeRegions lists it. */
export function regionView(region: string): RegionOutput {
  return {
    RegionName: region,
    Endpoint: `ec2.${region}.${DNS_SUFFIX[partitionOf(region)] ?? 'amazonaws.com'}`,
    OptInStatus: OPT_IN_REGIONS.includes(region) ? 'opted-in' : 'opt-in-not-required',
  };
}
