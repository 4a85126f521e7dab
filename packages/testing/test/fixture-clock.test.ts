// The simulated clock through the fixture: with the realistic timing profile each transient state
// lasts its simulated seconds and moves on only when the test advances the clock; expiry and
// eventual consistency follow the same clock.
import {
  AcceptVpcPeeringConnectionCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
} from '@aws-sdk/client-ec2';
import { DEFAULT_START_TIME } from '@pcxsim/engine';
import { DAY_MS, TRANSIENT_DELAYS } from '@pcxsim/lifecycle';
import { describe, expect, test } from 'vitest';
import { withPcxsim } from '../src/index.js';
import { failure, requestPeering, statusOf, twoVpcs } from './fixture-helpers.js';

const REALISTIC = TRANSIENT_DELAYS.realistic;

describe('clock', () => {
  test('now() is the simulated now; advance and advanceTo move it; it never goes back', async () => {
    await withPcxsim({ worldOptions: { startTime: Date.UTC(2030, 5, 1) } }, async ({ clock }) => {
      expect(clock.now()).toEqual(new Date(Date.UTC(2030, 5, 1)));
      await clock.advance(90_000);
      expect(clock.now().toISOString()).toBe('2030-06-01T00:01:30.000Z');
      await clock.advanceTo(new Date('2030-06-02T00:00:00Z'));
      expect(clock.now().toISOString()).toBe('2030-06-02T00:00:00.000Z');
      await expect(clock.advanceTo(new Date('2030-06-01T00:00:00Z'))).rejects.toThrow(RangeError);
      await expect(clock.advanceTo(new Date(Number.NaN))).rejects.toThrow(RangeError);
      await expect(clock.advance(-1)).rejects.toThrow(RangeError);
      await expect(clock.advance(1.5)).rejects.toThrow(RangeError);
      expect(clock.now().toISOString()).toBe('2030-06-02T00:00:00.000Z');
    });
  });

  test('the deprecated `world` option still sets the world when `worldOptions` is absent; `worldOptions` wins over it', async () => {
    await withPcxsim({ world: { startTime: Date.UTC(2031, 0, 1) } }, async ({ clock }) => {
      expect(clock.now().toISOString()).toBe('2031-01-01T00:00:00.000Z');
    });
    await withPcxsim({ world: { startTime: Date.UTC(2031, 0, 1) }, worldOptions: { startTime: Date.UTC(2032, 0, 1) } }, async ({ clock }) => {
      expect(clock.now().toISOString()).toBe('2032-01-01T00:00:00.000Z');
    });
  });

  test('the clock does not move by itself, however long the test takes', async () => {
    await withPcxsim({}, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      await requestPeering(vpcs);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(ctx.clock.now().getTime()).toBe(DEFAULT_START_TIME);
    });
  });

  test('realistic timing: each transient state appears, and moves on only when the clock passes its delay', async () => {
    await withPcxsim({ timing: 'realistic' }, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      const id = (await requestPeering(vpcs)).VpcPeeringConnectionId!;
      const status = async () => (await statusOf(vpcs.a, id))?.Code;

      expect(await status()).toBe('initiating-request');
      await ctx.clock.advance(REALISTIC['initiating-request'].ms - 1);
      expect(await status()).toBe('initiating-request');
      await ctx.clock.advance(1);
      expect(await status()).toBe('pending-acceptance');

      const accepted = await vpcs.b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      expect(accepted.VpcPeeringConnection?.Status?.Code).toBe('provisioning');
      await ctx.clock.advance(REALISTIC.provisioning.ms - 1);
      expect(await status()).toBe('provisioning');
      await ctx.clock.advance(1);
      expect(await status()).toBe('active');

      await vpcs.a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      expect(await status()).toBe('deleting');
      await ctx.clock.advance(REALISTIC.deleting.ms);
      expect(await status()).toBe('deleted');
    });
  });

  test('a request nobody answers expires at its ExpirationTime (7 days)', async () => {
    await withPcxsim({}, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      const id = (await requestPeering(vpcs)).VpcPeeringConnectionId!;
      await ctx.clock.advance(0);
      const pending = (await vpcs.a.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }))).VpcPeeringConnections![0]!;
      expect(pending.ExpirationTime).toEqual(new Date(DEFAULT_START_TIME + 7 * DAY_MS));
      await ctx.clock.advanceTo(new Date(pending.ExpirationTime!.getTime() - 1));
      expect((await statusOf(vpcs.a, id))?.Code).toBe('pending-acceptance');
      await ctx.clock.advanceTo(pending.ExpirationTime!);
      expect((await statusOf(vpcs.a, id))?.Code).toBe('expired');
    });
  });
});

describe('eventual consistency', () => {
  test('Describe right after Create is NotFound until the clock passes the delay, while Accept works at once', async () => {
    await withPcxsim({ consistency: { describeDelayMs: 5_000 } }, async (ctx) => {
      const vpcs = await twoVpcs(ctx, true);
      const id = (await requestPeering(vpcs, true)).VpcPeeringConnectionId!;
      const describe = () => vpcs.a.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));

      const notYet = await failure(describe());
      expect(notYet).toMatchObject({ name: 'InvalidVpcPeeringConnectionID.NotFound', message: `The vpcPeeringConnection ID '${id}' does not exist` });
      expect(notYet.$metadata.attempts).toBe(1); // a client error: the SDK does not retry it
      // The write path sees the connection at once.
      const accepted = await vpcs.a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      expect(accepted.VpcPeeringConnection?.VpcPeeringConnectionId).toBe(id);

      await ctx.clock.advance(4_999);
      expect((await failure(describe())).name).toBe('InvalidVpcPeeringConnectionID.NotFound');
      await ctx.clock.advance(1);
      // Create, Accept and provisioning all happened 5 s ago: Describe now shows where they led.
      expect((await describe()).VpcPeeringConnections?.[0]?.Status?.Code).toBe('active');
    });
  });
});
