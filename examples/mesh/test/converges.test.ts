// The happy paths: whatever the accounts, Regions, blocks and timing, reconcileMesh ends with every
// pair that may be peered peered once, routed both ways exactly, and a second run changes nothing.
import { Bindings, commandSequence, DEFAULT_ACCOUNTS, DEFAULT_REGIONS, disjointCidrBlocks, sdkSystem, withPcxsim } from '@pcxsim/testing';
import { AcceptVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { reconcileMesh, type MeshMember } from '../src/index.js';
import { describe, everyConnection, indexPairs, liveBetween, meshWorld, nameOf, NO_SDK_RETRIES, peeringRoutes, places, requestBetween } from './mesh-world.js';

const timing = fc.constantFrom('instant' as const, 'realistic' as const);

/** 2 to 4 members, each with one or two disjoint blocks, and where each lives. */
const meshes = fc.integer({ min: 2, max: 4 }).chain((count) =>
  fc.record({
    where: places(count),
    blocks: disjointCidrBlocks(2 * count).chain((all) =>
      fc.array(fc.boolean(), { minLength: count, maxLength: count }).map((secondary) => all.slice(0, count).map((block, i) => (secondary[i] ? [block, all[count + i]!] : [block]))),
    ),
  }),
);

/** What every member's table must hold: a route to each block of each peer through their one connection. */
async function expectRoutedExactly(members: readonly MeshMember[], blocks: readonly (readonly string[])[]) {
  const expected = new Map<string, string[]>(members.map((member) => [member.name, []]));
  for (const [i, j] of indexPairs(members.length)) {
    const [connection, ...others] = await liveBetween(members[i]!, members[j]!);
    expect(others).toEqual([]);
    expect(connection?.Status?.Code).toBe('active');
    const id = connection!.VpcPeeringConnectionId!;
    for (const block of blocks[j]!) expected.get(nameOf(i))!.push(`${block} → ${id} (active)`);
    for (const block of blocks[i]!) expected.get(nameOf(j))!.push(`${block} → ${id} (active)`);
  }
  for (const member of members) expect(await peeringRoutes(member)).toEqual(expected.get(member.name)!.sort());
}

group('reconcileMesh converges', () => {
  it('peers every pair once, each accepted by its accepter in its Region, and routes each table to exactly its peers', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, timing, async ({ where, blocks }, profile) => {
        await withPcxsim({ timing: profile, ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks);
          const before = ctx.calls().length;
          const report = await reconcileMesh(spec);

          const pairs = indexPairs(members.length);
          expect(report.pairs.map((pair) => [pair.kind, pair.a, pair.b])).toEqual(pairs.map(([i, j]) => ['peered', nameOf(i), nameOf(j)]));
          for (const [k, [i, j]] of pairs.entries()) {
            const [live] = await liveBetween(members[i]!, members[j]!);
            expect(report.pairs[k]).toMatchObject({ connectionId: live?.VpcPeeringConnectionId });
            // Both sides see it active, and the earlier member asked.
            expect((await describe(members[j]!.client, live!.VpcPeeringConnectionId!)).Status?.Code).toBe('active');
            expect(live?.RequesterVpcInfo?.VpcId).toBe(members[i]!.vpcId);
          }
          expect(report.unrouted).toEqual([]);
          await expectRoutedExactly(members, blocks);

          // Each write from the right party: Create by the earlier member, Accept by the later, routes by each table's owner.
          const place = (m: MeshMember) => `${m.accountId}/${m.region}`;
          const writes = ctx.calls().slice(before).filter((call) => !String(call.action).startsWith('Describe')).map((call) => `${call.action} by ${call.accountId}/${call.region}`);
          const expected = [
            ...pairs.flatMap(([i, j]) => [`CreateVpcPeeringConnection by ${place(members[i]!)}`, `AcceptVpcPeeringConnection by ${place(members[j]!)}`]),
            ...members.flatMap((m, i) => Array.from({ length: blocks.reduce((n, b, k) => (k === i ? n : n + b.length), 0) }, () => `CreateRoute by ${place(m)}`)),
          ];
          expect(writes).toEqual(expected);
        });
      }),
      { numRuns: 15 },
    );
  });

  it('is idempotent: a second run reports no change and makes only the reads it needs', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, async ({ where, blocks }) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks);
          const first = await reconcileMesh(spec);
          const before = ctx.calls().length;

          const second = await reconcileMesh(spec);
          expect(second).toEqual({ pairs: first.pairs, unrouted: [], changes: [] });
          // Reads only: each member's blocks and requests, each connection seen checked then active, each table.
          expect(ctx.calls().slice(before).map((call) => call.action)).toEqual([
            ...members.flatMap(() => ['DescribeVpcs', 'DescribeVpcPeeringConnections']),
            ...indexPairs(members.length).flatMap(() => ['DescribeVpcPeeringConnections', 'DescribeVpcPeeringConnections']),
            ...members.map(() => 'DescribeRouteTables'),
          ]);
          await expectRoutedExactly(members, blocks);
        });
      }),
      { numRuns: 10 },
    );
  });

  it('adopts a request someone left pending or not yet checked, in either direction: accepts it instead of asking again', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, fc.boolean(), fc.boolean(), async ({ where, blocks }, reverse, checked) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks);
          const [first, second] = reverse ? [members[1]!, members[0]!] : [members[0]!, members[1]!];
          const made = await requestBetween(first, second);
          if (checked) await ctx.clock.advance(0); // AWS checks the request (across accounts or Regions, only when time passes)

          const report = await reconcileMesh(spec);
          expect(report.pairs[0]).toEqual({ kind: 'peered', a: 'm0', b: 'm1', connectionId: made });
          expect(report.changes.filter((change) => change.action.endsWith('-connection') && change.connectionId === made)).toEqual([
            { action: 'accept-connection', accepter: second.name, connectionId: made },
          ]);
          await expectRoutedExactly(members, blocks);
        });
      }),
      { numRuns: 10 },
    );
  });

  it('adopts a connection someone else already accepted (provisioning or active): nothing to request or accept, only routes', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, fc.boolean(), fc.boolean(), async ({ where, blocks }, reverse, settle) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks);
          const [first, second] = reverse ? [members[1]!, members[0]!] : [members[0]!, members[1]!];
          const made = await requestBetween(first, second);
          await ctx.clock.advance(0); // AWS checks the request
          await second.client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: made }));
          if (settle) await ctx.clock.advance(0); // provisioning → active
          expect((await describe(first.client, made)).Status?.Code).toBe(settle ? 'active' : 'provisioning');

          const report = await reconcileMesh(spec);
          expect(report.pairs[0]).toEqual({ kind: 'peered', a: 'm0', b: 'm1', connectionId: made });
          expect(report.changes.filter((change) => change.action.endsWith('-connection') && change.connectionId === made)).toEqual([]);
          await expectRoutedExactly(members, blocks);
        });
      }),
      { numRuns: 10 },
    );
  });

  it('a connection that ended before the run (rejected, or deleted after routes were made) is history: a new one, routes moved to it', async () => {
    await fc.assert(
      fc.asyncProperty(meshes, fc.constantFrom('rejected' as const, 'deleted' as const), async ({ where, blocks }, how) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const { spec, members } = await meshWorld(ctx, where, blocks);
          const old = how === 'deleted' ? (await reconcileMesh(spec)).pairs[0]! : undefined;
          const { RejectVpcPeeringConnectionCommand, DeleteVpcPeeringConnectionCommand } = await import('@aws-sdk/client-ec2');
          let dead: string;
          if (old?.kind === 'peered') {
            dead = old.connectionId;
            await members[0]!.client.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: dead }));
          } else {
            dead = await requestBetween(members[0]!, members[1]!);
            await ctx.clock.advance(0);
            await members[1]!.client.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: dead }));
          }
          await ctx.clock.advance(0);

          const report = await reconcileMesh(spec);
          const fresh = report.pairs[0]!;
          expect(fresh.kind).toBe('peered');
          expect(fresh).not.toMatchObject({ connectionId: dead });
          // Each old route (deleted case) was moved to the new connection, not duplicated or left behind.
          const moved = report.changes.filter((change) => change.action === 'replace-route');
          expect(moved.length).toBe(how === 'deleted' ? blocks[0]!.length + blocks[1]!.length : 0);
          await expectRoutedExactly(members, blocks);
        });
      }),
      { numRuns: 10 },
    );
  });

  it('in accounts with a history (the kit’s command sequences), converges and leaves every other connection as it was', async () => {
    const meshesThere = fc.integer({ min: 2, max: 3 }).chain((count) =>
      fc.record({ where: places(count, { accounts: DEFAULT_ACCOUNTS, regions: DEFAULT_REGIONS }), blocks: disjointCidrBlocks(count).map((all) => all.map((block) => [block])) }),
    );
    const everywhere = DEFAULT_ACCOUNTS.flatMap((accountId) => DEFAULT_REGIONS.map((region) => ({ accountId, region })));
    await fc.assert(
      fc.asyncProperty(commandSequence({ maxLength: 15 }), meshesThere, async (history, { where, blocks }) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          const system = sdkSystem({ clientFor: ({ accountId, region }) => ctx.ec2For(accountId, region), advanceClock: (ms) => ctx.clock.advance(ms) });
          const ids = new Bindings();
          for (const step of history) {
            const answer = await system.send(ids.resolve(step));
            if (answer.ok) ids.record(step, answer.output);
          }
          await ctx.clock.advance(0); // the history's own transient states settle
          const before = await everyConnection(ctx, everywhere);
          const { spec, members } = await meshWorld(ctx, where, blocks);
          await reconcileMesh(spec);
          await expectRoutedExactly(members, blocks);
          const after = await everyConnection(ctx, everywhere);
          for (const [id, status] of before) expect(`${id} ${after.get(id)}`).toBe(`${id} ${status}`);
        });
      }),
      { numRuns: 8 },
    );
  });
});
