// Throttling and server errors on any call: retried with capped exponential backoff up to the bound,
// then a typed error; errors that are the caller's own are passed on at once.
import { disjointCidrBlocks, withPcxsim } from '@pcxsim/testing';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { DEFAULT_POLL, ensurePeering, PeeringManagerError, RetriesExhaustedError } from '../src/index.js';
import { dnsSeenBy, layouts, NO_SDK_RETRIES, thrownBy, twoVpcs } from './two-vpcs.js';

/** The actions ensurePeering calls; with `dns: true`, each at least once in a fresh world. */
const ACTIONS = [
  'DescribeVpcPeeringConnections',
  'CreateVpcPeeringConnection',
  'AcceptVpcPeeringConnection',
  'ModifyVpcPeeringConnectionOptions',
] as const;
const action = fc.constantFrom(...ACTIONS);
const faultKind = fc.constantFrom('throttle' as const, 'internal-error' as const);
const ERROR_NAME = { throttle: 'RequestLimitExceeded', 'internal-error': 'InternalError' } as const;

/** Backoff of 100 ms doubling, capped at 250 ms: 100, 200, 250, 250… */
const RETRY = { baseDelayMs: 100, maxDelayMs: 250 };
const backoffs = (retries: number) => Array.from({ length: retries }, (_, i) => Math.min(250, 100 * 2 ** i));

group('ensurePeering under throttling and server errors', () => {
  it('the Nth call of any action failing up to the retry bound: retried with backoff, still ends active', async () => {
    const cases = fc
      .record({ action, kind: faultKind, call: fc.integer({ min: 1, max: 2 }), maxRetries: fc.integer({ min: 1, max: 4 }) })
      .chain((c) => fc.record({ times: fc.integer({ min: 1, max: c.maxRetries }) }).map(({ times }) => ({ ...c, times })));
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), cases, async (layout, blocks, c) => {
        await withPcxsim({ faults: [{ kind: c.kind, action: c.action, call: c.call, times: c.times }], ...NO_SDK_RETRIES }, async (ctx) => {
          const retry = { ...RETRY, maxRetries: c.maxRetries };
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { dns: true, retry });
          const result = await ensurePeering(setup.request);
          expect(result.status).toBe('active');
          expect(await dnsSeenBy(setup.accepterClient, result.connectionId)).toEqual([true, true]);
          // The fault fired when the action was called at least `call` times (the failed calls included).
          const fired = ctx.calls().filter((call) => call.action === c.action).length >= c.call;
          const backoffSleeps = setup.sleeps.filter((ms) => ms !== DEFAULT_POLL.intervalMs);
          expect(backoffSleeps).toEqual(fired ? backoffs(c.times) : []);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('failing once more than the bound: gives up with RetriesExhaustedError naming the action and the attempts', async () => {
    const cases = fc.record({ action, kind: faultKind, maxRetries: fc.integer({ min: 0, max: 3 }), beyond: fc.integer({ min: 1, max: 3 }) });
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), cases, async (layout, blocks, c) => {
        const fault = { kind: c.kind, action: c.action, call: 1, times: c.maxRetries + c.beyond };
        await withPcxsim({ faults: [fault], ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { dns: true, retry: { ...RETRY, maxRetries: c.maxRetries } });
          const error = await thrownBy(ensurePeering(setup.request));
          expect(error).toBeInstanceOf(RetriesExhaustedError);
          expect(error).toBeInstanceOf(PeeringManagerError);
          const attempts = c.maxRetries + 1;
          expect(error).toMatchObject({ action: c.action, attempts, cause: { name: ERROR_NAME[c.kind] } });
          expect((error as Error).message).toBe(`${c.action} still failing after ${attempts} attempts: ${ERROR_NAME[c.kind]}`);
          expect(setup.sleeps.filter((ms) => ms !== DEFAULT_POLL.intervalMs)).toEqual(backoffs(c.maxRetries));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('Describe failing past the bound while it waits: RetriesExhaustedError, not an endless wait', async () => {
    // Call 1 is the search for an existing connection; calls 2 to 4 are polls of the waits.
    const cases = fc.record({ kind: faultKind, call: fc.integer({ min: 2, max: 4 }), maxRetries: fc.integer({ min: 0, max: 2 }) });
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), cases, async (layout, blocks, c) => {
        const fault = { kind: c.kind, action: 'DescribeVpcPeeringConnections' as const, call: c.call, times: c.maxRetries + 1 };
        await withPcxsim({ faults: [fault], ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { retry: { ...RETRY, maxRetries: c.maxRetries } });
          const error = await thrownBy(ensurePeering(setup.request));
          expect(error).toMatchObject({ name: 'RetriesExhaustedError', action: 'DescribeVpcPeeringConnections', attempts: c.maxRetries + 1 });
        });
      }),
      { numRuns: 15 },
    );
  });

  it('with the default bound (5 retries), five throttles in a row are survived and six are not', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), action, fc.boolean(), async (layout, blocks, throttled, beyond) => {
        const fault = { kind: 'throttle' as const, action: throttled, call: 1, times: beyond ? 6 : 5 };
        await withPcxsim({ faults: [fault], ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { dns: true });
          const outcome = ensurePeering(setup.request);
          if (beyond) expect(await thrownBy(outcome)).toMatchObject({ name: 'RetriesExhaustedError', attempts: 6 });
          else expect((await outcome).status).toBe('active');
          // 0.5 s doubling: 500, 1000, 2000, 4000, 8000 ms.
          expect(setup.sleeps.filter((ms) => ms !== DEFAULT_POLL.intervalMs)).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('random throttling of every action: still ends active', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), fc.integer({ min: 1, max: 1_000_000 }), async (layout, blocks, seed) => {
        await withPcxsim({ seed, faults: [{ kind: 'random-throttle', probability: 0.3, actions: ACTIONS }], ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { dns: true, retry: { maxRetries: 12, maxDelayMs: 1_000 } });
          expect((await ensurePeering(setup.request)).status).toBe('active');
        });
      }),
      { numRuns: 15 },
    );
  });

  it("an error that is the caller's own (DNS hostnames off) is passed on as AWS raised it, with no retry", async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), async (layout, blocks) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { dns: true }, false);
          const error = await thrownBy(ensurePeering(setup.request));
          expect(error).not.toBeInstanceOf(PeeringManagerError);
          expect(error).toMatchObject({ name: 'InvalidVpcPeeringConnectionState.DnsHostnamesDisabled' });
          expect(ctx.calls().filter((call) => call.action === 'ModifyVpcPeeringConnectionOptions')).toHaveLength(1);
          expect(setup.sleeps.filter((ms) => ms !== DEFAULT_POLL.intervalMs)).toEqual([]);
        });
      }),
      { numRuns: 10 },
    );
  });
});
