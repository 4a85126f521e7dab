// DisassociateRouteTable (routes §1.5): the subnet falls back to its VPC's main table. The main
// association cannot be removed, only moved (ReplaceRouteTableAssociation).
import type { DisassociateRouteTableCommand } from '../routing/routing-commands.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import type { Tx } from '../tx.js';
import { noteAssociation, withAssociations } from '../routing/route-tables.js';
import { mainAssociation } from '../routing/routing-errors.js';
import { ownAssociation } from '../routing/routing-lookup.js';
import { writeTable } from '../routing/routing-store.js';

/** DisassociateRouteTable. */
export function disassociateRouteTable(tx: Tx, command: DisassociateRouteTableCommand): Outcome<EmptyOutput> {
  const found = ownAssociation(tx.w, tx.caller, command.AssociationId);
  if (!found.ok) return found;
  const { table, association } = found.value;
  if (association.subnetId === null) return refuse(mainAssociation(association.associationId)); // routes §1.5 [obs]
  writeTable(tx, table, withAssociations(table, table.associations.filter((one) => one !== association)));
  noteAssociation(tx, association, false);
  tx.events.push({ type: 'RoutingChanged', resourceId: association.associationId, change: 'disassociated', at: tx.w.clock });
  return done({});
}
