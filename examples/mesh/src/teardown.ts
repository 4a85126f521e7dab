// teardownMesh: undo a mesh. Routes first (they would outlive their connection as blackholes,
// routes §2.3, spec §3.3), then the connections between members. Running it again changes nothing.
import { DeleteVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import { requestedBy } from './observe.js';
import type { MeshChange } from './report.js';
import { withRetries } from './retry.js';
import { deleteRoutesTo } from './routes.js';
import { runOf, type MeshSpec } from './settings.js';
import { waitFor } from './wait.js';

/**
 * The states AWS lets a requester delete from (spec §3.3); `initiating-request` and `provisioning`
 * are waited out first.
 */
const DELETABLE = ['pending-acceptance', 'active'];

/**
 * Deletes every route in the members' tables that targets a connection between two members (in any
 * state the requester still sees, spec §1.1), then deletes each such connection that is still usable,
 * as its requester: the one owner allowed to delete it while it is pending (spec §3.3). Connections of
 * members with VPCs outside the mesh are left alone. Returns the changes made, in order.
 */
export async function teardownMesh(spec: MeshSpec): Promise<MeshChange[]> {
  const run = runOf(spec);
  const { members } = spec;
  const inMesh = new Set(members.map((member) => member.vpcId));
  const between = [];
  for (const member of members) {
    for (const connection of await requestedBy(run, member)) {
      if (inMesh.has(connection.AccepterVpcInfo!.VpcId!)) between.push({ requester: member, connection });
    }
  }

  const changes: MeshChange[] = [];
  const ids = new Set(between.map(({ connection }) => connection.VpcPeeringConnectionId!));
  for (const member of members) await deleteRoutesTo(run, member, ids, changes);

  for (const { requester, connection } of between) {
    const connectionId = connection.VpcPeeringConnectionId!;
    // A request AWS has not checked yet cannot be deleted: wait for the check (it may fail it for us).
    // One that has ended already ends the wait at once, and is left to AWS (spec §1.1).
    const checked = await waitFor(run, requester.client, connectionId, DELETABLE);
    if (checked.kind !== 'reached') continue;
    try {
      await withRetries(run, 'DeleteVpcPeeringConnection', () =>
        requester.client.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: connectionId })),
      );
      changes.push({ action: 'delete-connection', requester: requester.name, connectionId });
    } catch (error) {
      // Already on its way out since we looked (deleted by the peer, rejected, expired).
      if ((error as Error).name !== 'InvalidStateTransition') throw error;
    }
  }
  return changes;
}
