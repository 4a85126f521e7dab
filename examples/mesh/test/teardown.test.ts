// teardownMesh undoes a mesh: no route to a peer and no live connection between members is left,
// connections with VPCs outside the mesh are untouched, and a second teardown changes nothing.
import { disjointCidrBlocks, vpcCidrBlock, withPcxsim } from '@pcxsim/testing';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { reconcileMesh, teardownMesh } from '../src/index.js';
import { createVpc, describe, indexPairs, liveBetween, meshWorld, NO_SDK_RETRIES, peeringRoutes, places, requestBetween } from './mesh-world.js';

const timing = fc.constantFrom('instant' as const, 'realistic' as const);

group('teardownMesh', () => {
  it('after any reconcile (overlaps included), leaves no route to a peer and no live connection between members; again, changes nothing', async () => {
    const block = vpcCidrBlock({ within: ['10.0.0.0/14'], minLength: 16, maxLength: 18 }).map((one) => [one]);
    const meshes = fc.integer({ min: 2, max: 4 }).chain((count) => fc.record({ where: places(count), blocks: fc.array(block, { minLength: count, maxLength: count }) }));
    await fc.assert(
      fc.asyncProperty(meshes, timing, async ({ where, blocks }, profile) => {
        await withPcxsim({ timing: profile, ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members, sleeps } = await meshWorld(ctx, where, blocks);
          const report = await reconcileMesh(spec);
          const peered = report.pairs.filter((pair) => pair.kind === 'peered').map((pair) => (pair as { connectionId: string }).connectionId);

          const changes = await teardownMesh(spec);
          expect(changes.filter((change) => change.action === 'delete-connection').map((change) => change.connectionId).sort()).toEqual([...peered].sort());
          expect(changes.filter((change) => change.action === 'delete-route')).toHaveLength(report.changes.filter((change) => change.action === 'create-route').length);
          for (const [i, j] of indexPairs(members.length)) expect(await liveBetween(members[i]!, members[j]!)).toEqual([]);
          for (const member of members) expect(await peeringRoutes(member)).toEqual([]);

          // Again: connections that ended are left to AWS at once, without a wait or a write.
          const [callsBefore, sleepsBefore] = [ctx.calls().length, sleeps.length];
          expect(await teardownMesh(spec)).toEqual([]);
          expect(ctx.calls().slice(callsBefore).filter((call) => !String(call.action).startsWith('Describe'))).toEqual([]);
          expect(sleeps.length).toBe(sleepsBefore);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('deletes a request still pending (as its requester) and one not yet checked; leaves the members’ connections with outsiders alone', async () => {
    await fc.assert(
      fc.asyncProperty(places(3), disjointCidrBlocks(3), fc.boolean(), async (where, blocks, checked) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where.slice(0, 2), [[blocks[0]!], [blocks[1]!]]);
          // An outsider VPC, peered with m0, and a pending request between the members (made by m1).
          const [outsiderVpc, outsiderTable] = await createVpc(ctx.ec2For(where[2]!.accountId, where[2]!.region), [blocks[2]!]);
          const outsider = { ...members[0]!, ...where[2]!, name: 'outsider', client: ctx.ec2For(where[2]!.accountId, where[2]!.region), vpcId: outsiderVpc, routeTableId: outsiderTable };
          await reconcileMesh({ ...spec, members: [members[0]!, outsider] });
          const outside = (await liveBetween(members[0]!, outsider))[0]!.VpcPeeringConnectionId!;
          const pending = await requestBetween(members[1]!, members[0]!);
          if (checked) await ctx.clock.advance(0);

          const changes = await teardownMesh(spec);
          expect(changes).toEqual([{ action: 'delete-connection', requester: 'm1', connectionId: pending }]);
          expect(await liveBetween(members[0]!, members[1]!)).toEqual([]);
          expect((await describe(members[0]!.client, outside)).Status?.Code).toBe('active');
          expect(await peeringRoutes(members[0]!)).toEqual([`${blocks[2]} → ${outside} (active)`]);
        });
      }),
      { numRuns: 10 },
    );
  });

  it('then a reconcile builds the mesh again, with new connections and routes', async () => {
    await fc.assert(
      fc.asyncProperty(places(3), disjointCidrBlocks(3), async (where, blocks) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks.map((b) => [b]));
          const first = await reconcileMesh(spec);
          await teardownMesh(spec);
          await ctx.clock.advance(0);
          const again = await reconcileMesh(spec);
          expect(again.pairs.map((pair) => pair.kind)).toEqual(['peered', 'peered', 'peered']);
          const ids = (report: typeof first) => report.pairs.map((pair) => (pair as { connectionId: string }).connectionId);
          for (const id of ids(again)) expect(ids(first)).not.toContain(id);
          // The old routes were deleted by the teardown: the new ones are created, not replaced.
          expect(again.changes.filter((change) => change.action === 'create-route')).toHaveLength(6);
          for (const member of members) expect(await peeringRoutes(member)).toHaveLength(2);
        });
      }),
      { numRuns: 6 },
    );
  });
});
