// DisassociateVpcCidrBlock (spec §6.1): any block but the primary one. The association is not removed
// at once: it answers `disassociating`, becomes `disassociated` and is listed so for a while before it
// is gone (block-states.ts).
import { disassociationStarts, holdsAddresses } from '../block-states.js';
import type { DisassociateVpcCidrBlockCommand } from '../commands.js';
import { associationNotFound, primaryBlock } from '../errors.js';
import { requiredString } from '../input.js';
import { members, viewKey, vpcsOf } from '../indexes.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { VpcCidrBlockOutput } from '../outputs.js';
import { pkeys } from '../pmap.js';
import { vpcById, writeVpc } from '../records.js';
import type { Tx } from '../tx.js';
import { ipv4AssociationOutput, ipv6AssociationOutput } from '../views.js';
import type { Ipv4Block, Ipv6Block, VpcRecord } from '../world.js';
import { disassociationBlocked } from '../routing/block-rules.js';

/** The blocks with the one at `at` replaced by `block` in its new state. */
function replaced<B extends Ipv4Block | Ipv6Block>(blocks: readonly B[], at: number, block: B): readonly B[] {
  return Object.freeze(blocks.map((old, i) => (i === at ? block : old)));
}

function disassociate(tx: Tx, vpc: VpcRecord, change: Partial<VpcRecord>): void {
  writeVpc(tx, vpc, Object.freeze({ ...vpc, ...change }));
  tx.events.push({ type: 'VpcChanged', vpcId: vpc.vpcId, change: 'cidr-block-disassociated', at: tx.w.clock });
}

/** DisassociateVpcCidrBlock. */
export function disassociateVpcCidrBlock(tx: Tx, command: DisassociateVpcCidrBlockCommand): Outcome<VpcCidrBlockOutput> {
  const id = requiredString(command.AssociationId, 'AssociationId');
  if (!id.ok) return id;
  // Only the caller's own VPCs in its Region are searched: anyone else's block does not exist for it.
  // [?] A block already disassociating or disassociated is no association any more: NotFound, which
  // clients that remove blocks take as done.
  for (const vpcId of pkeys(members(tx.w.index, vpcsOf(viewKey(tx.caller.accountId, tx.caller.region)))) as string[]) {
    const vpc = vpcById(tx.w, vpcId)!;
    const v4 = vpc.ipv4Blocks.findIndex((block) => block.associationId === id.value);
    if (v4 === 0) return refuse(primaryBlock(id.value)); // spec §6.1 [doc]
    if (v4 > 0 && isDisassociable(vpc.ipv4Blocks[v4]!)) {
      const used = disassociationBlocked(tx.w, vpcId, id.value, vpc.ipv4Blocks[v4]!.cidrBlock); // routes §1.2 [doc]
      if (used !== null) return refuse(used);
      const block = Object.freeze({ ...vpc.ipv4Blocks[v4]!, ...disassociationStarts(tx, vpcId) });
      disassociate(tx, vpc, { ipv4Blocks: replaced(vpc.ipv4Blocks, v4, block) });
      // spec §6.1: the response shows the association being removed, `disassociating`, whatever the profile.
      return done({ VpcId: vpcId, CidrBlockAssociation: ipv4AssociationOutput(block, 'disassociating') });
    }
    const v6 = vpc.ipv6Blocks.findIndex((block) => block.associationId === id.value);
    if (v6 >= 0 && isDisassociable(vpc.ipv6Blocks[v6]!)) {
      const used = disassociationBlocked(tx.w, vpcId, id.value, vpc.ipv6Blocks[v6]!.ipv6CidrBlock); // routes §1.2, §1.10
      if (used !== null) return refuse(used);
      const block = Object.freeze({ ...vpc.ipv6Blocks[v6]!, ...disassociationStarts(tx, vpcId) });
      disassociate(tx, vpc, { ipv6Blocks: replaced(vpc.ipv6Blocks, v6, block) });
      return done({ VpcId: vpcId, Ipv6CidrBlockAssociation: ipv6AssociationOutput(block, vpc.region, 'disassociating') });
    }
  }
  return refuse(associationNotFound(id.value));
}

/** A block being associated or associated can be disassociated; one on its way out already cannot [?]. */
const isDisassociable = (block: Ipv4Block | Ipv6Block): boolean => holdsAddresses(block) && block.state !== 'disassociating';
