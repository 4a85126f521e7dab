// What every planned step may draw on: the cast of accounts and Regions, the actions allowed, and
// the small pools of CIDRs and tag keys that make steps collide with one another.
import type { Caller, CommandType } from '@pcxsim/engine';
import { PEERING_STATES } from '@pcxsim/lifecycle';

/** The settings a sequence is planned with. */
export interface Settings {
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  readonly allowed: ReadonlySet<CommandType>;
  /** The connections a hub VPC aims at (0: no hub). */
  readonly density: number;
}

/**
 * Blocks VPCs are mostly created with: few, so that two VPCs often overlap (equal: the same block
 * twice; nested: 10.0.0.0/16 ⊃ 10.0.0.0/24 and 10.0.128.0/17; 10.1.0.0/16 ⊃ 10.1.16.0/20).
 */
export const CIDR_POOL: readonly string[] = [
  '10.0.0.0/16',
  '10.1.0.0/16',
  '10.0.0.0/24',
  '10.0.128.0/17',
  '10.2.0.0/16',
  '172.31.0.0/16',
  '192.168.0.0/24',
  '10.1.16.0/20',
];

/** Tag keys and values steps use, so that CreateTags, DeleteTags and the tag filters meet. */
export const TAG_KEYS: readonly string[] = ['Name', 'env', 'team', 'cost-center'];
export const TAG_VALUES: readonly string[] = ['', 'a', 'prod', 'dev'];

/** Every state a status-code filter may ask for. */
export const STATES: readonly string[] = PEERING_STATES;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Clock steps around the lifecycle's windows (spec §1.1): 2 h and 2 d of visibility, 7 d of expiry. */
export const CLOCK_STEPS: readonly number[] = [0, 1_000, 60_000, 2 * HOUR, 2 * HOUR + 1, 2 * DAY, 2 * DAY + 1, 7 * DAY, 7 * DAY + 1];

/**
 * The item `pick` chooses, counted from the end: shrinking `pick` to 0 picks the latest, the item a
 * minimal sequence has just created.
 */
export function pickFrom<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[items.length - 1 - (pick % items.length)];
}

/** The `n`-th (account, Region) pair, round the whole cast. */
export function viewer(settings: Settings, n: number): Caller {
  const accountId = settings.accounts[n % settings.accounts.length]!;
  const region = settings.regions[Math.floor(n / settings.accounts.length) % settings.regions.length]!;
  return { accountId, region };
}

/** The one caller of clock steps (the engine ignores who moves the clock). */
export const clockCaller = (settings: Settings): Caller => ({ accountId: settings.accounts[0]!, region: settings.regions[0]! });

/** An item other than `not`, chosen by `n`, or `undefined` if there is none. */
export function other<T>(items: readonly T[], not: T, n: number): T | undefined {
  const rest = items.filter((item) => item !== not);
  return rest.length === 0 ? undefined : rest[n % rest.length];
}
