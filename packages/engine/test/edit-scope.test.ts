// DESIGN: the edit scope of a command is explicit (carried on its transaction), never module state.
// A command may edit in place only what it made itself; everything else — an earlier world, frozen
// or not — is shared and copied on write.
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { acceptVpcPeeringConnection } from '../src/actions/accept-vpc-peering-connection.js';
import { advanceClock } from '../src/actions/advance-clock.js';
import { createTags } from '../src/actions/create-tags.js';
import { createVpcPeeringConnection } from '../src/actions/create-vpc-peering-connection.js';
import { deleteVpcPeeringConnection } from '../src/actions/delete-vpc-peering-connection.js';
import { EditScope } from '../src/edit-scope.js';
import { apply, createWorld, type Caller, type Command, type World } from '../src/index.js';
import type { Outcome } from '../src/outcome.js';
import { emptyPMap, pdelete, pset, type PKey, type PMap } from '../src/pmap.js';
import { begin, commit, type Tx } from '../src/tx.js';
import { A, B } from './helpers.js';

const QUOTAS = { quotas: { outstandingRequestsPerAccount: 1000, activeConnectionsPerVpc: 1000 } };

/** Applies `command`; it must succeed. */
function must(world: World, caller: Caller, command: Command): World {
  const step = apply(world, caller, command);
  if (!step.result.ok) throw new Error(`${command.type}: ${step.result.error.code}: ${step.result.error.message}`);
  return step.world;
}

/** A world with VPCs, connections in several states, tags and queued transitions: enough trie nodes of every map to share. */
function populated(): { world: World; vpcsA: string[]; vpcsB: string[]; pcxs: string[] } {
  let world = createWorld({ seed: 11, ...QUOTAS });
  const vpcsA: string[] = [];
  const vpcsB: string[] = [];
  for (let i = 0; i < 40; i++) {
    let step = apply(world, A, { type: 'CreateVpc', CidrBlock: `10.${i}.0.0/16` });
    world = step.world;
    vpcsA.push((step.result as { value: { Vpc: { VpcId: string } } }).value.Vpc.VpcId);
    step = apply(world, B, { type: 'CreateVpc', CidrBlock: `172.${16 + (i % 16)}.${i}.0/24` });
    world = step.world;
    vpcsB.push((step.result as { value: { Vpc: { VpcId: string } } }).value.Vpc.VpcId);
  }
  const pcxs: string[] = [];
  for (let i = 0; i < 40; i++) {
    const step = apply(world, A, { type: 'CreateVpcPeeringConnection', VpcId: vpcsA[i]!, PeerVpcId: vpcsB[i]!, PeerOwnerId: B.accountId });
    world = step.world;
    pcxs.push((step.result as { value: { VpcPeeringConnection: { VpcPeeringConnectionId: string } } }).value.VpcPeeringConnection.VpcPeeringConnectionId);
  }
  world = must(world, A, { type: 'AdvanceClock', Milliseconds: 0 });
  for (let i = 0; i < 20; i++) world = must(world, B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcxs[i]! });
  world = must(world, A, { type: 'CreateTags', Resources: pcxs.slice(0, 30), Tags: [{ Key: 'team', Value: 'x' }] });
  world = must(world, A, { type: 'AdvanceClock', Milliseconds: 0 });
  return { world, vpcsA, vpcsB, pcxs };
}

/** Commands that touch every map of the world: records, every index, counters, pairs, the schedule. */
function laterCommands(vpcsA: string[], vpcsB: string[], pcxs: string[]): [Caller, Command][] {
  return [
    [B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcxs[25]! }],
    [A, { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: pcxs[3]! }],
    [B, { type: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: pcxs[26]! }],
    [A, { type: 'CreateTags', Resources: [pcxs[4]!, vpcsA[5]!], Tags: [{ Key: 'env', Value: 'prod' }] }],
    [A, { type: 'DeleteTags', Resources: [pcxs[5]!], Tags: [{ Key: 'team' }] }],
    [A, { type: 'CreateVpcPeeringConnection', VpcId: vpcsA[7]!, PeerVpcId: vpcsB[9]!, PeerOwnerId: B.accountId }],
    [A, { type: 'DeleteVpc', VpcId: vpcsA[8]! }],
    [A, { type: 'AssociateVpcCidrBlock', VpcId: vpcsA[30]!, CidrBlock: '10.200.0.0/16' }],
    [A, { type: 'AdvanceClock', Milliseconds: 3 * 86_400_000 }],
    [A, { type: 'AdvanceClock', Milliseconds: 8 * 86_400_000 }],
  ];
}

describe('the edit scope of a command', () => {
  test('a world restored as Object.freeze(JSON.parse(snapshot)), frozen at the top only, is never edited in place by a later command', () => {
    const { world, vpcsA, vpcsB, pcxs } = populated();
    const snapshot = JSON.stringify(world);
    const restored = Object.freeze(JSON.parse(snapshot) as World);
    let fromRestored: World = restored;
    let fromOriginal: World = world;
    for (const [caller, command] of laterCommands(vpcsA, vpcsB, pcxs)) {
      const a = apply(fromRestored, caller, command);
      const b = apply(fromOriginal, caller, command);
      expect(a.result, command.type).toEqual(b.result);
      fromRestored = a.world;
      fromOriginal = b.world;
      // The restored graph, below its frozen top, is exactly as it was read.
      expect(JSON.stringify(restored), `after ${command.type}`).toBe(snapshot);
    }
    expect(JSON.stringify(fromRestored)).toBe(JSON.stringify(fromOriginal));
  });

  test('a world restored from JSON and not frozen at all is not edited in place either', () => {
    const { world, vpcsA, vpcsB, pcxs } = populated();
    const snapshot = JSON.stringify(world);
    const restored = JSON.parse(snapshot) as World;
    let next: World = restored;
    for (const [caller, command] of laterCommands(vpcsA, vpcsB, pcxs)) next = apply(next, caller, command).world;
    expect(JSON.stringify(restored)).toBe(snapshot);
    expect(next).not.toBe(restored);
  });
});

/** The handlers the interleaving test runs, straight on a transaction (apply runs one transaction to its end). */
function run(tx: Tx, command: Command): Outcome<unknown> {
  switch (command.type) {
    case 'CreateVpcPeeringConnection':
      return createVpcPeeringConnection(tx, command);
    case 'AcceptVpcPeeringConnection':
      return acceptVpcPeeringConnection(tx, command);
    case 'DeleteVpcPeeringConnection':
      return deleteVpcPeeringConnection(tx, command);
    case 'CreateTags':
      return createTags(tx, command);
    case 'AdvanceClock':
      return advanceClock(tx, command);
    default:
      throw new Error(`not used here: ${command.type}`);
  }
}

describe('transactions that interleave', () => {
  test('two transactions open at once on one world each end in exactly what they end in alone, and touch nothing of the other', () => {
    const { world, vpcsA, vpcsB, pcxs } = populated();
    const snapshot = JSON.stringify(world);
    const first: [Caller, Command][] = [
      [B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcxs[21]! }],
      [A, { type: 'CreateVpcPeeringConnection', VpcId: vpcsA[1]!, PeerVpcId: vpcsB[2]!, PeerOwnerId: B.accountId }],
      [A, { type: 'CreateTags', Resources: [pcxs[1]!], Tags: [{ Key: 'first', Value: '1' }] }],
      [A, { type: 'AdvanceClock', Milliseconds: 0 }],
    ];
    const second: [Caller, Command][] = [
      [A, { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: pcxs[1]! }],
      [B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcxs[22]! }],
      [A, { type: 'CreateTags', Resources: [pcxs[2]!], Tags: [{ Key: 'second', Value: '2' }] }],
      [A, { type: 'AdvanceClock', Milliseconds: 5 }],
    ];
    // Alone: one transaction per command, one after the other (what apply does).
    const alone = (commands: [Caller, Command][]) => commands.reduce((w, [caller, command]) => must(w, caller, command), world);
    const expectedFirst = JSON.stringify(alone(first));
    const expectedSecond = JSON.stringify(alone(second));
    // Interleaved: one transaction each for the whole list, their steps alternating; the second
    // fails halfway in a third transaction that is dropped.
    let txFirst = begin(world, A);
    let txSecond = begin(world, A);
    for (let i = 0; i < first.length; i++) {
      txFirst = { ...txFirst, caller: first[i]![0] };
      txSecond = { ...txSecond, caller: second[i]![0] };
      expect(run(txFirst, first[i]![1]).ok).toBe(true);
      const dropped = begin(world, B);
      expect(run(dropped, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcxs[23]! }).ok).toBe(true);
      dropped.edit.discard();
      expect(run(txSecond, second[i]![1]).ok).toBe(true);
    }
    const endedFirst = commit(txFirst);
    expect(JSON.stringify(world)).toBe(snapshot);
    const endedSecond = commit(txSecond);
    expect(JSON.stringify(endedFirst)).toBe(expectedFirst);
    expect(JSON.stringify(endedSecond)).toBe(expectedSecond);
    expect(JSON.stringify(world)).toBe(snapshot);
    // Later commands on either never reach the other, or the world they came from.
    const later = must(endedFirst, B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcxs[24]! });
    must(later, A, { type: 'AdvanceClock', Milliseconds: 86_400_000 });
    must(endedSecond, A, { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: pcxs[0]! });
    expect(JSON.stringify(endedFirst)).toBe(expectedFirst);
    expect(JSON.stringify(endedSecond)).toBe(expectedSecond);
    expect(JSON.stringify(world)).toBe(snapshot);
  });

  const keyArb = fc.oneof(fc.string({ maxLength: 4 }), fc.nat({ max: 400 }));
  const opsArb = fc.array(fc.tuple(fc.boolean(), keyArb, fc.nat()), { maxLength: 60 });
  type Op = [isSet: boolean, key: PKey, value: number];
  const step = (scope: EditScope, map: PMap<number>, [isSet, key, value]: Op) => (isSet ? pset(scope, map, key, value) : pdelete(scope, map, key));

  propTest.prop([opsArb, opsArb, opsArb, fc.array(fc.boolean(), { maxLength: 120 }), fc.boolean()])(
    'two edit scopes interleaved over one map each give their sequential result; ending one (committed or dropped) never changes the other',
    (base, ops1, ops2, order, dropFirst) => {
      const setup = new EditScope();
      let start = emptyPMap<number>();
      for (const op of base) start = step(setup, start, op);
      setup.commit();
      const startText = JSON.stringify(start);
      const sequential = (ops: Op[]) => {
        const scope = new EditScope();
        const out = ops.reduce((map, op) => step(scope, map, op), start);
        scope.commit();
        return JSON.stringify(out);
      };
      const expected1 = sequential(ops1);
      const expected2 = sequential(ops2);
      const scope1 = new EditScope();
      const scope2 = new EditScope();
      let map1 = start;
      let map2 = start;
      let i1 = 0;
      let i2 = 0;
      for (const takeFirst of order) {
        if (takeFirst && i1 < ops1.length) map1 = step(scope1, map1, ops1[i1++]!);
        else if (i2 < ops2.length) map2 = step(scope2, map2, ops2[i2++]!);
      }
      while (i1 < ops1.length) map1 = step(scope1, map1, ops1[i1++]!);
      // The first scope ends (dropped or committed) while the second is still open.
      if (dropFirst) scope1.discard();
      else scope1.commit();
      while (i2 < ops2.length) map2 = step(scope2, map2, ops2[i2++]!);
      scope2.commit();
      expect(JSON.stringify(map2)).toBe(expected2);
      if (!dropFirst) expect(JSON.stringify(map1)).toBe(expected1);
      expect(JSON.stringify(start)).toBe(startText);
      // A later scope changing the second's map never changes it in place.
      const later = new EditScope();
      let next = map2;
      for (const op of ops1) next = step(later, next, op);
      later.commit();
      expect(JSON.stringify(map2)).toBe(expected2);
    },
  );
});
