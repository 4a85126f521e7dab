// Templates of the tag actions on VPCs and peering connections: CreateTags, DeleteTags, DescribeTags.
import type { Caller } from '@pcxsim/engine';
import fc from 'fast-check';
import type { SequenceStep } from '../sequence-step.js';
import { TAG_KEYS, pickFrom, viewer, type Settings } from './settings.js';
import { template, type WeightedTemplates } from './template.js';
import type { Tracker } from './tracker.js';
import { pooledTags, withVpc } from './vpc-steps.js';

/** What a tag template aims at: a VPC (as its owner) or a connection (as one of its parties). */
interface Target {
  readonly kind: 'vpc' | 'pcx';
  readonly pick: number;
  readonly party: 'requester' | 'accepter';
}

const target: fc.Arbitrary<Target> = fc.record({
  kind: fc.constantFrom('pcx' as const, 'vpc' as const),
  pick: fc.nat({ max: 63 }),
  party: fc.constantFrom('requester' as const, 'accepter' as const),
});

/** The step on the aimed-at resource (a VPC when no connection exists; a new VPC when neither does). */
function onTarget(tracker: Tracker, settings: Settings, aim: Target, use: (resource: string, caller: Caller) => SequenceStep): SequenceStep {
  const pcx = aim.kind === 'pcx' ? pickFrom(tracker.pcxs, aim.pick) : undefined;
  if (pcx !== undefined) return use(pcx.symbol, pcx[aim.party]);
  return withVpc(tracker, settings, aim.pick, (vpc) => use(vpc.symbol, vpc.owner));
}

export function tagTemplates(settings: Settings): WeightedTemplates[] {
  return [
    {
      action: 'CreateTags',
      weight: 15,
      arbitrary: fc.record({ aim: target, tags: pooledTags }).map(({ aim, tags }) =>
        template('CreateTags', (tracker) => onTarget(tracker, settings, aim, (resource, caller) => ({ caller, command: { type: 'CreateTags', Resources: [resource], Tags: tags } }))),
      ),
    },
    {
      action: 'DeleteTags',
      weight: 8,
      // Some keys (with or without a value), or none: every user tag goes.
      arbitrary: fc.record({ aim: target, keys: fc.option(fc.subarray([...TAG_KEYS], { minLength: 1 }), { freq: 3 }) }).map(({ aim, keys }) =>
        template('DeleteTags', (tracker) =>
          onTarget(tracker, settings, aim, (resource, caller) => ({
            caller,
            command: { type: 'DeleteTags', Resources: [resource], ...(keys === null ? {} : { Tags: keys.map((Key) => ({ Key })) }) },
          })),
        ),
      ),
    },
    {
      action: 'DescribeTags',
      weight: 8,
      arbitrary: fc.record({ aim: target, by: fc.constantFrom('all', 'key', 'resource-id', 'resource-type'), key: fc.constantFrom(...TAG_KEYS), viewer: fc.nat({ max: 63 }) }).map(({ aim, by, key, viewer: v }) =>
        template('DescribeTags', (tracker) => {
          if (by === 'all') return { caller: viewer(settings, v), command: { type: 'DescribeTags' } };
          if (by === 'key') return { caller: viewer(settings, v), command: { type: 'DescribeTags', Filters: [{ Name: 'key', Values: [key] }] } };
          if (by === 'resource-type') {
            return { caller: viewer(settings, v), command: { type: 'DescribeTags', Filters: [{ Name: 'resource-type', Values: [aim.kind === 'vpc' ? 'vpc' : 'vpc-peering-connection'] }] } };
          }
          return onTarget(tracker, settings, aim, (resource, caller) => ({ caller, command: { type: 'DescribeTags', Filters: [{ Name: 'resource-id', Values: [resource] }] } }));
        }),
      ),
    },
  ];
}
