// A real data directory for the fault tests: a log written through the store exactly as serve writes
// one (group commits, snapshots as they fall due), from a deterministic stream of commands, and the
// world any prefix of that log makes.
import { apply, createWorld, type Caller, type Command, type World, type WorldOptions } from '@pcxsim/engine';
import { CommandStore, replay, type LoggedCommand } from '../src/store.js';

/** The world options of every fixture directory (a fixed start, so worlds compare as JSON). */
export const FIXTURE_OPTIONS: WorldOptions = { seed: 5, timing: 'instant', startTime: Date.UTC(2026, 0, 1) };

/**
 * The i-th command of the stream, given the world before it: CreateVpc from four accounts in turn,
 * every tenth a CreateTags with a value unique to it (`"Value":"<i>"`: tests find its page by it),
 * every fiftieth (from the 26th) a clock step.
 */
function nth(i: number, world: World, last: { vpc?: string | undefined; owner?: Caller }): [Caller, Command] {
  if (i % 10 === 9 && last.vpc !== undefined) return [last.owner!, { type: 'CreateTags', Resources: [last.vpc], Tags: [{ Key: 'n', Value: String(i) }] }];
  const caller: Caller = { accountId: String(111111111111 * (1 + (i % 4))), region: world.config.regions[0] ?? 'us-east-1' };
  if (i % 50 === 25) return [caller, { type: 'AdvanceClock', Milliseconds: 1000 }];
  return [caller, { type: 'CreateVpc', CidrBlock: `10.${i % 256}.0.0/16` }];
}

/** Writes `count` commands to a new store in `dir`, `batch` to a group commit; resolves with what was logged. */
export async function writeLog(dir: string, count: number, options: { snapshotEvery?: number; batch?: number } = {}): Promise<LoggedCommand[]> {
  const store = CommandStore.open(dir, { worldOptions: FIXTURE_OPTIONS, snapshotEvery: options.snapshotEvery ?? 500 });
  let world = store.restore();
  const logged: LoggedCommand[] = [];
  const last: { vpc?: string | undefined; owner?: Caller } = {};
  let pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const [caller, command] = nth(i, world, last);
    const step = apply(world, caller, command);
    if (step.world === world) throw new Error(`the fixture's command ${i} was refused: ${JSON.stringify(step.result)}`);
    if (command.type === 'CreateVpc' && step.result.ok) {
      last.vpc = (step.result.value as { Vpc?: { VpcId?: string } }).Vpc?.VpcId;
      last.owner = caller;
    }
    const entry: LoggedCommand = { clock: world.clock, caller, command, events: step.events };
    logged.push(entry);
    pending.push(store.append(entry, step.world));
    world = step.world;
    if (pending.length === (options.batch ?? 100)) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  await store.close();
  return logged;
}

/** The world the first `k` logged commands make, as JSON. */
export function worldAfter(logged: readonly LoggedCommand[], k: number): string {
  let world = createWorld(FIXTURE_OPTIONS);
  for (const entry of logged.slice(0, k)) world = replay(world, entry);
  return JSON.stringify(world);
}
