// The SDK's own waiters (ecosystem.md §1.3, spec §4.5) against the simulated clock: with the
// `realistic` timing profile the transient states take simulated seconds, and here every poll of the
// waiter lets two simulated seconds pass — so the waiter sees the states come and go exactly as it
// would against AWS, while the test takes a fraction of a real second.
import { waitUntilVpcPeeringConnectionDeleted, waitUntilVpcPeeringConnectionExists, type EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ALICE, BOB, Harness, TRANSPORTS } from './helpers.js';

const POLL_MS = 2_000;
const FAST = { minDelay: 0.01, maxDelay: 0.02, maxWaitTime: 10 };

/** A client after each of whose DescribeVpcPeeringConnections calls POLL_MS of simulated time pass. */
function polling(h: Harness, accountId: string, region: string): { client: EC2Client; polls: () => number } {
  const client = h.newClient(accountId, region);
  let polls = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } finally {
        if (context.commandName === 'DescribeVpcPeeringConnectionsCommand') {
          polls++;
          h.endpoint.advanceClock(POLL_MS);
        }
      }
    },
    { step: 'initialize', name: 'pcxsimSimulatedTimePasses' },
  );
  return { client, polls: () => polls };
}

describe.each(TRANSPORTS)('waiters over the %s transport', (transport) => {
  let h: Harness;
  let pcx: string;
  beforeAll(async () => {
    h = await Harness.start(transport, { worldOptions: { seed: 3, timing: 'realistic' } });
    const mine = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const theirs = (await h.ok(BOB, 'CreateVpc', { CidrBlock: '10.1.0.0/16' }, 'eu-west-1')).Vpc.VpcId;
    pcx = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: mine, PeerVpcId: theirs, PeerOwnerId: BOB, PeerRegion: 'eu-west-1' }))
      .VpcPeeringConnection.VpcPeeringConnectionId;
  });
  afterAll(() => h.close());

  test('waitUntilVpcPeeringConnectionExists: the accepter sees NotFound while the request initiates, then success', async () => {
    const first = await h.send(BOB, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionIds: [pcx] }, 'eu-west-1');
    expect(first).toMatchObject({ ok: false, error: { code: 'InvalidVpcPeeringConnectionID.NotFound' } });
    const { client, polls } = polling(h, BOB, 'eu-west-1');
    const result = await waitUntilVpcPeeringConnectionExists({ client, ...FAST }, { VpcPeeringConnectionIds: [pcx] });
    expect(result.state).toBe('SUCCESS');
    expect(polls()).toBeGreaterThan(1);
    const seen = await h.ok(BOB, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionIds: [pcx] }, 'eu-west-1');
    expect(seen.VpcPeeringConnections[0].Status.Code).toBe('pending-acceptance');
  });

  test('waitUntilVpcPeeringConnectionDeleted: deleting passes with simulated time, then every status is deleted', async () => {
    await h.ok(BOB, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pcx }, 'eu-west-1');
    h.endpoint.advanceClock(60_000);
    await h.ok(ALICE, 'DeleteVpcPeeringConnection', { VpcPeeringConnectionId: pcx });
    const deleting = await h.ok(ALICE, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionIds: [pcx] });
    expect(deleting.VpcPeeringConnections[0].Status.Code).toBe('deleting');
    const { client, polls } = polling(h, ALICE, 'us-east-1');
    const result = await waitUntilVpcPeeringConnectionDeleted({ client, ...FAST }, { VpcPeeringConnectionIds: [pcx] });
    expect(result.state).toBe('SUCCESS');
    expect(polls()).toBeGreaterThan(1);
  });
});
