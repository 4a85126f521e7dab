// ensurePeering: make sure the requester VPC is peered with the accepter VPC, across accounts and
// Regions, with the DNS option as asked. Safe to run again: it reuses what is already there.
import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { accept, create, findUsable, setDns, statusOf } from './connection.js';
import { runOf, type EnsurePeeringRequest } from './settings.js';
import { waitForStatus } from './wait.js';

/** What ensurePeering did, in order. */
export type PeeringStep = 'reused' | 'created' | 'accepted' | 'set-requester-dns' | 'set-accepter-dns';

/** A connection that is active, with the DNS option as asked. */
export interface PeeringResult {
  readonly connectionId: string;
  readonly status: 'active';
  readonly steps: readonly PeeringStep[];
}

/** The states that follow AWS's check of a new request (which only the requester sees fail). */
const CHECKED = ['pending-acceptance', 'provisioning', 'active'];

const dnsOf = (side: VpcPeeringConnection['RequesterVpcInfo']) => side?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc;

/**
 * Finds or creates the connection, waits for AWS to check it, accepts it as the accepter's account,
 * waits for `active` and sets the DNS option on each side from that side's own client.
 *
 * A connection that ended before this call (failed, rejected, expired, deleted) is history: a new
 * one is requested. One that ends during the call throws {@link PeeringEndedError}; waits that run
 * out throw {@link PeeringTimeoutError}; calls throttled past the retry bound throw
 * {@link RetriesExhaustedError}. Other AWS errors are passed on unchanged.
 */
export async function ensurePeering(request: EnsurePeeringRequest): Promise<PeeringResult> {
  const run = runOf(request);
  const { requester, accepter, dns } = request;
  const found = await findUsable(run, request);
  const steps: PeeringStep[] = [found ? 'reused' : 'created'];
  const id = (found ?? (await create(run, request))).VpcPeeringConnectionId!;

  let status = statusOf(await waitForStatus(run, requester.client, id, CHECKED));
  // The accepter's account and Region may see the request later than the requester does.
  if (status === 'pending-acceptance') status = statusOf(await waitForStatus(run, accepter.client, id, CHECKED));
  if (status === 'pending-acceptance') {
    try {
      await accept(run, accepter, id);
      steps.push('accepted');
    } catch (error) {
      // It moved on since we looked (rejected, expired, accepted elsewhere): the wait below says how.
      if ((error as Error).name !== 'InvalidStateTransition') throw error;
    }
  }

  // Options can be changed only once the connection is active.
  const active = await waitForStatus(run, requester.client, id, ['active']);
  if (dns !== undefined && dnsOf(active.RequesterVpcInfo) !== dns) {
    await setDns(run, requester, 'Requester', id, dns);
    steps.push('set-requester-dns');
  }
  if (dns !== undefined && dnsOf(active.AccepterVpcInfo) !== dns) {
    await setDns(run, accepter, 'Accepter', id, dns);
    steps.push('set-accepter-dns');
  }
  return { connectionId: id, status: 'active', steps };
}
