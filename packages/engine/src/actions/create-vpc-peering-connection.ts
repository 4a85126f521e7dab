// CreateVpcPeeringConnection (spec §2): the synchronous checks, the duplicate rule, the quota, and a
// new connection that the asynchronous check then moves on.
import { SYSTEM_ROLES, decide, isCheckedWithinCreate, isLive, type Party } from '@pcxsim/lifecycle';
import { tagsFromSpecifications } from '@pcxsim/tags';
import type { CreateVpcPeeringConnectionCommand } from '../commands.js';
import { fromTags, invalidValue, pendingLimit, vpcMalformed } from '../errors.js';
import { isAccountId, isVpcId, nextId } from '../ids.js';
import { count, outstandingOf, viewKey } from '../indexes.js';
import { optionalString, requiredString } from '../input.js';
import { ownVpcById } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { PeeringConnectionOutput } from '../outputs.js';
import { markIfArmed, runCheck } from '../peering-check.js';
import { createPeering } from '../peering-state.js';
import { lifecycleRefusal } from '../lifecycle-decisions.js';
import { peeringById } from '../records.js';
import type { Tx } from '../tx.js';
import { peeringView } from '../views.js';
import { pairMembers } from '../vpc-links.js';
import { DEFAULT_OPTIONS, type PeeringRecord } from '../world.js';

/** The roles of Create's caller. */
const REQUESTER_ONLY: readonly Party[] = Object.freeze(['requester']);

/**
 * spec §2.2 [obs]: the same VpcId/PeerVpcId again, while the first is pending or active, returns the
 * existing connection instead of an error. Same direction only: the reverse pair is a new connection.
 * The existing one must name the same peer owner and Region [?].
 */
function existingRequest(tx: Tx, vpcId: string, peerVpcId: string, owner: string, region: string): PeeringRecord | undefined {
  for (const id of pairMembers(tx.w.links, vpcId, peerVpcId)) {
    const record = peeringById(tx.w, id)!;
    if (
      isLive(record.status) && // spec §2.2: "pending or active"
      record.requesterVpcId === vpcId &&
      record.accepterVpcId === peerVpcId &&
      record.accepterOwnerId === owner &&
      record.accepterRegion === region
    ) {
      return record;
    }
  }
  return undefined;
}

/** CreateVpcPeeringConnection. */
export function createVpcPeeringConnection(tx: Tx, command: CreateVpcPeeringConnectionCommand): Outcome<PeeringConnectionOutput> {
  const { caller } = tx;
  const vpcId = requiredString(command.VpcId, 'VpcId'); // spec §2.1 [doc]
  if (!vpcId.ok) return vpcId;
  const peerVpcId = requiredString(command.PeerVpcId, 'PeerVpcId'); // spec §2.1: "You must specify this parameter"
  if (!peerVpcId.ok) return peerVpcId;
  if (!isVpcId(peerVpcId.value)) return refuse(vpcMalformed(peerVpcId.value));
  const peerOwner = optionalString(command.PeerOwnerId, 'PeerOwnerId');
  if (!peerOwner.ok) return peerOwner;
  // [?] a PeerOwnerId that is no 12-digit account ID at all is refused at once.
  if (peerOwner.value !== undefined && peerOwner.value !== '' && !isAccountId(peerOwner.value)) {
    return refuse(invalidValue(peerOwner.value, 'PeerOwnerId', 'It must be a 12-digit account ID.'));
  }
  const peerRegion = optionalString(command.PeerRegion, 'PeerRegion');
  if (!peerRegion.ok) return peerRegion;
  const tags = tagsFromSpecifications('CreateVpcPeeringConnection', command.TagSpecifications); // spec §2.2, §7.3
  if (!tags.ok) return refuse(fromTags(tags.error));

  // spec §2.2: the requester VPC must be the caller's, in the caller's Region.
  const requester = ownVpcById(tx.w, caller, vpcId.value);
  if (!requester.ok) return requester;
  const accepterOwnerId = peerOwner.value || caller.accountId; // spec §2.1: default the caller's account
  const accepterRegion = peerRegion.value || caller.region; // spec §2.1: default the request's Region
  const scope = { sameAccount: accepterOwnerId === caller.accountId, sameRegion: accepterRegion === caller.region };
  // spec §2.2 [obs]: an unknown peer in the caller's own account and Region is a synchronous NotFound.
  if (scope.sameAccount && scope.sameRegion) {
    const peer = ownVpcById(tx.w, caller, peerVpcId.value);
    if (!peer.ok) return peer;
  }
  const view = viewKey(caller.accountId, caller.region);
  const existing = existingRequest(tx, vpcId.value, peerVpcId.value, accepterOwnerId, accepterRegion);
  if (existing !== undefined) return done({ VpcPeeringConnection: peeringView(tx.w, existing, view) });

  // spec §2.3 [obs]: outstanding requests per account.
  if (count(tx.w.counts, outstandingOf(caller.accountId)) >= tx.w.config.quotas.outstandingRequestsPerAccount) {
    return refuse(pendingLimit());
  }

  const [id, ids] = nextId(tx.w.ids, 'pcx-');
  const context = { id, accepterAccountId: accepterOwnerId, accepterRegion };
  const created = decide(null, 'create', REQUESTER_ONLY, caller.region, accepterRegion);
  if (!created.ok) return lifecycleRefusal(created, context, null, 'create', REQUESTER_ONLY, caller);
  tx.w.ids = ids;
  markIfArmed(tx, id); // the simulation's FailPeeringChecks fault
  const record = {
    id,
    requesterVpcId: vpcId.value,
    requesterOwnerId: caller.accountId,
    requesterRegion: caller.region,
    accepterVpcId: peerVpcId.value,
    accepterOwnerId,
    accepterRegion,
    status: created.to,
    statusSince: tx.w.clock,
    createdAt: tx.w.clock,
    expiresAt: tx.w.clock + tx.w.config.expiryMs, // spec §1.2: creation + 7 days
    accepted: false,
    deletedBy: null,
    expiryEntry: null,
    requesterOptions: DEFAULT_OPTIONS,
    accepterOptions: DEFAULT_OPTIONS,
    // spec §7.4 [doc]: TagSpecifications tag the requester's view only.
    tags: Object.freeze(tags.value.length > 0 ? { [view]: tags.value } : {}),
    deletedVpcs: null,
    // The check below reads a whole record; createPeering sets these two itself.
    previous: null,
    visibleFrom: tx.w.clock,
  };
  // spec §2.4: a same-account, same-Region request is checked within Create; its response already
  // shows the result. The lifecycle table still decides where the check leads.
  if (isCheckedWithinCreate(scope)) {
    const trigger = runCheck(tx, record) === null ? 'request-checked' : 'request-check-failed';
    const checked = decide(created.to, trigger, SYSTEM_ROLES, null, accepterRegion);
    if (checked.ok) record.status = checked.to;
  }
  const stored = createPeering(tx, record, created.to);
  return done({ VpcPeeringConnection: peeringView(tx.w, stored, view) });
}

