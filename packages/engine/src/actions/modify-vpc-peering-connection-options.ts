// ModifyVpcPeeringConnectionOptions (spec §5): only active connections; each owner its own side,
// from its own Region; both sides at once in one account and Region; the DNS prerequisite.
import { carriesTraffic, type Party } from '@pcxsim/lifecycle';
import type { ModifyVpcPeeringConnectionOptionsCommand } from '../commands.js';
import {
  classicLinkCrossRegion,
  dnsHostnamesDisabled,
  missingParameter,
  notActive,
  otherSide,
  sideWrongRegion,
} from '../errors.js';
import { optionalBoolean, optionalObject } from '../input.js';
import { peeringId, visiblePeering } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { ModifyVpcPeeringConnectionOptionsOutput } from '../outputs.js';
import { updatePeering } from '../peering-state.js';
import { vpcById } from '../records.js';
import type { Tx } from '../tx.js';
import { optionsOutput } from '../views.js';
import { accountRoles, rolesIn } from '../visibility.js';
import type { PeeringOptionsRecord, PeeringRecord } from '../world.js';

type Request = { -readonly [K in keyof PeeringOptionsRecord]?: boolean };

const MEMBERS = [
  ['AllowDnsResolutionFromRemoteVpc', 'allowDnsResolutionFromRemoteVpc'],
  ['AllowEgressFromLocalClassicLinkToRemoteVpc', 'allowEgressFromLocalClassicLinkToRemoteVpc'],
  ['AllowEgressFromLocalVpcToRemoteClassicLink', 'allowEgressFromLocalVpcToRemoteClassicLink'],
] as const;

function readSide(raw: unknown, name: string): Outcome<Request | undefined> {
  const side = optionalObject(raw, name);
  if (!side.ok || side.value === undefined) return side as Outcome<undefined>;
  const request: Request = {};
  for (const [member, field] of MEMBERS) {
    const value = optionalBoolean(side.value[member], `${name}.${member}`);
    if (!value.ok) return value;
    if (value.value !== undefined) request[field] = value.value;
  }
  return done(request);
}

/** spec §5.2: may the caller change `side`? Its own side only, from that side's Region. */
function sideError(tx: Tx, record: PeeringRecord, side: Party) {
  if (rolesIn(record, tx.caller.accountId, tx.caller.region).includes(side)) return null;
  if (accountRoles(record, tx.caller.accountId).includes(side)) {
    // The caller owns that side, in another Region [?].
    return refuse(sideWrongRegion(side, record.id, side === 'requester' ? record.requesterRegion : record.accepterRegion));
  }
  return refuse(otherSide(tx.caller.accountId, side), true); // spec §5.2 [obs]
}

/** spec §5.2 [doc]: DNS resolution needs DNS hostnames and DNS support on both VPCs. */
function dnsReady(tx: Tx, record: PeeringRecord): boolean {
  return [record.requesterVpcId, record.accepterVpcId].every((id) => {
    const vpc = vpcById(tx.w, id);
    return vpc !== undefined && vpc.enableDnsHostnames && vpc.enableDnsSupport;
  });
}

/** ModifyVpcPeeringConnectionOptions. */
export function modifyVpcPeeringConnectionOptions(
  tx: Tx,
  command: ModifyVpcPeeringConnectionOptionsCommand,
): Outcome<ModifyVpcPeeringConnectionOptionsOutput> {
  const id = peeringId(command.VpcPeeringConnectionId);
  if (!id.ok) return id;
  const found = visiblePeering(tx.w, tx.caller, id.value);
  if (!found.ok) return found;
  const record = found.value;
  const accepter = readSide(command.AccepterPeeringConnectionOptions, 'AccepterPeeringConnectionOptions');
  if (!accepter.ok) return accepter;
  const requester = readSide(command.RequesterPeeringConnectionOptions, 'RequesterPeeringConnectionOptions');
  if (!requester.ok) return requester;
  // [?] neither side given.
  if (accepter.value === undefined && requester.value === undefined) return refuse(missingParameter('RequesterPeeringConnectionOptions'));
  // spec §5.2 [obs]: only active connections (whether provisioning counts is unknown: it does not [?]).
  if (!carriesTraffic(record.status)) return refuse(notActive(record.id));
  for (const [side, request] of [['requester', requester.value], ['accepter', accepter.value]] as const) {
    if (request === undefined) continue;
    const refused = sideError(tx, record, side);
    if (refused !== null) return refused;
  }
  const sides = [requester.value, accepter.value].filter((request) => request !== undefined);
  // spec §5.2 [obs]: no ClassicLink options on an inter-Region connection.
  const crossRegion = record.requesterRegion !== record.accepterRegion;
  const classicLink = (request: Request) =>
    request.allowEgressFromLocalClassicLinkToRemoteVpc !== undefined || request.allowEgressFromLocalVpcToRemoteClassicLink !== undefined;
  if (crossRegion && sides.some(classicLink)) return refuse(classicLinkCrossRegion());
  if (sides.some((request) => request.allowDnsResolutionFromRemoteVpc === true) && !dnsReady(tx, record)) {
    return refuse(dnsHostnamesDisabled());
  }

  const requesterOptions = Object.freeze({ ...record.requesterOptions, ...requester.value });
  const accepterOptions = Object.freeze({ ...record.accepterOptions, ...accepter.value });
  updatePeering(tx, record, { requesterOptions, accepterOptions });
  tx.events.push({ type: 'PeeringOptionsChanged', id: record.id, at: tx.w.clock });
  // spec §5.1 [doc]: the response carries the sides the request set, with their resulting values.
  const out: ModifyVpcPeeringConnectionOptionsOutput = {};
  if (accepter.value !== undefined) out.AccepterPeeringConnectionOptions = optionsOutput(accepterOptions);
  if (requester.value !== undefined) out.RequesterPeeringConnectionOptions = optionsOutput(requesterOptions);
  return done(out);
}
