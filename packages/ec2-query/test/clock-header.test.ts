// The simulated now travels in x-pcxsim-clock, not in Date (clock-header.ts): an SDK that saw a Date
// far from its own clock would correct its clock and send every failed call a second time.
import { DescribeVpcPeeringConnectionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Ec2Endpoint, InProcessHandler, listen, type RunningServer } from '../src/index.js';

const credentials = { accessKeyId: '111111111111', secretAccessKey: 'notasecret' };
const YEARS_AGO = Date.UTC(2020, 0, 1); // a simulated clock far from the wall clock
const unknown = new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: ['pcx-0123456789abcdef0'] });

async function failsOnce(endpoint: Ec2Endpoint, client: EC2Client): Promise<void> {
  const before = endpoint.requestCount;
  await expect(client.send(unknown)).rejects.toMatchObject({ name: 'InvalidVpcPeeringConnectionID.NotFound' });
  expect(endpoint.requestCount - before).toBe(1);
  expect(Math.abs(client.config.systemClockOffset)).toBeLessThan(5 * 60_000); // no skew correction
}

describe('a simulated clock years from the wall clock', () => {
  test('in process: a failed call is sent once, and the client keeps its clock', async () => {
    const endpoint = new Ec2Endpoint({ worldOptions: { startTime: YEARS_AGO } });
    const client = new EC2Client({ region: 'us-east-1', credentials, requestHandler: new InProcessHandler(endpoint) });
    const answer = await endpoint.handle({ method: 'POST', path: '/', query: '', headers: {}, body: 'Action=DescribeVpcs&Version=2016-11-15' });
    expect(answer.headers['date']).toBeUndefined();
    expect(answer.headers['x-pcxsim-clock']).toBe(new Date(YEARS_AGO).toISOString());
    await failsOnce(endpoint, client);
    client.destroy();
  });

  describe('over HTTP', () => {
    const endpoint = new Ec2Endpoint({ worldOptions: { startTime: YEARS_AGO } });
    let server: RunningServer;
    beforeAll(async () => (server = await listen(endpoint)));
    afterAll(async () => server.close());

    test('a failed call is sent once; Date is the wall clock, x-pcxsim-clock the simulated now', async () => {
      const client = new EC2Client({ region: 'us-east-1', credentials, endpoint: server.url });
      await failsOnce(endpoint, client);
      const answer = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=DescribeVpcs&Version=2016-11-15' });
      expect(Math.abs(Date.parse(answer.headers.get('date')!) - Date.now())).toBeLessThan(60_000);
      expect(answer.headers.get('x-pcxsim-clock')).toBe(new Date(endpoint.world.clock).toISOString());
      client.destroy();
    });
  });
});
