import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { apply, advanceClock, type Command, type PeeringStatusChanged } from '../src/index.js';
import { pget } from '../src/pmap.js';
import { ACCOUNTS, rawStepArb, runSteps, setup, toCommand, VIEWERS } from './scenario.js';

const stepsArb = fc.array(rawStepArb, { maxLength: 40 });

describe('laws of apply', () => {
  test.prop([stepsArb])('determinism: the same seed and commands give byte-identical worlds and results', (raw) => {
    const one = runSteps(raw);
    const two = runSteps(raw);
    expect(JSON.stringify(two.world)).toBe(JSON.stringify(one.world));
    expect(JSON.stringify(two.steps.map((s) => s.step.result))).toBe(JSON.stringify(one.steps.map((s) => s.step.result)));
  });

  test.prop([stepsArb])('a rejected command leaves the world === and emits nothing', (raw) => {
    for (const { before, step } of runSteps(raw).steps) {
      if (step.result.ok) continue;
      expect(step.world).toBe(before);
      expect(step.events).toEqual([]);
    }
  });

  test.prop([stepsArb])('the world is frozen plain data: JSON restores it exactly', (raw) => {
    const { world } = runSteps(raw);
    expect(Object.isFrozen(world)).toBe(true);
    expect(Object.isFrozen(world.peerings)).toBe(true);
    const restored = JSON.parse(JSON.stringify(world));
    expect(restored).toEqual(world);
  });

  test.prop([stepsArb, stepsArb])('snapshot round-trip: a restored world goes on exactly as the original', (first, second) => {
    const start = setup();
    const before = runSteps(first, {}, start);
    const restored = JSON.parse(JSON.stringify(before.world));
    const a = runSteps(second, {}, { world: before.world, vpcIds: start.vpcIds });
    const b = runSteps(second, {}, { world: restored, vpcIds: start.vpcIds });
    expect(JSON.stringify(b.world)).toBe(JSON.stringify(a.world));
  });

  test.prop([stepsArb])(
    'isolation: a third account, or an owner in a Region with none of its VPCs, never sees or changes anything',
    (raw) => {
      // Account 3 owns only VPC 4: without requests touching it, it is a third party to every connection
      // (a request may still name it as PeerOwnerId, wrongly: that must not make it a party).
      const { world, connIds } = runSteps(raw.filter((s) => s.kind !== 'create' || (s.vpc !== 4 && s.peer !== 4)));
      const json = JSON.stringify(world);
      const third = VIEWERS.filter((viewer) => viewer.accountId === ACCOUNTS[2]);
      for (const caller of third) {
        const list = apply(world, caller, { type: 'DescribeVpcPeeringConnections' });
        expect(list.result.ok && list.result.value.VpcPeeringConnections).toEqual([]);
      }
      for (const id of connIds) {
        const record = pget(world.peerings, id);
        if (record === undefined) continue;
        for (const caller of VIEWERS) {
          const holds = (owner: string, region: string) => caller.accountId === owner && caller.region === region;
          if (holds(record.requesterOwnerId, record.requesterRegion) || holds(record.accepterOwnerId, record.accepterRegion)) continue;
          const commands: Command[] = [
            { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [id] },
            { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: id },
            { type: 'CreateTags', Resources: [id], Tags: [{ Key: 'x', Value: 'y' }] },
            { type: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: id, RequesterPeeringConnectionOptions: {} },
          ];
          // The accepter's own account calling Accept or Reject from another Region gets the region error instead.
          if (caller.accountId !== record.accepterOwnerId) {
            commands.push(
              { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id },
              { type: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: id },
            );
          }
          for (const command of commands) {
            const step = apply(world, caller, command);
            expect(step.world).toBe(world);
            expect(step.result.ok ? 'ok' : step.result.error.code).toBe('InvalidVpcPeeringConnectionID.NotFound');
          }
        }
      }
      expect(JSON.stringify(world)).toBe(json);
    },
  );
});

describe('the clock', () => {
  const ticksArb = fc.array(fc.integer({ min: 0, max: 3 * 86_400_000 }), { minLength: 1, maxLength: 12 });

  test.prop([stepsArb, ticksArb])(
    'scheduled transitions fire in due order as the clock advances in arbitrary steps, and the steps do not matter',
    (raw, ticks) => {
      const { world } = runSteps(raw.filter((s) => s.kind !== 'tick'), { timing: 'realistic' });
      let stepped = world;
      const times: number[] = [];
      for (const ms of ticks) {
        const step = advanceClock(stepped, ms);
        expect(step.result.ok).toBe(true);
        for (const event of step.events) {
          if (event.type === 'PeeringStatusChanged' || event.type === 'PeeringRetired') {
            expect(event.at).toBeLessThanOrEqual(step.world.clock);
            expect(event.at).toBeGreaterThanOrEqual(stepped.clock);
            times.push(event.at);
          }
        }
        stepped = step.world;
      }
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const once = advanceClock(world, ticks.reduce((sum, ms) => sum + ms, 0));
      expect(JSON.stringify(once.world)).toBe(JSON.stringify(stepped));
    },
  );

  test.prop([stepsArb])('each transition happens exactly at its due time (realistic profile)', (raw) => {
    const { world, steps } = runSteps(raw.filter((s) => s.kind !== 'tick'), { timing: 'realistic' });
    const created = new Map<string, number>();
    for (const { step } of steps) for (const event of step.events) if (event.type === 'PeeringCreated') created.set(event.id, event.at);
    const events = advanceClock(world, 10 * 86_400_000).events.filter((e): e is PeeringStatusChanged => e.type === 'PeeringStatusChanged');
    for (const event of events) {
      const at = created.get(event.id)!;
      if (event.from === 'initiating-request') expect(event.at).toBe(at + 2_000);
      if (event.to === 'expired') expect(event.at).toBe(at + 7 * 86_400_000);
    }
  });
});

describe('step arbitrary sanity', () => {
  test.prop([stepsArb])('every generated step maps to a command the engine accepts as well formed', (raw) => {
    const { steps } = runSteps(raw);
    for (const { step } of steps) {
      if (!step.result.ok) expect(step.result.error.code).not.toMatch(/^(InvalidAction|AuthFailure|MissingParameter)$/);
    }
    expect(toCommand({ kind: 'tick', ms: 0 }, [], []).command.type).toBe('AdvanceClock');
  });
});
