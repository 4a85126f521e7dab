// The states of a VPC's CIDR block associations (spec §6.1): AssociateVpcCidrBlock answers
// `associating` and DisassociateVpcCidrBlock `disassociating`; each passes by itself per the timing
// profile, and a `disassociated` block is still listed for a while before it is gone. The schedule
// runs the steps: one entry per step, naming the VPC; when it falls due every block of that VPC whose
// time has come moves on, so an entry whose block has gone (or moved already) does nothing.
import type { TimingProfile } from '@pcxsim/lifecycle';
import { enqueue } from './schedule.js';
import { vpcById, writeVpc } from './records.js';
import type { Tx } from './tx.js';
import type { BlockState, Ipv4Block, Ipv6Block } from './world.js';

/** How long the two passing states of an association last, in ms. */
export interface BlockStateDelays {
  /** From AssociateVpcCidrBlock (or CreateVpc's IPv6 block) to `associated`. */
  readonly associating: number;
  /** From DisassociateVpcCidrBlock to `disassociated`. */
  readonly disassociating: number;
}

/**
 * The delays per timing profile. AWS documents none. `instant`: 0 — the block is stored in the next
 * state at once, so Describe shows `associated` (`disassociated`) right after the call, while the
 * response still names the passing state as AWS's does (spec §6.1) [design]. `realistic`: 5 s each
 * [?], like the peering's `provisioning` and `deleting`: a secondary block is usable within seconds.
 */
export const BLOCK_STATE_DELAYS: Readonly<Record<TimingProfile, BlockStateDelays>> = Object.freeze({
  instant: Object.freeze({ associating: 0, disassociating: 0 }),
  realistic: Object.freeze({ associating: 5_000, disassociating: 5_000 }),
});

/**
 * How long DescribeVpcs still lists a `disassociated` block before it is gone: 1 hour, under both
 * profiles (like the peering retention windows) [?]. Real AWS was seen keeping them about 30 minutes
 * (IPv6, hashicorp/terraform-provider-aws#32967) and "1+ hour" (IPv4, lyft/cni-ipvlan-vpc-k8s#49) [obs].
 */
export const DISASSOCIATED_LISTED_MS = 3_600_000;

/**
 * Whether a block still holds its addresses: every state but `disassociated`. Such a block is on the
 * VPC for the overlap rules (a secondary block must not overlap "any block already on the VPC", spec
 * §6.1; the peering check, §2.2; the coupling rules, §6.2), for the quota of 5, and in the peering
 * views. A `disassociating` block still counts [?]: its addresses are released only when it is
 * `disassociated` — the state clients wait for (Terraform's waiter treats only that as gone).
 */
export const holdsAddresses = (block: { readonly state: BlockState }): boolean => block.state !== 'disassociated';

/** How many of the blocks hold addresses: what the quota of blocks per VPC counts (spec §6.1). */
export function blocksHeld(blocks: readonly { readonly state: BlockState }[]): number {
  let n = 0;
  for (const block of blocks) if (holdsAddresses(block)) n++;
  return n;
}

function scheduleStep(tx: Tx, vpcId: string, due: number): void {
  tx.w.schedule = enqueue(tx.edit, tx.w.schedule, tx.w.clock, due, 'block-state', vpcId, tx.w.clock).schedule;
}

/** The state and start of a new association of `vpcId`, with its next step scheduled (spec §6.1). */
export function associationStarts(tx: Tx, vpcId: string): { readonly state: BlockState; readonly since: number } {
  const now = tx.w.clock;
  const delay = BLOCK_STATE_DELAYS[tx.w.config.timing].associating;
  if (delay === 0) return { state: 'associated', since: now };
  scheduleStep(tx, vpcId, now + delay);
  return { state: 'associating', since: now };
}

/** The state and start of a block of `vpcId` being disassociated, with its next step scheduled (spec §6.1). */
export function disassociationStarts(tx: Tx, vpcId: string): { readonly state: BlockState; readonly since: number } {
  const now = tx.w.clock;
  const delay = BLOCK_STATE_DELAYS[tx.w.config.timing].disassociating;
  if (delay === 0) {
    scheduleStep(tx, vpcId, now + DISASSOCIATED_LISTED_MS);
    return { state: 'disassociated', since: now };
  }
  scheduleStep(tx, vpcId, now + delay);
  return { state: 'disassociating', since: now };
}

/** The block in `state` since `since`. */
const moved = <B extends Ipv4Block | Ipv6Block>(block: B, state: BlockState, since: number): B =>
  Object.freeze({ ...(block as Ipv4Block | Ipv6Block), state, since }) as B;

/** The block one step on if its time has come (`null`: gone from the VPC), or the same block. */
function stepped<B extends Ipv4Block | Ipv6Block>(tx: Tx, vpcId: string, block: B): B | null {
  const now = tx.w.clock;
  const delays = BLOCK_STATE_DELAYS[tx.w.config.timing];
  switch (block.state) {
    case 'associated':
      return block;
    case 'associating': {
      const due = block.since + delays.associating;
      return due <= now ? moved(block, 'associated', due) : block;
    }
    case 'disassociating': {
      const due = block.since + delays.disassociating;
      if (due > now) return block;
      scheduleStep(tx, vpcId, due + DISASSOCIATED_LISTED_MS);
      return moved(block, 'disassociated', due);
    }
    case 'disassociated':
      return block.since + DISASSOCIATED_LISTED_MS <= now ? null : block;
  }
}

function steppedAll<B extends Ipv4Block | Ipv6Block>(tx: Tx, vpcId: string, blocks: readonly B[]): readonly B[] {
  let out: B[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = stepped(tx, vpcId, block);
    if (next === block && out === null) continue;
    out ??= blocks.slice(0, i);
    if (next !== null) out.push(next);
  }
  return out === null ? blocks : Object.freeze(out);
}

/**
 * A scheduled step fell due: every block of the VPC whose time has come moves on. Returns whether
 * any did (the VPC may be gone, or its blocks moved by an earlier entry due at the same time).
 */
export function stepBlocks(tx: Tx, vpcId: string): boolean {
  const vpc = vpcById(tx.w, vpcId);
  if (vpc === undefined) return false;
  const ipv4Blocks = steppedAll(tx, vpcId, vpc.ipv4Blocks);
  const ipv6Blocks = steppedAll(tx, vpcId, vpc.ipv6Blocks);
  if (ipv4Blocks === vpc.ipv4Blocks && ipv6Blocks === vpc.ipv6Blocks) return false;
  writeVpc(tx, vpc, Object.freeze({ ...vpc, ipv4Blocks, ipv6Blocks }));
  tx.events.push({ type: 'VpcChanged', vpcId, change: 'cidr-block-state-changed', at: tx.w.clock });
  return true;
}
