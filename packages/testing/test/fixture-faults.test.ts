// Fault injection through the fixture, seen by the real SDK: throttling and internal errors arrive
// exactly as ec2-query's own errors (status, code, XML), the SDK classifies and retries them as it
// would against AWS, calls are counted per action as they arrive, and a request can be made to fail
// its asynchronous check.
import {
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { errorDocument, internalError, noBackoffRetryStrategy, requestLimitExceeded } from '@pcxsim/ec2-query';
import { STATUS_MESSAGES } from '@pcxsim/lifecycle';
import { describe, expect, test } from 'vitest';
import { withPcxsim, type Fault, type RandomThrottleFault } from '../src/index.js';
import { A, B, EAST, WEST, failure, requestPeering, statusOf, twoVpcs } from './fixture-helpers.js';

const FAILED_MESSAGE = STATUS_MESSAGES.failed.template; // the engine's one text for a failed check

describe('throttle and internal-error', () => {
  test('an injected error is ec2-query’s own error document, with its status and request ID', async () => {
    await withPcxsim({ faults: [{ kind: 'throttle', action: 'DescribeVpcs', call: 1 }, { kind: 'internal-error', action: 'DescribeVpcs', call: 2 }] }, async ({ endpoint }) => {
      const request = { method: 'POST', path: '/', query: '', headers: {}, body: 'Action=DescribeVpcs&Version=2016-11-15' };
      const throttled = await endpoint.handle(request);
      expect(throttled.status).toBe(503);
      expect(throttled.body).toBe(errorDocument(requestLimitExceeded(), throttled.headers['x-amzn-requestid']!));
      const broken = await endpoint.handle(request);
      expect(broken.status).toBe(500);
      expect(broken.body).toBe(errorDocument(internalError(), broken.headers['x-amzn-requestid']!));
      expect((await endpoint.handle(request)).status).toBe(200);
    });
  });

  test('the SDK classifies RequestLimitExceeded as throttling and InternalError as transient', async () => {
    const seen: string[] = [];
    const inner = noBackoffRetryStrategy(3);
    const spying: typeof inner = {
      acquireInitialRetryToken: (scope) => inner.acquireInitialRetryToken(scope),
      refreshRetryTokenForRetry: (token, info) => {
        seen.push(info.errorType);
        return inner.refreshRetryTokenForRetry(token, info);
      },
      recordSuccess: (token) => inner.recordSuccess(token),
    };
    const faults: Fault[] = [
      { kind: 'throttle', action: 'DescribeVpcs', call: 1 },
      { kind: 'internal-error', action: 'DescribeVpcs', call: 2 },
    ];
    await withPcxsim({ faults, clientConfig: { retryStrategy: spying } }, async ({ ec2For }) => {
      const out = await ec2For(A, EAST).send(new DescribeVpcsCommand({}));
      expect(out.$metadata.attempts).toBe(3);
    });
    expect(seen).toEqual(['THROTTLING', 'TRANSIENT']);
  });

  test('a throttle on call 1 with the SDK’s own default retry strategy (backoff and all): the retry succeeds', async () => {
    // retryMode makes the fixture keep out of the way: this is the SDK exactly as users get it.
    await withPcxsim({ faults: [{ kind: 'throttle', action: 'DescribeVpcs', call: 1 }], clientConfig: { retryMode: 'standard' } }, async ({ ec2For, calls }) => {
      const out = await ec2For(A, EAST).send(new DescribeVpcsCommand({}));
      expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 2 });
      expect(calls().map((call) => [call.status, call.errorCode, call.fault])).toEqual([
        [503, 'RequestLimitExceeded', 'throttle'],
        [200, undefined, undefined],
      ]);
    });
  });

  test('the fixture’s default retries: the same attempts, no real-time backoff', async () => {
    const faults: Fault[] = [{ kind: 'throttle', action: 'DescribeVpcs', call: 1, times: 2 }];
    await withPcxsim({ faults }, async ({ ec2For }) => {
      const started = performance.now();
      const out = await ec2For(A, EAST).send(new DescribeVpcsCommand({}));
      expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
      expect(performance.now() - started).toBeLessThan(500); // the SDK's own backoff would be up to 1 s per throttle
    });
  });

  test('with maxAttempts 1 the caller sees the error itself: name, message, 503 or 500, a server fault', async () => {
    const faults: Fault[] = [
      { kind: 'throttle', action: 'DescribeVpcs', call: 1 },
      { kind: 'internal-error', action: 'DescribeVpcs', call: 2 },
    ];
    await withPcxsim({ faults, clientConfig: { maxAttempts: 1 } }, async ({ ec2For }) => {
      const ec2 = ec2For(A, EAST);
      const throttled = await failure(ec2.send(new DescribeVpcsCommand({})));
      expect(throttled).toMatchObject({ name: 'RequestLimitExceeded', message: 'Request limit exceeded.', $fault: 'server' });
      expect(throttled.$metadata).toMatchObject({ httpStatusCode: 503, attempts: 1 });
      const broken = await failure(ec2.send(new DescribeVpcsCommand({})));
      expect(broken).toMatchObject({ name: 'InternalError', message: 'An internal error has occurred', $fault: 'server' });
      expect(broken.$metadata).toMatchObject({ httpStatusCode: 500, attempts: 1 });
    });
  });

  test('internal-error on call 1 with default retries: the retry succeeds', async () => {
    await withPcxsim({ faults: [{ kind: 'internal-error', action: 'CreateVpc', call: 1 }] }, async ({ ec2For }) => {
      const out = await ec2For(A, EAST).send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
      expect(out.$metadata.attempts).toBe(2);
      expect(out.Vpc?.CidrBlock).toBe('10.0.0.0/16');
      // The failed attempt changed nothing: one VPC.
      expect((await ec2For(A, EAST).send(new DescribeVpcsCommand({}))).Vpcs).toHaveLength(1);
    });
  });

  test('calls count per action as they arrive: DryRun calls and other actions’ calls count, only the named action is hit', async () => {
    const faults: Fault[] = [{ kind: 'throttle', action: 'CreateVpc', call: 2, times: 2 }];
    await withPcxsim({ faults, clientConfig: { maxAttempts: 1 } }, async ({ ec2For, calls }) => {
      const ec2 = ec2For(A, EAST);
      expect((await failure(ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', DryRun: true })))).name).toBe('DryRunOperation'); // call 1
      await ec2.send(new DescribeVpcsCommand({})); // another action: not counted as CreateVpc
      expect((await failure(ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' })))).name).toBe('RequestLimitExceeded'); // call 2
      expect((await failure(ec2For(B, WEST).send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' })))).name).toBe('RequestLimitExceeded'); // call 3, any caller
      await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' })); // call 4
      expect(calls().map((call) => `${call.action}#${call.call}:${call.status}`)).toEqual([
        'CreateVpc#1:412',
        'DescribeVpcs#1:200',
        'CreateVpc#2:503',
        'CreateVpc#3:503',
        'CreateVpc#4:200',
      ]);
    });
  });
});

describe('random-throttle', () => {
  /** Which of 24 DescribeVpcs calls were throttled, with `seed`. */
  const pattern = (seed: number, probability: number, actions?: RandomThrottleFault['actions']) =>
    withPcxsim(
      { seed, faults: [{ kind: 'random-throttle', probability, ...(actions === undefined ? {} : { actions }) }], clientConfig: { maxAttempts: 1 } },
      async ({ ec2For }) => {
        const ec2 = ec2For(A, EAST);
        let hits = '';
        for (let i = 0; i < 24; i++) hits += await ec2.send(new DescribeVpcsCommand({})).then(() => '.', (error: Error) => (error.name === 'RequestLimitExceeded' ? 'T' : '?'));
        return hits;
      },
    );

  test('deterministic by seed: the same seed throttles the same calls, another seed others', async () => {
    const one = await pattern(1, 0.5);
    expect(await pattern(1, 0.5)).toBe(one);
    expect(await pattern(2, 0.5)).not.toBe(one);
    expect(one).toMatch(/T/);
    expect(one).toMatch(/\./);
  });

  test('probability 0 never throttles, 1 always; actions limit it', async () => {
    expect(await pattern(3, 0)).toBe('.'.repeat(24));
    expect(await pattern(3, 1)).toBe('T'.repeat(24));
    expect(await pattern(3, 1, ['CreateVpc'])).toBe('.'.repeat(24));
    expect(await pattern(3, 1, ['DescribeVpcs'])).toBe('T'.repeat(24));
  });

  test('with the default retries, a client gets through moderate random throttling', async () => {
    await withPcxsim({ seed: 5, faults: [{ kind: 'random-throttle', probability: 0.3 }], clientConfig: { maxAttempts: 10 } }, async ({ ec2For, calls }) => {
      const ec2 = ec2For(A, EAST);
      for (let i = 0; i < 10; i++) await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${i}.0.0/16` }));
      expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toHaveLength(10);
      expect(calls().some((call) => call.fault === 'random-throttle')).toBe(true);
    });
  });
});

describe('peering-check-fails', () => {
  test('instant timing, same account and Region: the Create answer already says failed, with AWS’s message', async () => {
    await withPcxsim({ faults: [{ kind: 'peering-check-fails', call: 1 }] }, async (ctx) => {
      const vpcs = await twoVpcs(ctx, true);
      const pcx = await requestPeering(vpcs, true);
      expect(pcx.Status).toEqual({ Code: 'failed', Message: FAILED_MESSAGE });
      expect(await statusOf(vpcs.a, pcx.VpcPeeringConnectionId!)).toEqual({ Code: 'failed', Message: FAILED_MESSAGE });
      expect(ctx.world().checkFaults).toBeUndefined(); // used up, nothing left in the world
    });
  });

  test('realistic timing, cross-account and cross-Region: initiating-request, then failed once the check has run', async () => {
    await withPcxsim({ timing: 'realistic', faults: [{ kind: 'peering-check-fails', call: 1 }] }, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      const pcx = await requestPeering(vpcs);
      const id = pcx.VpcPeeringConnectionId!;
      expect(pcx.Status?.Code).toBe('initiating-request');
      await ctx.clock.advance(1_999);
      expect((await statusOf(vpcs.a, id))?.Code).toBe('initiating-request');
      await ctx.clock.advance(1);
      expect(await statusOf(vpcs.a, id)).toEqual({ Code: 'failed', Message: FAILED_MESSAGE });
      // As with any failed request, the accepter never sees it (spec §1.1).
      expect((await failure(vpcs.b.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })))).name).toBe(
        'InvalidVpcPeeringConnectionID.NotFound',
      );
      expect(ctx.world().checkFaults).toBeUndefined();
    });
  });

  test('instant timing, cross-account: failed on the next clock step', async () => {
    await withPcxsim({ faults: [{ kind: 'peering-check-fails', call: 1 }] }, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      const id = (await requestPeering(vpcs)).VpcPeeringConnectionId!;
      expect(ctx.world().checkFaults?.marked).toEqual([id]); // marked while its check is pending
      await ctx.clock.advance(0);
      expect(await statusOf(vpcs.a, id)).toEqual({ Code: 'failed', Message: FAILED_MESSAGE });
    });
  });

  test('only the Nth Create’s request fails; the others pass their checks', async () => {
    await withPcxsim({ faults: [{ kind: 'peering-check-fails', call: 2 }] }, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      const third = (await vpcs.b.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }))).Vpc!.VpcId!;
      const first = (await requestPeering(vpcs)).VpcPeeringConnectionId!;
      const second = (await requestPeering({ ...vpcs, vpcB: third })).VpcPeeringConnectionId!;
      const fourth = (await vpcs.a.send(new CreateVpcCommand({ CidrBlock: '10.3.0.0/16' }))).Vpc!.VpcId!;
      const last = (await requestPeering({ ...vpcs, vpcA: fourth })).VpcPeeringConnectionId!;
      await ctx.clock.advance(0);
      expect((await statusOf(vpcs.a, first))?.Code).toBe('pending-acceptance');
      expect((await statusOf(vpcs.a, second))?.Code).toBe('failed');
      expect((await statusOf(vpcs.a, last))?.Code).toBe('pending-acceptance');
    });
  });

  test('a Nth call that creates nothing (here a DryRun) uses the fault up: no later request fails', async () => {
    await withPcxsim({ faults: [{ kind: 'peering-check-fails', call: 1 }] }, async (ctx) => {
      const vpcs = await twoVpcs(ctx, true);
      const dryRun = ctx.ec2For(A, EAST).send(new CreateVpcPeeringConnectionCommand({ VpcId: vpcs.vpcA, PeerVpcId: vpcs.vpcB, DryRun: true }));
      expect((await failure(dryRun)).name).toBe('DryRunOperation');
      expect(ctx.world().checkFaults).toBeUndefined();
      expect((await requestPeering(vpcs, true)).Status?.Code).toBe('pending-acceptance');
      expect(ctx.calls().filter((call) => call.action === 'CreateVpcPeeringConnection').map((call) => call.fault)).toEqual(['peering-check-fails', undefined]);
    });
  });

  test('a throttled Nth call creates nothing: the SDK’s retry is call N+1 and passes its check', async () => {
    const faults: Fault[] = [
      { kind: 'throttle', action: 'CreateVpcPeeringConnection', call: 1 },
      { kind: 'peering-check-fails', call: 1 },
    ];
    await withPcxsim({ faults }, async (ctx) => {
      const vpcs = await twoVpcs(ctx, true);
      expect((await requestPeering(vpcs, true)).Status?.Code).toBe('pending-acceptance');
      expect(ctx.calls().filter((call) => call.action === 'CreateVpcPeeringConnection').map((call) => call.fault)).toEqual(['throttle', undefined]);
    });
  });
});

describe('bad faults', () => {
  test.each<[string, Fault]>([
    ['an unknown action', { kind: 'throttle', action: 'RunInstances' as never, call: 1 }],
    ['call 0', { kind: 'internal-error', action: 'DescribeVpcs', call: 0 }],
    ['a fractional times', { kind: 'throttle', action: 'DescribeVpcs', call: 1, times: 1.5 }],
    ['a probability over 1', { kind: 'random-throttle', probability: 2 }],
    ['an unknown kind', { kind: 'latency' } as never],
  ])('%s is a TypeError before the body runs', async (_, fault) => {
    let ran = false;
    await expect(
      withPcxsim({ faults: [fault] }, async () => {
        ran = true;
      }),
    ).rejects.toThrow(TypeError);
    expect(ran).toBe(false);
  });
});
