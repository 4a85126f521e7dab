// TagSpecifications on a create call (spec §7.3): the tags a resource is born with. A bad specification fails
// the whole create, "resources are either created with tags or not created at all" (spec §2.2 [doc]).
import * as messages from './messages.js';
import { err, ok, type Result } from './result.js';
import { toTagSet, type TagInput, type TagSet } from './tag.js';
import { validateTags } from './tag-list.js';
import { field, readList, readString } from './wire.js';

/**
 * The one resource type each create action tags (spec §2.1, §7.3 [doc]). Data, so the engine, the docs and the
 * tests read the same table.
 */
export const TAGGED_RESOURCE_TYPE = Object.freeze({
  /** `TagSpecification.N.ResourceType` of CreateVpcPeeringConnection. */
  CreateVpcPeeringConnection: 'vpc-peering-connection',
  /** `TagSpecification.N.ResourceType` of CreateVpc. */
  CreateVpc: 'vpc',
  /** `TagSpecification.N.ResourceType` of CreateSubnet. */
  CreateSubnet: 'subnet',
  /** `TagSpecification.N.ResourceType` of CreateRouteTable. */
  CreateRouteTable: 'route-table',
} as const);

/** A create action that takes TagSpecifications. */
export type TaggingAction = keyof typeof TAGGED_RESOURCE_TYPE;

/** One `TagSpecification.N` as the request carries it (`ResourceType`, `Tag.M.Key`/`Tag.M.Value` on the wire). */
export interface TagSpecificationInput {
  /** The resource type to tag, e.g. `vpc-peering-connection`. */
  readonly ResourceType?: string | null | undefined;
  /** The tags to give it. */
  readonly Tags?: readonly TagInput[] | null | undefined;
}

/**
 * The tags a resource created by `action` starts with, from the request's TagSpecifications (spec §7.3).
 * Each specification needs the action's resource type ({@link TAGGED_RESOURCE_TYPE}): a missing one, an unknown
 * one and one the action does not tag are errors. The type may appear once only, with one tag at least [?];
 * its tags are checked as by {@link validateTags}, where an `aws:` key is `InvalidTagKey.Malformed`.
 * Total: any input gives a result.
 *
 * @param action the create call
 * @param specifications the request's TagSpecifications; absent or empty gives the empty set
 * @returns the new resource's frozen {@link TagSet}, or the first error in request order
 */
export function tagsFromSpecifications(
  action: TaggingAction,
  specifications: readonly TagSpecificationInput[] | null | undefined,
): Result<TagSet> {
  const list = readList(specifications, 'TagSpecifications');
  if (!list.ok) return list;
  let tags: TagSet | undefined;
  for (const specification of list.value) {
    const type = readString(field(specification, 'ResourceType'), 'ResourceType');
    if (!type.ok) return type;
    if (type.value === undefined || type.value === '') return err(messages.resourceTypeMissing()); // spec §7.3
    if (type.value !== TAGGED_RESOURCE_TYPE[action]) return err(messages.resourceTypeNotTaggable(type.value)); // §7.3
    if (tags !== undefined) return err(messages.resourceTypeRepeated()); // [?] rejected, not merged
    const valid = validateTags(field(specification, 'Tags') as readonly TagInput[], 'TagSpecification');
    if (!valid.ok) return valid;
    if (valid.value.length === 0) return err(messages.specificationWithoutTags()); // [?]
    tags = valid.value;
  }
  return ok(tags ?? toTagSet([]));
}
