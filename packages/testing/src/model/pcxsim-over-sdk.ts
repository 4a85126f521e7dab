// The real systems of the guide, ready made: pcxsim itself behind the SDK (the reference a wrapper
// is checked against, or the inner system a wrapper under test calls), standalone or inside a
// withPcxsim fixture, where faults, lag and the call log apply to every step.
import { EC2Client } from '@aws-sdk/client-ec2';
import { Ec2Endpoint, InProcessHandler } from '@pcxsim/ec2-query';
import type { WorldOptions } from '@pcxsim/engine';
import type { PcxsimContext } from '../fixture/with-pcxsim.js';
import type { RealSystem } from './real-system.js';
import { sdkSystem } from './sdk-system.js';

/** Options of {@link pcxsimOverSdk}. */
export interface PcxsimOverSdkOptions {
  /** The endpoint's world (timing, quotas, Regions, consistency): match the model's `worldOptions`. */
  readonly worldOptions?: WorldOptions;
}

/**
 * pcxsim behind a fresh in-process {@link Ec2Endpoint}, reached through real `EC2Client`s (one per
 * caller, made on first use), as a {@link RealSystem}: the guide's `pcxsimOverSdk`. Its `AdvanceClock`
 * steps move the endpoint's clock.
 *
 * @example
 * await checkAgainstModel({ real: () => pcxsimOverSdk(), parameters: { numRuns: 10 } });
 */
export function pcxsimOverSdk(options: PcxsimOverSdkOptions = {}): RealSystem {
  const endpoint = new Ec2Endpoint(options.worldOptions === undefined ? {} : { worldOptions: options.worldOptions });
  const handler = new InProcessHandler(endpoint);
  const clients = new Map<string, EC2Client>();
  return sdkSystem({
    clientFor: ({ accountId, region }) => {
      const key = `${accountId}|${region}`;
      let client = clients.get(key);
      if (client === undefined) {
        client = new EC2Client({ region, credentials: { accessKeyId: accountId, secretAccessKey: 'notasecret' }, requestHandler: handler });
        clients.set(key, client);
      }
      return client;
    },
    advanceClock: (ms) => endpoint.advanceClock(ms),
  });
}

/**
 * The fixture's world as a {@link RealSystem}: each step goes through `context.ec2For(caller)` —
 * so the fixture's faults, its eventual consistency and its call log apply — and `AdvanceClock`
 * steps move `context.clock`. Wrap it in your own system to check a wrapper that calls EC2.
 *
 * @example
 * await withPcxsim({ faults: [{ kind: 'throttle', action: 'AcceptVpcPeeringConnection', call: 1 }] }, async (context) => {
 *   const real = fixtureSystem(context);
 *   await real.send({ caller: { accountId: '111111111111', region: 'us-east-1' }, command: { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' } });
 * });
 */
export function fixtureSystem(context: Pick<PcxsimContext, 'ec2For' | 'clock'>): RealSystem {
  return sdkSystem({
    clientFor: ({ accountId, region }) => context.ec2For(accountId, region),
    advanceClock: (ms) => context.clock.advance(ms),
  });
}
