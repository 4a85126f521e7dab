// The model-based kit against pcxsim itself over the wire (it must agree), and against a
// deliberately broken system (it must find the bug and shrink it to a short sequence).
import { EC2Client } from '@aws-sdk/client-ec2';
import { apply, createWorld, type Caller, type World } from '@pcxsim/engine';
import { Ec2Endpoint, InProcessHandler } from '@pcxsim/ec2-query';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  answerOf,
  checkAgainstModel,
  ModelCheckFailure,
  PeeringModel,
  peeringCommands,
  sdkSystem,
  type RealSystem,
  type SequenceStep,
} from '../src/index.js';

/** pcxsim behind a fresh in-process endpoint, reached through real EC2Clients (one per caller). */
function pcxsimOverTheWire(): { real: RealSystem; close: () => void } {
  const endpoint = new Ec2Endpoint();
  const clients = new Map<string, EC2Client>();
  const clientFor = ({ accountId, region }: Caller) => {
    const key = `${accountId}|${region}`;
    let client = clients.get(key);
    if (client === undefined) {
      client = new EC2Client({ region, credentials: { accessKeyId: accountId, secretAccessKey: 'notasecret' }, maxAttempts: 1, requestHandler: new InProcessHandler(endpoint) });
      clients.set(key, client);
    }
    return client;
  };
  return {
    real: sdkSystem({ clientFor, advanceClock: (ms) => endpoint.advanceClock(ms) }),
    close: () => clients.forEach((client) => client.destroy()),
  };
}

/**
 * An emulator built on the engine, optionally broken: with `neverOverlap`, every VPC it creates gets
 * a block of its own (10.N.0.0/16) whatever was asked, so it never sees two VPCs overlap —
 * overlapping requests never fail. With `settle`, it lets what is due happen after every step, as
 * an endpoint without a simulated clock has moments later.
 */
function engineSystem({ neverOverlap = false, settle = false } = {}): RealSystem {
  let world: World = createWorld();
  let created = 0;
  return {
    async send({ caller, command }: SequenceStep) {
      const sent = neverOverlap && command.type === 'CreateVpc' && command.CidrBlock !== undefined ? { ...command, CidrBlock: `10.${created++ % 256}.0.0/16` } : command;
      const step = apply(world, caller, sent);
      world = step.world;
      if (settle) world = apply(world, caller, { type: 'AdvanceClock', Milliseconds: 0 }).world;
      return answerOf(step.result);
    },
  };
}

const PEERING_ONLY = ['CreateVpc', 'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection', 'DescribeVpcPeeringConnections', 'AdvanceClock'] as const;

describe('the model-based kit', () => {
  test('pcxsim over the wire (InProcessHandler + EC2Client) agrees with its own engine', async () => {
    const opened: (() => void)[] = [];
    await checkAgainstModel({
      real: () => {
        const { real, close } = pcxsimOverTheWire();
        opened.push(close);
        return real;
      },
      maxCommands: 25,
      parameters: { numRuns: 25 },
    });
    opened.forEach((close) => close());
  });

  test('a system that never fails overlapping requests is caught, and shrunk to a short sequence', async () => {
    const failure = await checkAgainstModel({ real: () => engineSystem({ neverOverlap: true }), actions: PEERING_ONLY, invalid: 0, parameters: { numRuns: 200 } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ModelCheckFailure);
    const { steps, message } = failure as ModelCheckFailure;
    // Two overlapping VPCs and a request between them (3 steps); cross-account, also the clock step
    // that runs the check and a step that shows its result (5); a bystander VPC may survive (6).
    const types = steps.map((step) => step.command.type);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.length).toBeLessThanOrEqual(6);
    expect(types.filter((type) => type === 'CreateVpc').length).toBeGreaterThanOrEqual(2);
    expect(types).toContain('CreateVpcPeeringConnection');
    expect(message).toContain(`disagree after ${steps.length} step(s)`);
  });

  test('peeringCommands runs with fc.asyncModelRun directly, against a faithful system', async () => {
    await fc.assert(
      fc.asyncProperty(peeringCommands({ maxCommands: 20 }), (commands) => fc.asyncModelRun(() => ({ model: new PeeringModel(), real: engineSystem() }), commands)),
      { numRuns: 30 },
    );
  });

  test('without clock steps the model settles after every step, as the real system must', async () => {
    await checkAgainstModel({ real: () => engineSystem({ settle: true }), clockSteps: false, parameters: { numRuns: 30 } });
    const failure = await checkAgainstModel({ real: () => engineSystem(), clockSteps: false, actions: PEERING_ONLY, parameters: { numRuns: 100 } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelCheckFailure);
  });

  test('a comparison of your own decides what agreement means', async () => {
    const failure = await checkAgainstModel({
      real: () => engineSystem(),
      compare: (_, __, { step }) => {
        if (step.command.type === 'AcceptVpcPeeringConnection') throw new Error('no Accept allowed here');
      },
      actions: PEERING_ONLY,
      parameters: { numRuns: 100 },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelCheckFailure);
    const { steps, details } = failure as ModelCheckFailure;
    expect(steps.at(-1)?.command.type).toBe('AcceptVpcPeeringConnection');
    expect(details.failed).toBe(true);
    expect(String((failure as Error).cause)).toContain('no Accept allowed here');
  });
});
