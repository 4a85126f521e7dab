// Eventual consistency: Describe shows changes late (right after Create it does not find the new
// connection at all). ensurePeering must wait it out rather than fail or ask twice.
import { disjointCidrBlocks, withPcxsim } from '@pcxsim/testing';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { ensurePeering } from '../src/index.js';
import { connectionsOf, describe, dnsSeenBy, layouts, NO_SDK_RETRIES, requestPeering, twoVpcs } from './two-vpcs.js';

group('ensurePeering with eventual consistency', () => {
  it('Describe lagging by up to a minute: still one active connection with DNS set, within the wait budget', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), fc.integer({ min: 1, max: 60_000 }), fc.boolean(), async (layout, blocks, lag, dns) => {
        await withPcxsim({ consistency: { describeDelayMs: lag }, ...NO_SDK_RETRIES }, async (ctx) => {
          const poll = { intervalMs: 2_000, timeoutMs: 62_000 };
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { dns, poll });
          const result = await ensurePeering(setup.request);
          expect(result.steps).toEqual(['created', 'accepted', ...(dns ? ['set-requester-dns', 'set-accepter-dns'] : [])]);
          // Every wait polled at the interval asked for, and none beyond the budget.
          expect(new Set(setup.sleeps)).toEqual(new Set([poll.intervalMs]));

          await ctx.clock.advance(lag);
          expect((await describe(setup.accepterClient, result.connectionId)).Status?.Code).toBe('active');
          expect(await dnsSeenBy(setup.requesterClient, result.connectionId)).toEqual([dns, dns]);
          expect(await connectionsOf(setup)).toHaveLength(1);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('a request made a moment ago, not yet in Describe: asking again gets the same connection back, not a second one', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), fc.integer({ min: 1, max: 60_000 }), async (layout, blocks, lag) => {
        await withPcxsim({ consistency: { describeDelayMs: lag }, ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { poll: { intervalMs: 1_000, timeoutMs: 120_000 } });
          const made = await requestPeering(setup);
          const result = await ensurePeering(setup.request);
          expect(result).toEqual({ connectionId: made, status: 'active', steps: ['created', 'accepted'] });
          await ctx.clock.advance(lag);
          expect(await connectionsOf(setup)).toHaveLength(1);
        });
      }),
      { numRuns: 15 },
    );
  });
});
