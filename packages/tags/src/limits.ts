// Every number of the EC2 tag rules, in one place (spec §7.1).

/** At most 50 user tags on one resource; keys starting with {@link RESERVED_KEY_PREFIX} do not count (spec §7.1 [doc]). */
export const MAX_USER_TAGS = 50;

/**
 * Longest tag key, in Unicode code points (spec §7.1 [doc]).
 *
 * The sources disagree: botocore's `Tag` shape and the EC2 API reference say 127, the EC2 User Guide says 128
 * (spec §11 lists it as open). We follow the API model, the one the service is generated from; docs/fidelity.md
 * records the disagreement.
 */
export const MAX_KEY_LENGTH = 127;

/** Longest tag value, in Unicode code points (spec §7.1 [doc]; the error text is [obs]). A value may be empty. */
export const MAX_VALUE_LENGTH = 256;

/** Keys starting with this (case-sensitive) are AWS's own: users cannot create, change or delete them (spec §7.1 [doc]). */
export const RESERVED_KEY_PREFIX = 'aws:';
