import { PUBLIC_REGIONS } from '@pcxsim/engine';
import fc from 'fast-check';

/** Two Regions, far apart: enough for every cross-Region rule, few enough that VPCs meet often. */
export const FEW_REGIONS: readonly string[] = Object.freeze(['us-east-1', 'eu-west-1']);

/** Constraints of {@link region}. */
export interface RegionConstraints {
  /**
   * The Regions to draw from: {@link FEW_REGIONS} for a small set, or any list the world knows.
   * @defaultValue `PUBLIC_REGIONS` of `@pcxsim/engine`, every commercial Region
   */
  readonly among?: readonly string[];
}

/**
 * AWS Region names a default world knows (`us-east-1`, `eu-west-1`, …).
 *
 * Generates any of `among`, equally likely. Shrinks towards the first of `among` (`us-east-1`).
 *
 * @example
 * ```ts
 * region() // 'ap-southeast-2', 'us-east-1', …
 * region({ among: FEW_REGIONS })
 * ```
 */
export function region(constraints: RegionConstraints = {}): fc.Arbitrary<string> {
  const among = constraints.among ?? PUBLIC_REGIONS;
  if (among.length === 0) throw new RangeError('region(): `among` is empty');
  return fc.constantFrom(...among);
}
