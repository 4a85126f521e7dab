// The core contract (DESIGN): apply(world, caller, command) → { world, result, events }. Pure: the
// same world, caller and command always give the same step. A refused command — and every DryRun —
// returns the very same world object.
import { acceptVpcPeeringConnection } from './actions/accept-vpc-peering-connection.js';
import { advanceClock as advance } from './actions/advance-clock.js';
import { associateVpcCidrBlock } from './actions/associate-vpc-cidr-block.js';
import { createTags } from './actions/create-tags.js';
import { createVpc } from './actions/create-vpc.js';
import { createVpcPeeringConnection } from './actions/create-vpc-peering-connection.js';
import { deleteTags } from './actions/delete-tags.js';
import { deleteVpc } from './actions/delete-vpc.js';
import { deleteVpcPeeringConnection } from './actions/delete-vpc-peering-connection.js';
import { describeAccountAttributes } from './actions/describe-account-attributes.js';
import { describeNetworkAcls } from './actions/describe-network-acls.js';
import { describeRegions } from './actions/describe-regions.js';
import { describeSecurityGroups } from './actions/describe-security-groups.js';
import { describeTags } from './actions/describe-tags.js';
import { describeVpcAttribute } from './actions/describe-vpc-attribute.js';
import { describeVpcClassicLink, describeVpcClassicLinkDnsSupport } from './actions/describe-vpc-classic-link.js';
import { describeVpcPeeringConnections } from './actions/describe-vpc-peering-connections.js';
import { describeVpcs } from './actions/describe-vpcs.js';
import { disassociateVpcCidrBlock } from './actions/disassociate-vpc-cidr-block.js';
import { failPeeringChecks } from './actions/fail-peering-checks.js';
import { modifyVpcAttribute } from './actions/modify-vpc-attribute.js';
import { modifyVpcPeeringConnectionOptions } from './actions/modify-vpc-peering-connection-options.js';
import { rejectVpcPeeringConnection } from './actions/reject-vpc-peering-connection.js';
import { routingDispatch } from './routing/routing-dispatch.js';
import { routeStateEvents } from './routing/route-state.js';
import type { Command, CommandType } from './commands.js';
import { authFailure, dryRunOperation, invalidAction, unauthorized, type Ec2Error } from './errors.js';
import type { EngineEvent } from './events.js';
import { isAccountId } from './ids.js';
import { optionalBoolean } from './input.js';
import type { Outcome } from './outcome.js';
import type { OutputOf } from './outputs.js';
import { begin, commit, type Caller, type Tx } from './tx.js';
import { freezeWorld, type World } from './world.js';

/** A command that succeeded: its output. */
export interface Success<T> {
  /** Discriminant. */
  readonly ok: true;
  /** The output: SDK-shaped, fresh, mutable. */
  readonly value: T;
  /** Never present on success. */
  readonly error?: never;
}

/** A command that was refused: the EC2 error. */
export interface Failure {
  /** Discriminant. */
  readonly ok: false;
  /** The error a client would get. */
  readonly error: Ec2Error;
  /** Never present on failure. */
  readonly value?: never;
}

/** A command's result: its output, or the EC2 error. */
export type Result<T> = Success<T> | Failure;

/** What {@link apply} returns: the next world, the result, and what happened. */
export interface Step<T extends CommandType = CommandType> {
  /** The world after the command: the same object when it failed, was a DryRun, or changed nothing. */
  readonly world: World;
  /** The output (SDK-shaped, fresh, mutable) or the error. */
  readonly result: Result<OutputOf<T>>;
  /** What happened, in order; empty when the command failed. */
  readonly events: readonly EngineEvent[];
}

/** The handler of each command: a `switch` the compiler checks for exhaustiveness. */
function dispatch(tx: Tx, command: Command): Outcome<unknown> {
  switch (command.type) {
    case 'CreateVpc':
      return createVpc(tx, command);
    case 'DeleteVpc':
      return deleteVpc(tx, command);
    case 'AssociateVpcCidrBlock':
      return associateVpcCidrBlock(tx, command);
    case 'DisassociateVpcCidrBlock':
      return disassociateVpcCidrBlock(tx, command);
    case 'ModifyVpcAttribute':
      return modifyVpcAttribute(tx, command);
    case 'DescribeVpcs':
      return describeVpcs(tx, command);
    case 'CreateVpcPeeringConnection':
      return createVpcPeeringConnection(tx, command);
    case 'AcceptVpcPeeringConnection':
      return acceptVpcPeeringConnection(tx, command);
    case 'RejectVpcPeeringConnection':
      return rejectVpcPeeringConnection(tx, command);
    case 'DeleteVpcPeeringConnection':
      return deleteVpcPeeringConnection(tx, command);
    case 'DescribeVpcPeeringConnections':
      return describeVpcPeeringConnections(tx, command);
    case 'ModifyVpcPeeringConnectionOptions':
      return modifyVpcPeeringConnectionOptions(tx, command);
    case 'CreateTags':
      return createTags(tx, command);
    case 'DeleteTags':
      return deleteTags(tx, command);
    case 'DescribeTags':
      return describeTags(tx, command);
    case 'DescribeVpcAttribute':
      return describeVpcAttribute(tx, command);
    case 'DescribeVpcClassicLink':
      return describeVpcClassicLink(tx, command);
    case 'DescribeVpcClassicLinkDnsSupport':
      return describeVpcClassicLinkDnsSupport(tx, command);
    case 'DescribeNetworkAcls':
      return describeNetworkAcls(tx, command);
    case 'DescribeSecurityGroups':
      return describeSecurityGroups(tx, command);
    case 'DescribeRegions':
      return describeRegions(tx, command);
    case 'DescribeAccountAttributes':
      return describeAccountAttributes(tx, command);
    case 'AdvanceClock':
      return advance(tx, command);
    case 'FailPeeringChecks':
      return failPeeringChecks(tx, command);
    case 'CreateSubnet':
    case 'DeleteSubnet':
    case 'DescribeSubnets':
    case 'DescribeAvailabilityZones':
    case 'CreateRouteTable':
    case 'DeleteRouteTable':
    case 'DescribeRouteTables':
    case 'AssociateRouteTable':
    case 'DisassociateRouteTable':
    case 'ReplaceRouteTableAssociation':
    case 'CreateRoute':
    case 'ReplaceRoute':
    case 'DeleteRoute':
      return routingDispatch(tx, command);
    default: {
      const unknown: never = command;
      return { ok: false, error: invalidAction(String((unknown as { type?: unknown } | null)?.type)), unauthorized: false };
    }
  }
}

/** [?] spec §9.3: the caller must be a 12-digit account in a Region the world knows. */
function callerError(world: World, caller: Caller): Ec2Error | null {
  if (typeof caller !== 'object' || caller === null || typeof caller.accountId !== 'string' || !isAccountId(caller.accountId)) {
    return authFailure('AWS was not able to validate the provided access credentials');
  }
  if (typeof caller.region !== 'string' || !world.config.regions.includes(caller.region)) {
    return authFailure(`The region '${String(caller.region)}' is not enabled for this account`);
  }
  return null;
}

// Also by the number of keys: a command may add or remove an optional field (World.checkFaults).
// Counted with for-in rather than Object.keys: this runs after every command, and allocates nothing.
function unchanged(world: World, tx: Tx): boolean {
  let fields = 0;
  for (const key in world) {
    if (world[key as keyof World] !== tx.w[key as keyof World]) return false;
    fields++;
  }
  for (const _ in tx.w) fields--;
  return fields === 0;
}

function refused<T extends CommandType>(world: World, error: Ec2Error): Step<T> {
  return { world, result: { ok: false, error }, events: [] };
}

/**
 * Applies one command, as `caller`, to `world`. Never throws for any input: bad input is the EC2
 * error a client would get. A refused command returns the same world object (`===`).
 *
 * DryRun (spec §8.3): the command is checked in full and nothing is kept. It answers
 * `DryRunOperation` (412) when the command would have succeeded, `UnauthorizedOperation` (403) when
 * the caller may not do it (the wrong party), and otherwise the error the command would give:
 * parameter validation comes first, as one emulator does it [?].
 *
 * @example
 * const caller = { accountId: '111111111111', region: 'us-east-1' };
 * const step = apply(createWorld(), caller, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' });
 * if (step.result.ok) step.result.value.Vpc.VpcId; // 'vpc-0…'
 */
export function apply<C extends Command>(world: World, caller: Caller, command: C): Step<C['type']> {
  if (!Object.isFrozen(world)) freezeWorld(world); // a world restored from JSON: see freezeWorld
  if (typeof command !== 'object' || command === null) return refused(world, invalidAction(String(command)));
  if (command.type !== 'AdvanceClock') {
    const bad = callerError(world, caller);
    if (bad !== null) return refused(world, bad);
  }
  const dryRun = optionalBoolean((command as { DryRun?: unknown }).DryRun, 'DryRun');
  if (!dryRun.ok) return refused(world, dryRun.error);

  const tx = begin(world, caller);
  let outcome: Outcome<unknown>;
  try {
    outcome = dispatch(tx, command);
  } catch (thrown) {
    tx.edit.discard();
    throw thrown;
  }
  if (!outcome.ok) {
    tx.edit.discard();
    return refused(world, dryRun.value === true && outcome.unauthorized ? unauthorized() : outcome.error);
  }
  if (dryRun.value === true) {
    tx.edit.discard();
    return refused(world, dryRunOperation());
  }
  routeStateEvents(tx); // routes §2.3: the routes a connection's state change flipped
  const result = { ok: true as const, value: outcome.value as OutputOf<C['type']> };
  if (unchanged(world, tx)) {
    tx.edit.commit();
    return { world, result, events: Object.freeze(tx.events) };
  }
  return { world: commit(tx), result, events: Object.freeze(tx.events) };
}

/** Moves the clock of `world` forward by `ms` and runs every scheduled transition that falls due (DESIGN). */
export function advanceClock(world: World, ms: number): Step<'AdvanceClock'> {
  return apply(world, { accountId: '000000000000', region: world.config.regions[0] ?? '' }, { type: 'AdvanceClock', Milliseconds: ms });
}
