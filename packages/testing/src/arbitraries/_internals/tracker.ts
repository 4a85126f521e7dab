// What a planner knows while it turns templates into steps: the engine's world after the steps so
// far, the symbols bound in it, and, per symbol, who owns the resource and what blocks it has — so
// the next step can name a resource that exists, as the party that may act on it.
import { parsePrefixSet, overlapsSet } from '@pcxsim/cidr';
import { apply, type Caller, type Step, type World } from '@pcxsim/engine';
import type { PeeringState } from '@pcxsim/lifecycle';
import { Bindings, symbolFor } from '../bindings.js';
import type { SequenceStep } from '../sequence-step.js';

/** A VPC a step created. */
export interface VpcEntry {
  readonly symbol: string;
  readonly owner: Caller;
  /** Its IPv4 blocks now, primary first. */
  cidrs: string[];
  deleted: boolean;
  /** Its `enableDnsHostnames` (off for a new VPC); DNS support is assumed on, its default. */
  dnsHostnames: boolean;
}

/** A peering connection a step created. */
export interface PcxEntry {
  readonly symbol: string;
  /** The requester: the caller of Create. */
  readonly requester: Caller;
  /** The accepter as the request named it (PeerOwnerId, PeerRegion). */
  readonly accepter: Caller;
  readonly requesterVpc: string;
  readonly accepterVpc: string;
}

/** A CIDR block association a step created. */
export interface AssocEntry {
  readonly symbol: string;
  /** The VPC's symbol. */
  readonly vpc: string;
  /** The IPv4 block, or `null` for an IPv6 one. */
  readonly cidr: string | null;
  gone: boolean;
}

/** A subnet a step created. */
export interface SubnetEntry {
  readonly symbol: string;
  /** Its VPC's symbol. */
  readonly vpc: string;
  readonly owner: Caller;
  readonly cidr: string;
  deleted: boolean;
}

/** A route table a step created, and the pcx routes steps put in it (destination → `$pcxN`). */
export interface RtbEntry {
  readonly symbol: string;
  /** Its VPC's symbol. */
  readonly vpc: string;
  readonly owner: Caller;
  readonly routes: Map<string, string>;
  deleted: boolean;
}

/** A route table association a step made (of a subnet: the main association has no symbol). */
export interface RtbAssocEntry {
  readonly symbol: string;
  /** The table's symbol. */
  readonly rtb: string;
  /** The subnet's symbol. */
  readonly subnet: string;
  gone: boolean;
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Whether two lists of IPv4 blocks share an address. */
export function blocksOverlap(a: readonly string[], b: readonly string[]): boolean {
  const x = parsePrefixSet(a);
  const y = parsePrefixSet(b);
  return x.ok && y.ok && overlapsSet(x.value, y.value);
}

export class Tracker {
  world: World;
  readonly ids = new Bindings();
  readonly vpcs: VpcEntry[] = [];
  readonly pcxs: PcxEntry[] = [];
  readonly assocs: AssocEntry[] = [];
  readonly subnets: SubnetEntry[] = [];
  readonly rtbs: RtbEntry[] = [];
  readonly rtbassocs: RtbAssocEntry[] = [];

  constructor(world: World) {
    this.world = world;
  }

  /** Runs a symbolic step on the engine, binds what it created and notes what changed. */
  run(step: SequenceStep): Step {
    const resolved = this.ids.resolve(step);
    const result = apply(this.world, resolved.caller, resolved.command);
    this.world = result.world;
    if (result.result.ok) this.observe(step, result.result.value);
    return result;
  }

  /** Lets the world settle: what is due now happens (the transient states of the instant timing). */
  settle(): void {
    this.world = apply(this.world, { accountId: '000000000000', region: this.world.config.regions[0] ?? '' }, { type: 'AdvanceClock', Milliseconds: 0 }).world;
  }

  /** Notes a successful step's effect on the entries (after binding what it created). */
  private observe(step: SequenceStep, output: unknown): void {
    const before = {
      vpc: this.ids.count('vpc'),
      pcx: this.ids.count('pcx'),
      assoc: this.ids.count('assoc'),
      subnet: this.ids.count('subnet'),
      rtb: this.ids.count('rtb'),
      rtbassoc: this.ids.count('rtbassoc'),
    };
    this.ids.record(step, output);
    const { command, caller } = step;
    switch (command.type) {
      case 'CreateVpc':
        if (this.ids.count('vpc') > before.vpc) {
          const cidr = text(field(field(output, 'Vpc'), 'CidrBlock'));
          this.vpcs.push({ symbol: symbolFor('vpc', before.vpc), owner: caller, cidrs: cidr === undefined ? [] : [cidr], deleted: false, dnsHostnames: false });
        }
        break;
      case 'DeleteVpc': {
        const vpc = this.vpc(command.VpcId);
        if (vpc !== undefined) vpc.deleted = true;
        break;
      }
      case 'ModifyVpcAttribute': {
        const vpc = this.vpc(command.VpcId);
        const value = command.EnableDnsHostnames?.Value;
        if (vpc !== undefined && typeof value === 'boolean') vpc.dnsHostnames = value;
        break;
      }
      case 'AssociateVpcCidrBlock':
        if (this.ids.count('assoc') > before.assoc && command.VpcId !== undefined) {
          const cidr = text(field(field(output, 'CidrBlockAssociation'), 'CidrBlock')) ?? null;
          this.assocs.push({ symbol: symbolFor('assoc', before.assoc), vpc: command.VpcId, cidr, gone: false });
          if (cidr !== null) this.vpc(command.VpcId)?.cidrs.push(cidr);
        }
        break;
      case 'DisassociateVpcCidrBlock': {
        const assoc = this.assocs.find((entry) => entry.symbol === command.AssociationId);
        if (assoc === undefined) break;
        assoc.gone = true;
        const vpc = this.vpc(assoc.vpc);
        if (vpc !== undefined && assoc.cidr !== null) vpc.cidrs = vpc.cidrs.filter((cidr) => cidr !== assoc.cidr);
        break;
      }
      case 'CreateVpcPeeringConnection':
        if (this.ids.count('pcx') > before.pcx) {
          const info = field(field(output, 'VpcPeeringConnection'), 'AccepterVpcInfo');
          this.pcxs.push({
            symbol: symbolFor('pcx', before.pcx),
            requester: caller,
            accepter: { accountId: text(field(info, 'OwnerId')) ?? caller.accountId, region: text(field(info, 'Region')) ?? caller.region },
            requesterVpc: command.VpcId ?? '',
            accepterVpc: command.PeerVpcId ?? '',
          });
        }
        break;
      default:
        this.observeRouting(step, before);
        break;
    }
  }

  /** Notes a successful routing step's effect on the entries. */
  private observeRouting(step: SequenceStep, before: Readonly<Record<'subnet' | 'rtb' | 'rtbassoc', number>>): void {
    const { command, caller } = step;
    switch (command.type) {
      case 'CreateSubnet':
        if (this.ids.count('subnet') > before.subnet) {
          this.subnets.push({ symbol: symbolFor('subnet', before.subnet), vpc: command.VpcId ?? '', owner: caller, cidr: command.CidrBlock ?? '', deleted: false });
        }
        break;
      case 'DeleteSubnet': {
        const subnet = this.subnets.find((entry) => entry.symbol === command.SubnetId);
        if (subnet === undefined) break;
        subnet.deleted = true;
        // routes §1.5: a subnet's association goes with it.
        for (const assoc of this.rtbassocs) if (assoc.subnet === subnet.symbol) assoc.gone = true;
        break;
      }
      case 'CreateRouteTable':
        if (this.ids.count('rtb') > before.rtb) {
          this.rtbs.push({ symbol: symbolFor('rtb', before.rtb), vpc: command.VpcId ?? '', owner: caller, routes: new Map(), deleted: false });
        }
        break;
      case 'DeleteRouteTable': {
        const rtb = this.rtb(command.RouteTableId);
        if (rtb !== undefined) rtb.deleted = true;
        break;
      }
      case 'AssociateRouteTable':
        if (this.ids.count('rtbassoc') > before.rtbassoc) {
          this.rtbassocs.push({ symbol: symbolFor('rtbassoc', before.rtbassoc), rtb: command.RouteTableId ?? '', subnet: command.SubnetId ?? '', gone: false });
        }
        break;
      case 'DisassociateRouteTable': {
        const assoc = this.rtbassocs.find((entry) => entry.symbol === command.AssociationId);
        if (assoc !== undefined) assoc.gone = true;
        break;
      }
      case 'ReplaceRouteTableAssociation': {
        const assoc = this.rtbassocs.find((entry) => entry.symbol === command.AssociationId);
        if (assoc !== undefined) assoc.gone = true;
        if (this.ids.count('rtbassoc') > before.rtbassoc && assoc !== undefined) {
          this.rtbassocs.push({ symbol: symbolFor('rtbassoc', before.rtbassoc), rtb: command.RouteTableId ?? '', subnet: assoc.subnet, gone: false });
        }
        break;
      }
      case 'CreateRoute':
      case 'ReplaceRoute': {
        const rtb = this.rtb(command.RouteTableId);
        const destination = command.DestinationCidrBlock ?? command.DestinationIpv6CidrBlock;
        if (rtb === undefined || destination === undefined) break;
        if (command.VpcPeeringConnectionId !== undefined) rtb.routes.set(destination, command.VpcPeeringConnectionId);
        else rtb.routes.delete(destination);
        break;
      }
      case 'DeleteRoute': {
        const destination = command.DestinationCidrBlock ?? command.DestinationIpv6CidrBlock;
        if (destination !== undefined) this.rtb(command.RouteTableId)?.routes.delete(destination);
        break;
      }
      default:
        break;
    }
  }

  /** The entry of a route table symbol. */
  rtb(symbol: string | undefined): RtbEntry | undefined {
    return this.rtbs.find((entry) => entry.symbol === symbol);
  }

  /** The subnets not deleted. */
  liveSubnets(): SubnetEntry[] {
    return this.subnets.filter((entry) => !entry.deleted);
  }

  /** The route tables not deleted. */
  liveRtbs(): RtbEntry[] {
    return this.rtbs.filter((entry) => !entry.deleted);
  }

  /** The route table associations still in place. */
  liveRtbAssocs(): RtbAssocEntry[] {
    return this.rtbassocs.filter((entry) => !entry.gone);
  }

  /** The entry of a VPC symbol. */
  vpc(symbol: string | undefined): VpcEntry | undefined {
    return this.vpcs.find((entry) => entry.symbol === symbol);
  }

  /** The VPCs not deleted. */
  liveVpcs(): VpcEntry[] {
    return this.vpcs.filter((entry) => !entry.deleted);
  }

  /** The associations still in place. */
  liveAssocs(): AssocEntry[] {
    return this.assocs.filter((entry) => !entry.gone);
  }

  /** The state of a connection as its requester (or else its accepter) sees it; `undefined` once neither does. */
  statusOf(pcx: PcxEntry): PeeringState | undefined {
    return this.statusSeenBy(pcx, pcx.requester) ?? this.statusSeenBy(pcx, pcx.accepter);
  }

  /** The state of a connection as `viewer` sees it; `undefined` when it does not (or it was never created). */
  statusSeenBy(pcx: PcxEntry, viewer: Caller): PeeringState | undefined {
    const id = this.ids.idOf(pcx.symbol);
    if (id === undefined) return undefined;
    const seen = apply(this.world, viewer, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [id] });
    return seen.result.ok ? seen.result.value.VpcPeeringConnections[0]?.Status.Code : undefined;
  }
}
