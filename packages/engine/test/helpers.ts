// Shared fixtures: callers, and a tiny driver that threads the world through commands.
import { expect } from 'vitest';
import {
  apply,
  createWorld,
  type Caller,
  type Command,
  type Ec2Error,
  type OutputOf,
  type Step,
  type World,
  type WorldOptions,
} from '../src/index.js';

export const A: Caller = { accountId: '111111111111', region: 'us-east-1' };
export const A_WEST: Caller = { accountId: '111111111111', region: 'us-west-2' };
export const B: Caller = { accountId: '222222222222', region: 'us-east-1' };
export const B_WEST: Caller = { accountId: '222222222222', region: 'us-west-2' };
export const STRANGER: Caller = { accountId: '333333333333', region: 'us-east-1' };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Drives a world through commands, keeping the latest one. */
export class Sim {
  world: World;
  last: Step | undefined;

  constructor(options: WorldOptions = {}) {
    this.world = createWorld(options);
  }

  /** Runs a command; returns the step and keeps its world. */
  step<C extends Command>(caller: Caller, command: C): Step<C['type']> {
    const step = apply(this.world, caller, command);
    this.last = step;
    this.world = step.world;
    return step;
  }

  /** Runs a command that must succeed; returns its output. */
  ok<C extends Command>(caller: Caller, command: C): OutputOf<C['type']> {
    const step = this.step(caller, command);
    if (!step.result.ok) throw new Error(`${command.type} failed: ${step.result.error.code}: ${step.result.error.message}`);
    return step.result.value;
  }

  /** Runs a command that must fail; checks the world is untouched; returns the error. */
  fail<C extends Command>(caller: Caller, command: C): Ec2Error {
    const before = this.world;
    const step = this.step(caller, command);
    if (step.result.ok) throw new Error(`${command.type} succeeded unexpectedly`);
    expect(step.world).toBe(before);
    return step.result.error;
  }

  /** Creates a VPC and returns its ID. */
  vpc(caller: Caller, cidr: string, extra: Partial<Omit<Extract<Command, { type: 'CreateVpc' }>, 'type'>> = {}): string {
    return this.ok(caller, { type: 'CreateVpc', CidrBlock: cidr, ...extra }).Vpc.VpcId;
  }

  /** Moves the clock. */
  tick(ms = 0): OutputOf<'AdvanceClock'> {
    return this.ok(A, { type: 'AdvanceClock', Milliseconds: ms });
  }

  /** Creates a peering request and returns its ID. */
  request(caller: Caller, vpcId: string, peerVpcId: string, peer: { owner?: string; region?: string } = {}): string {
    const out = this.ok(caller, {
      type: 'CreateVpcPeeringConnection',
      VpcId: vpcId,
      PeerVpcId: peerVpcId,
      PeerOwnerId: peer.owner,
      PeerRegion: peer.region,
    });
    return out.VpcPeeringConnection.VpcPeeringConnectionId;
  }

  /** The connection as `caller` sees it, or the error. */
  describe(caller: Caller, id: string) {
    const step = apply(this.world, caller, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [id] });
    return step.result.ok ? step.result.value.VpcPeeringConnections[0]! : step.result.error;
  }

  /** The status code `caller` sees, or the error code. */
  status(caller: Caller, id: string): string {
    const seen = this.describe(caller, id);
    return 'code' in seen ? seen.code : seen.Status.Code;
  }
}

/** A pending cross-account request from A to B, both in us-east-1, checked already. */
export function pending(options: WorldOptions = {}) {
  const sim = new Sim(options);
  const a = sim.vpc(A, '10.0.0.0/16');
  const b = sim.vpc(B, '10.1.0.0/16');
  const id = sim.request(A, a, b, { owner: B.accountId });
  sim.tick(0);
  return { sim, id, a, b };
}

/** Accept, Reject or Delete of one connection. */
export const act = <T extends 'AcceptVpcPeeringConnection' | 'RejectVpcPeeringConnection' | 'DeleteVpcPeeringConnection'>(type: T, id: string) =>
  ({ type, VpcPeeringConnectionId: id }) as { type: T; VpcPeeringConnectionId: string };
