// All the templates a sequence draws from, weighted: mostly the peering actions and what they need.
import type { CommandType } from '@pcxsim/engine';
import fc from 'fast-check';
import { clockTemplates } from './clock-steps.js';
import { densityTemplates } from './density-steps.js';
import { invalidTemplates } from './invalid-steps.js';
import { routingTemplates } from './routing-steps.js';
import { peeringTemplates } from './peering-steps.js';
import type { Settings } from './settings.js';
import type { StepTemplate } from './template.js';
import { tagTemplates } from './tag-steps.js';
import { vpcTemplates } from './vpc-steps.js';

/**
 * The template, its caller kept within the cast: a party named by a request (an accepter in a
 * Region no one calls from, say) calls from the cast's first Region or as its first account instead.
 */
function withinCast(settings: Settings, item: StepTemplate): StepTemplate {
  return {
    ...item,
    plan: (tracker) => {
      const step = item.plan(tracker);
      const { accountId, region } = step.caller;
      if (settings.accounts.includes(accountId) && settings.regions.includes(region)) return step;
      const caller = {
        accountId: settings.accounts.includes(accountId) ? accountId : settings.accounts[0]!,
        region: settings.regions.includes(region) ? region : settings.regions[0]!,
      };
      return { caller, command: step.command };
    },
  };
}

/** One template, drawn by weight from those the settings allow. */
export function stepTemplate(settings: Settings, invalid: number): fc.Arbitrary<StepTemplate> {
  const valid = [
    ...vpcTemplates(settings),
    ...peeringTemplates(settings),
    ...tagTemplates(settings),
    ...clockTemplates(settings),
    ...routingTemplates(settings),
  ].filter(({ action }) => settings.allowed.has(action));
  // `invalid` counts tenths of the valid steps' weight (about 400 without routes, more with them).
  const unit = valid.reduce((sum, { weight }) => sum + weight, 0) / 10;
  const all = [...valid, ...densityTemplates(settings, settings.density), ...invalidTemplates(settings, valid, Math.round(invalid * unit))];
  if (all.length === 0) throw new RangeError('commandSequence(): no action left to generate');
  return fc.oneof(...all.map(({ weight, arbitrary }) => ({ weight, arbitrary: arbitrary.map((item) => withinCast(settings, item)) })));
}

/** Every action a sequence may contain by default: the EC2 actions the engine knows, and clock steps. */
export const SEQUENCE_ACTIONS: readonly CommandType[] = Object.freeze([
  'CreateVpc',
  'DeleteVpc',
  'AssociateVpcCidrBlock',
  'DisassociateVpcCidrBlock',
  'ModifyVpcAttribute',
  'DescribeVpcs',
  'CreateVpcPeeringConnection',
  'AcceptVpcPeeringConnection',
  'RejectVpcPeeringConnection',
  'DeleteVpcPeeringConnection',
  'DescribeVpcPeeringConnections',
  'ModifyVpcPeeringConnectionOptions',
  'CreateTags',
  'DeleteTags',
  'DescribeTags',
  'AdvanceClock',
] satisfies CommandType[]);

/**
 * The routing actions a sequence may add (issue 13): subnets, route tables, their associations, and
 * routes to peering connections. Not in {@link SEQUENCE_ACTIONS}: a sequence has them when asked to.
 */
export const ROUTING_ACTIONS: readonly CommandType[] = Object.freeze([
  'CreateSubnet',
  'DeleteSubnet',
  'DescribeSubnets',
  'CreateRouteTable',
  'DeleteRouteTable',
  'DescribeRouteTables',
  'AssociateRouteTable',
  'DisassociateRouteTable',
  'ReplaceRouteTableAssociation',
  'CreateRoute',
  'ReplaceRoute',
  'DeleteRoute',
] satisfies CommandType[]);
