// Model-based test: the engine against a deliberately naive reference model of the lifecycle, written
// straight from the spec tables (spec §1.1 states and windows, §1.2 transitions, §2.2 the check, §3 who
// may act, §4.5 who sees what), over the fixed world of scenario.ts.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { apply, type Caller, type Command, type World } from '../src/index.js';
import { ACCOUNTS, REGIONS, setup, TICKS, VIEWERS, VPCS } from './scenario.js';

type Status =
  | 'initiating-request'
  | 'pending-acceptance'
  | 'provisioning'
  | 'active'
  | 'deleting'
  | 'deleted'
  | 'rejected'
  | 'expired'
  | 'failed';

interface Conn {
  id: string;
  req: number;
  acc: number;
  accOwner: number;
  accRegion: number;
  passes: boolean;
  status: Status;
  since: number;
  createdAt: number;
  deletedBy: 'requester' | 'accepter' | null;
}

interface Model {
  clock: number;
  conns: Conn[];
}

interface Real {
  world: World;
  vpcIds: string[];
}

const H = 3_600_000;
const D = 24 * H;
const viewerOf = (v: number) => ({ account: ACCOUNTS.indexOf(VIEWERS[v]!.accountId as never), region: REGIONS.indexOf(VIEWERS[v]!.region as never) });
const isRequester = (c: Conn, v: number) => viewerOf(v).account === VPCS[c.req]!.owner && viewerOf(v).region === VPCS[c.req]!.region;
const isAccepter = (c: Conn, v: number) => viewerOf(v).account === c.accOwner && viewerOf(v).region === c.accRegion;

/** spec §1.1 / §4.5: who sees a connection, and for how long. */
function visible(c: Conn, v: number, clock: number): boolean {
  const req = isRequester(c, v);
  const acc = isAccepter(c, v);
  if (!req && !acc) return false;
  const age = clock - c.since;
  const same = req && acc;
  switch (c.status) {
    case 'initiating-request':
      return req;
    case 'pending-acceptance':
    case 'provisioning':
    case 'active':
    case 'deleting':
      return true;
    case 'deleted':
      return age < (same || (req ? 'requester' : 'accepter') === c.deletedBy ? 2 * H : 2 * D);
    case 'rejected':
      return age < (same || acc ? 2 * H : 2 * D);
    case 'expired':
      return age < 2 * D;
    case 'failed':
      return req && age < 2 * H;
  }
}

/** spec §1.2: the system's own moves, each at its due time (instant profile: transients at once). */
function advance(model: Model, to: number): void {
  for (;;) {
    let next: { c: Conn; due: number } | null = null;
    for (const c of model.conns) {
      const due =
        c.status === 'initiating-request' || c.status === 'provisioning' || c.status === 'deleting'
          ? c.since
          : c.status === 'pending-acceptance'
            ? c.createdAt + 7 * D
            : null;
      if (due !== null && due <= to && (next === null || due < next.due)) next = { c, due };
    }
    if (next === null) break;
    const { c, due } = next;
    c.since = due;
    c.status =
      c.status === 'initiating-request'
        ? c.passes
          ? 'pending-acceptance'
          : 'failed'
        : c.status === 'provisioning'
          ? 'active'
          : c.status === 'deleting'
            ? 'deleted'
            : 'expired';
  }
  model.clock = to;
}

function run<C extends Command>(real: Real, caller: Caller, command: C) {
  const step = apply(real.world, caller, command);
  real.world = step.world;
  return step;
}

/** After every command: every connection, from every viewer, reads as the model says. */
function agree(model: Model, real: Real): void {
  expect(real.world.clock).toBe(model.clock);
  for (const c of model.conns) {
    for (let v = 0; v < VIEWERS.length; v++) {
      const step = apply(real.world, VIEWERS[v]!, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [c.id] });
      const seen = step.result.ok ? step.result.value.VpcPeeringConnections[0]!.Status.Code : step.result.error.code;
      expect(seen, `${c.id} from viewer ${v}`).toBe(visible(c, v, model.clock) ? c.status : 'InvalidVpcPeeringConnectionID.NotFound');
    }
  }
}

const LIVE: Status[] = ['initiating-request', 'pending-acceptance', 'provisioning', 'active'];

class Create implements fc.Command<Model, Real> {
  constructor(
    readonly vpc: number,
    readonly peer: number,
    readonly rightOwner: boolean,
    readonly rightRegion: boolean,
  ) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const owner = VPCS[this.vpc]!.owner;
    const region = VPCS[this.vpc]!.region;
    const accOwner = this.rightOwner ? VPCS[this.peer]!.owner : (VPCS[this.peer]!.owner + 1) % 3;
    const accRegion = this.rightRegion ? VPCS[this.peer]!.region : 1 - VPCS[this.peer]!.region;
    const step = run(real, { accountId: ACCOUNTS[owner], region: REGIONS[region] }, {
      type: 'CreateVpcPeeringConnection',
      VpcId: real.vpcIds[this.vpc],
      PeerVpcId: real.vpcIds[this.peer],
      PeerOwnerId: ACCOUNTS[accOwner],
      PeerRegion: REGIONS[accRegion],
    });
    const checkedNow = accOwner === owner && accRegion === region;
    // spec §2.2: a peer that is not the caller's own, asked for in its own account and Region, is a synchronous NotFound.
    if (checkedNow && (VPCS[this.peer]!.owner !== owner || VPCS[this.peer]!.region !== region)) {
      expect(step.result.ok).toBe(false);
      return agree(model, real);
    }
    const existing = model.conns.find(
      (c) => c.req === this.vpc && c.acc === this.peer && c.accOwner === accOwner && c.accRegion === accRegion && LIVE.includes(c.status),
    );
    if (existing !== undefined) {
      expect(step.result.ok && step.result.value.VpcPeeringConnection.VpcPeeringConnectionId).toBe(existing.id);
      return agree(model, real);
    }
    const outstanding = model.conns.filter(
      (c) => VPCS[c.req]!.owner === owner && (c.status === 'initiating-request' || c.status === 'pending-acceptance'),
    ).length;
    if (outstanding >= 4) {
      expect(step.result.ok).toBe(false);
      return agree(model, real);
    }
    if (!step.result.ok) throw new Error(`create refused: ${step.result.error.message}`);
    // spec §2.2: the right owner and Region, two VPCs, no overlap (VPCs 0 and 4 overlap).
    const overlap = VPCS[this.vpc]!.cidr === VPCS[this.peer]!.cidr;
    const passes = accOwner === VPCS[this.peer]!.owner && accRegion === VPCS[this.peer]!.region && this.vpc !== this.peer && !overlap;
    model.conns.push({
      id: step.result.value.VpcPeeringConnection.VpcPeeringConnectionId,
      req: this.vpc,
      acc: this.peer,
      accOwner,
      accRegion,
      passes,
      status: checkedNow ? (passes ? 'pending-acceptance' : 'failed') : 'initiating-request',
      since: model.clock,
      createdAt: model.clock,
      deletedBy: null,
    });
    agree(model, real);
  }
  toString = () => `create[${this.vpc}→${this.peer}${this.rightOwner ? '' : ',wrongOwner'}${this.rightRegion ? '' : ',wrongRegion'}]`;
}

class Act implements fc.Command<Model, Real> {
  constructor(
    readonly action: 'accept' | 'reject' | 'delete',
    readonly conn: number,
    readonly who: 'requester' | 'accepter' | number,
  ) {}
  check = (model: Readonly<Model>) => model.conns.length > 0;
  viewer = 0;
  run(model: Model, real: Real): void {
    const c = model.conns[this.conn % model.conns.length]!;
    // Mostly one of the parties (so the interesting paths are reached), sometimes anyone at all.
    this.viewer =
      typeof this.who === 'number'
        ? this.who
        : VIEWERS.findIndex((_, v) => (this.who === 'requester' ? isRequester(c, v) : isAccepter(c, v)));
    const type = { accept: 'AcceptVpcPeeringConnection', reject: 'RejectVpcPeeringConnection', delete: 'DeleteVpcPeeringConnection' } as const;
    const step = run(real, VIEWERS[this.viewer]!, { type: type[this.action], VpcPeeringConnectionId: c.id });
    const seen = visible(c, this.viewer, model.clock);
    const req = isRequester(c, this.viewer);
    const acc = isAccepter(c, this.viewer);
    let expected: { status: Status; deletedBy?: 'requester' | 'accepter' } | null = null;
    if (seen && this.action === 'accept' && c.status === 'pending-acceptance' && acc) {
      // spec §2.2: one connection between two VPCs at a time.
      const samePair = (o: Conn) => (o.req === c.req && o.acc === c.acc) || (o.req === c.acc && o.acc === c.req);
      const taken = model.conns.some((o) => o !== c && (o.status === 'active' || o.status === 'provisioning') && samePair(o));
      if (!taken) expected = { status: 'provisioning' };
    }
    if (seen && this.action === 'reject' && c.status === 'pending-acceptance' && acc) expected = { status: 'rejected' };
    if (seen && this.action === 'delete' && ((c.status === 'pending-acceptance' && req) || ((c.status === 'active' || c.status === 'provisioning') && (req || acc)))) {
      expected = { status: 'deleting', deletedBy: req ? 'requester' : 'accepter' };
    }
    expect(step.result.ok, step.result.ok ? 'ok' : step.result.error.message).toBe(expected !== null);
    if (expected !== null) {
      c.status = expected.status;
      c.since = model.clock;
      if (expected.deletedBy !== undefined) c.deletedBy = expected.deletedBy;
    }
    agree(model, real);
  }
  toString = () => `${this.action}[conn ${this.conn}, ${this.who}]`;
}

class Tick implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  run(model: Model, real: Real): void {
    run(real, VIEWERS[0]!, { type: 'AdvanceClock', Milliseconds: this.ms });
    advance(model, model.clock + this.ms);
    agree(model, real);
  }
  toString = () => `tick[${this.ms}]`;
}

const index = (n: number) => fc.nat({ max: n - 1 });
const commandsArb = fc.commands(
  [
    fc.tuple(index(VPCS.length), index(VPCS.length), fc.constantFrom(true, true, false), fc.constantFrom(true, true, false)).map(
      ([a, b, o, r]) => new Create(a, b, o, r),
    ),
    fc.tuple(
      fc.constantFrom('accept' as const, 'reject' as const, 'delete' as const),
      fc.nat({ max: 15 }),
      fc.oneof(fc.constantFrom('requester' as const, 'accepter' as const), index(VIEWERS.length)),
    ).map(([action, conn, who]) => new Act(action, conn, who)),
    fc.constantFrom(...TICKS).map((ms) => new Tick(ms)),
  ],
  { maxCommands: 40, size: 'large' },
);

describe('model-based', () => {
  test.prop([commandsArb])('the engine agrees with a naive reference model of the lifecycle, from every viewer', (commands) => {
    const { world, vpcIds } = setup();
    fc.modelRun(() => ({ model: { clock: world.clock, conns: [] }, real: { world, vpcIds } }), commands);
  });
});

