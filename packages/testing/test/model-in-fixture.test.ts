// The model kit inside withPcxsim (issue 16): checkAgainstModel({ pcxsim }) runs each run in a fresh
// fixture, so faults, lag and the call log apply; a system of your own maps steps to your functions;
// pcxsimOverSdk and createVpcFor are the guide's helpers, exported.
import { AcceptVpcPeeringConnectionCommand, DescribeVpcsCommand, EC2ServiceException } from '@aws-sdk/client-ec2';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  checkAgainstModel,
  PeeringModel,
  peeringCommands,
  createVpcFor,
  fixtureSystem,
  ModelCheckFailure,
  pcxsimOverSdk,
  withPcxsim,
  type Answer,
  type PcxsimContext,
  type RealSystem,
} from '../src/index.js';
import { A, B, EAST, WEST } from './fixture-helpers.js';

const PEERING = ['CreateVpc', 'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection', 'DescribeVpcPeeringConnections', 'AdvanceClock'] as const;
const ACCEPT_FAILS_TWICE = { kind: 'internal-error', action: 'AcceptVpcPeeringConnection', call: 1, times: 2 } as const;

/** A wrapper in which Accept is a function of the user's: it retries an InternalError itself. */
function retryingAccept(context: PcxsimContext): RealSystem {
  const inner = fixtureSystem(context);
  return {
    async send(step): Promise<Answer> {
      if (step.command.type !== 'AcceptVpcPeeringConnection') return inner.send(step);
      const ec2 = context.ec2For(step.caller.accountId, step.caller.region);
      for (let attempt = 1; ; attempt++) {
        try {
          const { $metadata: _, ...output } = await ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: step.command.VpcPeeringConnectionId }));
          return { ok: true, output };
        } catch (error) {
          if (!(error instanceof EC2ServiceException)) throw error;
          if (error.name === 'InternalError' && attempt < 5) continue;
          return { ok: false, code: error.name };
        }
      }
    },
  };
}

async function modelFailure(run: Promise<void>): Promise<ModelCheckFailure> {
  const thrown = await run.then(() => undefined, (error: unknown) => error);
  if (!(thrown instanceof ModelCheckFailure)) throw new Error(`expected a ModelCheckFailure, got ${String(thrown)}`);
  return thrown;
}

describe('checkAgainstModel inside withPcxsim', () => {
  test('the fixture’s own system agrees with the engine, with and without Describe lag (the model lags alike)', async () => {
    await checkAgainstModel({ pcxsim: {}, maxCommands: 15, parameters: { numRuns: 8, seed: 3 } });
    await checkAgainstModel({ pcxsim: { consistency: { describeDelayMs: 2_000 } }, actions: PEERING, maxCommands: 15, parameters: { numRuns: 8, seed: 4 } });
  });

  test('faults reach the steps: an Accept that outlasts the SDK’s attempts is a disagreement, printed with the run’s calls', async () => {
    const found = await modelFailure(
      checkAgainstModel({ pcxsim: { faults: [ACCEPT_FAILS_TWICE], clientConfig: { maxAttempts: 1 } }, actions: PEERING, maxCommands: 12, parameters: { numRuns: 60, seed: 5 } }),
    );
    expect(found.steps.at(-1)?.command.type).toBe('AcceptVpcPeeringConnection');
    expect(found.message).toMatch(/: pcxsim (succeeded|failed with [\w.]+), the real system failed with InternalError\n/);
    expect(found.message).toMatch(/EC2 calls in this run: \d+\n/);
    expect(found.message).toMatch(/AcceptVpcPeeringConnection VpcPeeringConnectionId=pcx-\w+ → 500 InternalError \(injected: internal-error\)/);
  });

  test('a system of your own over the fixture: one step is your function (an Accept that retries), and the same faults pass', async () => {
    await checkAgainstModel({
      pcxsim: { faults: [ACCEPT_FAILS_TWICE], clientConfig: { maxAttempts: 1 } },
      system: retryingAccept,
      actions: PEERING,
      maxCommands: 12,
      parameters: { numRuns: 30, seed: 5 },
    });
  });

  test('peeringCommands with fc.asyncModelRun inside a fixture of your own: the steps are the fixture’s calls', async () => {
    await fc.assert(
      fc.asyncProperty(peeringCommands({ actions: PEERING, maxCommands: 10 }), (commands) =>
        withPcxsim({}, async (context) => {
          await fc.asyncModelRun(() => ({ model: new PeeringModel(), real: fixtureSystem(context) }), commands);
          const sent = [...commands].map(String).filter((step) => !step.startsWith('AdvanceClock'));
          expect(context.calls().map((call) => call.action)).toEqual(sent.map((step) => step.slice(0, step.search(/[{(]/))));
        }),
      ),
      { numRuns: 10, seed: 8 },
    );
  });

  test('either `real` or `pcxsim`, not both, not neither', async () => {
    await expect(checkAgainstModel({})).rejects.toThrow('checkAgainstModel: give either `real` or `pcxsim`');
    await expect(checkAgainstModel({ real: () => pcxsimOverSdk(), pcxsim: {} })).rejects.toThrow(TypeError);
  });
});

describe('the guide’s helpers', () => {
  test('pcxsimOverSdk: pcxsim behind the SDK agrees with its engine, also with the same world options', async () => {
    await checkAgainstModel({ real: () => pcxsimOverSdk(), maxCommands: 15, parameters: { numRuns: 8, seed: 6 } });
    const worldOptions = { timing: 'realistic' as const };
    await checkAgainstModel({ real: () => pcxsimOverSdk({ worldOptions }), worldOptions, actions: PEERING, maxCommands: 15, parameters: { numRuns: 8, seed: 7 } });
  });

  test('createVpcFor makes a party’s VPC with its secondary blocks, through the fixture’s client for that party', async () => {
    await withPcxsim({}, async (context) => {
      const bob = await createVpcFor(context, { accountId: B, region: WEST }, ['10.1.0.0/16', '10.2.0.0/16']);
      expect(bob.ec2).toBe(context.ec2For(B, WEST));
      expect(bob).toMatchObject({ accountId: B, region: WEST, vpcId: expect.stringMatching(/^vpc-/) });
      const { Vpcs } = await bob.ec2.send(new DescribeVpcsCommand({ VpcIds: [bob.vpcId] }));
      expect(Vpcs?.[0]?.CidrBlockAssociationSet?.map((a) => a.CidrBlock)).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
      const alice = await createVpcFor(context, { accountId: A, region: EAST }, '10.1.0.0/16');
      expect(alice.vpcId).not.toBe(bob.vpcId);
      await expect(createVpcFor(context, { accountId: A, region: EAST }, [])).rejects.toThrow(TypeError);
      await expect(createVpcFor(context, { accountId: A, region: EAST }, '10.0.0.0/8')).rejects.toMatchObject({ name: 'InvalidVpc.Range' });
    });
  });
});
