// A connection that ends while the reconciler waits for it (the accepter rejects it, the requester
// deletes it, a week passes): its pair is reported ended with the status, and gets no route.
import { DeleteVpcPeeringConnectionCommand, DescribeVpcPeeringConnectionsCommand, RejectVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import { disjointCidrBlocks, withPcxsim } from '@pcxsim/testing';
import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { reconcileMesh, type MeshMember } from '../src/index.js';
import { meshWorld, NO_SDK_RETRIES, peeringRoutes } from './mesh-world.js';

/** Two members across accounts, Regions or both: AWS checks the request only when time passes, so the reconciler waits. */
const across = fc.constantFrom(
  [{ accountId: '111111111111', region: 'us-east-1' }, { accountId: '222222222222', region: 'us-east-1' }],
  [{ accountId: '111111111111', region: 'us-east-1' }, { accountId: '111111111111', region: 'eu-west-1' }],
  [{ accountId: '111111111111', region: 'us-east-1' }, { accountId: '222222222222', region: 'eu-west-1' }],
);
const WEEK_MS = 7 * 24 * 3_600_000;

/** The one connection `requester` asked for. */
async function onlyRequestOf(requester: MeshMember): Promise<string> {
  const out = await requester.client.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: 'requester-vpc-info.vpc-id', Values: [requester.vpcId] }] }));
  return out.VpcPeeringConnections![0]!.VpcPeeringConnectionId!;
}

group('reconcileMesh when a connection ends while it waits', () => {
  it('rejected, deleted or expired during the first wait: reported ended with that status, not accepted, no route', async () => {
    const endings = fc.constantFrom('rejected' as const, 'deleted' as const, 'expired' as const);
    await fc.assert(
      fc.asyncProperty(across, disjointCidrBlocks(2), endings, async (where, blocks, ending) => {
        await withPcxsim({ ...NO_SDK_RETRIES }, async (ctx) => {
          let members: readonly MeshMember[] = [];
          let acted = false;
          // The first time the reconciler sleeps, AWS checks the request, and then someone ends it.
          const sleep = async (ms: number) => {
            await ctx.clock.advance(acted ? ms : 0);
            if (acted) return;
            acted = true;
            const id = await onlyRequestOf(members[0]!);
            if (ending === 'rejected') await members[1]!.client.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
            if (ending === 'deleted') await members[0]!.client.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
            if (ending === 'expired') await ctx.clock.advance(WEEK_MS + 1);
          };
          const world = await meshWorld(ctx, where, blocks.map((block) => [block]), { sleep });
          members = world.members;

          const report = await reconcileMesh(world.spec);
          const status = ending === 'deleted' ? expect.stringMatching(/^delet(ing|ed)$/) : ending;
          const id = await onlyRequestOf(members[0]!);
          expect(report.pairs).toEqual([{ kind: 'ended', a: 'm0', b: 'm1', connectionId: id, status, message: expect.any(String) }]);
          expect(report.changes.map((change) => change.action)).toEqual(['create-connection']);
          for (const member of members) expect(await peeringRoutes(member)).toEqual([]);
        });
      }),
      { numRuns: 12 },
    );
  });
});
