// DeleteSubnet (issue 13). A subnet here holds no network interfaces, so nothing keeps it; its
// explicit route table association goes with it (the table itself stays).
import type { DeleteSubnetCommand } from '../routing/routing-commands.js';
import { done, type Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import type { Tx } from '../tx.js';
import { noteAssociation, tableOfAssociation, withAssociations } from '../routing/route-tables.js';
import { ownSubnet } from '../routing/routing-lookup.js';
import { subnetById, writeSubnet, writeTable } from '../routing/routing-store.js';

/** DeleteSubnet. */
export function deleteSubnet(tx: Tx, command: DeleteSubnetCommand): Outcome<EmptyOutput> {
  const subnet = ownSubnet(tx.w, tx.caller, command.SubnetId, 'SubnetId');
  if (!subnet.ok) return subnet;
  const { subnetId, associationId } = subnet.value;
  if (associationId !== null) {
    const table = tableOfAssociation(tx.w, associationId);
    const association = table?.associations.find((one) => one.associationId === associationId);
    if (table !== undefined && association !== undefined) {
      writeTable(tx, table, withAssociations(table, table.associations.filter((one) => one !== association)));
      noteAssociation(tx, association, false);
    }
  }
  // The record as it is now: noteAssociation rewrote it without its association.
  writeSubnet(tx, subnetById(tx.w, subnetId)!, undefined);
  tx.events.push({ type: 'RoutingChanged', resourceId: subnetId, change: 'subnet-deleted', at: tx.w.clock });
  return done({});
}
