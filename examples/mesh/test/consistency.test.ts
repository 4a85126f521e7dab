// Eventual consistency: Describe shows changes late (spec §10.4); right after Create it does not find
// the new connection at all. The reconciler must wait it out rather than fail or ask twice.
import { disjointCidrBlocks, withPcxsim } from '@pcxsim/testing';
import { AcceptVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { reconcileMesh, teardownMesh } from '../src/index.js';
import { indexPairs, liveBetween, meshWorld, NO_SDK_RETRIES, peeringRoutes, places, requestBetween } from './mesh-world.js';

const meshes = fc.integer({ min: 2, max: 3 }).chain((count) => fc.record({ where: places(count), blocks: disjointCidrBlocks(count).map((all) => all.map((b) => [b])) }));
const lags = fc.integer({ min: 1, max: 60_000 });

group('reconcileMesh with eventual consistency', () => {
  it('Describe lagging by up to a minute: every pair peered once and routed, polling at the interval asked for', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, lags, async ({ where, blocks }, lag) => {
        await withPcxsim({ consistency: { describeDelayMs: lag }, ...NO_SDK_RETRIES }, async (ctx) => {
          const poll = { intervalMs: 2_000, timeoutMs: 62_000 };
          const { spec, members, sleeps } = await meshWorld(ctx, where, blocks, { poll });
          await ctx.clock.advance(lag); // the new VPCs reach DescribeVpcs
          const report = await reconcileMesh(spec);
          expect(report.pairs.map((pair) => pair.kind)).toEqual(indexPairs(members.length).map(() => 'peered'));
          expect(new Set(sleeps)).toEqual(new Set([poll.intervalMs]));

          await ctx.clock.advance(lag);
          for (const [i, j] of indexPairs(members.length)) expect((await liveBetween(members[i]!, members[j]!)).map((c) => c.Status?.Code)).toEqual(['active']);
          for (const member of members) {
            const routes = await peeringRoutes(member);
            expect(routes).toHaveLength(members.length - 1);
            for (const route of routes) expect(route).toMatch(/\(active\)$/);
          }
          // Once the lag has passed, a second run finds everything in place.
          expect((await reconcileMesh(spec)).changes).toEqual([]);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('a request made a moment ago, not yet in Describe: asking again gets the same connection back, not a second one', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, lags, async ({ where, blocks }, lag) => {
        await withPcxsim({ consistency: { describeDelayMs: lag }, ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks, { poll: { intervalMs: 1_000, timeoutMs: 120_000 } });
          await ctx.clock.advance(lag);
          const made = await requestBetween(members[0]!, members[1]!);
          const report = await reconcileMesh(spec);
          expect(report.pairs[0]).toEqual({ kind: 'peered', a: 'm0', b: 'm1', connectionId: made });
          await ctx.clock.advance(lag);
          expect(await liveBetween(members[0]!, members[1]!)).toHaveLength(1);
        });
      }),
      { numRuns: 10 },
    );
  });
  it('accepted by someone else a moment ago, while Describe still says pending: the refused Accept is no error, and is not reported', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, lags, async ({ where, blocks }, lag) => {
        await withPcxsim({ consistency: { describeDelayMs: lag }, ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks, { poll: { intervalMs: 1_000, timeoutMs: 120_000 } });
          const made = await requestBetween(members[0]!, members[1]!);
          await ctx.clock.advance(lag + 1); // checked, and pending-acceptance in every view
          await members[1]!.client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: made }));

          const report = await reconcileMesh(spec);
          expect(report.pairs[0]).toEqual({ kind: 'peered', a: 'm0', b: 'm1', connectionId: made });
          expect(report.changes.filter((change) => change.action === 'accept-connection' && change.connectionId === made)).toEqual([]);
          const accepts = ctx.calls().filter((call) => call.action === 'AcceptVpcPeeringConnection');
          expect(accepts.map((call) => call.errorCode)).toEqual([undefined, 'InvalidStateTransition', ...accepts.slice(2).map(() => undefined)]);
        });
      }),
      { numRuns: 10 },
    );
  });

  it('a teardown run again at once, while Describe still shows the connections active: the refused Deletes are no error, and nothing is reported', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, lags, async ({ where, blocks }, lag) => {
        await withPcxsim({ consistency: { describeDelayMs: lag }, ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks, { poll: { intervalMs: 1_000, timeoutMs: 120_000 } });
          await ctx.clock.advance(lag);
          await reconcileMesh(spec);
          await ctx.clock.advance(lag);
          const first = await teardownMesh(spec);
          expect(first.filter((change) => change.action === 'delete-connection')).toHaveLength(indexPairs(members.length).length);
          expect(await teardownMesh(spec)).toEqual([]);
          await ctx.clock.advance(lag);
          for (const [i, j] of indexPairs(members.length)) expect(await liveBetween(members[i]!, members[j]!)).toEqual([]);
        });
      }),
      { numRuns: 10 },
    );
  });
});
