// The listing reads every page (a member with many connections), and a wait that outlasts its budget
// is reported for its pair with the last status seen, without routes.
import { disjointCidrBlocks, withPcxsim } from '@pcxsim/testing';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { reconcileMesh } from '../src/index.js';
import { createVpc, indexPairs, liveBetween, meshWorld, NO_SDK_RETRIES, peeringRoutes, places, requestBetween } from './mesh-world.js';

group('reconcileMesh reads every page, and reports waits that run out', () => {
  it('a member that requested many other connections: the mesh’s own, listed on a later page, is still found', async () => {
    const cases = fc.record({ where: places(2), outsiders: fc.integer({ min: 5, max: 12 }), pageSize: fc.integer({ min: 5, max: 7 }), reverse: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(cases, disjointCidrBlocks(14), async ({ where, outsiders, pageSize, reverse }, blocks) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, [[blocks[0]!], [blocks[1]!]], { pageSize });
          const [from, to] = reverse ? [members[1]!, members[0]!] : [members[0]!, members[1]!];
          // `outsiders` requests from the same VPC first, so that the mesh's connection comes last.
          for (let k = 0; k < outsiders; k++) {
            const [vpcId, routeTableId] = await createVpc(from.client, [blocks[2 + k]!]);
            await requestBetween(from, { ...from, vpcId, routeTableId });
          }
          const made = await requestBetween(from, to);
          await ctx.clock.advance(0);

          const report = await reconcileMesh(spec);
          expect(report.pairs).toEqual([{ kind: 'peered', a: 'm0', b: 'm1', connectionId: made }]);
          expect(report.changes.map((change) => change.action)).toEqual(['accept-connection', 'create-route', 'create-route']);
          const pages = ctx.calls().filter((call) => call.action === 'DescribeVpcPeeringConnections' && call.accountId === from.accountId && call.region === from.region);
          expect(pages.length).toBeGreaterThanOrEqual(Math.ceil((outsiders + 1) / pageSize));
        });
      }),
      { numRuns: 8 },
    );
  });

  it('a wait budget of 0: every pair reported timed out, with the status last seen, and no route made', async () => {
    const meshes = fc.integer({ min: 2, max: 3 }).chain((count) => fc.record({ where: places(count), blocks: disjointCidrBlocks(count).map((all) => all.map((b) => [b])) }));
    await fc.assert(
      fc.asyncProperty(meshes, fc.boolean(), async ({ where, blocks }, lagging) => {
        await withPcxsim({ ...(lagging ? { consistency: { describeDelayMs: 1_000 } } : {}), ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members, sleeps } = await meshWorld(ctx, where, blocks, { poll: { intervalMs: 1_000, timeoutMs: 0 } });
          if (lagging) await ctx.clock.advance(1_000);
          const report = await reconcileMesh(spec);
          for (const [k, [i, j]] of indexPairs(members.length).entries()) {
            const outcome = report.pairs[k]!;
            expect(outcome).toMatchObject({ kind: 'timed-out', a: `m${i}`, b: `m${j}` });
            const checkedAtOnce = members[i]!.accountId === members[j]!.accountId && members[i]!.region === members[j]!.region;
            // Lagging, nothing is visible yet; otherwise AWS has not checked a request across (spec §2.4),
            // and one in one account and Region was accepted but is not active before the clock moves.
            const expected = lagging ? 'not-visible' : checkedAtOnce ? 'provisioning' : 'initiating-request';
            expect(outcome).toMatchObject({ lastSeen: expected, connectionId: (await liveBetween(members[i]!, members[j]!))[0]?.VpcPeeringConnectionId ?? expect.any(String) });
          }
          expect(sleeps).toEqual([]);
          // Nothing peered, nothing to route: no table is even read.
          expect(ctx.calls().filter((call) => call.action === 'DescribeRouteTables')).toEqual([]);
          for (const member of members) expect(await peeringRoutes(member)).toEqual([]);
        });
      }),
      { numRuns: 10 },
    );
  });
  it('sleeps in real time when no sleep is given (and counts its budget in what it asked for)', async () => {
    await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
      // Across accounts the request is checked only when the clock moves, which real time does not do.
      const where = [
        { accountId: '111111111111', region: 'us-east-1' },
        { accountId: '222222222222', region: 'us-east-1' },
      ];
      const { spec } = await meshWorld(ctx, where, [['10.0.0.0/16'], ['10.1.0.0/16']]);
      const { sleep: _simulated, ...realTime } = spec;
      const started = performance.now();
      const report = await reconcileMesh({ ...realTime, poll: { intervalMs: 10, timeoutMs: 40 } });
      expect(report.pairs).toEqual([{ kind: 'timed-out', a: 'm0', b: 'm1', connectionId: expect.stringMatching(/^pcx-/), lastSeen: 'initiating-request' }]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    });
  }, 5_000);
});
