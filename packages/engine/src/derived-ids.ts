// The IDs of the resources AWS creates along with a VPC — its default network ACL and default
// security group — and of each account's default DHCP options set. They are derived rather than
// drawn from the world's generator, so a VPC gains them without CreateVpc handing out more IDs
// (every ID drawn after it keeps its value), and without a record to store: the default network ACL
// of a VPC is `acl-` and the VPC's 16 hex digits scrambled by a keyed Feistel network, a bijection on
// 64 bits, so two VPCs' groups never share an ID and an ID leads back to its VPC. The VPC ID comes
// from the world's seed, so these do too.

/** The resources derived from a VPC. */
export type DerivedKind = 'acl-' | 'sg-' | 'aclassoc-';

// One key per kind, so a VPC's ACL and group IDs differ in every digit.
const KEYS: Readonly<Record<DerivedKind, number>> = { 'acl-': 0x5ac1_0001, 'sg-': 0x5e_c9_0002, 'aclassoc-': 0x5ac1_a55c };
const ROUNDS = 4;

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

const roundKey = (key: number, round: number): number => mix((key + Math.imul(round + 1, 0x9e3779b9)) >>> 0);
const hex8 = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

function permute(key: number, digits: string, inverse: boolean): string {
  let left = Number.parseInt(digits.slice(0, 8), 16) >>> 0;
  let right = Number.parseInt(digits.slice(8), 16) >>> 0;
  if (!inverse) {
    for (let round = 0; round < ROUNDS; round++) [left, right] = [right, (left ^ mix(right ^ roundKey(key, round))) >>> 0];
  } else {
    for (let round = ROUNDS - 1; round >= 0; round--) [left, right] = [(right ^ mix(left ^ roundKey(key, round))) >>> 0, left];
  }
  return hex8(left) + hex8(right);
}

const LONG_ID_DIGITS = /^0[0-9a-f]{16}$/;

/**
 * The ID of the `kind` resource AWS created with the VPC `vpcId` (a long ID, as every VPC the engine
 * creates has: `vpc-0` and 16 hex digits, spec §8.1), e.g. its default network ACL `acl-0…`.
 */
export function derivedId(kind: DerivedKind, vpcId: string): string {
  // The parent's digits follow its prefix: `vpc-` here, `subnet-` for a subnet's ACL association.
  const digits = vpcId.slice(vpcId.indexOf('-') + 1);
  // A short (8-digit) VPC ID is never handed out here; should one appear, it still gets a stable ID.
  if (!LONG_ID_DIGITS.test(digits)) return `${kind}0${hash64(`${kind}${vpcId}`)}`;
  return `${kind}0${permute(KEYS[kind], digits.slice(1), false)}`;
}

/** The VPC whose `kind` resource has the ID `id`, or `undefined` when no VPC could have it. */
export function vpcOfDerived(kind: DerivedKind, id: string): string | undefined {
  if (!id.startsWith(kind)) return undefined;
  const digits = id.slice(kind.length);
  if (!LONG_ID_DIGITS.test(digits)) return undefined;
  return `vpc-0${permute(KEYS[kind], digits.slice(1), true)}`;
}

// FNV-1a over UTF-16 code units, two lanes with different offsets: 64 bits from a short text.
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return hex8(mix(a ^ b)) + hex8(mix(b + 0x9e3779b9));
}

/**
 * The default DHCP options set of an account in a Region: every VPC created there is associated with
 * it (the VPC User Guide's "default DHCP option set" [doc]). One per account and Region, the same in
 * every world, as an account's default set is on AWS; its ID form is the long one (spec §8.1).
 */
export const defaultDhcpOptionsId = (accountId: string, region: string): string => `dopt-0${hash64(`${accountId}|${region}`)}`;

/** Whether `id` has the form of a `kind` ID: the prefix and 8 or 17 lowercase hex digits (spec §8.1). */
export function hasDerivedIdForm(kind: DerivedKind, id: string): boolean {
  if (!id.startsWith(kind)) return false;
  const digits = id.slice(kind.length);
  return (digits.length === 8 || digits.length === 17) && /^[0-9a-f]+$/.test(digits);
}
