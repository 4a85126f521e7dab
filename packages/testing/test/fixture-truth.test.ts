// Lag-free reads (context.truth, issue 16): what each account sees with no Describe lag, read at the
// simulated now — the clock does not move and nothing falls due, so a transient state is still
// there to see, while the SDK's Describe shows the past.
import {
  AcceptVpcPeeringConnectionCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteVpcCommand,
  DescribeTagsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { apply, createWorld, PUBLIC_REGIONS, withoutDescribeLag, type World } from '@pcxsim/engine';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Bindings, commandSequence, DEFAULT_ACCOUNTS, DEFAULT_REGIONS, TruthReadError, withPcxsim, type SequenceStep } from '../src/index.js';
import { A, B, EAST, WEST, failure, requestPeering, twoVpcs } from './fixture-helpers.js';

const LAG = { describeDelayMs: 5_000 };
const codes = (out: { VpcPeeringConnections?: readonly { Status?: { Code?: string } }[] | undefined }) => out.VpcPeeringConnections?.map((p) => p.Status?.Code);

describe('context.truth', () => {
  test('sees a new request at once, as each party sees it, while Describe lags; neither the clock nor the world moves', async () => {
    await withPcxsim({ consistency: LAG }, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      const pcx = await requestPeering(vpcs);
      const id = pcx.VpcPeeringConnectionId!;
      expect((await failure(vpcs.a.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })))).name).toBe(
        'InvalidVpcPeeringConnectionID.NotFound',
      );
      const before = { clock: ctx.clock.now().getTime(), world: ctx.world() };
      expect(codes(ctx.truth(A, EAST).describeVpcPeeringConnections({ VpcPeeringConnectionIds: [id] }))).toEqual(['initiating-request']);
      // The accepter does not see a request still initiating (spec §1.1); A elsewhere sees nothing.
      expect(codes(ctx.truth(B, WEST).describeVpcPeeringConnections())).toEqual([]);
      expect(codes(ctx.truth(A, WEST).describeVpcPeeringConnections())).toEqual([]);
      expect(ctx.clock.now().getTime()).toBe(before.clock);
      expect(ctx.world()).toBe(before.world);
      // Nor are the reads calls: the log has only the client's.
      expect(ctx.calls().map((c) => c.action)).toEqual(['CreateVpc', 'CreateVpc', 'CreateVpcPeeringConnection', 'DescribeVpcPeeringConnections']);
    });
  });

  test('"returned before active": in instant timing, right after Accept the truth is provisioning, until the clock steps', async () => {
    await withPcxsim({ consistency: LAG }, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      const id = (await requestPeering(vpcs)).VpcPeeringConnectionId!;
      await ctx.clock.advance(0);
      expect(codes(ctx.truth(B, WEST).describeVpcPeeringConnections())).toEqual(['pending-acceptance']);
      await vpcs.b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      expect(codes(ctx.truth(A, EAST).describeVpcPeeringConnections())).toEqual(['provisioning']);
      expect(codes(ctx.truth(B, WEST).describeVpcPeeringConnections())).toEqual(['provisioning']);
      expect(codes(ctx.truth(A, EAST).describeVpcPeeringConnections())).toEqual(['provisioning']); // reading resolves nothing
      await ctx.clock.advance(0);
      expect(codes(ctx.truth(A, EAST).describeVpcPeeringConnections())).toEqual(['active']);
      // Describe still shows the state of 5 s ago: nothing yet.
      expect((await vpcs.a.send(new DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections).toEqual([]);
    });
  });

  test('VPCs and tags: a new VPC is listed and a deleted one gone at once; filters work as in Describe', async () => {
    await withPcxsim({ consistency: LAG }, async ({ ec2For, truth, clock }) => {
      const ec2 = ec2For(A, EAST);
      const kept = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
      const gone = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }))).Vpc!.VpcId!;
      await ec2.send(new CreateTagsCommand({ Resources: [kept], Tags: [{ Key: 'team', Value: 'net' }] }));
      await clock.advance(5_000);
      await ec2.send(new DeleteVpcCommand({ VpcId: gone }));
      await ec2.send(new CreateTagsCommand({ Resources: [kept], Tags: [{ Key: 'team', Value: 'core' }] }));
      expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.map((v) => v.VpcId).sort()).toEqual([kept, gone].sort());
      expect((await ec2.send(new DescribeTagsCommand({}))).Tags?.map((t) => t.Value)).toEqual(['net']);
      expect(truth(A, EAST).describeVpcs().Vpcs.map((v) => v.VpcId)).toEqual([kept]);
      expect(truth(A, EAST).describeVpcs({ Filters: [{ Name: 'cidr-block', Values: ['10.1.0.0/16'] }] }).Vpcs).toEqual([]);
      expect(truth(A, EAST).describeTags({ Filters: [{ Name: 'resource-id', Values: [kept] }] }).Tags.map((t) => t.Value)).toEqual(['core']);
      expect(truth(B, EAST).describeVpcs().Vpcs).toEqual([]);
    });
  });

  test('a read EC2 would refuse throws a TruthReadError with the EC2 code', async () => {
    await withPcxsim({}, async ({ truth }) => {
      const error = (() => {
        try {
          truth(A, EAST).describeVpcPeeringConnections({ VpcPeeringConnectionIds: ['pcx-123'] });
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(TruthReadError);
      expect((error as TruthReadError).code).toBe('InvalidVpcPeeringConnectionId.Malformed');
    });
  });

  test('without consistency, the truth is what Describe answers', async () => {
    await withPcxsim({}, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      await requestPeering(vpcs);
      await ctx.clock.advance(0);
      for (const [client, accountId, region] of [
        [vpcs.a, A, EAST],
        [vpcs.b, B, WEST],
      ] as const) {
        const { $metadata: _, ...described } = await client.send(new DescribeVpcPeeringConnectionsCommand({}));
        expect(JSON.parse(JSON.stringify(ctx.truth(accountId, region).describeVpcPeeringConnections()))).toEqual(JSON.parse(JSON.stringify(described)));
      }
    });
  });
});

describe('withoutDescribeLag (engine)', () => {
  test('a world without delay is its own view; a lagging one gets a view with no delay and no VPC versions, and is not changed', () => {
    const plain = createWorld();
    expect(withoutDescribeLag(plain)).toBe(plain);
    const me = { accountId: A, region: EAST };
    const step = apply(createWorld({ consistency: LAG }), me, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' });
    const view = withoutDescribeLag(step.world);
    expect(view.config.consistency.describeDelayMs).toBe(0);
    expect(step.world.config.consistency.describeDelayMs).toBe(5_000);
    expect(Object.isFrozen(view)).toBe(true);
    expect(apply(step.world, me, { type: 'DescribeVpcs' }).result).toEqual({ ok: true, value: { Vpcs: [] } });
    const seen = apply(view, me, { type: 'DescribeVpcs' });
    expect(seen.result.ok && seen.result.value.Vpcs.length).toBe(1);
    expect(seen.world).toBe(view);
  });
});

describe('withoutDescribeLag, as a law', () => {
  /** The world after `steps`, made with `describeDelayMs`. */
  function run(steps: readonly SequenceStep[], describeDelayMs: number): World {
    let world = createWorld({ regions: PUBLIC_REGIONS, consistency: { describeDelayMs } });
    const ids = new Bindings();
    for (const step of steps) {
      const { caller, command } = ids.resolve(step);
      const next = apply(world, caller, command);
      world = next.world;
      if (next.result.ok) ids.record(step, next.result.value);
    }
    return world;
  }
  const reads = (world: World) =>
    JSON.stringify(
      DEFAULT_ACCOUNTS.flatMap((accountId) =>
        DEFAULT_REGIONS.map((region) => {
          const caller = { accountId, region };
          return ['DescribeVpcPeeringConnections', 'DescribeVpcs', 'DescribeTags'].map((type) => apply(world, caller, { type } as never).result);
        }),
      ),
    );

  test('whatever the history, the lag-free view of a lagging world reads as the same world made without lag', async () => {
    await fc.assert(
      fc.property(commandSequence({ maxLength: 25 }), fc.integer({ min: 1, max: 20_000 }), (steps, delay) => {
        expect(reads(withoutDescribeLag(run(steps, delay)))).toBe(reads(run(steps, 0)));
      }),
      { numRuns: 60 },
    );
  });
});
