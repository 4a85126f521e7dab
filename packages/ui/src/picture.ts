// What the page draws for one caller: the world as that (account, Region) would see it through the
// EC2 API. Every list comes from the engine's own Describe actions run as the caller, so the page
// shows exactly what `aws ec2 describe-…` would — the engine's visibility rules (spec §5: who sees a
// connection, and for how long after it ended) are reused, never re-derived here.
import { apply, type Caller, type World } from '@pcxsim/engine';
import type { PeeringState } from '@pcxsim/lifecycle';

/** A VPC as the caller sees it (DescribeVpcs). */
export interface PictureVpc {
  /** `vpc-…`. */
  readonly id: string;
  /** The owner account. */
  readonly ownerId: string;
  /** The Region it is in: the caller's own. */
  readonly region: string;
  /** Its IPv4 blocks with their association state (`associated`, `associating` …). */
  readonly blocks: readonly PictureBlock[];
  /** True when the caller does not own it and sees it only as a connection's far end. */
  readonly remote: boolean;
}

/** A VPC's IPv4 block. */
export interface PictureBlock {
  /** The block. */
  readonly cidr: string;
  /** Its association state (`associated`, `associating` …). */
  readonly state: string;
}

/** An EC2 error, as the page shows it. */
export interface PictureError {
  /** The EC2 error code. */
  readonly code: string;
  /** Its message. */
  readonly message: string;
}

/** One end of a connection (the `RequesterVpcInfo` / `AccepterVpcInfo` of DescribeVpcPeeringConnections). */
export interface PictureEnd {
  /** `vpc-…`. */
  readonly vpcId: string;
  /** The owner account. */
  readonly ownerId: string;
  /** The VPC's Region. */
  readonly region: string;
  /** The blocks Describe shows for this end (none before acceptance for the accepter, spec §5). */
  readonly cidrs: readonly string[];
}

/** A peering connection as the caller sees it. */
export interface PictureConnection {
  /** `pcx-…`. */
  readonly id: string;
  /** `Status.Code`. */
  readonly state: PeeringState;
  /** `Status.Message`. */
  readonly message: string;
  /** `ExpirationTime`, epoch ms, while the request can still expire. */
  readonly expiresAt?: number;
  /** The requester end. */
  readonly requester: PictureEnd;
  /** The accepter end. */
  readonly accepter: PictureEnd;
}

/** A route as DescribeRouteTables shows it. */
export interface PictureRoute {
  /** The destination block. */
  readonly destination: string;
  /** `local`, or the connection's ID. */
  readonly target: string;
  /** `active` or `blackhole` (routes §2.3). */
  readonly state: 'active' | 'blackhole';
}

/** A route table with its routes and the subnets associated with it. */
export interface PictureRouteTable {
  /** `rtb-…`. */
  readonly id: string;
  /** Its VPC. */
  readonly vpcId: string;
  /** Whether it is its VPC's main table. */
  readonly main: boolean;
  /** The subnets explicitly associated. */
  readonly subnetIds: readonly string[];
  /** Its routes, local first. */
  readonly routes: readonly PictureRoute[];
}

/** A subnet. */
export interface PictureSubnet {
  /** `subnet-…`. */
  readonly id: string;
  /** Its VPC. */
  readonly vpcId: string;
  /** Its block. */
  readonly cidr: string;
  /** Its zone. */
  readonly zone: string;
}

/** Everything the page draws for one caller at one moment. */
export interface Picture {
  /** Who looks. */
  readonly caller: Caller;
  /** The simulated clock, epoch ms. */
  readonly clock: number;
  /** The caller's VPCs, then the far ends of its connections that it does not own. */
  readonly vpcs: readonly PictureVpc[];
  /** The connections the caller sees. */
  readonly connections: readonly PictureConnection[];
  /** The caller's route tables. */
  readonly routeTables: readonly PictureRouteTable[];
  /** The caller's subnets. */
  readonly subnets: readonly PictureSubnet[];
  /** The Regions this world knows (for the caller picker). */
  readonly regions: readonly string[];
  /** Set when the caller itself is refused (an account that is not 12 digits): the EC2 error code and message. */
  readonly error?: PictureError;
}

// Every Describe is run as the caller, then only read: nothing here changes the world.
function describe<T>(world: World, caller: Caller, command: Parameters<typeof apply>[2]): T | { error: { code: string; message: string } } {
  const step = apply(world, caller, command);
  return step.result.ok ? (step.result.value as T) : { error: { code: step.result.error.code, message: step.result.error.message } };
}

const cidrsOf = (info: { CidrBlockSet?: { CidrBlock?: string }[]; CidrBlock?: string } | undefined): string[] => {
  const set = (info?.CidrBlockSet ?? []).map((b) => b.CidrBlock ?? '').filter((c) => c !== '');
  return set.length > 0 ? set : info?.CidrBlock === undefined ? [] : [info.CidrBlock];
};

interface VpcInfoShape {
  VpcId?: string;
  OwnerId?: string;
  Region?: string;
  CidrBlock?: string;
  CidrBlockSet?: { CidrBlock?: string }[];
}

const endOf = (info: VpcInfoShape | undefined): PictureEnd => ({
  vpcId: info?.VpcId ?? '',
  ownerId: info?.OwnerId ?? '',
  region: info?.Region ?? '',
  cidrs: cidrsOf(info),
});

/**
 * The world as `caller` sees it: its VPCs, the connections it can describe (with their far ends),
 * its route tables and subnets, and the clock. Pure: the same world and caller give the same picture.
 *
 * @example
 * const p = picture(world, { accountId: '111111111111', region: 'us-east-1' });
 * p.connections[0]?.state; // 'pending-acceptance'
 */
export function picture(world: World, caller: Caller): Picture {
  const base = { caller, clock: world.clock, regions: world.config.regions };
  const vpcs = describe<{ Vpcs: { VpcId: string; OwnerId: string; CidrBlockAssociationSet?: { CidrBlock: string; CidrBlockState?: { State?: string } }[] }[] }>(
    world,
    caller,
    { type: 'DescribeVpcs' },
  );
  if ('error' in vpcs) return { ...base, vpcs: [], connections: [], routeTables: [], subnets: [], error: vpcs.error };
  const pcxs = describe<{
    VpcPeeringConnections: {
      VpcPeeringConnectionId: string;
      Status?: { Code?: string; Message?: string };
      ExpirationTime?: Date;
      RequesterVpcInfo?: VpcInfoShape;
      AccepterVpcInfo?: VpcInfoShape;
    }[];
  }>(world, caller, { type: 'DescribeVpcPeeringConnections' });
  const tables = describe<{
    RouteTables: {
      RouteTableId: string;
      VpcId: string;
      Routes: { DestinationCidrBlock?: string; DestinationIpv6CidrBlock?: string; GatewayId?: string; VpcPeeringConnectionId?: string; State: 'active' | 'blackhole' }[];
      Associations: { Main: boolean; SubnetId?: string }[];
    }[];
  }>(world, caller, { type: 'DescribeRouteTables' });
  const subnets = describe<{ Subnets: { SubnetId: string; VpcId: string; CidrBlock: string; AvailabilityZone: string }[] }>(world, caller, {
    type: 'DescribeSubnets',
  });

  const own: PictureVpc[] = vpcs.Vpcs.map((vpc) => ({
    id: vpc.VpcId,
    ownerId: vpc.OwnerId,
    region: caller.region,
    blocks: (vpc.CidrBlockAssociationSet ?? []).map((b) => ({ cidr: b.CidrBlock, state: b.CidrBlockState?.State ?? 'associated' })),
    remote: false,
  }));
  const connections: PictureConnection[] = ('error' in pcxs ? [] : pcxs.VpcPeeringConnections).map((c) => ({
    id: c.VpcPeeringConnectionId,
    state: (c.Status?.Code ?? 'failed') as PeeringState,
    message: c.Status?.Message ?? '',
    ...(c.ExpirationTime === undefined ? {} : { expiresAt: new Date(c.ExpirationTime).getTime() }),
    requester: endOf(c.RequesterVpcInfo),
    accepter: endOf(c.AccepterVpcInfo),
  }));
  // The far ends the caller does not own (another account's, or in another Region) are drawn too,
  // from what Describe tells of them.
  const known = new Set(own.map((v) => v.id));
  const remote: PictureVpc[] = [];
  for (const c of connections) {
    for (const end of [c.requester, c.accepter]) {
      if (end.vpcId === '' || known.has(end.vpcId)) continue;
      known.add(end.vpcId);
      remote.push({ id: end.vpcId, ownerId: end.ownerId, region: end.region, blocks: end.cidrs.map((cidr) => ({ cidr, state: 'associated' })), remote: true });
    }
  }
  return {
    ...base,
    vpcs: [...own, ...remote],
    connections,
    routeTables: ('error' in tables ? [] : tables.RouteTables).map((t) => ({
      id: t.RouteTableId,
      vpcId: t.VpcId,
      main: t.Associations.some((a) => a.Main),
      subnetIds: t.Associations.flatMap((a) => (a.SubnetId === undefined ? [] : [a.SubnetId])),
      routes: t.Routes.map((r) => ({
        destination: r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? '',
        target: r.VpcPeeringConnectionId ?? r.GatewayId ?? '',
        state: r.State,
      })),
    })),
    subnets: ('error' in subnets ? [] : subnets.Subnets).map((s) => ({ id: s.SubnetId, vpcId: s.VpcId, cidr: s.CidrBlock, zone: s.AvailabilityZone })),
  };
}
