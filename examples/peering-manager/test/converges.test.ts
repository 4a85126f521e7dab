// The happy paths: whatever the accounts, Regions and timings, ensurePeering ends with one active
// connection, DNS as asked, and running it again changes nothing.
import { AcceptVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import { disjointCidrBlocks, tagSet, withPcxsim } from '@pcxsim/testing';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { ensurePeering, PeeringTimeoutError, type PeeringStep } from '../src/index.js';
import { connectionsOf, createVpc, describe, expectEachCallFromTheRightSide, dnsSeenBy, layouts, NO_SDK_RETRIES, requestPeering, thrownBy, twoVpcs } from './two-vpcs.js';

const dnsChoice = fc.option(fc.boolean(), { nil: undefined });
const timing = fc.constantFrom('instant' as const, 'realistic' as const);
const DNS_STEPS: readonly PeeringStep[] = ['set-requester-dns', 'set-accepter-dns'];

group('ensurePeering converges', () => {
  it('ends active, DNS as asked, tags on the new connection: any disjoint blocks, accounts, Regions, timing', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), dnsChoice, tagSet(), timing, async (layout, blocks, dns, tags, profile) => {
        await withPcxsim({ timing: profile, ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { ...(dns === undefined ? {} : { dns }), tags });
          const result = await ensurePeering(setup.request);

          expect(result.status).toBe('active');
          expect(result.steps).toEqual(['created', 'accepted', ...(dns === true ? DNS_STEPS : [])]);
          const [only, ...others] = await connectionsOf(setup);
          expect(others).toEqual([]);
          expect(only?.VpcPeeringConnectionId).toBe(result.connectionId);
          expect(only?.AccepterVpcInfo).toMatchObject({ OwnerId: layout.accepterAccount, Region: layout.accepterRegion });
          expect(only?.Tags ?? []).toEqual(expect.arrayContaining(tags.map((tag) => expect.objectContaining(tag))));
          expect(only?.Tags ?? []).toHaveLength(tags.length);
          // Both sides see it active, with DNS as asked (off, the default, when not asked).
          const expected = [dns ?? false, dns ?? false];
          expect((await describe(setup.accepterClient, result.connectionId)).Status?.Code).toBe('active');
          expect(await dnsSeenBy(setup.requesterClient, result.connectionId)).toEqual(expected);
          expect(await dnsSeenBy(setup.accepterClient, result.connectionId)).toEqual(expected);
          expectEachCallFromTheRightSide(ctx.calls(), layout);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('is idempotent: a second run reuses the connection and calls nothing but Describe; a changed DNS wish is applied', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), fc.boolean(), async (layout, blocks, dns) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { dns });
          const first = await ensurePeering(setup.request);
          const callsBefore = ctx.calls().length;

          const second = await ensurePeering(setup.request);
          expect(second).toEqual({ connectionId: first.connectionId, status: 'active', steps: ['reused'] });
          // Describe to find it, to see it checked, to see it active: nothing else.
          expect(ctx.calls().slice(callsBefore).map((call) => call.action)).toEqual(Array(3).fill('DescribeVpcPeeringConnections'));

          const flipped = await ensurePeering({ ...setup.request, dns: !dns });
          expect(flipped.steps).toEqual(['reused', ...DNS_STEPS]);
          expect(await dnsSeenBy(setup.accepterClient, first.connectionId)).toEqual([!dns, !dns]);
          expect(await connectionsOf(setup)).toHaveLength(1);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('takes over a request that someone made and left pending: accepts it instead of asking again', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), async (layout, blocks) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!]);
          const made = await requestPeering(setup);
          const result = await ensurePeering(setup.request);
          expect(result).toEqual({ connectionId: made, status: 'active', steps: ['reused', 'accepted'] });
          expect(await connectionsOf(setup)).toHaveLength(1);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('adopts a connection someone else already accepted (provisioning or active): nothing to create or accept', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), fc.boolean(), async (layout, blocks, settle) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!]);
          const id = await requestPeering(setup);
          await ctx.clock.advance(0); // AWS checks the request
          await setup.accepterClient.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
          if (settle) await ctx.clock.advance(0); // provisioning → active
          expect((await describe(setup.requesterClient, id)).Status?.Code).toBe(settle ? 'active' : 'provisioning');

          expect(await ensurePeering(setup.request)).toEqual({ connectionId: id, status: 'active', steps: ['reused'] });
        });
      }),
      { numRuns: 15 },
    );
  });

  it('either VPC already peered with a third one: those connections are left alone and a new one is made', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(4), async (layout, blocks) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!]);
          const { requester, accepter } = setup.request;
          // The requester VPC → a third VPC, and a fourth VPC of the requester's → the accepter VPC.
          const third = { ...accepter, vpcId: await createVpc(setup.accepterClient, blocks[2]!) };
          const fourth = { ...requester, vpcId: await createVpc(setup.requesterClient, blocks[3]!) };
          const others = [await ensurePeering({ ...setup.request, accepter: third }), await ensurePeering({ ...setup.request, requester: fourth })];

          const result = await ensurePeering(setup.request);
          expect(result.steps).toEqual(['created', 'accepted']);
          expect(others.map((other) => other.connectionId)).not.toContain(result.connectionId);
        });
      }),
      { numRuns: 15 },
    );
  });

  it('treats a request that expired (7 days unanswered) as history: asks again and ends active', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), async (layout, blocks) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!]);
          const stale = await requestPeering(setup);
          await ctx.clock.advance(7 * 24 * 3_600_000 + 1);
          expect((await describe(setup.requesterClient, stale)).Status?.Code).toBe('expired');

          const result = await ensurePeering(setup.request);
          expect(result.steps).toEqual(['created', 'accepted']);
          expect(result.connectionId).not.toBe(stale);
          expect((await describe(setup.requesterClient, stale)).Status?.Code).toBe('expired');
        });
      }),
      { numRuns: 20 },
    );
  });

  it('sleeps in real time when no sleep is given (and counts its budget in what it asked for)', async () => {
    await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
      // Across accounts the request is checked only when the clock moves, which real time does not do.
      const layout = { requesterAccount: '111111111111', requesterRegion: 'us-east-1', accepterAccount: '222222222222', accepterRegion: 'us-east-1' };
      const setup = await twoVpcs(ctx, layout, ['10.0.0.0/16', '10.1.0.0/16']);
      const { sleep: _simulated, ...request } = setup.request;
      const started = performance.now();
      const error = await thrownBy(ensurePeering({ ...request, poll: { intervalMs: 10, timeoutMs: 40 } }));
      expect(error).toBeInstanceOf(PeeringTimeoutError);
      expect(error).toMatchObject({ name: 'PeeringTimeoutError', lastSeen: 'initiating-request', waitedMs: 40, wanted: ['pending-acceptance', 'provisioning', 'active'] });
      expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    });
  }, 5_000);
});
