// withPcxsim: real SDK clients in process, one account per client, nothing shared between
// fixtures, the same answers and world for the same seed and calls, and nothing left behind.
import {
  AcceptVpcPeeringConnectionCommand,
  CreateVpcCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  ModifyVpcPeeringConnectionOptionsCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, test, vi } from 'vitest';
import { withPcxsim, type PcxsimContext, type PcxsimOptions } from '../src/index.js';
import { A, B, EAST, WEST, failure, requestPeering, statusOf, twoVpcs } from './fixture-helpers.js';

describe('clients', () => {
  test('ec2For gives a real EC2Client answered in process; its access key is the account, its Region the Region', async () => {
    await withPcxsim({}, async ({ ec2For, calls }) => {
      const ec2 = ec2For(A, EAST);
      expect(ec2).toBeInstanceOf(EC2Client);
      const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
      expect(Vpc).toMatchObject({ OwnerId: A, CidrBlock: '10.0.0.0/16' });
      const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
      expect(Vpcs?.map((vpc) => vpc.VpcId)).toEqual([Vpc?.VpcId]);
      // Another account, or the same one in another Region, sees nothing of it.
      expect((await ec2For(B, EAST).send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
      expect((await ec2For(A, WEST).send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
      expect(calls().map(({ action, accountId, region, status }) => [action, accountId, region, status])).toEqual([
        ['CreateVpc', A, EAST, 200],
        ['DescribeVpcs', A, EAST, 200],
        ['DescribeVpcs', B, EAST, 200],
        ['DescribeVpcs', A, WEST, 200],
      ]);
    });
  });

  test('cross-account, cross-Region: A requests in us-east-1, B accepts in eu-west-1, each sets its own side', async () => {
    await withPcxsim({}, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      const pcx = await requestPeering(vpcs);
      expect(pcx.Status?.Code).toBe('initiating-request');
      await ctx.clock.advance(0);
      const id = pcx.VpcPeeringConnectionId!;
      expect(await statusOf(vpcs.b, id)).toEqual({ Code: 'pending-acceptance', Message: `Pending Acceptance by ${B}` });
      const accepted = await vpcs.b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      expect(accepted.VpcPeeringConnection?.AccepterVpcInfo).toMatchObject({ OwnerId: B, Region: WEST, VpcId: vpcs.vpcB });
      await ctx.clock.advance(0);
      expect((await statusOf(vpcs.a, id))?.Code).toBe('active');
      await vpcs.b.send(
        new ModifyVpcPeeringConnectionOptionsCommand({ VpcPeeringConnectionId: id, AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: false } }),
      );
      // The requester may not set the accepter's side (spec §5).
      const wrongSide = await failure(
        vpcs.a.send(new ModifyVpcPeeringConnectionOptionsCommand({ VpcPeeringConnectionId: id, AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: false } })),
      );
      expect(wrongSide.$metadata.httpStatusCode).toBe(400);
    });
  });

  test('one client per (account, Region); a 12-digit account is required', async () => {
    await withPcxsim({}, async ({ ec2For }) => {
      expect(ec2For(A, EAST)).toBe(ec2For(A, EAST));
      expect(ec2For(A, WEST)).not.toBe(ec2For(A, EAST));
      expect(ec2For(B, EAST)).not.toBe(ec2For(A, EAST));
      expect(() => ec2For('alice', EAST)).toThrow(TypeError);
      expect(() => ec2For('12345678901', EAST)).toThrow(TypeError);
    });
  });

  test('clientConfig reaches every client; region, credentials and handler stay the fixture’s', async () => {
    await withPcxsim({ clientConfig: { maxAttempts: 5, region: 'ap-south-1' } }, async ({ ec2For, calls }) => {
      const ec2 = ec2For(A, EAST);
      expect(await ec2.config.maxAttempts()).toBe(5);
      expect(await ec2.config.region()).toBe(EAST);
      await ec2.send(new DescribeVpcsCommand({}));
      expect(calls()[0]).toMatchObject({ accountId: A, region: EAST });
    });
  });
});

describe('disposal', () => {
  test('returns what the body returns, and destroys every client it made', async () => {
    const destroy = vi.spyOn(EC2Client.prototype, 'destroy');
    try {
      const result = await withPcxsim({}, async ({ ec2For }) => {
        ec2For(A, EAST);
        ec2For(B, WEST);
        return 42;
      });
      expect(result).toBe(42);
      expect(destroy).toHaveBeenCalledTimes(2);
    } finally {
      destroy.mockRestore();
    }
  });

  test('when the body throws: the error comes through, the clients are destroyed and stop answering', async () => {
    const destroy = vi.spyOn(EC2Client.prototype, 'destroy');
    let leaked: PcxsimContext | undefined;
    try {
      const boom = new Error('boom');
      await expect(
        withPcxsim({}, async (ctx) => {
          leaked = ctx;
          ctx.ec2For(A, EAST);
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(destroy).toHaveBeenCalledTimes(1);
    } finally {
      destroy.mockRestore();
    }
    // A client or call that outlives its fixture fails loudly instead of changing a forgotten world.
    expect(() => leaked!.ec2For(A, EAST)).toThrow(/ended/);
  });

  test('a call not awaited before the fixture ends is refused, not answered', async () => {
    let client: EC2Client | undefined;
    await withPcxsim({}, async ({ ec2For }) => {
      client = ec2For(A, EAST);
    });
    await expect(client!.send(new DescribeVpcsCommand({}))).rejects.toThrow(/fixture has ended/);
  });
});

/** A scenario that touches every kind of behaviour: VPCs, a request, faults, clock steps, a failed check. */
async function scenario(ctx: PcxsimContext): Promise<unknown[]> {
  const answers: unknown[] = [];
  const record = async (call: Promise<unknown>) => {
    answers.push(await call.then((value) => value, (error: Error & { $metadata?: unknown }) => ({ error: error.name, metadata: error.$metadata })));
  };
  const vpcs = await twoVpcs(ctx);
  const first = await requestPeering(vpcs);
  answers.push(first);
  await ctx.clock.advance(0);
  await record(vpcs.b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: first.VpcPeeringConnectionId })));
  for (let i = 0; i < 8; i++) await record(vpcs.a.send(new DescribeVpcPeeringConnectionsCommand({})));
  const second = await vpcs.a.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }));
  answers.push(second);
  await record(requestPeering({ ...vpcs, vpcB: second.Vpc!.VpcId! }, true));
  await ctx.clock.advance(10_000);
  await record(vpcs.a.send(new DescribeVpcPeeringConnectionsCommand({})));
  return answers;
}

const SCENARIO_OPTIONS: PcxsimOptions = {
  seed: 7,
  timing: 'realistic',
  faults: [
    { kind: 'random-throttle', probability: 0.5, actions: ['DescribeVpcPeeringConnections'] },
    { kind: 'internal-error', action: 'AcceptVpcPeeringConnection', call: 1 },
    { kind: 'peering-check-fails', call: 2 },
  ],
  clientConfig: { maxAttempts: 2 },
};

describe('determinism and isolation', () => {
  test('same seed, same calls: the same answers, request IDs, call records and world JSON', async () => {
    const run = () => withPcxsim(SCENARIO_OPTIONS, async (ctx) => ({ answers: await scenario(ctx), calls: ctx.calls(), world: JSON.stringify(ctx.world()) }));
    const [one, two] = [await run(), await run()];
    expect(two.answers).toEqual(one.answers);
    expect(two.calls).toEqual(one.calls);
    expect(two.world).toBe(one.world);
    // The scenario did meet its faults, so the comparison covers them.
    expect(new Set(one.calls.map((call) => call.fault))).toEqual(new Set([undefined, 'random-throttle', 'internal-error', 'peering-check-fails']));
  });

  test('another seed: other IDs and other random faults', async () => {
    const run = (seed: number) =>
      withPcxsim({ ...SCENARIO_OPTIONS, seed }, async (ctx) => {
        await scenario(ctx);
        return { calls: ctx.calls().map((call) => call.fault), world: JSON.stringify(ctx.world()) };
      });
    const [seven, eight] = [await run(7), await run(8)];
    expect(eight.world).not.toBe(seven.world);
    expect(eight.calls).not.toEqual(seven.calls);
  });

  test('two fixtures run side by side share nothing: worlds, clocks, call counts, faults', async () => {
    const options: PcxsimOptions = { faults: [{ kind: 'throttle', action: 'DescribeVpcs', call: 2 }], clientConfig: { maxAttempts: 1 } };
    const run = (cidr: string, advance: number) =>
      withPcxsim(options, async (ctx) => {
        const ec2 = ctx.ec2For(A, EAST);
        const results: string[] = [];
        for (let i = 0; i < 3; i++) {
          await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }));
          await ctx.clock.advance(advance);
          results.push(await ec2.send(new DescribeVpcsCommand({})).then((out) => `${out.Vpcs?.length}`, (error: Error) => error.name));
          await new Promise((resolve) => setTimeout(resolve, 1)); // let the other fixture interleave
        }
        return { results, clock: ctx.clock.now().getTime(), cidrs: (await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.map((vpc) => vpc.CidrBlock) };
      });
    const [left, right] = await Promise.all([run('10.0.0.0/16', 1_000), run('172.16.0.0/16', 5_000)]);
    // Each fixture counted its own DescribeVpcs calls: its own second call was throttled.
    expect(left.results).toEqual(['1', 'RequestLimitExceeded', '3']);
    expect(right.results).toEqual(['1', 'RequestLimitExceeded', '3']);
    expect(left.cidrs).toEqual(['10.0.0.0/16', '10.0.0.0/16', '10.0.0.0/16']);
    expect(right.cidrs).toEqual(['172.16.0.0/16', '172.16.0.0/16', '172.16.0.0/16']);
    expect(right.clock - left.clock).toBe(12_000);
  });
});

describe('calls()', () => {
  test('records every call as it was answered: action, its number, caller, parameters sent, status, error code, fault', async () => {
    await withPcxsim({ faults: [{ kind: 'throttle', action: 'CreateVpc', call: 2 }] }, async ({ ec2For, calls }) => {
      const ec2 = ec2For(A, EAST);
      await failure(ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', DryRun: true })));
      await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
      await failure(ec2For(B, WEST).send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] })));
      expect(calls().map(({ requestId, ...rest }) => ({ ...rest, requestId: typeof requestId }))).toEqual([
        { action: 'CreateVpc', call: 1, accountId: A, region: EAST, parameters: { CidrBlock: '10.0.0.0/16', DryRun: 'true' }, status: 412, errorCode: 'DryRunOperation', fault: undefined, requestId: 'string' },
        { action: 'CreateVpc', call: 2, accountId: A, region: EAST, parameters: { CidrBlock: '10.0.0.0/16' }, status: 503, errorCode: 'RequestLimitExceeded', fault: 'throttle', requestId: 'string' },
        { action: 'CreateVpc', call: 3, accountId: A, region: EAST, parameters: { CidrBlock: '10.0.0.0/16' }, status: 200, errorCode: undefined, fault: undefined, requestId: 'string' },
        { action: 'DescribeVpcs', call: 1, accountId: B, region: WEST, parameters: { 'VpcId.1': 'vpc-0123456789abcdef0' }, status: 400, errorCode: 'InvalidVpcID.NotFound', fault: undefined, requestId: 'string' },
      ]);
      expect(Object.isFrozen(calls())).toBe(true);
    });
  });
});
