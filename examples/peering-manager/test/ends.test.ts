// The ways a peering does not become active: AWS's check fails, the accepter rejects, the request
// expires or is deleted while ensurePeering waits, or a wait runs out. Each is a typed error.
import {
  DeleteVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  RejectVpcPeeringConnectionCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { disjointCidrBlocks, overlappingCidrBlocks, withPcxsim, type PcxsimContext } from '@pcxsim/testing';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { ensurePeering, PeeringEndedError, PeeringManagerError, PeeringTimeoutError } from '../src/index.js';
import { connectionsOf, layouts, NO_SDK_RETRIES, thrownBy, twoVpcs, type TwoVpcs } from './two-vpcs.js';

const FAILED_MESSAGE = 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range';
const POLL = { intervalMs: 1_000, timeoutMs: 60_000 };
const DAY_MS = 24 * 3_600_000;

/** Asserts that ensurePeering failed with the connection in `status`, the one the requester sees. */
async function expectEnded(error: unknown, setup: TwoVpcs, status: readonly string[], message?: string) {
  expect(error).toBeInstanceOf(PeeringEndedError);
  expect(error).toBeInstanceOf(PeeringManagerError);
  const ended = error as PeeringEndedError;
  expect(ended.name).toBe('PeeringEndedError');
  expect(status).toContain(ended.status);
  if (message !== undefined) expect(ended.statusMessage).toBe(message);
  expect(ended.message).toBe(`VPC peering connection ${ended.connectionId} is ${ended.status}: ${ended.statusMessage}`);
  const ids = (await connectionsOf(setup)).map((connection) => connection.VpcPeeringConnectionId);
  expect(ids).toContain(ended.connectionId);
}

/** A sleep that does `act` once, on the first sleep after the request shows as pending to the accepter. */
function sleepThenOnce(ctx: PcxsimContext, accepterClient: EC2Client, requesterVpcId: string, act: (id: string) => Promise<void>) {
  let done = false;
  return async (ms: number) => {
    await ctx.clock.advance(ms);
    if (done) return;
    const out = await accepterClient.send(
      new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: 'requester-vpc-info.vpc-id', Values: [requesterVpcId] }] }),
    );
    const pending = out.VpcPeeringConnections?.find((connection) => connection.Status?.Code === 'pending-acceptance');
    if (pending === undefined) return;
    done = true;
    await act(pending.VpcPeeringConnectionId!);
  };
}

group('ensurePeering reports how a peering ended', () => {
  it('overlapping blocks: the connection fails, reported with AWS status message, and nothing is accepted', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, overlappingCidrBlocks(), async (layout, overlap) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [overlap.a, overlap.b], { dns: true });
          const error = await thrownBy(ensurePeering(setup.request));
          await expectEnded(error, setup, ['failed'], FAILED_MESSAGE);
          expect(ctx.calls().map((call) => call.action)).not.toContain('AcceptVpcPeeringConnection');
        });
      }),
      { numRuns: 25 },
    );
  });

  it('a request whose check fails (fault peering-check-fails) is reported failed, even with disjoint blocks', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), async (layout, blocks) => {
        await withPcxsim({ faults: [{ kind: 'peering-check-fails', call: 1 }], ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!]);
          await expectEnded(await thrownBy(ensurePeering(setup.request)), setup, ['failed'], FAILED_MESSAGE);
          // A failed request is not usable: the next run asks again and succeeds.
          const retried = await ensurePeering(setup.request);
          expect(retried.steps).toEqual(['created', 'accepted']);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('rejected by the accepter while it waits: reported rejected, not accepted behind the rejection', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), async (layout, blocks) => {
        // Describe lags one poll behind, so that there is a poll before the accept to reject in.
        await withPcxsim({ consistency: { describeDelayMs: POLL.intervalMs }, ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!]);
          const reject = (id: string) => setup.accepterClient.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })).then(() => {});
          const sleep = sleepThenOnce(ctx, setup.accepterClient, setup.request.requester.vpcId, reject);
          const error = await thrownBy(ensurePeering({ ...setup.request, sleep, poll: POLL }));
          await expectEnded(error, setup, ['rejected']);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('expired while it waits (the clock jumps past 7 days): reported expired', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), async (layout, blocks) => {
        await withPcxsim({ consistency: { describeDelayMs: POLL.intervalMs }, ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!]);
          const jump = () => ctx.clock.advance(7 * DAY_MS);
          const sleep = sleepThenOnce(ctx, setup.accepterClient, setup.request.requester.vpcId, jump);
          const error = await thrownBy(ensurePeering({ ...setup.request, sleep, poll: POLL }));
          await expectEnded(error, setup, ['expired']);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('deleted by the requester while it waits: reported as soon as it shows deleting (or deleted, when that passes at once)', async () => {
    // Realistic timing: deleting lasts seconds, longer than a poll; instant: it is deleted by the next poll.
    const timings = fc.constantFrom(['realistic', 'deleting'] as const, ['instant', 'deleted'] as const);
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), timings, async (layout, blocks, [timing, seen]) => {
        await withPcxsim({ timing, consistency: { describeDelayMs: POLL.intervalMs }, ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!]);
          const remove = (id: string) =>
            setup.requesterClient.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })).then(() => {});
          const sleep = sleepThenOnce(ctx, setup.accepterClient, setup.request.requester.vpcId, remove);
          const error = await thrownBy(ensurePeering({ ...setup.request, sleep, poll: POLL }));
          await expectEnded(error, setup, [seen]);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('a wait that outlasts its budget throws PeeringTimeoutError with what it last saw', async () => {
    await fc.assert(
      fc.asyncProperty(layouts, disjointCidrBlocks(2), fc.integer({ min: 1, max: 5 }), async (layout, blocks, polls) => {
        const poll = { intervalMs: 500, timeoutMs: polls * 500 };
        // Describe lags past the whole budget: the new connection never shows.
        await withPcxsim({ consistency: { describeDelayMs: poll.timeoutMs + 1 }, ...NO_SDK_RETRIES }, async (ctx) => {
          const setup = await twoVpcs(ctx, layout, [blocks[0]!, blocks[1]!], { poll });
          const error = await thrownBy(ensurePeering(setup.request));
          expect(error).toBeInstanceOf(PeeringTimeoutError);
          const timeout = error as PeeringTimeoutError;
          expect(timeout).toMatchObject({ lastSeen: 'not-visible', waitedMs: poll.timeoutMs, wanted: ['pending-acceptance', 'provisioning', 'active'] });
          expect(timeout.name).toBe('PeeringTimeoutError');
          expect(timeout.connectionId).toMatch(/^pcx-/);
          expect(timeout.message).toBe(
            `VPC peering connection ${timeout.connectionId} was still not-visible after ${poll.timeoutMs} ms (wanted pending-acceptance or provisioning or active)`,
          );
          expect(setup.sleeps).toEqual(Array(polls).fill(poll.intervalMs));
        });
      }),
      { numRuns: 15 },
    );
  });
});
