// Every error code and message text of this package, in one place. The protocol layer sends them unchanged,
// so the texts copy what real EC2 sends; each cites its spec section and confidence. [?] marks our own
// choice where no source shows the text or the code; docs/fidelity.md lists each one.
import { MAX_KEY_LENGTH, MAX_VALUE_LENGTH } from './limits.js';
import type { TagError, TagErrorCode } from './result.js';

const error = (code: TagErrorCode, message: string): TagError => ({ code, message });
const invalid = (message: string): TagError => error('InvalidParameterValue', message);

// spec §7.2 [obs] (aws-cli#3283). A missing key gets the same text: it says "null or empty".
export const keyMissing = (): TagError =>
  invalid("Value ( '' ) for parameter Tag key is invalid. Tag key cannot be null or empty.");

// spec §7.2 [obs] for CreateTags. DeleteTags gets the same error [?]: the reserved rule (§7.1) forbids deleting too.
export const reservedKey = (key: string): TagError =>
  invalid(`Value ( ${key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use`);

// spec §7.2 [obs]: the InvalidTagKey.Malformed form, seen on a create with tags. RunInstances answers
// InvalidParameterValue instead; for TagSpecifications we choose this one, the code the error table defines for
// "cannot start with aws:" [?].
export const reservedKeyAtCreate = (key: string): TagError =>
  error(
    'InvalidTagKey.Malformed',
    `The tag key '${key}' is not valid. Tag keys starting with 'aws:' are reserved for internal use.`,
  );

// [?] no text seen: the observed value-length text (below) with "key".
export const keyTooLong = (): TagError =>
  invalid(`Tag key exceeds the maximum length of ${MAX_KEY_LENGTH} characters`);

// spec §7.2 [obs] text; the code was not shown, InvalidParameterValue [?].
export const valueTooLong = (): TagError =>
  invalid(`Tag value exceeds the maximum length of ${MAX_VALUE_LENGTH} characters`);

// spec §7.1 [doc] "may be empty but not null"; the text [?] (seen through CloudFormation, bridgecrewio/yor#122).
export const valueMissing = (key: string): TagError =>
  invalid(`Value ( ${key} ) for parameter value is invalid. Tag value cannot be null. Use empty string instead.`);

// [?] A lone UTF-16 surrogate cannot be encoded in UTF-8, so no client can send one: reject it rather than store
// text that no response could carry. The text does not echo the input, for the same reason.
export const notUnicode = (field: 'key' | 'value'): TagError =>
  invalid(`Tag ${field} is not valid Unicode: it contains an unpaired surrogate.`);

// spec §7.2 [obs] for TagSpecifications; for CreateTags and DeleteTags we reject too [?].
export const duplicateKey = (key: string): TagError => invalid(`Duplicate tag key '${key}' specified.`);

// spec §7.2 [doc] code; the text [?] (what moto and goamz send [emu]).
export const tagLimitExceeded = (): TagError =>
  error('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');

// [?] CreateTags with no Tag (spec §7.1: Tag.N is required); text seen in public logs (dask/dask-ec2#90).
export const noTagsToCreate = (): TagError => invalid('You must specify one or more tags to create');

// spec §7.3 [obs]; the other observed form (InvalidTagSpecification.Malformed) came through CloudFormation.
export const resourceTypeMissing = (): TagError => invalid('Tag specification resource type must have a value');

// spec §7.3 [obs] text; the code for CreateVpcPeeringConnection is [?]: InvalidParameterValue, as RunInstances.
export const resourceTypeNotTaggable = (type: string): TagError =>
  invalid(`'${type}' is not a valid taggable resource type for this operation.`);

// [?] spec §7.3 does not say; RunInstances rejects a repeated type with this text (skypilot-org/skypilot#10627).
export const resourceTypeRepeated = (): TagError =>
  invalid('The same resource type may not be specified more than once in tag specifications');

// [?] spec §7.3 does not say; this code and text were seen on a create with an empty spec (packer-plugin-amazon#141).
export const specificationWithoutTags = (): TagError =>
  error('InvalidTagKey.Malformed', 'Tag specification must have at least one tag');

// [?] The Query protocol carries only strings and lists; a field of another type can only come from an
// in-process caller, so the text is ours.
export const wrongType = (parameter: string, expected: 'a string' | 'a list'): TagError =>
  invalid(`Invalid type for parameter ${parameter}: expected ${expected}.`);
