// The CIDR rules of a VPC's own blocks (spec §6.1), and the Amazon-provided IPv6 pool.
import { formatPrefix, overlapsSet, parsePrefix, parsePrefixSet, prefixOverlaps, type Prefix, type PrefixSet } from '@pcxsim/cidr';
import { invalidValue, vpcRange } from './errors.js';
import { done, refuse, type Outcome } from './outcome.js';
import { blocksOf } from './views.js';
import type { VpcBlocks, VpcRecord } from './world.js';

/** spec §6.1 [doc]: IPv4 blocks are /16 to /28. */
export const SHORTEST_IPV4_BLOCK = 16;
/** spec §6.1 [doc]. */
export const LONGEST_IPV4_BLOCK = 28;

const LINK_LOCAL = parsePrefix('169.254.0.0/16');

/**
 * An IPv4 block as a VPC stores it: canonical, host bits cleared (spec §6.1: `100.68.0.18/18` →
 * `100.68.0.0/18`), /16 to /28, never link-local. Text that is no CIDR at all is
 * `InvalidParameterValue` [?]; a size out of range or a link-local block is `InvalidVpc.Range` [obs].
 */
export function parseIpv4Block(text: string, parameter: string): Outcome<string> {
  const parsed = parsePrefix(text, { hostBits: 'clear' });
  if (!parsed.ok || parsed.value.family !== 4) {
    return refuse(invalidValue(text, parameter, 'This is not a valid IPv4 CIDR block.'));
  }
  const prefix = parsed.value;
  if (prefix.length < SHORTEST_IPV4_BLOCK || prefix.length > LONGEST_IPV4_BLOCK) return refuse(vpcRange(text));
  if (LINK_LOCAL.ok && prefixOverlaps(prefix, LINK_LOCAL.value)) return refuse(vpcRange(text)); // spec §6.3 [doc]
  return done(formatPrefix(prefix));
}

/** Every address of the blocks, both families. */
export function addressSet(blocks: VpcBlocks): PrefixSet {
  const set = parsePrefixSet([...blocks.ipv4, ...blocks.ipv6]);
  // The blocks were canonicalised when stored, so they always parse.
  return set.ok ? set.value : (undefined as never);
}

const vpcPrefixes = new WeakMap<VpcRecord, readonly Prefix[]>();

/**
 * A VPC's blocks that hold addresses (a `disassociated` one does not: block-states.ts) as prefixes,
 * both families; memoised per (frozen, never changed) VPC record.
 */
function prefixesOf(vpc: VpcRecord): readonly Prefix[] {
  let prefixes = vpcPrefixes.get(vpc);
  if (prefixes === undefined) {
    const blocks = blocksOf(vpc);
    prefixes = [...blocks.ipv4, ...blocks.ipv6].flatMap((text) => {
      const parsed = parsePrefix(text);
      return parsed.ok ? [parsed.value] : [];
    });
    vpcPrefixes.set(vpc, prefixes);
  }
  return prefixes;
}

/** Whether two VPCs share an address, IPv4 or IPv6 (spec §2.2): a VPC has a handful of blocks, so pairwise. */
export function vpcsOverlap(a: VpcRecord, b: VpcRecord): boolean {
  for (const x of prefixesOf(a)) for (const y of prefixesOf(b)) if (prefixOverlaps(x, y)) return true;
  return false;
}

/** Whether two VPCs share an address, IPv4 or IPv6 (spec §2.2). */
export const blocksOverlap = (a: VpcBlocks, b: VpcBlocks): boolean => overlapsSet(addressSet(a), addressSet(b));

/** Whether a CIDR overlaps any block of `blocks`. */
export const overlapsBlocks = (cidr: string, blocks: VpcBlocks): boolean =>
  blocksOverlap({ ipv4: [cidr], ipv6: [] }, blocks);

/**
 * The `n`-th Amazon-provided /56 of a Region (spec §6.1: always a /56, its range not chosen by the
 * user). Deterministic and unique per world: `2600:1f<region index>:<n>::/56` [?].
 */
export function amazonIpv6Block(regionIndex: number, n: number): string {
  const group = (value: number): string => (value & 0xffff).toString(16);
  const text = `2600:1f${(regionIndex & 0xff).toString(16).padStart(2, '0')}:${group(n >>> 8)}:${((n & 0xff) << 8).toString(16)}::/56`;
  const parsed = parsePrefix(text);
  return parsed.ok ? formatPrefix(parsed.value) : text;
}
