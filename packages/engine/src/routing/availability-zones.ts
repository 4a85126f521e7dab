// The Availability Zones of each Region: a fixed table, the same for every account (issue 13).
//
// Real AWS maps zone names to zone IDs differently per account in older Regions (`us-east-1a` is
// `use1-az4` for one account and `use1-az6` for another); the zone ID is what names the same physical
// zone across accounts. Here every account gets the same mapping, letter n ↔ `az<n>` [?]: the
// simulator has no data plane in which the physical zone could matter. The letters and counts are
// what DescribeAvailabilityZones commonly shows for a new account [obs]; a Region of the world's
// config that the table lacks gets three zones, a–c [?].

/** One zone as the simulator knows it. */
export interface AvailabilityZone {
  /** `us-east-1a`. */
  readonly zoneName: string;
  /** `use1-az1`. */
  readonly zoneId: string;
  /** The Region. */
  readonly regionName: string;
}

// Region → [zone-ID prefix, zone letters].
const TABLE: Readonly<Record<string, readonly [string, string]>> = {
  'us-east-1': ['use1', 'abcdef'],
  'us-east-2': ['use2', 'abc'],
  'us-west-1': ['usw1', 'bc'],
  'us-west-2': ['usw2', 'abcd'],
  'af-south-1': ['afs1', 'abc'],
  'ap-east-1': ['ape1', 'abc'],
  'ap-east-2': ['ape2', 'abc'],
  'ap-south-1': ['aps1', 'abc'],
  'ap-south-2': ['aps2', 'abc'],
  'ap-southeast-1': ['apse1', 'abc'],
  'ap-southeast-2': ['apse2', 'abc'],
  'ap-southeast-3': ['apse3', 'abc'],
  'ap-southeast-4': ['apse4', 'abc'],
  'ap-southeast-5': ['apse5', 'abc'],
  'ap-southeast-7': ['apse7', 'abc'],
  'ap-northeast-1': ['apne1', 'acd'],
  'ap-northeast-2': ['apne2', 'abcd'],
  'ap-northeast-3': ['apne3', 'abc'],
  'ca-central-1': ['cac1', 'abd'],
  'ca-west-1': ['caw1', 'abc'],
  'eu-central-1': ['euc1', 'abc'],
  'eu-central-2': ['euc2', 'abc'],
  'eu-west-1': ['euw1', 'abc'],
  'eu-west-2': ['euw2', 'abc'],
  'eu-west-3': ['euw3', 'abc'],
  'eu-south-1': ['eus1', 'abc'],
  'eu-south-2': ['eus2', 'abc'],
  'eu-north-1': ['eun1', 'abc'],
  'il-central-1': ['ilc1', 'abc'],
  'me-south-1': ['mes1', 'abc'],
  'me-central-1': ['mec1', 'abc'],
  'mx-central-1': ['mxc1', 'abc'],
  'sa-east-1': ['sae1', 'abc'],
};

const cache = new Map<string, readonly AvailabilityZone[]>();

/** The zones of a Region, in name order. */
export function zonesOf(region: string): readonly AvailabilityZone[] {
  let zones = cache.get(region);
  if (zones === undefined) {
    const [prefix, letters] = Object.hasOwn(TABLE, region) ? TABLE[region]! : [region, 'abc'];
    zones = Object.freeze(
      [...letters].map((letter, i) => Object.freeze({ zoneName: `${region}${letter}`, zoneId: `${prefix}-az${i + 1}`, regionName: region })),
    );
    cache.set(region, zones);
  }
  return zones;
}
