// Resource IDs (spec §8.1): a prefix and 17 lowercase hex digits, the first always `0` as in every
// observed long ID. They come from a counter held in the world, scrambled by a keyed Feistel
// network: a bijection on 64 bits, so two IDs of one world never collide, and the same seed and
// the same commands give the same IDs.

/** The state of a world's ID generator: plain data, part of the world. */
export interface IdState {
  /** The seed from the world's config. */
  readonly seed: number;
  /** How many IDs have been handed out. */
  readonly next: number;
}

/** The prefixes of the IDs the engine hands out. */
export type IdPrefix = 'pcx-' | 'vpc-' | 'vpc-cidr-assoc-' | 'subnet-' | 'rtb-' | 'rtbassoc-' | 'subnet-cidr-assoc-';

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const hex8 = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

/** The 16 hex digits of the `counter`-th ID under `seed`. */
function scramble(seed: number, counter: number): string {
  let left = Math.floor(counter / 0x100000000) >>> 0;
  let right = counter >>> 0;
  for (let round = 0; round < 4; round++) {
    const key = mix((seed + Math.imul(round + 1, 0x9e3779b9)) >>> 0);
    const next = (left ^ mix(right ^ key)) >>> 0;
    left = right;
    right = next;
  }
  return hex8(left) + hex8(right);
}

/** The next ID with `prefix`, and the generator after it. */
export function nextId(ids: IdState, prefix: IdPrefix): readonly [string, IdState] {
  return [`${prefix}0${scramble(ids.seed, ids.next)}`, { seed: ids.seed, next: ids.next + 1 }];
}

// spec §8.1: 8 hex digits (before 2016–2018) or 17 (long IDs), lowercase. Checked by hand rather
// than by a regular expression: every command that names a resource checks its ID.

/** Whether `id` is `prefix` and then 8 or 17 lowercase hex digits. */
export function hasIdForm(id: string, prefix: string): boolean {
  const digits = id.length - prefix.length;
  if ((digits !== 8 && digits !== 17) || !id.startsWith(prefix)) return false;
  for (let i = prefix.length; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Whether `id` has the form of a VPC peering connection ID (spec §4.5, §8.1). */
export const isPcxId = (id: string): boolean => hasIdForm(id, 'pcx-');

/** Whether `id` has the form of a VPC ID (spec §8.1). */
export const isVpcId = (id: string): boolean => hasIdForm(id, 'vpc-');

/** Whether `id` is a 12-digit account ID (spec §8.1). */
export function isAccountId(id: string): boolean {
  if (id.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
