// Overlapping blocks: AWS accepts such a request and then fails it (spec §2.2). The reconciler must
// never ask for one, must report the pair, and must still peer and route every other pair.
import { overlappingCidrBlocks, vpcCidrBlock, withPcxsim } from '@pcxsim/testing';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { reconcileMesh } from '../src/index.js';
import { describe, indexPairs, liveBetween, meshWorld, nameOf, NO_SDK_RETRIES, peeringRoutes, places, requestBetween } from './mesh-world.js';

/** The /18 pieces of 10.0.0.0/14 a block of it (/16 to /18) covers: an overlap oracle of the test's own. */
function granules(block: string): Set<number> {
  const [, second, third, , length] = block.split(/[./]/).map(Number);
  const first = (second! * 256 + third!) / 64;
  return new Set(Array.from({ length: 2 ** (18 - length!) }, (_, k) => first + k));
}
const granulesMeet = (a: string, b: string) => [...granules(a)].some((piece) => granules(b).has(piece));

group('reconcileMesh and overlapping blocks', () => {
  it('any blocks (overlaps likely): a pair is peered exactly when AWS would peer it; an overlapping pair is never asked for', async () => {
    // One block per VPC, from one /14, /16 to /18 long: overlaps are common (secondary blocks: the next property).
    const block = vpcCidrBlock({ within: ['10.0.0.0/14'], minLength: 16, maxLength: 18 }).map((one) => [one]);
    const meshes = fc.integer({ min: 2, max: 4 }).chain((count) => fc.record({ where: places(count), blocks: fc.array(block, { minLength: count, maxLength: count }) }));
    await fc.assert(
      fc.asyncProperty(meshes, async ({ where, blocks }) => {
        const valid = blocks;
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, valid);
          const report = await reconcileMesh(spec);
          await ctx.clock.advance(0);

          for (const [k, [i, j]] of indexPairs(members.length).entries()) {
            const outcome = report.pairs[k]!;
            const [live] = await liveBetween(members[i]!, members[j]!);
            if (outcome.kind === 'peered') {
              expect(live?.Status?.Code).toBe('active');
              continue;
            }
            expect(outcome).toMatchObject({ kind: 'overlapping', a: nameOf(i), b: nameOf(j) });
            expect(live).toBeUndefined();
            if (outcome.kind !== 'overlapping') continue;
            expect(valid[i]).toContain(outcome.blocks[0]);
            expect(valid[j]).toContain(outcome.blocks[1]);
            // AWS agrees: asked directly, it fails the request.
            const id = await requestBetween(members[i]!, members[j]!);
            await ctx.clock.advance(0);
            expect((await describe(members[i]!.client, id)).Status?.Code).toBe('failed');
          }
          // Routes only to peers, and only to a peer's block that no other peer of the member overlaps
          // (one table, one connection per prefix: routes §3.5); the others are reported unrouted.
          for (const [i, member] of members.entries()) {
            const peers = report.pairs.flatMap((pair) => (pair.kind === 'peered' && (pair.a === nameOf(i) || pair.b === nameOf(i)) ? [Number((pair.a === nameOf(i) ? pair.b : pair.a).slice(1))] : []));
            const routed: string[] = [];
            const unrouted: [string, string][] = [];
            for (const p of peers) {
              const clashes = peers.filter((q) => q !== p && granulesMeet(valid[q]![0]!, valid[p]![0]!));
              if (clashes.length === 0) routed.push(valid[p]![0]!);
              else unrouted.push([nameOf(p), valid[p]![0]!]);
            }
            expect((await peeringRoutes(member)).map((route) => route.split(' ')[0]).sort()).toEqual(routed.sort());
            const reported = report.unrouted.filter((block) => block.member === member.name);
            expect(reported.map((block) => [block.peer, block.destination])).toEqual(unrouted);
            for (const block of reported) expect(granulesMeet(valid[Number(block.overlapsWith.slice(1))]![0]!, block.destination)).toBe(true);
          }
        });
      }),
      { numRuns: 20 },
    );
  });

  it('each kind of overlap (equal, nested, partial; primary or secondary block) is reported, with the blocks that overlap', async () => {
    await fc.assert(
      fc.asyncProperty(overlappingCidrBlocks(), places(2), async ({ a, b }, where) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec } = await meshWorld(ctx, where, [a, b]);
          const before = ctx.calls().length;
          const report = await reconcileMesh(spec);
          expect(report.pairs).toEqual([{ kind: 'overlapping', a: 'm0', b: 'm1', blocks: expect.any(Array) }]);
          expect(report.changes).toEqual([]);
          const [x, y] = report.pairs[0]?.kind === 'overlapping' ? report.pairs[0].blocks : [];
          expect(a).toContain(x);
          expect(b).toContain(y);
          expect(ctx.calls().slice(before).filter((call) => !String(call.action).startsWith('Describe'))).toEqual([]);
        });
      }),
      { numRuns: 20 },
    );
  });
});
