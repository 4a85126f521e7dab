// A withPcxsim failure carries the calls of its run (issue 16): a failed assertion, an SDK error
// that escapes the body and a fast-check counterexample all print, in order, who called what with
// which parameters and what they got.
import assert from 'node:assert/strict';
import {
  AcceptVpcPeeringConnectionCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  EC2ServiceException,
  ModifyVpcPeeringConnectionOptionsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { caller, disjointCidrBlocks, formatCalls, withPcxsim, type PcxsimContext } from '../src/index.js';
import { A, B, EAST, WEST, failure, requestPeering, twoVpcs } from './fixture-helpers.js';

/** What withPcxsim rejected with. */
async function rejection(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => {
      throw new Error('expected the fixture to fail');
    },
    (thrown: unknown) => thrown,
  );
}

describe('the calls of a failed run', () => {
  test('a failed assertion prints every call: caller, action, parameters, status and code, in order', async () => {
    const thrown = await rejection(
      withPcxsim({}, async (ctx) => {
        const vpcs = await twoVpcs(ctx);
        const pcx = await requestPeering(vpcs);
        await ctx.clock.advance(0);
        await vpcs.b.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: 'status-code', Values: ['pending-acceptance', 'active'] }] }));
        await failure(vpcs.a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx.VpcPeeringConnectionId! })));
        assert.equal(pcx.Status?.Code, 'active');
      }),
    );
    assert(thrown instanceof assert.AssertionError); // the error itself, its class kept
    const id = /pcx-[0-9a-f]+/.exec(thrown.message)![0];
    const report = thrown.message.slice(thrown.message.indexOf('EC2 calls'));
    const vpc = [...report.matchAll(/vpc-[0-9a-f]+/g)].map((m) => m[0]);
    expect(report).toBe(
      [
        'EC2 calls in this run: 5',
        `  1. ${A}@${EAST} CreateVpc CidrBlock=10.0.0.0/16 → 200`,
        `  2. ${B}@${WEST} CreateVpc CidrBlock=10.1.0.0/16 → 200`,
        `  3. ${A}@${EAST} CreateVpcPeeringConnection VpcId=${vpc[0]} PeerRegion=${WEST} PeerVpcId=${vpc[1]} PeerOwnerId=${B} → 200`,
        `  4. ${B}@${WEST} DescribeVpcPeeringConnections Filter=[{Name:status-code,Value:[pending-acceptance,active]}] → 200`,
        `  5. ${A}@${EAST} AcceptVpcPeeringConnection VpcPeeringConnectionId=${id} → 400 OperationNotPermitted`,
      ].join('\n'),
    );
    expect(vpc[0]).not.toBe(vpc[1]);
    // The stack says it too: fast-check and the test runners print the stack.
    expect(thrown.stack).toContain(report);
    expect(thrown.stack).toMatch(/\n {4}at /);
  });

  test('an SDK error that escapes the body keeps its class, name and metadata, and gains the calls; faults and sides are shown', async () => {
    const thrown = await rejection(
      withPcxsim({ faults: [{ kind: 'throttle', action: 'ModifyVpcPeeringConnectionOptions', call: 1 }] }, async (ctx) => {
        const vpcs = await twoVpcs(ctx);
        const pcx = await requestPeering(vpcs);
        await vpcs.a.send(
          new ModifyVpcPeeringConnectionOptionsCommand({
            VpcPeeringConnectionId: pcx.VpcPeeringConnectionId!,
            AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
          }),
        );
      }),
    );
    assert(thrown instanceof EC2ServiceException);
    expect(thrown.name).toBe('OperationNotPermitted');
    expect(thrown.$metadata.httpStatusCode).toBe(400);
    const lines = thrown.message.split('\n');
    expect(lines.at(-2)).toMatch(
      new RegExp(`^  4\\. ${A}@${EAST} ModifyVpcPeeringConnectionOptions VpcPeeringConnectionId=pcx-\\w+ AccepterPeeringConnectionOptions=\\{AllowDnsResolutionFromRemoteVpc:true\\} → 503 RequestLimitExceeded \\(injected: throttle\\)$`),
    );
    expect(lines.at(-1)).toMatch(/^ {2}5\. .* → 400 OperationNotPermitted$/);
  });

  test('the last `failureCalls` calls are shown and the others counted; 0 shows none; what is no Error goes through as it is', async () => {
    const body = async ({ ec2For }: PcxsimContext) => {
      const ec2 = ec2For(A, EAST);
      for (const cidr of ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16']) await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }));
      throw new Error('boom');
    };
    const two = (await rejection(withPcxsim({ failureCalls: 2 }, body))) as Error;
    expect(two.message).toBe(
      ['boom', '', 'EC2 calls in this run: 3 (the first 1 not shown)', `  2. ${A}@${EAST} CreateVpc CidrBlock=10.1.0.0/16 → 200`, `  3. ${A}@${EAST} CreateVpc CidrBlock=10.2.0.0/16 → 200`].join('\n'),
    );
    expect(((await rejection(withPcxsim({ failureCalls: 0 }, body))) as Error).message).toBe('boom');
    expect(((await rejection(withPcxsim({ failureCalls: Infinity }, body))) as Error).message.split('\n').slice(2, 4)).toEqual(['EC2 calls in this run: 3', `  1. ${A}@${EAST} CreateVpc CidrBlock=10.0.0.0/16 → 200`]);
    await expect(withPcxsim({ failureCalls: -1 }, body)).rejects.toThrow('withPcxsim: failureCalls must be a number from 0, not -1');
    expect(await rejection(withPcxsim({}, () => Promise.reject('a string')))).toBe('a string');
    // A run without calls says so.
    expect(((await rejection(withPcxsim({}, () => Promise.reject(new Error('early'))))) as Error).message).toBe('early\n\nEC2 calls in this run: 0');
  });

  test('formatCalls shows the same lines as a failure, and long values are clipped', async () => {
    await withPcxsim({}, async ({ ec2For, calls }) => {
      await failure(ec2For(A, EAST).send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [`pcx-${'a'.repeat(80)}`] })));
      const [line] = formatCalls(calls()).split('\n').slice(1);
      expect(line).toBe(`  1. ${A}@${EAST} DescribeVpcPeeringConnections VpcPeeringConnectionId=[pcx-${'a'.repeat(59)}…] → 400 InvalidVpcPeeringConnectionId.Malformed`);
    });
  });
});

describe('a failing property in the guide’s style', () => {
  // The guide's side() and a peering helper with a planted bug: it never accepts, yet claims success.
  async function side(ec2For: PcxsimContext['ec2For'], who: { accountId: string; region: string }, cidr: string) {
    const ec2 = ec2For(who.accountId, who.region);
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }));
    return { ec2, ...who, vpcId: Vpc!.VpcId! };
  }
  async function peerWithoutAccepting(requester: { ec2: EC2Client; vpcId: string }, accepter: { accountId: string; region: string; vpcId: string }) {
    const { VpcPeeringConnection } = await requester.ec2.send(
      new CreateVpcPeeringConnectionCommand({ VpcId: requester.vpcId, PeerVpcId: accepter.vpcId, PeerOwnerId: accepter.accountId, PeerRegion: accepter.region }),
    );
    return VpcPeeringConnection!.VpcPeeringConnectionId!;
  }
  const party = caller({ accounts: [A, B], regions: [EAST, WEST] });
  const property = fc.asyncProperty(disjointCidrBlocks(2), party, party, (blocks, p, q) =>
    withPcxsim({}, async ({ ec2For, clock }) => {
      const requester = await side(ec2For, p, blocks[0]!);
      const accepter = await side(ec2For, q, blocks[1]!);
      const id = await peerWithoutAccepting(requester, accepter);
      await clock.advance(0);
      const { VpcPeeringConnections } = await requester.ec2.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));
      assert.equal(VpcPeeringConnections?.[0]?.Status?.Code, 'active');
    }),
  );

  test('fast-check’s counterexample carries the calls of the shrunk run: what fc.assert throws shows them', async () => {
    const thrown = await rejection(fc.assert(property, { seed: 7, numRuns: 10 }));
    assert(thrown instanceof Error);
    // fast-check puts the failing run's error in `cause`, and prints it (its stack) with includeErrorInReport.
    const cause = thrown.cause as Error;
    expect(cause.stack).toMatch(/EC2 calls in this run: 4\n {2}1\. \d{12}@[a-z0-9-]+ CreateVpc CidrBlock=10\.0\.0\.0\/16 → 200\n/);
    expect(cause.stack).toMatch(/\n {2}3\. \d{12}@[a-z0-9-]+ CreateVpcPeeringConnection VpcId=vpc-\w+ PeerRegion=[a-z0-9-]+ PeerVpcId=vpc-\w+ PeerOwnerId=\d{12} → 200\n/);
    expect(cause.stack).toMatch(/\n {2}4\. \d{12}@[a-z0-9-]+ DescribeVpcPeeringConnections VpcPeeringConnectionId=\[pcx-\w+\] → 200\n/);
    const inReport = await rejection(fc.assert(property, { seed: 7, numRuns: 10, includeErrorInReport: true }));
    expect((inReport as Error).message).toContain('Counterexample: ');
    expect((inReport as Error).message).toMatch(/Got AssertionError[^\n]*: Expected values to be strictly equal:[\s\S]*EC2 calls in this run: 4\n/);
  });
});
