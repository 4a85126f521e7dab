// AssociateRouteTable (routes §1.5): a subnet of the table's VPC, which has no explicit association
// yet, now uses the table.
import type { AssociateRouteTableCommand } from '../routing/routing-commands.js';
import { missingParameter } from '../errors.js';
import { optionalString } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { Tx } from '../tx.js';
import type { AssociationRecord } from '../routing/routing-records.js';
import type { AssociateRouteTableOutput } from '../routing/routing-outputs.js';
import { nextRoutingId, noteAssociation, withAssociations } from '../routing/route-tables.js';
import { alreadyAssociated, gatewayNotFound, subnetOtherNetwork } from '../routing/routing-errors.js';
import { ownSubnet, ownTable } from '../routing/routing-lookup.js';
import { writeTable } from '../routing/routing-store.js';

/** AssociateRouteTable. */
export function associateRouteTable(tx: Tx, command: AssociateRouteTableCommand): Outcome<AssociateRouteTableOutput> {
  const table = ownTable(tx.w, tx.caller, command.RouteTableId, 'RouteTableId');
  if (!table.ok) return table;
  const gateway = optionalString(command.GatewayId, 'GatewayId');
  if (!gateway.ok) return gateway;
  // routes §1.5: an edge association names a gateway; no gateway exists in this world.
  if (gateway.value !== undefined && gateway.value !== '') return refuse(gatewayNotFound(gateway.value));
  if (command.SubnetId === undefined || command.SubnetId === '') return refuse(missingParameter('SubnetId'));
  const subnet = ownSubnet(tx.w, tx.caller, command.SubnetId, 'SubnetId');
  if (!subnet.ok) return subnet;
  if (subnet.value.vpcId !== table.value.vpcId) return refuse(subnetOtherNetwork(table.value.routeTableId, subnet.value.subnetId));
  // routes §1.5 [obs]: one explicit association per subnet; moving it is ReplaceRouteTableAssociation.
  if (subnet.value.associationId !== null) return refuse(alreadyAssociated(table.value.routeTableId));

  const association: AssociationRecord = Object.freeze({
    associationId: nextRoutingId(tx, 'rtbassoc-'),
    routeTableId: table.value.routeTableId,
    subnetId: subnet.value.subnetId,
  });
  writeTable(tx, table.value, withAssociations(table.value, [...table.value.associations, association]));
  noteAssociation(tx, association, true);
  tx.events.push({ type: 'RoutingChanged', resourceId: association.associationId, change: 'associated', at: tx.w.clock });
  return done({ AssociationId: association.associationId, AssociationState: { State: 'associated' } });
}
