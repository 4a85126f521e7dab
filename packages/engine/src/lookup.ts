// Finding the resource a request names, as the caller may see it: a malformed ID is a Malformed
// error, an ID the caller cannot see is NotFound, exactly as if it did not exist (spec §4.5, §8.1).
import { isPcxId, isVpcId } from './ids.js';
import { peeringMalformed, peeringNotFound, vpcMalformed, vpcNotFound } from './errors.js';
import { requiredString } from './input.js';
import { done, refuse, type Outcome } from './outcome.js';
import { shownMoment, shownPeering } from './eventual-consistency.js';
import { peeringById, vpcById } from './records.js';
import type { Caller } from './tx.js';
import { rolesIn, seenBy } from './visibility.js';
import { shownVpc } from './vpc-versions.js';
import type { PeeringRecord, VpcRecord, World } from './world.js';

/** A VPC the caller owns, in the caller's Region. */
export function ownVpc(world: World, caller: Caller, raw: unknown, parameter: string): Outcome<VpcRecord> {
  const id = requiredString(raw, parameter);
  if (!id.ok) return id;
  return ownVpcById(world, caller, id.value);
}

/** {@link ownVpc} for an ID already read. */
export function ownVpcById(world: World, caller: Caller, id: string): Outcome<VpcRecord> {
  if (!isVpcId(id)) return refuse(vpcMalformed(id)); // spec §8.1 [obs]
  const vpc = vpcById(world, id);
  // spec §2.2: another account's VPC, or one in another Region, "does not exist" for the caller.
  if (vpc === undefined || vpc.ownerId !== caller.accountId || vpc.region !== caller.region) return refuse(vpcNotFound(id));
  return done(vpc);
}

/**
 * {@link ownVpcById} as DescribeVpcs sees it (spec §10.4): a VPC of the caller's in the version
 * Describe shows now — a new one is NotFound for the delay, a deleted one still found.
 */
export function shownOwnVpcById(world: World, caller: Caller, id: string): Outcome<VpcRecord> {
  if (!isVpcId(id)) return refuse(vpcMalformed(id)); // spec §8.1 [obs]
  const vpc = shownVpc(world, id);
  if (vpc === undefined || vpc.ownerId !== caller.accountId || vpc.region !== caller.region) return refuse(vpcNotFound(id));
  return done(vpc);
}

/**
 * The version of a connection that Describe shows the caller now, or `undefined` (spec §4.5, §10.4):
 * the version made by the last change at least `describeDelayMs` ago, seen if the caller's window was
 * open at that moment.
 */
export function shownTo(world: World, caller: Caller, id: string): PeeringRecord | undefined {
  const version = shownPeering(world, id);
  if (version === undefined) return undefined;
  return seenBy(world.config, version, rolesIn(version, caller.accountId, caller.region), shownMoment(world)) ? version : undefined;
}

/** Whether the caller's view sees the connection now. */
export const visibleTo = (world: World, record: PeeringRecord, caller: Caller): boolean =>
  seenBy(world.config, record, rolesIn(record, caller.accountId, caller.region), world.clock);

/** The ID of a connection as a request gives it: required and well formed. */
export function peeringId(raw: unknown, parameter = 'VpcPeeringConnectionId'): Outcome<string> {
  const id = requiredString(raw, parameter);
  if (!id.ok) return id;
  return isPcxId(id.value) ? id : refuse(peeringMalformed(id.value)); // spec §4.5 [doc]
}

/** A connection the caller's view sees now (spec §4.5: otherwise NotFound). */
export function visiblePeering(world: World, caller: Caller, id: string): Outcome<PeeringRecord> {
  const record = peeringById(world, id);
  return record !== undefined && visibleTo(world, record, caller) ? done(record) : refuse(peeringNotFound(id));
}
