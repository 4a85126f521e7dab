// What a command did, as data: the events a Step carries. A rejected command has none.
import type { PeeringState } from '@pcxsim/lifecycle';

/** A VPC was created. */
export interface VpcCreated {
  /** Discriminant. */
  readonly type: 'VpcCreated';
  /** The new VPC. */
  readonly vpcId: string;
  /** The clock, epoch ms. */
  readonly at: number;
}

/** A VPC was deleted. */
export interface VpcDeleted {
  /** Discriminant. */
  readonly type: 'VpcDeleted';
  /** The VPC. */
  readonly vpcId: string;
  /** The clock, epoch ms. */
  readonly at: number;
}

/** A VPC's CIDR blocks or DNS attributes changed. */
export interface VpcChanged {
  /** Discriminant. */
  readonly type: 'VpcChanged';
  /** The VPC. */
  readonly vpcId: string;
  /**
   * What changed: a block associated or disassociated by a call, a block moving on by itself
   * (`associating` → `associated`, `disassociating` → `disassociated`, or gone from the list: spec
   * §6.1), or a DNS attribute.
   */
  readonly change: 'cidr-block-associated' | 'cidr-block-disassociated' | 'cidr-block-state-changed' | 'attribute-modified';
  /** The clock, epoch ms. */
  readonly at: number;
}

/** A peering connection was created. */
export interface PeeringCreated {
  /** Discriminant. */
  readonly type: 'PeeringCreated';
  /** The connection. */
  readonly id: string;
  /** The clock, epoch ms. */
  readonly at: number;
}

/** A peering connection moved from one state to another. */
export interface PeeringStatusChanged {
  /** Discriminant. */
  readonly type: 'PeeringStatusChanged';
  /** The connection. */
  readonly id: string;
  /** The state it left. */
  readonly from: PeeringState;
  /** The state it entered. */
  readonly to: PeeringState;
  /** The clock, epoch ms. */
  readonly at: number;
}

/** A peering connection's options changed. */
export interface PeeringOptionsChanged {
  /** Discriminant. */
  readonly type: 'PeeringOptionsChanged';
  /** The connection. */
  readonly id: string;
  /** The clock, epoch ms. */
  readonly at: number;
}

/** A terminal connection's last retention window ended: it is gone for everyone. */
export interface PeeringRetired {
  /** Discriminant. */
  readonly type: 'PeeringRetired';
  /** The connection. */
  readonly id: string;
  /** The clock, epoch ms. */
  readonly at: number;
}

/** The tags of a resource changed in one (account, Region) view. */
export interface TagsChanged {
  /** Discriminant. */
  readonly type: 'TagsChanged';
  /** The VPC or connection. */
  readonly resourceId: string;
  /** The view whose tag set changed, `account|region`. */
  readonly view: string;
  /** The clock, epoch ms. */
  readonly at: number;
}

/** The clock moved forward. */
export interface ClockAdvanced {
  /** Discriminant. */
  readonly type: 'ClockAdvanced';
  /** The clock before, epoch ms. */
  readonly from: number;
  /** The clock after, epoch ms. */
  readonly to: number;
}

/** A subnet or route table was created or deleted, or a table's routes or associations changed (issue 13). */
export interface RoutingChanged {
  /** Discriminant. */
  readonly type: 'RoutingChanged';
  /** The subnet, route table or association. */
  readonly resourceId: string;
  /** What happened. */
  readonly change:
    | 'subnet-created'
    | 'subnet-deleted'
    | 'route-table-created'
    | 'route-table-deleted'
    | 'route-created'
    | 'route-replaced'
    | 'route-deleted'
    | 'associated'
    | 'disassociated'
    | 'association-replaced';
  /** For a route change: its destination. */
  readonly destination?: string;
  /** The clock, epoch ms. */
  readonly at: number;
}

/**
 * A route to a peering connection changed state because the connection did (routes §2.3): "route
 * 10.2.0.0/16 in rtb-… became blackhole because pcx-… was deleted".
 */
export interface RouteStateChanged {
  /** Discriminant. */
  readonly type: 'RouteStateChanged';
  /** The table. */
  readonly routeTableId: string;
  /** The route's destination. */
  readonly destination: string;
  /** The connection it targets. */
  readonly vpcPeeringConnectionId: string;
  /** The route's state before. */
  readonly from: 'active' | 'blackhole';
  /** The route's state after. */
  readonly to: 'active' | 'blackhole';
  /** The state the connection entered: the reason. */
  readonly peeringState: PeeringState;
  /** The clock, epoch ms. */
  readonly at: number;
}

/** Anything a command can do to the world. */
export type EngineEvent =
  | RoutingChanged
  | RouteStateChanged
  | VpcCreated
  | VpcDeleted
  | VpcChanged
  | PeeringCreated
  | PeeringStatusChanged
  | PeeringOptionsChanged
  | PeeringRetired
  | TagsChanged
  | ClockAdvanced;
