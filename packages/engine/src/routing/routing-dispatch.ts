// The routing commands' handlers, one per action (actions/*.ts): a `switch` the compiler checks for
// exhaustiveness, kept apart from apply.ts's so the routing actions are added in one line there.
import { associateRouteTable } from '../actions/associate-route-table.js';
import { createRoute } from '../actions/create-route.js';
import { createRouteTable } from '../actions/create-route-table.js';
import { createSubnet } from '../actions/create-subnet.js';
import { deleteRoute } from '../actions/delete-route.js';
import { deleteRouteTable } from '../actions/delete-route-table.js';
import { deleteSubnet } from '../actions/delete-subnet.js';
import { describeAvailabilityZones } from '../actions/describe-availability-zones.js';
import { describeRouteTables } from '../actions/describe-route-tables.js';
import { describeSubnets } from '../actions/describe-subnets.js';
import { disassociateRouteTable } from '../actions/disassociate-route-table.js';
import { replaceRoute } from '../actions/replace-route.js';
import { replaceRouteTableAssociation } from '../actions/replace-route-table-association.js';
import type { Outcome } from '../outcome.js';
import type { Tx } from '../tx.js';
import type { RoutingCommand } from './routing-commands.js';

/** Runs one routing command. */
export function routingDispatch(tx: Tx, command: RoutingCommand): Outcome<unknown> {
  switch (command.type) {
    case 'CreateSubnet':
      return createSubnet(tx, command);
    case 'DeleteSubnet':
      return deleteSubnet(tx, command);
    case 'DescribeSubnets':
      return describeSubnets(tx, command);
    case 'DescribeAvailabilityZones':
      return describeAvailabilityZones(tx, command);
    case 'CreateRouteTable':
      return createRouteTable(tx, command);
    case 'DeleteRouteTable':
      return deleteRouteTable(tx, command);
    case 'DescribeRouteTables':
      return describeRouteTables(tx, command);
    case 'AssociateRouteTable':
      return associateRouteTable(tx, command);
    case 'DisassociateRouteTable':
      return disassociateRouteTable(tx, command);
    case 'ReplaceRouteTableAssociation':
      return replaceRouteTableAssociation(tx, command);
    case 'CreateRoute':
      return createRoute(tx, command);
    case 'ReplaceRoute':
      return replaceRoute(tx, command);
    case 'DeleteRoute':
      return deleteRoute(tx, command);
  }
}
