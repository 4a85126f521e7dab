// Bringing one pair of members to an active connection: adopt the one that exists (either
// direction), or ask for one; wait for AWS's check; accept as the accepter; wait for active.
import { AcceptVpcPeeringConnectionCommand, CreateVpcPeeringConnectionCommand, type VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { statusOf, USABLE } from './observe.js';
import type { MeshChange, PairOutcome } from './report.js';
import { withRetries } from './retry.js';
import type { MeshMember, Run } from './settings.js';
import { waitFor, type WaitResult } from './wait.js';

/** Two members; `a` comes first in the mesh, so `a` is the one that asks. */
export interface Pair {
  readonly a: MeshMember;
  readonly b: MeshMember;
}

/** Every pair of members once, in mesh order: (0,1), (0,2) … (1,2) … */
export function pairsOf(members: readonly MeshMember[]): Pair[] {
  return members.flatMap((a, i) => members.slice(i + 1).map((b) => ({ a, b })));
}

/**
 * What the first waits look for: AWS has checked the request (which only the requester sees fail,
 * spec §1.1) and it waits for acceptance, or it is active already. An accepted one still
 * `provisioning` is waited out here as it would be below.
 */
const CHECKED = ['pending-acceptance', 'active'];

/** A connection and who plays which part in it. */
interface Roles {
  readonly requester: MeshMember;
  readonly accepter: MeshMember;
  readonly connectionId: string;
}

/**
 * A usable connection between the pair, in either direction: a mesh has no direction, and AWS allows
 * one connection between two VPCs at a time (spec §2.2). `requested` holds what each member asked for.
 */
export function existingBetween(pair: Pair, requested: ReadonlyMap<string, readonly VpcPeeringConnection[]>): Roles | undefined {
  for (const [requester, accepter] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
    const found = requested
      .get(requester.name)!
      .find((connection) => connection.AccepterVpcInfo?.VpcId === accepter.vpcId && USABLE.has(statusOf(connection)));
    if (found !== undefined) return { requester, accepter, connectionId: found.VpcPeeringConnectionId! };
  }
  return undefined;
}

/**
 * Asks for the connection as `a`. `PeerOwnerId` and `PeerRegion` default to the caller's own account
 * and Region (spec §2.1), so naming them is harmless there and required across.
 */
async function requestPeering(run: Run, pair: Pair): Promise<string> {
  const out = await withRetries(run, 'CreateVpcPeeringConnection', () =>
    pair.a.client.send(
      new CreateVpcPeeringConnectionCommand({ VpcId: pair.a.vpcId, PeerVpcId: pair.b.vpcId, PeerOwnerId: pair.b.accountId, PeerRegion: pair.b.region }),
    ),
  );
  return out.VpcPeeringConnection!.VpcPeeringConnectionId!;
}

/** The outcome of a pair whose wait did not reach the wanted state. */
function stopped(pair: Pair, connectionId: string, result: Exclude<WaitResult, { kind: 'reached' }>): PairOutcome {
  const names = { a: pair.a.name, b: pair.b.name, connectionId };
  return result.kind === 'ended' ? { kind: 'ended', ...names, status: result.status, message: result.message } : { kind: 'timed-out', ...names, lastSeen: result.lastSeen };
}

/** Makes the pair's connection active, recording each write in `changes`. */
export async function connectPair(run: Run, pair: Pair, existing: Roles | undefined, changes: MeshChange[]): Promise<PairOutcome> {
  let roles = existing;
  if (roles === undefined) {
    roles = { requester: pair.a, accepter: pair.b, connectionId: await requestPeering(run, pair) };
    changes.push({ action: 'create-connection', requester: pair.a.name, accepter: pair.b.name, connectionId: roles.connectionId });
  }
  const { requester, accepter, connectionId } = roles;

  let seen = await waitFor(run, requester.client, connectionId, CHECKED);
  // The accepter's account and Region may see the request later than the requester does (spec §4.5).
  if (seen.kind === 'reached' && statusOf(seen.connection) === 'pending-acceptance') seen = await waitFor(run, accepter.client, connectionId, CHECKED);
  if (seen.kind !== 'reached') return stopped(pair, connectionId, seen);
  if (statusOf(seen.connection) === 'pending-acceptance') {
    try {
      // Only the accepter's owner may accept, and only in the accepter VPC's Region (spec §3.1).
      await withRetries(run, 'AcceptVpcPeeringConnection', () =>
        accepter.client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: connectionId })),
      );
      changes.push({ action: 'accept-connection', accepter: accepter.name, connectionId });
    } catch (error) {
      // It moved on since we looked (accepted by someone else, rejected, expired): the wait below says how.
      if ((error as Error).name !== 'InvalidStateTransition') throw error;
    }
  }
  const active = await waitFor(run, requester.client, connectionId, ['active']);
  if (active.kind !== 'reached') return stopped(pair, connectionId, active);
  return { kind: 'peered', a: pair.a.name, b: pair.b.name, connectionId };
}
