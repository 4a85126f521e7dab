// The Regions a world knows, and which partition each belongs to (spec §8.2).

/**
 * The public (commercial-partition) AWS Regions, the default set a world knows. A peer Region
 * outside the world's set is unknown: a request naming it fails (spec §8.2 [?]).
 */
export const PUBLIC_REGIONS: readonly string[] = Object.freeze([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1',
  'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1',
  'sa-east-1',
]);

// spec §8.2: botocore's partition regexes. The aws one lacks the newer prefixes (il, mx), so
// everything that is not one of the special partitions counts as `aws`.
const PARTITIONS: readonly (readonly [string, RegExp])[] = [
  ['aws-us-gov', /^us-gov-\w+-\d+$/],
  ['aws-iso-b', /^us-isob-\w+-\d+$/],
  ['aws-iso', /^us-iso-\w+-\d+$/],
  ['aws-cn', /^cn-\w+-\d+$/],
];

/** The partition of a Region (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`); peering never crosses one (spec §8.2). */
export function partitionOf(region: string): string {
  for (const [name, pattern] of PARTITIONS) if (pattern.test(region)) return name;
  return 'aws';
}
