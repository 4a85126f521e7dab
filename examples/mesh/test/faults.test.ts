// Throttling and server errors on any call the reconciler makes: retried with capped exponential
// backoff up to the bound, then a typed error; a request that fails AWS's check is reported for its
// pair while the others are peered.
import { disjointCidrBlocks, withPcxsim } from '@pcxsim/testing';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { DEFAULT_POLL, reconcileMesh, RetriesExhaustedError, teardownMesh } from '../src/index.js';
import { indexPairs, liveBetween, meshWorld, nameOf, NO_SDK_RETRIES, peeringRoutes, places } from './mesh-world.js';

/** The actions a reconcile calls in a fresh world, each at least once. */
const RECONCILE_ACTIONS = [
  'DescribeVpcs',
  'DescribeVpcPeeringConnections',
  'CreateVpcPeeringConnection',
  'AcceptVpcPeeringConnection',
  'DescribeRouteTables',
  'CreateRoute',
] as const;
/** And a teardown after it. */
const TEARDOWN_ACTIONS = ['DescribeVpcPeeringConnections', 'DescribeRouteTables', 'DeleteRoute', 'DeleteVpcPeeringConnection'] as const;
const faultKind = fc.constantFrom('throttle' as const, 'internal-error' as const);
const ERROR_NAME = { throttle: 'RequestLimitExceeded', 'internal-error': 'InternalError' } as const;

/** Backoff of 100 ms doubling, capped at 250 ms: 100, 200, 250, 250… */
const RETRY = { baseDelayMs: 100, maxDelayMs: 250 };
const backoffs = (retries: number) => Array.from({ length: retries }, (_, i) => Math.min(250, 100 * 2 ** i));
/** Runs `read` until it is not throttled. */
async function unthrottled<T>(read: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if ((error as Error).name !== 'RequestLimitExceeded') throw error;
    }
  }
}
const backoffSleeps = (sleeps: readonly number[]) => sleeps.filter((ms) => ms !== DEFAULT_POLL.intervalMs);

/** 2 or 3 members with one block each, anywhere. */
const meshes = fc.integer({ min: 2, max: 3 }).chain((count) => fc.record({ where: places(count), blocks: disjointCidrBlocks(count).map((all) => all.map((b) => [b])) }));

group('reconcileMesh under throttling and server errors', () => {
  it('the Nth call of any action failing up to the retry bound: retried with backoff, the mesh still converges', async () => {
    const cases = fc
      .record({ action: fc.constantFrom(...RECONCILE_ACTIONS), kind: faultKind, call: fc.integer({ min: 1, max: 2 }), maxRetries: fc.integer({ min: 1, max: 4 }) })
      .chain((c) => fc.integer({ min: 1, max: c.maxRetries }).map((times) => ({ ...c, times })));
    await fc.assert(
      fc.asyncProperty(meshes, cases, async ({ where, blocks }, c) => {
        await withPcxsim({ faults: [{ kind: c.kind, action: c.action, call: c.call, times: c.times }], ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members, sleeps } = await meshWorld(ctx, where, blocks, { retry: { ...RETRY, maxRetries: c.maxRetries } });
          const report = await reconcileMesh(spec);
          expect(report.pairs.every((pair) => pair.kind === 'peered')).toBe(true);
          for (const member of members) expect(await peeringRoutes(member)).toHaveLength(members.length - 1);
          // The fault fired when the action was called at least `call` times (the failed calls included).
          const fired = ctx.calls().filter((call) => call.action === c.action).length >= c.call;
          expect(backoffSleeps(sleeps)).toEqual(fired ? backoffs(c.times) : []);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('failing once more than the bound: RetriesExhaustedError naming the action, the attempts and the cause', async () => {
    const cases = fc.record({ action: fc.constantFrom(...RECONCILE_ACTIONS), kind: faultKind, maxRetries: fc.integer({ min: 0, max: 3 }), beyond: fc.integer({ min: 1, max: 2 }) });
    await fc.assert(
      fc.asyncProperty(meshes, cases, async ({ where, blocks }, c) => {
        const fault = { kind: c.kind, action: c.action, call: 1, times: c.maxRetries + c.beyond };
        await withPcxsim({ faults: [fault], ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, sleeps } = await meshWorld(ctx, where, blocks, { retry: { ...RETRY, maxRetries: c.maxRetries } });
          const error = await reconcileMesh(spec).then(
            () => undefined,
            (thrown: unknown) => thrown,
          );
          const attempts = c.maxRetries + 1;
          expect(error).toBeInstanceOf(RetriesExhaustedError);
          expect(error).toMatchObject({ action: c.action, attempts, cause: { name: ERROR_NAME[c.kind] } });
          expect((error as Error).message).toBe(`${c.action} still failing after ${attempts} attempts: ${ERROR_NAME[c.kind]}`);
          expect(backoffSleeps(sleeps)).toEqual(backoffs(c.maxRetries));
        });
      }),
      { numRuns: 20 },
    );
  });

  it('with the default bound (5 retries, from 0.5 s doubling), five throttles in a row are survived and six are not', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, fc.constantFrom(...RECONCILE_ACTIONS), fc.boolean(), async ({ where, blocks }, action, beyond) => {
        await withPcxsim({ faults: [{ kind: 'throttle', action, call: 1, times: beyond ? 6 : 5 }], ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, sleeps } = await meshWorld(ctx, where, blocks);
          const outcome = reconcileMesh(spec);
          if (beyond) await expect(outcome).rejects.toMatchObject({ name: 'RetriesExhaustedError', attempts: 6 });
          else expect((await outcome).pairs.every((pair) => pair.kind === 'peered')).toBe(true);
          expect(backoffSleeps(sleeps)).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
        });
      }),
      { numRuns: 8 },
    );
  });

  it('random throttling of every action, reconcile and teardown: the mesh converges, then nothing is left', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, fc.integer({ min: 1, max: 1_000_000 }), async ({ where, blocks }, seed) => {
        const actions = [...new Set([...RECONCILE_ACTIONS, ...TEARDOWN_ACTIONS])];
        await withPcxsim({ seed, faults: [{ kind: 'random-throttle', probability: 0.3, actions }], ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks, { retry: { maxRetries: 12, maxDelayMs: 1_000 } });
          expect((await reconcileMesh(spec)).pairs.every((pair) => pair.kind === 'peered')).toBe(true);
          await teardownMesh(spec);
          // The test's own reads are throttled too: it retries them until they get through.
          for (const [i, j] of indexPairs(members.length)) expect(await unthrottled(() => liveBetween(members[i]!, members[j]!))).toEqual([]);
          for (const member of members) expect(await unthrottled(() => peeringRoutes(member))).toEqual([]);
        });
      }),
      { numRuns: 8 },
    );
  });

  it('a request that fails AWS’s check: that pair is reported ended with AWS’s message and gets no route; the others are peered', async () => {
    const cases = meshes.chain((mesh) => fc.integer({ min: 1, max: indexPairs(mesh.where.length).length }).map((failing) => ({ ...mesh, failing })));
    await fc.assert(
      fc.asyncProperty(cases, async ({ where, blocks, failing }) => {
        await withPcxsim({ faults: [{ kind: 'peering-check-fails', call: failing }], ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks);
          const report = await reconcileMesh(spec);
          const pairs = indexPairs(members.length);
          for (const [k, [i, j]] of pairs.entries()) {
            if (k + 1 === failing) {
              expect(report.pairs[k]).toEqual({
                kind: 'ended',
                a: nameOf(i),
                b: nameOf(j),
                connectionId: expect.stringMatching(/^pcx-/),
                status: 'failed',
                message: 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range',
              });
            } else expect(report.pairs[k]).toMatchObject({ kind: 'peered', a: nameOf(i), b: nameOf(j) });
          }
          const [fi, fj] = pairs[failing - 1]!;
          expect(await liveBetween(members[fi]!, members[fj]!)).toEqual([]);
          for (const [m, member] of members.entries()) {
            const peersOf = pairs.filter(([i, j], k) => k + 1 !== failing && (i === m || j === m)).length;
            expect(await peeringRoutes(member)).toHaveLength(peersOf);
          }
        });
      }),
      { numRuns: 12 },
    );
  });
});
