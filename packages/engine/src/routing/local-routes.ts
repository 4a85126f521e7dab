// The `local` routes of a VPC's route tables (routes §1.2 [doc]): one per IPv4 and per IPv6 block
// of the VPC, in every table of the VPC, existing and future. They are derived from the VPC's blocks
// rather than stored, so they follow AssociateVpcCidrBlock and DisassociateVpcCidrBlock by
// construction — a block stops having a local route when it stops holding addresses
// (`disassociated`, block-states.ts) [?: routes §1.2, moto removes it too [emu]].
import { parsePrefix, type Prefix } from '@pcxsim/cidr';
import { holdsAddresses } from '../block-states.js';
import type { VpcRecord } from '../world.js';

/** A local route. */
export interface LocalRoute {
  /** The block, canonical text. */
  readonly destination: string;
  /** Its family. */
  readonly family: 4 | 6;
  /** The block as a prefix. */
  readonly prefix: Prefix;
}

const memo = new WeakMap<VpcRecord, readonly LocalRoute[]>();

/** The local routes of a VPC's tables, IPv4 blocks first (primary first), then IPv6; memoised per (frozen) VPC record. */
export function localRoutes(vpc: VpcRecord): readonly LocalRoute[] {
  let routes = memo.get(vpc);
  if (routes === undefined) {
    const out: LocalRoute[] = [];
    for (const block of vpc.ipv4Blocks) if (holdsAddresses(block)) push(out, block.cidrBlock, 4);
    for (const block of vpc.ipv6Blocks) if (holdsAddresses(block)) push(out, block.ipv6CidrBlock, 6);
    routes = Object.freeze(out);
    memo.set(vpc, routes);
  }
  return routes;
}

function push(out: LocalRoute[], destination: string, family: 4 | 6): void {
  const parsed = parsePrefix(destination);
  if (parsed.ok) out.push(Object.freeze({ destination, family, prefix: parsed.value }));
}
