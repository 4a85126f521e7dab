// Arbitraries of subnets, route tables and routes (issue 13), valid and invalid, as short symbolic
// sequences a test runs on any backend through a Bindings — the same planner as commandSequence's.
import fc from 'fast-check';
import type { SequenceStep } from './sequence-step.js';
import { settingsOf, plannerTracker, DEFAULT_ACCOUNTS, DEFAULT_REGIONS } from './command-sequences.js';
import { ROUTING_MISTAKES, type RoutingMistake } from './_internals/routing-mistakes.js';
import { subnetBlock, SUBNET_PREFIX } from './_internals/routing-steps.js';
import { numericPrefix } from './_internals/prefix-math.js';
import { createVpcStep } from './_internals/vpc-steps.js';

/** The kinds of routing mistake {@link invalidRoutingStep} makes, e.g. `route-exists`, `inside-local`. */
export const ROUTING_MISTAKE_KINDS: readonly string[] = Object.freeze(ROUTING_MISTAKES.map(({ kind }) => kind));

/**
 * IPv4 subnet blocks inside `vpcBlock` (canonical CIDR text): /16 to /28 (routes §1.1, issue 13),
 * never larger than the VPC's block. Shrinks towards the VPC's first, largest subnet.
 *
 * @example
 * subnetCidrBlock('10.0.0.0/16') // '10.0.0.0/16', '10.0.64.0/18', '10.0.3.16/28', …
 */
export function subnetCidrBlock(vpcBlock: string): fc.Arbitrary<string> {
  const outer = numericPrefix(vpcBlock, 'subnetCidrBlock(vpcBlock)');
  if (outer.family !== 4 || outer.length > SUBNET_PREFIX.max) throw new RangeError(`subnetCidrBlock(): ${vpcBlock} holds no /16–/28 IPv4 subnet`);
  const longest = SUBNET_PREFIX.max - Math.max(outer.length, SUBNET_PREFIX.min);
  const first = Math.max(0, SUBNET_PREFIX.min - outer.length);
  return fc
    .record({ bits: fc.integer({ min: first, max: first + longest }), index: fc.nat({ max: 2 ** 12 - 1 }) })
    .map(({ bits, index }) => subnetBlock(vpcBlock, bits, index));
}

/** A routing mistake and the steps that lead to it. */
export interface InvalidRoutingStep {
  /** The steps, symbolic as {@link commandSequence}'s; every one but the last is valid, the last is the mistake. */
  readonly steps: readonly SequenceStep[];
  /** Which mistake (one of {@link ROUTING_MISTAKE_KINDS}). */
  readonly kind: string;
  /** The EC2 error code pcxsim answers the last step with, exact casing. */
  readonly code: string;
  /** Where the rule comes from: `routes §N` of docs/reference/routing.md, or the rule. */
  readonly section: string;
}

/** Options of {@link invalidRoutingStep}. */
export interface InvalidRoutingStepOptions {
  /** Only these kinds (see {@link ROUTING_MISTAKE_KINDS}). @defaultValue every kind */
  readonly kinds?: readonly string[];
  /** The accounts that call. @defaultValue {@link DEFAULT_ACCOUNTS} */
  readonly accounts?: readonly string[];
  /** The Regions they call in. @defaultValue {@link DEFAULT_REGIONS} */
  readonly regions?: readonly string[];
}

/** The longest way to a mistake: VPCs, a connection, its acceptance, a table, a subnet, a route. */
const MAX_STEPS = 12;

/** Plans one mistake to its end against a fresh world; `undefined` if the way is longer than {@link MAX_STEPS}. */
function planMistake(mistake: RoutingMistake, n: number, options: InvalidRoutingStepOptions): InvalidRoutingStep | undefined {
  const settings = settingsOf({ routes: true, clockSteps: false, accounts: options.accounts ?? DEFAULT_ACCOUNTS, regions: options.regions ?? DEFAULT_REGIONS });
  const tracker = plannerTracker(settings);
  const steps: SequenceStep[] = [];
  for (let i = 0; i < MAX_STEPS; i++) {
    const { step, final } = mistake.plan(tracker, settings, n + i);
    steps.push(step);
    if (final) return { steps, kind: mistake.kind, code: mistake.code, section: mistake.section };
    tracker.run(step);
    tracker.settle();
  }
  return undefined;
}

/**
 * Routing steps pcxsim refuses, one for each refusal the routing rules have — a subnet outside its
 * VPC or too small or overlapping another, unknown and malformed IDs, a table still associated,
 * a subnet associated twice or with another VPC's table, a route with no or two destinations or
 * targets, to a connection that does not join the table's VPC, a duplicate, a destination equal to
 * or inside a `local` route or reserved, deleting or replacing a `local` route or a route that is
 * not there, a table of another account, a VPC that still has subnets — each after the valid
 * steps it needs, with the code and the section of the rule.
 *
 * Shrinks towards the first kinds and the simplest ways there.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(invalidRoutingStep(), ({ steps, code }) => {
 *   const answers = runOnMySystem(steps); // through a Bindings
 *   expect(answers.at(-1)).toMatchObject({ ok: false, code });
 * }));
 * ```
 */
export function invalidRoutingStep(options: InvalidRoutingStepOptions = {}): fc.Arbitrary<InvalidRoutingStep> {
  const chosen = options.kinds === undefined ? ROUTING_MISTAKES : ROUTING_MISTAKES.filter(({ kind }) => options.kinds!.includes(kind));
  if (chosen.length === 0) throw new RangeError('invalidRoutingStep(): no such kind of mistake');
  return fc
    .record({ mistake: fc.constantFrom(...chosen), n: fc.nat({ max: 63 }) })
    .map(({ mistake, n }) => planMistake(mistake, n, options))
    .filter((planned): planned is InvalidRoutingStep => planned !== undefined);
}

/** A route to a peering connection, and what it should show. */
export interface PeeredRoute {
  /**
   * The steps, symbolic: two VPCs, the connection, perhaps its Accept, a subnet, a table, the
   * association, the route; all valid. Without clock steps, like `commandSequence({ clockSteps:
   * false })`: each step expects the world settled (a clock step of 0 ms on pcxsim in between).
   */
  readonly steps: readonly SequenceStep[];
  /** The route's state once the steps ran: `active` if the connection was accepted, else `blackhole` (routes §2.3). */
  readonly routeState: 'active' | 'blackhole';
}

/** Disjoint blocks for the two VPCs of {@link peeredRoute}. */
const PEERED_BLOCKS: readonly (readonly [string, string])[] = [
  ['10.0.0.0/16', '10.1.0.0/16'],
  ['10.0.0.0/16', '172.31.0.0/16'],
  ['192.168.0.0/24', '10.2.0.0/16'],
  ['10.1.16.0/20', '10.0.128.0/17'],
];

/**
 * Valid routing over a peering connection: two VPCs with disjoint blocks (same account and Region,
 * or across accounts, or across Regions), a connection between them, accepted or not, a subnet in
 * the requester VPC, a new route table associated with it, and a route from that table to the peer
 * VPC's block (or a /24 of it) through the connection — and, sometimes, the way back from the
 * accepter's own table. Every step succeeds; the route is `active` once the connection is, and
 * `blackhole` while it is pending (routes §2.3).
 *
 * Shrinks towards the same account and Region, unaccepted, one way.
 */
export function peeredRoute(): fc.Arbitrary<PeeredRoute> {
  return fc
    .record({
      blocks: fc.constantFrom(...PEERED_BLOCKS),
      scope: fc.constantFrom('same', 'cross-account', 'cross-region'),
      accepted: fc.boolean(),
      narrow: fc.boolean(),
      back: fc.boolean(),
      subnetBits: fc.nat({ max: 4 }),
    })
    .map(({ blocks: [a, b], scope, accepted, narrow, back, subnetBits }) => {
      const alice = { accountId: DEFAULT_ACCOUNTS[0]!, region: DEFAULT_REGIONS[0]! };
      const bob = { accountId: scope === 'cross-account' ? DEFAULT_ACCOUNTS[1]! : alice.accountId, region: scope === 'cross-region' ? DEFAULT_REGIONS[1]! : alice.region };
      const destination = narrow && Number(b.split('/')[1]) < 24 ? subnetBlock(b, 24 - Number(b.split('/')[1]), 1) : b;
      const steps: SequenceStep[] = [
        createVpcStep(alice, a),
        createVpcStep(bob, b),
        {
          caller: alice,
          command: {
            type: 'CreateVpcPeeringConnection',
            VpcId: '$vpc0',
            PeerVpcId: '$vpc1',
            ...(bob.accountId === alice.accountId ? {} : { PeerOwnerId: bob.accountId }),
            ...(bob.region === alice.region ? {} : { PeerRegion: bob.region }),
          },
        },
        ...(accepted ? [{ caller: bob, command: { type: 'AcceptVpcPeeringConnection' as const, VpcPeeringConnectionId: '$pcx0' } }] : []),
        { caller: alice, command: { type: 'CreateSubnet', VpcId: '$vpc0', CidrBlock: subnetBlock(a, subnetBits, 0) } },
        { caller: alice, command: { type: 'CreateRouteTable', VpcId: '$vpc0' } },
        { caller: alice, command: { type: 'AssociateRouteTable', RouteTableId: '$rtb0', SubnetId: '$subnet0' } },
        { caller: alice, command: { type: 'CreateRoute', RouteTableId: '$rtb0', DestinationCidrBlock: destination, VpcPeeringConnectionId: '$pcx0' } },
        ...(back
          ? [
              { caller: bob, command: { type: 'CreateRouteTable' as const, VpcId: '$vpc1' } },
              { caller: bob, command: { type: 'CreateRoute' as const, RouteTableId: '$rtb1', DestinationCidrBlock: a, VpcPeeringConnectionId: '$pcx0' } },
            ]
          : []),
      ];
      return { steps, routeState: accepted ? ('active' as const) : ('blackhole' as const) };
    });
}
