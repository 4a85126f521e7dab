// The truth behind a lagging Describe (issue 16): with eventual consistency (spec §10.4) a Describe
// shows the world as it was `describeDelayMs` ago, and the only way to see the present through it is
// to move the clock — which also runs whatever falls due, and so resolves the transient states a test
// may want to catch. This view shows the present without moving anything.
import type { World } from './world.js';

/**
 * A view of `world` in which every Describe (DescribeVpcPeeringConnections, DescribeVpcs,
 * DescribeTags …) answers with the current state — what each caller would see once the lag has
 * passed, at this very clock: nothing runs, nothing resolves. For reads only: `apply` a Describe to
 * it and keep the answer, not the world (its configuration says there is no delay).
 *
 * @example
 * const truth = apply(withoutDescribeLag(world), caller, { type: 'DescribeVpcPeeringConnections' });
 */
export function withoutDescribeLag(world: World): World {
  if (world.config.consistency.describeDelayMs === 0) return world;
  // No delay: Describe reads the current records (eventual-consistency.ts, `shownPeering`), and
  // without `vpcVersions` the current VPCs (vpc-versions.ts, `shownVpc`, `shownVpcIds`).
  const { vpcVersions: _, ...rest } = world;
  const config = Object.freeze({ ...world.config, consistency: Object.freeze({ describeDelayMs: 0 }) });
  return Object.freeze({ ...rest, config });
}
