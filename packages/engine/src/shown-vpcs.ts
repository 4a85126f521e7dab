// The caller's VPCs in its Region as Describe shows them now (spec §10.4): what every read over the
// caller's VPCs — and over the resources that come with them — starts from.
import { viewKey } from './indexes.js';
import type { Caller } from './tx.js';
import { shownVpc, shownVpcIds } from './vpc-versions.js';
import type { VpcRecord, World } from './world.js';

/** Every VPC the caller's Describe shows now, in no particular order. */
export function shownOwnVpcs(world: World, caller: Caller): VpcRecord[] {
  const out: VpcRecord[] = [];
  for (const id of shownVpcIds(world, viewKey(caller.accountId, caller.region))) {
    const vpc = shownVpc(world, id);
    if (vpc !== undefined) out.push(vpc);
  }
  return out;
}
