// The answer of the reachability query, in Reachability Analyzer's shape (routes §5.1, §5.2):
// `NetworkInsightsAnalysis`'s `NetworkPathFound`, `ForwardPathComponents`, `ReturnPathComponents`
// and `Explanations`, each member named as botocore names it. One member is ours: `Sentence`, a line
// of plain English per explanation (issue 13); the SDK's types ignore it.
import type { PeeringState } from '@pcxsim/lifecycle';

/** A component: `{ Id, Arn }` (botocore `AnalysisComponent`). */
export interface AnalysisComponentOutput {
  /** The resource ID. */
  Id: string;
  /** Its ARN. */
  Arn: string;
}

/** A route as the analysis names it (botocore `AnalysisRouteTableRoute`). */
export interface AnalysisRouteOutput {
  /** The destination, IPv4 or IPv6. */
  DestinationCidr: string;
  /** `local` for a local route. */
  GatewayId?: string;
  /** The connection, for a route to one. */
  VpcPeeringConnectionId?: string;
  /** `CreateRouteTable` or `CreateRoute`. */
  Origin: 'CreateRouteTable' | 'CreateRoute';
  /** `active` or `blackhole`. */
  State: 'active' | 'blackhole';
}

/** One hop of a path (botocore `PathComponent`). */
export interface PathComponentOutput {
  /** 1, 2, … in path order. */
  SequenceNumber: number;
  /** The subnet, VPC, route table or connection. */
  Component: AnalysisComponentOutput;
  /** The VPC the hop is in. */
  Vpc?: AnalysisComponentOutput;
  /** For a route table hop: the route the lookup chose. */
  RouteTableRoute?: AnalysisRouteOutput;
  /** For a connection hop: the VPC the packet leaves. */
  SourceVpc?: AnalysisComponentOutput;
  /** For a connection hop: the VPC the packet enters. */
  DestinationVpc?: AnalysisComponentOutput;
}

/** The Reachability Analyzer codes this model answers (routes §5.3). */
export type ExplanationCode =
  | 'NO_ROUTE_TO_DESTINATION'
  | 'MORE_SPECIFIC_ROUTE'
  | 'BAD_STATE_ROUTE'
  | 'BAD_STATE'
  | 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR'
  | 'DISCONNECTED_VPCS';

/** Why a path is not there (botocore `Explanation`, plus our `Sentence`). */
export interface ExplanationOutput {
  /** The code (routes §5.3). */
  ExplanationCode: ExplanationCode;
  /** `egress` on the forward path, `ingress` on the return path [?]. */
  Direction: 'egress' | 'ingress';
  /** The table the lookup ran in. */
  RouteTable?: AnalysisComponentOutput;
  /** The route it concerns. */
  RouteTableRoute?: AnalysisRouteOutput;
  /** The VPC the lookup ran in. */
  Vpc?: AnalysisComponentOutput;
  /** The connection it concerns. */
  VpcPeeringConnection?: AnalysisComponentOutput;
  /** What the packet was meant to reach (routes §5.4 [obs]: the connection, for a missing route to one). */
  Destination?: AnalysisComponentOutput;
  /** For BAD_STATE: the component; for the others, what the code names. */
  Component?: AnalysisComponentOutput;
  /** For BAD_STATE: the connection's state. */
  State?: PeeringState;
  /** The CIDRs a packet had to be in (PCX_REQUIRES_ADDRESS_IN_VPC_CIDR). */
  Cidrs?: string[];
  /** For DISCONNECTED_VPCS: the two VPCs. */
  SourceVpc?: AnalysisComponentOutput;
  /** For DISCONNECTED_VPCS: the two VPCs. */
  DestinationVpc?: AnalysisComponentOutput;
  /** The address the lookup was for. */
  Address?: string;
  /** One line of plain English: what is wrong, in AWS's vocabulary. */
  Sentence: string;
}

/** The query's answer. */
export interface ReachabilityAnalysis {
  /** Whether a packet gets there and a reply gets back. */
  NetworkPathFound: boolean;
  /** The hops from the source on, as far as the packet gets. */
  ForwardPathComponents: PathComponentOutput[];
  /** The hops of the reply, when the forward path arrived. */
  ReturnPathComponents: PathComponentOutput[];
  /** Why not, empty when found. */
  Explanations: ExplanationOutput[];
}

/** What the query asks: from a subnet (or a VPC: its main table) of the caller's, to an address. */
export interface ReachabilityQuery {
  /** `subnet-…`, or `vpc-…` meaning a subnet that uses the VPC's main table. */
  readonly source: string;
  /** The address, IPv4 or IPv6. */
  readonly destinationIp: string;
  /**
   * The address the packet leaves from, for the return path; default: the first address AWS lets
   * an instance have in the source subnet (its network address + 4), or in the VPC's primary block [?].
   */
  readonly sourceIp?: string;
}
