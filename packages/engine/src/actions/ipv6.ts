// Amazon-provided IPv6 blocks (spec §6.1): a /56 from Amazon's pool, deterministic per world.
import { associationStarts } from '../block-states.js';
import { nextId } from '../ids.js';
import type { Tx } from '../tx.js';
import { amazonIpv6Block } from '../vpc-cidr.js';
import type { Ipv6Block } from '../world.js';

/** Hands out the next /56 of `region` to the VPC `vpcId`, with a new association ID, as a new association. */
export function allocateIpv6(tx: Tx, region: string, vpcId: string): Ipv6Block {
  const n = tx.w.ipv6Allocated[region] ?? 0;
  tx.w.ipv6Allocated = Object.freeze({ ...tx.w.ipv6Allocated, [region]: n + 1 });
  const [associationId, ids] = nextId(tx.w.ids, 'vpc-cidr-assoc-');
  tx.w.ids = ids;
  const ipv6CidrBlock = amazonIpv6Block(tx.w.config.regions.indexOf(region), n);
  return Object.freeze({ associationId, ipv6CidrBlock, ...associationStarts(tx, vpcId) });
}
