// "Wrong state" steps (issue 16 §5): a lifecycle action sent to a connection in a state the lifecycle
// table has no row for — accept twice, reject an active one, delete a deleted one, accept a rejected
// one — which AWS refuses with InvalidStateTransition (spec §3, §3.3). Nothing here lists states: the
// table in @pcxsim/lifecycle says which triggers an owner sets off on a connection, who may, and from
// which states each is refused, so a new row there changes what is generated here.
import type { Command } from '@pcxsim/engine';
import { PEERING_STATES, TRANSITIONS, TRIGGERS, ruleFor, type PeeringState, type Trigger } from '@pcxsim/lifecycle';
import fc from 'fast-check';
import { withConnection } from './peering-steps.js';
import { pickFrom, type Settings } from './settings.js';
import { template, type StepTemplate } from './template.js';
import type { PcxEntry, Tracker } from './tracker.js';

/** The parties of a connection, as the tracker names them. */
type Side = 'requester' | 'accepter';

/** A trigger an owner sets off on an existing connection by calling its action. */
export interface ConnectionTrigger {
  readonly trigger: Trigger;
  /** The EC2 action behind it. */
  readonly action: 'AcceptVpcPeeringConnection' | 'RejectVpcPeeringConnection' | 'DeleteVpcPeeringConnection';
  /** The parties some row lets set it off (whoever calls, a state with no row refuses it: spec §3). */
  readonly parties: readonly Side[];
  /** The states with no row for it: where it is refused with InvalidStateTransition. */
  readonly refusedFrom: readonly PeeringState[];
  /** The states with a row for it. */
  readonly allowedFrom: readonly PeeringState[];
}

const isSide = (actor: string): actor is Side => actor === 'requester' || actor === 'accepter';

/**
 * Every user trigger with a row from an existing connection (Accept, Reject, Delete as the table has
 * them today), and for each, from the table: who may, and from which states it is refused.
 */
export const CONNECTION_TRIGGERS: readonly ConnectionTrigger[] = (Object.keys(TRIGGERS) as Trigger[]).flatMap((trigger) => {
  const rows = TRANSITIONS.filter((rule) => rule.trigger === trigger && rule.from !== null);
  const { kind, action } = TRIGGERS[trigger];
  if (kind !== 'user' || rows.length === 0 || action === null) return [];
  return [
    {
      trigger,
      action: action as ConnectionTrigger['action'],
      parties: [...new Set(rows.flatMap((rule) => rule.by.filter(isSide)))],
      refusedFrom: PEERING_STATES.filter((state) => ruleFor(state, trigger) === undefined),
      allowedFrom: PEERING_STATES.filter((state) => ruleFor(state, trigger) !== undefined),
    },
  ];
});

const call = (entry: ConnectionTrigger, pcx: PcxEntry, side: Side): { caller: PcxEntry[Side]; command: Command } => ({
  caller: pcx[side],
  command: { type: entry.action, VpcPeeringConnectionId: pcx.symbol },
});

/**
 * A wrong-state step for one trigger: the trigger sent, by a party some row allows (the accepter
 * for Accept and Reject, from the accepter VPC's Region, so that the state is what is refused), to a
 * connection that party sees in a state the table refuses it from. When no connection is in one,
 * a step towards one: the same trigger while it is allowed (the first Accept of "accept twice"), or
 * a new request.
 */
function wrongStateTemplate(settings: Settings, entry: ConnectionTrigger): fc.Arbitrary<StepTemplate> {
  return fc.record({ n: fc.nat({ max: 63 }), side: fc.nat({ max: entry.parties.length - 1 }) }).map(({ n, side }) =>
    template(
      entry.action,
      (tracker: Tracker) => {
        const party = entry.parties[side]!;
        const refused = tracker.pcxs.filter((pcx) => {
          const seen = tracker.statusSeenBy(pcx, pcx[party]);
          return seen !== undefined && entry.refusedFrom.includes(seen);
        });
        const chosen = pickFrom(refused, n);
        if (chosen !== undefined) return call(entry, chosen, party);
        // Towards a refused state: set the trigger off where it is allowed, as a party the row names.
        return withConnection(tracker, settings, n, entry.allowedFrom, (pcx) => {
          const state = tracker.statusOf(pcx);
          const rule = state === undefined ? undefined : ruleFor(state, entry.trigger);
          const allowed = rule?.by.filter(isSide) ?? [];
          return call(entry, pcx, allowed.includes(party) ? party : (allowed[0] ?? party));
        });
      },
      true,
    ),
  );
}

/** The wrong-state templates, one per trigger the table has (each names its action). */
export function wrongStateVariants(settings: Settings): { readonly action: ConnectionTrigger['action']; readonly arbitrary: fc.Arbitrary<StepTemplate> }[] {
  return CONNECTION_TRIGGERS.map((entry) => ({ action: entry.action, arbitrary: wrongStateTemplate(settings, entry) }));
}
