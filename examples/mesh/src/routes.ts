// Routes to each peer's blocks through the pair's connection. Each owner routes from its own table,
// with its own credentials, in its own Region (routes §2.4): so every call here uses the member's client.
import { CreateRouteCommand, DeleteRouteCommand, ReplaceRouteCommand } from '@aws-sdk/client-ec2';
import type { MeshChange } from './report.js';
import { routesOf } from './observe.js';
import { withRetries } from './retry.js';
import type { MeshMember, Run } from './settings.js';

/** A route the mesh wants in a member's table. */
export interface WantedRoute {
  readonly destination: string;
  readonly connectionId: string;
}

/**
 * Makes the member's table hold each wanted route. A route to the destination through another target
 * is moved with ReplaceRoute (a table holds one route per destination, routes §2.2): typically one to
 * a connection that was deleted and requested again, which has a new ID and whose old routes stay,
 * `blackhole`, naming the dead one (routes §2.3).
 */
export async function ensureRoutes(run: Run, member: MeshMember, wanted: readonly WantedRoute[], changes: MeshChange[]): Promise<void> {
  if (wanted.length === 0) return;
  const present = await routesOf(run, member);
  for (const { destination, connectionId } of wanted) {
    const route = present.find((candidate) => candidate.DestinationCidrBlock === destination);
    if (route?.VpcPeeringConnectionId === connectionId) continue;
    const action = route === undefined ? 'create-route' : 'replace-route';
    const input = { RouteTableId: member.routeTableId, DestinationCidrBlock: destination, VpcPeeringConnectionId: connectionId };
    if (route === undefined) await withRetries(run, 'CreateRoute', () => member.client.send(new CreateRouteCommand(input)));
    else await withRetries(run, 'ReplaceRoute', () => member.client.send(new ReplaceRouteCommand(input)));
    changes.push({ action, member: member.name, routeTableId: member.routeTableId, destination, connectionId });
  }
}

/** Deletes every route of the member's table whose target is one of `connectionIds`. */
export async function deleteRoutesTo(run: Run, member: MeshMember, connectionIds: ReadonlySet<string>, changes: MeshChange[]): Promise<void> {
  const doomed = (await routesOf(run, member)).filter((route) => connectionIds.has(route.VpcPeeringConnectionId!));
  for (const route of doomed) {
    const connectionId = route.VpcPeeringConnectionId!;
    const destination = route.DestinationCidrBlock!;
    try {
      await withRetries(run, 'DeleteRoute', () =>
        member.client.send(new DeleteRouteCommand({ RouteTableId: member.routeTableId, DestinationCidrBlock: destination })),
      );
    } catch (error) {
      // DescribeRouteTables lags (routes §2.8): a route deleted moments ago may still be listed, and
      // deleting it again answers InvalidRoute.NotFound (routes §2.7). It is gone, as wanted: no change.
      if ((error as Error).name !== 'InvalidRoute.NotFound') throw error;
      continue;
    }
    changes.push({ action: 'delete-route', member: member.name, routeTableId: member.routeTableId, destination, connectionId });
  }
}
