// Faults put in force while the test runs (context.faults, issue 16): they count from the moment
// they are added, so setup neither takes them nor shifts their call numbers; a scope narrows them
// to one account and/or Region; the `faults` option keeps counting from the first call.
import { CreateVpcCommand, CreateVpcPeeringConnectionCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, test } from 'vitest';
import { withPcxsim, type Fault } from '../src/index.js';
import { A, B, EAST, WEST, failure, statusOf, twoVpcs } from './fixture-helpers.js';

const create = (cidr = '10.0.0.0/16') => new CreateVpcCommand({ CidrBlock: cidr });
const throttleCreateVpc = (call: number, times = 1): Fault => ({ kind: 'throttle', action: 'CreateVpc', call, times });
const faultsOf = (calls: readonly { action: string | undefined; fault: string | undefined }[], action: string) =>
  calls.filter((c) => c.action === action).map((c) => c.fault ?? '-');

describe('context.faults.add', () => {
  test('counts from the moment it is added: setup calls neither take the fault nor shift its number', async () => {
    await withPcxsim({}, async ({ ec2For, faults, calls }) => {
      const ec2 = ec2For(A, EAST);
      await ec2.send(create()); // setup: CreateVpc calls 1 and 2
      await ec2.send(create());
      faults.add(throttleCreateVpc(2));
      await ec2.send(create()); // call 1 since the fault: passes; call 2 throttled, the SDK's retry passes
      await ec2.send(create());
      expect(faultsOf(calls(), 'CreateVpc')).toEqual(['-', '-', '-', 'throttle', '-']);
      // The records still number the calls from the fixture's first.
      expect(calls().map((c) => c.call)).toEqual([1, 2, 3, 4, 5]);
    });
  });

  test('the `faults` option counts from the first call, as before, and runs before added faults', async () => {
    await withPcxsim({ faults: [throttleCreateVpc(2)] }, async ({ ec2For, faults, calls }) => {
      const ec2 = ec2For(A, EAST);
      faults.add({ kind: 'internal-error', action: 'CreateVpc', call: 1 });
      await ec2.send(create()); // call 1: the added fault's first, InternalError; retry (call 2): the option's throttle; call 3 passes
      expect(calls().map((c) => [c.status, c.fault])).toEqual([
        [500, 'internal-error'],
        [503, 'throttle'],
        [200, undefined],
      ]);
      expect(faults.list()).toEqual([throttleCreateVpc(2), { kind: 'internal-error', action: 'CreateVpc', call: 1 }]);
    });
  });

  test('remove() ends a fault (true once, then false); clear() ends all, the option’s too', async () => {
    await withPcxsim({ faults: [{ kind: 'random-throttle', probability: 1, actions: ['DescribeVpcs'] }] }, async ({ ec2For, faults }) => {
      const ec2 = ec2For(A, EAST);
      const added = faults.add({ kind: 'random-throttle', probability: 1, actions: ['CreateVpc'] });
      expect((await failure(ec2.send(create()))).name).toBe('RequestLimitExceeded');
      expect(added.remove()).toBe(true);
      expect(added.remove()).toBe(false);
      await ec2.send(create());
      expect((await failure(ec2.send(new DescribeVpcsCommand({})))).name).toBe('RequestLimitExceeded');
      faults.clear();
      expect(faults.list()).toEqual([]);
      expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toHaveLength(1);
    });
  });

  test('during() holds faults for the length of its body, whether it returns or throws', async () => {
    await withPcxsim({}, async ({ ec2For, faults }) => {
      const ec2 = ec2For(A, EAST);
      const every = (action: 'CreateVpc'): Fault => ({ kind: 'internal-error', action, call: 1, times: 1_000 });
      const inside = await faults.during(every('CreateVpc'), () => failure(ec2.send(create())));
      expect(inside.name).toBe('InternalError');
      expect(inside.$metadata.attempts).toBe(3);
      await ec2.send(create());
      await expect(faults.during([every('CreateVpc')], () => Promise.reject(new Error('body failed')))).rejects.toThrow('body failed');
      expect(faults.list()).toEqual([]);
      await ec2.send(create());
    });
  });

  test('a malformed fault is a TypeError naming it, and nothing is added', async () => {
    await withPcxsim({}, async ({ faults }) => {
      expect(() => faults.add({ kind: 'throttle', action: 'CreateVpcs' as 'CreateVpc', call: 1 })).toThrow(/^faults\.add\[0\]: CreateVpcs is no EC2 action/);
      expect(() => faults.add({ kind: 'throttle', action: 'CreateVpc', call: 1, accountId: '42' })).toThrow('faults.add[0]: accountId must be 12 digits, not 42');
      await expect(faults.during([throttleCreateVpc(1), throttleCreateVpc(0)], async () => 1)).rejects.toThrow('faults.during[1]: call must be a whole number from 1');
      expect(faults.list()).toEqual([]);
    });
  });
});

describe('scoped faults', () => {
  test('accountId and region narrow a fault to one client; it counts only the calls it covers', async () => {
    await withPcxsim({ faults: [{ ...throttleCreateVpc(2), accountId: B, region: WEST }] }, async ({ ec2For, calls }) => {
      await ec2For(A, EAST).send(create()); // not covered: A
      await ec2For(B, EAST).send(create()); // not covered: another Region
      await ec2For(B, WEST).send(create()); // B@WEST call 1
      await ec2For(A, WEST).send(create()); // not covered
      await ec2For(B, WEST).send(create()); // B@WEST call 2: throttled, then retried
      expect(calls().map((c) => `${c.accountId}@${c.region} ${c.status}`)).toEqual([
        `${A}@${EAST} 200`,
        `${B}@${EAST} 200`,
        `${B}@${WEST} 200`,
        `${A}@${WEST} 200`,
        `${B}@${WEST} 503`,
        `${B}@${WEST} 200`,
      ]);
    });
  });

  test('an account scope alone covers it in every Region; a Region scope alone, every account there', async () => {
    await withPcxsim({}, async ({ ec2For, faults }) => {
      faults.add({ kind: 'random-throttle', probability: 1, accountId: B });
      faults.add({ kind: 'random-throttle', probability: 1, region: WEST, actions: ['DescribeVpcs'] });
      expect((await failure(ec2For(B, EAST).send(create()))).name).toBe('RequestLimitExceeded');
      expect((await failure(ec2For(A, WEST).send(new DescribeVpcsCommand({})))).name).toBe('RequestLimitExceeded');
      await ec2For(A, WEST).send(create());
      await ec2For(A, EAST).send(new DescribeVpcsCommand({}));
    });
  });

  test('peering-check-fails added after setup fails the next request that account makes', async () => {
    await withPcxsim({}, async (ctx) => {
      const vpcs = await twoVpcs(ctx);
      const other = (await vpcs.b.send(create('10.2.0.0/16'))).Vpc!.VpcId!;
      const request = (peer: string) => vpcs.a.send(new CreateVpcPeeringConnectionCommand({ VpcId: vpcs.vpcA, PeerVpcId: peer, PeerOwnerId: B, PeerRegion: WEST }));
      const first = (await request(vpcs.vpcB)).VpcPeeringConnection!.VpcPeeringConnectionId!;
      ctx.faults.add({ kind: 'peering-check-fails', call: 1, accountId: A });
      const second = (await request(other)).VpcPeeringConnection!.VpcPeeringConnectionId!;
      await ctx.clock.advance(0);
      expect((await statusOf(vpcs.a, first))?.Code).toBe('pending-acceptance');
      expect((await statusOf(vpcs.a, second))?.Code).toBe('failed');
    });
  });
});
