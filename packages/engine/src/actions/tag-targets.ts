// The resources CreateTags and DeleteTags name (spec §7), and writing a resource's tags back. A VPC,
// a subnet and a route table have one tag set, their owner's (routes §1.1: only the owner sees them);
// a connection has one per (account, Region) view, and the caller writes its own (spec §7.4).
import type { Result, TagSet } from '@pcxsim/tags';
import { fromTags, invalidId, missingParameter, peeringMalformed, resourceCountExceeded } from '../errors.js';
import { isPcxId } from '../ids.js';
import { stringList } from '../input.js';
import { viewKey } from '../indexes.js';
import { ownVpcById, visiblePeering } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import { updatePeering } from '../peering-state.js';
import { writeVpc } from '../records.js';
import type { Tx } from '../tx.js';
import { tagsIn } from '../views.js';
import type { PeeringRecord, VpcRecord } from '../world.js';
import type { RouteTableRecord, SubnetRecord } from '../routing/routing-records.js';
import { ownSubnetById, ownTableById } from '../routing/routing-lookup.js';
import { writeSubnet, writeTable } from '../routing/routing-store.js';

/** A resource whose tags a request changes. */
export type TagTarget =
  | { readonly kind: 'vpc'; readonly vpc: VpcRecord }
  | { readonly kind: 'pcx'; readonly record: PeeringRecord }
  | { readonly kind: 'subnet'; readonly subnet: SubnetRecord }
  | { readonly kind: 'rtb'; readonly table: RouteTableRecord };

/** spec §7.1 [doc]: CreateTags and DeleteTags take "up to 1000 resource IDs". */
export const MAX_TAG_RESOURCES = 1000;

/**
 * Reads `ResourceId.N`: each a VPC, subnet or route table the caller owns, or a connection its view
 * sees, each once (another account's subnet or table is NotFound, routes §1.1). More
 * than {@link MAX_TAG_RESOURCES} IDs, counted as sent (a repeated one too) [?], is
 * `ResourceCountExceeded`, before any is looked up.
 */
export function tagTargets(tx: Tx, raw: unknown): Outcome<readonly TagTarget[]> {
  const ids = stringList(raw, 'ResourceId');
  if (!ids.ok) return ids;
  if (ids.value.length === 0) return refuse(missingParameter('ResourceId'));
  if (ids.value.length > MAX_TAG_RESOURCES) return refuse(resourceCountExceeded());
  const targets: TagTarget[] = [];
  for (const id of new Set(ids.value)) {
    if (id.startsWith('vpc-')) {
      const vpc = ownVpcById(tx.w, tx.caller, id);
      if (!vpc.ok) return vpc;
      targets.push({ kind: 'vpc', vpc: vpc.value });
    } else if (id.startsWith('pcx-')) {
      if (!isPcxId(id)) return refuse(peeringMalformed(id));
      const record = visiblePeering(tx.w, tx.caller, id);
      if (!record.ok) return record;
      targets.push({ kind: 'pcx', record: record.value });
    } else if (id.startsWith('subnet-')) {
      const subnet = ownSubnetById(tx.w, tx.caller, id);
      if (!subnet.ok) return subnet;
      targets.push({ kind: 'subnet', subnet: subnet.value });
    } else if (id.startsWith('rtb-')) {
      const table = ownTableById(tx.w, tx.caller, id);
      if (!table.ok) return table;
      targets.push({ kind: 'rtb', table: table.value });
    } else {
      return refuse(invalidId(id)); // [?] a resource type the engine does not model
    }
  }
  return done(targets);
}

/**
 * Applies a tag-set reducer to every target, all or nothing: the first error leaves every resource
 * as it was (spec §7.2).
 */
export function retag(tx: Tx, targets: readonly TagTarget[], change: (set: TagSet) => Result<TagSet>): Outcome<Record<string, never>> {
  const view = viewKey(tx.caller.accountId, tx.caller.region);
  const results: TagSet[] = [];
  for (const target of targets) {
    const result = change(tagsOf(target, view));
    if (!result.ok) return refuse(fromTags(result.error));
    results.push(result.value);
  }
  targets.forEach((target, i) => {
    const tags = results[i]!;
    if (target.kind === 'vpc') {
      writeVpc(tx, target.vpc, Object.freeze({ ...target.vpc, tags }));
      tx.events.push({ type: 'TagsChanged', resourceId: target.vpc.vpcId, view, at: tx.w.clock });
    } else if (target.kind === 'subnet') {
      writeSubnet(tx, target.subnet, Object.freeze({ ...target.subnet, tags }));
      tx.events.push({ type: 'TagsChanged', resourceId: target.subnet.subnetId, view, at: tx.w.clock });
    } else if (target.kind === 'rtb') {
      writeTable(tx, target.table, Object.freeze({ ...target.table, tags }));
      tx.events.push({ type: 'TagsChanged', resourceId: target.table.routeTableId, view, at: tx.w.clock });
    } else {
      const views: Record<string, TagSet> = { ...target.record.tags, [view]: tags };
      if (tags.length === 0) delete views[view];
      updatePeering(tx, target.record, { tags: Object.freeze(views) });
      tx.events.push({ type: 'TagsChanged', resourceId: target.record.id, view, at: tx.w.clock });
    }
  });
  return done({});
}

/** The tag set a request changes: the owner's own for a VPC, subnet or table, the caller's view's for a connection. */
function tagsOf(target: TagTarget, view: string): TagSet {
  switch (target.kind) {
    case 'vpc':
      return target.vpc.tags;
    case 'subnet':
      return target.subnet.tags;
    case 'rtb':
      return target.table.tags;
    case 'pcx':
      return tagsIn(target.record, view);
  }
}
