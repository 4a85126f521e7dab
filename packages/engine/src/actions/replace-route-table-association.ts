// ReplaceRouteTableAssociation (routes §1.5 [doc]): moves a subnet's association — or the VPC's main
// association, which makes the given table the main table — to another table of the VPC. The old
// association ID is gone; a new one is minted.
import type { ReplaceRouteTableAssociationCommand } from '../routing/routing-commands.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { Tx } from '../tx.js';
import type { AssociationRecord } from '../routing/routing-records.js';
import type { ReplaceRouteTableAssociationOutput } from '../routing/routing-outputs.js';
import { nextRoutingId, noteAssociation, withAssociations } from '../routing/route-tables.js';
import { subnetOtherNetwork } from '../routing/routing-errors.js';
import { ownAssociation, ownTable } from '../routing/routing-lookup.js';
import { tableById, vpcRouting, writeTable, writeVpcRouting } from '../routing/routing-store.js';

/** ReplaceRouteTableAssociation. */
export function replaceRouteTableAssociation(tx: Tx, command: ReplaceRouteTableAssociationCommand): Outcome<ReplaceRouteTableAssociationOutput> {
  const found = ownAssociation(tx.w, tx.caller, command.AssociationId);
  if (!found.ok) return found;
  const target = ownTable(tx.w, tx.caller, command.RouteTableId, 'RouteTableId');
  if (!target.ok) return target;
  const { table: from, association: old } = found.value;
  // [?] a table of another VPC: the "belong to different networks" form (routes §2.2 [obs]).
  if (target.value.vpcId !== from.vpcId) return refuse(subnetOtherNetwork(target.value.routeTableId, old.subnetId ?? from.vpcId));

  const association: AssociationRecord = Object.freeze({
    associationId: nextRoutingId(tx, 'rtbassoc-'),
    routeTableId: target.value.routeTableId,
    subnetId: old.subnetId,
  });
  noteAssociation(tx, old, false);
  writeTable(tx, from, withAssociations(from, from.associations.filter((one) => one !== old)));
  // Read again: `from` and the target may be the same table.
  const to = tableById(tx.w, target.value.routeTableId)!;
  // The main association is listed first (routes §1.9 sample).
  const associations = association.subnetId === null ? [association, ...to.associations] : [...to.associations, association];
  writeTable(tx, to, withAssociations(to, associations));
  noteAssociation(tx, association, true);
  if (association.subnetId === null) {
    const routing = vpcRouting(tx.w, from.vpcId)!;
    writeVpcRouting(tx, from.vpcId, { ...routing, mainRouteTableId: to.routeTableId, mainAssociationId: association.associationId });
  }
  tx.events.push({ type: 'RoutingChanged', resourceId: association.associationId, change: 'association-replaced', at: tx.w.clock });
  return done({ NewAssociationId: association.associationId, AssociationState: { State: 'associated' } });
}
