// DisassociateVpcCidrBlock (spec §6.1): any block but the primary one.
import type { DisassociateVpcCidrBlockCommand } from '../commands.js';
import { associationNotFound, primaryBlock } from '../errors.js';
import { requiredString } from '../input.js';
import { members, viewKey, vpcsOf } from '../indexes.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { VpcCidrBlockOutput } from '../outputs.js';
import { pkeys } from '../pmap.js';
import { vpcById, writeVpc } from '../store.js';
import type { Tx } from '../tx.js';

/** DisassociateVpcCidrBlock. */
export function disassociateVpcCidrBlock(tx: Tx, command: DisassociateVpcCidrBlockCommand): Outcome<VpcCidrBlockOutput> {
  const id = requiredString(command.AssociationId, 'AssociationId');
  if (!id.ok) return id;
  // Only the caller's own VPCs in its Region are searched: anyone else's block does not exist for it.
  for (const vpcId of pkeys(members(tx.w.index, vpcsOf(viewKey(tx.caller.accountId, tx.caller.region)))) as string[]) {
    const vpc = vpcById(tx.w, vpcId)!;
    const v4 = vpc.ipv4Blocks.findIndex((block) => block.associationId === id.value);
    if (v4 === 0) return refuse(primaryBlock(id.value)); // spec §6.1 [doc]
    if (v4 > 0) {
      const block = vpc.ipv4Blocks[v4]!;
      writeVpc(tx, vpc, Object.freeze({ ...vpc, ipv4Blocks: Object.freeze(vpc.ipv4Blocks.filter((_, i) => i !== v4)) }));
      tx.events.push({ type: 'VpcChanged', vpcId, change: 'cidr-block-disassociated', at: tx.w.clock });
      return done({
        VpcId: vpcId,
        CidrBlockAssociation: { AssociationId: block.associationId, CidrBlock: block.cidrBlock, CidrBlockState: { State: 'disassociating' } },
      });
    }
    const v6 = vpc.ipv6Blocks.findIndex((block) => block.associationId === id.value);
    if (v6 >= 0) {
      const block = vpc.ipv6Blocks[v6]!;
      writeVpc(tx, vpc, Object.freeze({ ...vpc, ipv6Blocks: Object.freeze(vpc.ipv6Blocks.filter((_, i) => i !== v6)) }));
      tx.events.push({ type: 'VpcChanged', vpcId, change: 'cidr-block-disassociated', at: tx.w.clock });
      return done({
        VpcId: vpcId,
        Ipv6CidrBlockAssociation: {
          AssociationId: block.associationId,
          Ipv6CidrBlock: block.ipv6CidrBlock,
          Ipv6CidrBlockState: { State: 'disassociating' },
          Ipv6Pool: 'Amazon',
          NetworkBorderGroup: vpc.region,
        },
      });
    }
  }
  return refuse(associationNotFound(id.value));
}
