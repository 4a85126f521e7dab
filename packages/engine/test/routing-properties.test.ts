// The laws issue 13 lists, as fast-check properties: longest-prefix match against a brute-force
// model (IPv4 and IPv6), no transitive path ever, a route is active iff its connection is (and says
// so by an event when it changes), refusals leave the world ===, and no account sees or changes
// another's subnets, tables, routes or their tags.
import { fc, test } from '@fast-check/vitest';
import { parseAddress, parsePrefix, prefixContains, formatPrefix, type Address } from '@pcxsim/cidr';
import { describe, expect } from 'vitest';
import { apply, reachability, type Caller, type Command, type World } from '../src/index.js';
import { localRoutes } from '../src/routing/local-routes.js';
import { longestPrefixMatch } from '../src/routing/longest-prefix-match.js';
import { pget } from '../src/pmap.js';
import { peeringById } from '../src/records.js';
import { A, B, Sim } from './helpers.js';
import { mainTable } from './routing-helpers.js';

const LPM_LAW = 'the route chosen is the most specific that holds the address, as a brute-force scan finds it';

describe('longest-prefix match (routes §2.5)', () => {
  // Small address spaces: IPv4 192.168.0.0/24 and IPv6 2001:db8::/120, prefixes /24 (/120) and longer.
  const spaces = [
    { family: 4 as const, base: [0xc0a80000], bits: 8, top: 24, key: 'DestinationCidrBlock' as const },
    { family: 6 as const, base: [0x20010db8, 0, 0, 0], bits: 8, top: 120, key: 'DestinationIpv6CidrBlock' as const },
  ];
  for (const space of spaces) {
    const prefixArb = fc.record({ value: fc.integer({ min: 0, max: 255 }), extra: fc.integer({ min: 0, max: space.bits }) });
    test.prop([fc.array(prefixArb, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 20 })])(
      `${LPM_LAW} (IPv${space.family})`,
      (prefixes, addresses) => {
        const sim = new Sim({ quotas: { routesPerTable: 1000 } });
        const vpc = sim.vpc(A, '10.0.0.0/16', { AmazonProvidedIpv6CidrBlock: true });
        const peer = sim.vpc(A, '10.1.0.0/16', { AmazonProvidedIpv6CidrBlock: true });
        const pcx = sim.request(A, vpc, peer);
        const table = mainTable(sim, A, vpc);
        const text = (value: number, length: number): string => {
          const words = [...space.base];
          words[words.length - 1] = (words[words.length - 1]! | value) >>> 0;
          const parsed = parsePrefix(`${space.family === 4 ? ipv4(words[0]!) : ipv6(words)}/${length}`, { hostBits: 'clear' });
          return parsed.ok ? formatPrefix(parsed.value) : '';
        };
        const stored = new Set<string>();
        for (const { value, extra } of prefixes) {
          const destination = text(value, space.top + extra);
          if (stored.has(destination)) continue;
          stored.add(destination);
          sim.ok(A, { type: 'CreateRoute', RouteTableId: table, [space.key]: destination, VpcPeeringConnectionId: pcx });
        }
        const record = pget(sim.world.routing.tables, table)!;
        const locals = localRoutes(sim.world.vpcs.size > 0 ? pget(sim.world.vpcs, vpc)! : (undefined as never));
        for (const low of addresses) {
          const words = [...space.base];
          words[words.length - 1] = (words[words.length - 1]! | low) >>> 0;
          const address: Address = { family: space.family, words };
          let best: string | null = null;
          let bestLength = -1;
          for (const destination of stored) {
            const prefix = parsePrefix(destination);
            if (prefix.ok && prefixContains(prefix.value, address) && prefix.value.length > bestLength) {
              best = destination;
              bestLength = prefix.value.length;
            }
          }
          const match = longestPrefixMatch(record, locals, address);
          expect(match === null ? null : match.route.destination).toBe(best);
        }
      },
    );
  }
});

const ipv4 = (word: number): string => [24, 16, 8, 0].map((shift) => (word >>> shift) & 255).join('.');
const ipv6 = (words: readonly number[]): string => words.flatMap((w) => [(w >>> 16).toString(16), (w & 0xffff).toString(16)]).join(':');

// ---- random worlds of VPCs, peerings and routes ----

const CALLERS: readonly Caller[] = [A, B];
const BLOCKS = ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16'];

/** A step of a random routing world, by indexes into what exists so far. */
type RawStep =
  | { kind: 'peer'; from: number; to: number }
  | { kind: 'link'; from: number; to: number; back: boolean }
  | { kind: 'answer'; pcx: number; how: 'AcceptVpcPeeringConnection' | 'RejectVpcPeeringConnection' | 'DeleteVpcPeeringConnection' }
  | { kind: 'route'; vpc: number; pcx: number; block: number; length: number }
  | { kind: 'unroute'; vpc: number; block: number; length: number }
  | { kind: 'table'; vpc: number }
  | { kind: 'tick'; ms: number }
  | { kind: 'foreign'; caller: number; target: number; action: number };

const stepArb: fc.Arbitrary<RawStep> = fc.oneof(
  fc.record({ kind: fc.constant('peer' as const), from: fc.nat(3), to: fc.nat(3) }),
  // Peer, accept and route (both ways, or one): what it takes for a path, so that paths do occur.
  fc.record({ kind: fc.constant('link' as const), from: fc.nat(3), to: fc.nat(3), back: fc.boolean() }),
  fc.record({ kind: fc.constant('answer' as const), pcx: fc.nat(9), how: fc.constantFrom('AcceptVpcPeeringConnection' as const, 'RejectVpcPeeringConnection' as const, 'DeleteVpcPeeringConnection' as const) }),
  fc.record({ kind: fc.constant('route' as const), vpc: fc.nat(3), pcx: fc.nat(9), block: fc.nat(4), length: fc.constantFrom(8, 16, 24) }),
  fc.record({ kind: fc.constant('unroute' as const), vpc: fc.nat(3), block: fc.nat(4), length: fc.constantFrom(8, 16, 24) }),
  fc.record({ kind: fc.constant('table' as const), vpc: fc.nat(3) }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.constantFrom(0, 1000, 7_200_000) }),
  fc.record({ kind: fc.constant('foreign' as const), caller: fc.nat(1), target: fc.nat(9), action: fc.nat(6) }),
);

interface Built {
  world: World;
  vpcs: { id: string; owner: Caller; table: string }[];
  pcxs: string[];
  tables: { id: string; owner: Caller }[];
  steps: { before: World; after: World; caller: Caller; command: Command; ok: boolean; events: readonly { type: string }[] }[];
}

/** Four VPCs — two of A's, two of B's, all in us-east-1 — and the random steps. */
function build(raw: readonly RawStep[]): Built {
  const sim = new Sim({ timing: 'instant' });
  const vpcs = BLOCKS.map((block, i) => {
    const owner = i % 2 === 0 ? A : B;
    const id = sim.vpc(owner, block);
    return { id, owner, table: mainTable(sim, owner, id) };
  });
  const built: Built = { world: sim.world, vpcs, pcxs: [], tables: vpcs.map((v) => ({ id: v.table, owner: v.owner })), steps: [] };
  const run = (caller: Caller, command: Command) => {
    const before = built.world;
    const step = apply(before, caller, command);
    built.world = step.world;
    built.steps.push({ before, after: step.world, caller, command, ok: step.result.ok, events: step.events });
    return step;
  };
  for (const step of raw) {
    switch (step.kind) {
      case 'peer': {
        const from = vpcs[step.from]!;
        const to = vpcs[step.to]!;
        const made = run(from.owner, { type: 'CreateVpcPeeringConnection', VpcId: from.id, PeerVpcId: to.id, PeerOwnerId: to.owner.accountId });
        if (made.result.ok) built.pcxs.push((made.result.value as { VpcPeeringConnection: { VpcPeeringConnectionId: string } }).VpcPeeringConnection.VpcPeeringConnectionId);
        break;
      }
      case 'link': {
        const from = vpcs[step.from]!;
        const to = vpcs[step.to]!;
        const made = run(from.owner, { type: 'CreateVpcPeeringConnection', VpcId: from.id, PeerVpcId: to.id, PeerOwnerId: to.owner.accountId });
        if (!made.result.ok) break;
        const pcx = (made.result.value as { VpcPeeringConnection: { VpcPeeringConnectionId: string } }).VpcPeeringConnection.VpcPeeringConnectionId;
        built.pcxs.push(pcx);
        run(A, { type: 'AdvanceClock', Milliseconds: 0 });
        run(to.owner, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx });
        run(A, { type: 'AdvanceClock', Milliseconds: 0 });
        run(from.owner, { type: 'CreateRoute', RouteTableId: from.table, DestinationCidrBlock: BLOCKS[step.to]!, VpcPeeringConnectionId: pcx });
        if (step.back) run(to.owner, { type: 'CreateRoute', RouteTableId: to.table, DestinationCidrBlock: BLOCKS[step.from]!, VpcPeeringConnectionId: pcx });
        break;
      }
      case 'answer': {
        const pcx = built.pcxs[step.pcx % Math.max(1, built.pcxs.length)];
        if (pcx === undefined) break;
        const record = peeringById(built.world, pcx);
        const caller = step.how === 'AcceptVpcPeeringConnection' || step.how === 'RejectVpcPeeringConnection' ? (record?.accepterOwnerId === A.accountId ? A : B) : A;
        run(caller, { type: step.how, VpcPeeringConnectionId: pcx });
        break;
      }
      case 'route':
      case 'unroute': {
        const vpc = vpcs[step.vpc]!;
        const octet = step.block === 4 ? 20 : step.block;
        const destination = step.length === 8 ? '10.0.0.0/8' : step.length === 16 ? `10.${octet}.0.0/16` : `10.${octet}.1.0/24`;
        const table = built.tables.filter((t) => t.owner === vpc.owner && pget(built.world.routing.tables, t.id)?.vpcId === vpc.id)[step.block % 2]?.id ?? vpc.table;
        if (step.kind === 'unroute') {
          run(vpc.owner, { type: 'DeleteRoute', RouteTableId: table, DestinationCidrBlock: destination });
          break;
        }
        const pcx = built.pcxs[step.pcx % Math.max(1, built.pcxs.length)];
        if (pcx !== undefined) run(vpc.owner, { type: 'CreateRoute', RouteTableId: table, DestinationCidrBlock: destination, VpcPeeringConnectionId: pcx });
        break;
      }
      case 'table': {
        const vpc = vpcs[step.vpc]!;
        const made = run(vpc.owner, { type: 'CreateRouteTable', VpcId: vpc.id });
        if (made.result.ok) built.tables.push({ id: (made.result.value as { RouteTable: { RouteTableId: string } }).RouteTable.RouteTableId, owner: vpc.owner });
        break;
      }
      case 'tick':
        run(A, { type: 'AdvanceClock', Milliseconds: step.ms });
        break;
      case 'foreign': {
        // Someone acts on a table: its owner's own, or another account's.
        const caller = CALLERS[step.caller]!;
        const table = built.tables[step.target % built.tables.length]!;
        const commands: Command[] = [
          { type: 'DeleteRouteTable', RouteTableId: table.id },
          { type: 'CreateRoute', RouteTableId: table.id, DestinationCidrBlock: '192.168.0.0/16', VpcPeeringConnectionId: built.pcxs[0] ?? 'pcx-0123456789abcdef0' },
          { type: 'DeleteRoute', RouteTableId: table.id, DestinationCidrBlock: '10.0.0.0/8' },
          { type: 'DescribeRouteTables', RouteTableIds: [table.id] },
          { type: 'CreateTags', Resources: [table.id], Tags: [{ Key: 'Name', Value: 'mine' }] },
          { type: 'DeleteTags', Resources: [table.id] },
          { type: 'DescribeTags', Filters: [{ Name: 'resource-id', Values: [table.id] }] },
        ];
        run(caller, commands[step.action]!);
        break;
      }
    }
  }
  return built;
}

const stepsArb = fc.array(stepArb, { maxLength: 30 });

/** Every route of every table, with its state as DescribeRouteTables shows it to its owner. */
function routeStates(world: World, built: Built): Map<string, string> {
  const out = new Map<string, string>();
  for (const caller of CALLERS) {
    const step = apply(world, caller, { type: 'DescribeRouteTables' });
    if (!step.result.ok) throw new Error(step.result.error.message);
    for (const table of step.result.value.RouteTables) {
      for (const route of table.Routes) if (route.VpcPeeringConnectionId !== undefined) out.set(`${table.RouteTableId} ${route.DestinationCidrBlock}`, `${route.VpcPeeringConnectionId} ${route.State}`);
    }
  }
  void built;
  return out;
}

// How many runs found a path between two VPCs: the law above must be exercised, not vacuous.
let foundAcross = 0;

describe('routing laws over random worlds (issue 13)', () => {
  test.prop([stepsArb, fc.nat(3), fc.nat(3)])('no transitive path ever: a path found is within one VPC or over one active connection routed both ways', (raw, from, to) => {
    const built = build(raw);
    const source = built.vpcs[from]!;
    const target = built.vpcs[to]!;
    const destinationIp = BLOCKS[to]!.replace('.0.0/16', '.1.10');
    const answer = reachability(built.world, source.owner, { source: source.id, destinationIp });
    expect(answer.ok).toBe(true);
    if (answer.ok && answer.value.NetworkPathFound && from !== to) foundAcross++;
    if (!answer.ok || !answer.value.NetworkPathFound) return;
    if (from === to) return;
    const hops = answer.value.ForwardPathComponents.map((c) => c.Component.Id);
    const pcx = hops.find((id) => id.startsWith('pcx-'));
    expect(pcx).toBeDefined();
    const record = peeringById(built.world, pcx!)!;
    expect(record.status).toBe('active');
    expect([record.requesterVpcId, record.accepterVpcId].sort()).toEqual([source.id, target.id].sort());
    // Routed both ways: the return path crosses the same connection.
    expect(answer.value.ReturnPathComponents.map((c) => c.Component.Id)).toContain(pcx);
  });

  test('the random worlds do contain paths between two VPCs (so the law above is exercised)', () => {
    expect(foundAcross).toBeGreaterThan(0);
  });

  test.prop([stepsArb])("a route's state is active iff its connection is active, and every change of it comes with a RouteStateChanged event", (raw) => {
    const built = build(raw);
    let previous = routeStates(built.steps[0]?.before ?? built.world, built);
    for (const step of built.steps) {
      const now = routeStates(step.after, built);
      for (const [key, value] of now) {
        const [pcx, state] = value.split(' ');
        const seen = apply(step.after, A, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'vpc-peering-connection-id', Values: [pcx!] }] });
        const seenB = apply(step.after, B, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'vpc-peering-connection-id', Values: [pcx!] }] });
        const codes = [seen, seenB].flatMap((s) => (s.result.ok ? s.result.value.VpcPeeringConnections.map((c) => c.Status.Code) : []));
        expect(state).toBe(codes.includes('active') ? 'active' : 'blackhole');
        const before = previous.get(key);
        if (before !== undefined && before !== value) {
          const [table, destination] = key.split(' ');
          expect(step.events).toContainEqual(expect.objectContaining({ type: 'RouteStateChanged', routeTableId: table, destination, to: state }));
        }
      }
      previous = now;
    }
  });

  test.prop([stepsArb])('every refused command leaves the world ===; no account sees or changes another account’s tables', (raw) => {
    const built = build(raw);
    for (const step of built.steps) {
      if (!step.ok) {
        expect(step.after).toBe(step.before);
        expect(step.events).toEqual([]);
      }
      const command = step.command as { RouteTableId?: string; Resources?: readonly string[]; Filters?: readonly { Values: readonly string[] }[] };
      const named = command.RouteTableId ?? command.Resources?.[0];
      const table = named === undefined ? undefined : built.tables.find((t) => t.id === named);
      if (table !== undefined && table.owner !== step.caller) {
        expect(step.ok).toBe(false);
        expect(step.after).toBe(step.before);
      }
      // Tags too (routes §1.1): another account's DescribeTags of a table finds nothing.
      if (step.command.type === 'DescribeTags' && step.ok) {
        const asked = built.tables.find((t) => t.id === command.Filters?.[0]?.Values[0]);
        const found = apply(step.after, step.caller, step.command);
        if (asked !== undefined && asked.owner !== step.caller && found.result.ok) expect((found.result.value as { Tags: unknown[] }).Tags).toEqual([]);
      }
    }
    for (const caller of CALLERS) {
      const listed = apply(built.world, caller, { type: 'DescribeRouteTables' });
      const ids = listed.result.ok ? listed.result.value.RouteTables.map((t) => t.RouteTableId) : [];
      for (const id of ids) expect(built.tables.find((t) => t.id === id)?.owner).toBe(caller);
    }
  });
});

void parseAddress;
