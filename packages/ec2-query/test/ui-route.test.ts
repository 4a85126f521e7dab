// The web view's routes under the control API (issue 18): the page, its script, and the JSON state
// of the world as one caller sees it, with the timeline the endpoint's journal keeps.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listen, type RunningServer } from '../src/index.js';
import { ALICE, BOB, Harness, rawHttp } from './helpers.js';

describe('GET /_pcxsim/ui', () => {
  let h: Harness;
  let server: RunningServer;
  beforeAll(async () => {
    h = await Harness.start('in-process', { worldOptions: { seed: 8, timing: 'instant' } });
    server = await listen(h.endpoint);
  });
  afterAll(async () => {
    await server.close();
    await h.close();
  });
  const get = (path: string): ReturnType<typeof rawHttp> => rawHttp(server.url, { method: 'GET', path });

  test('the page loads its one script from the same server: no CDN', async () => {
    const page = await get('/_pcxsim/ui');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['/_pcxsim/ui/live.js']);
    expect(page.body).not.toMatch(/https?:\/\//);
    const script = await get('/_pcxsim/ui/live.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('/_pcxsim/ui/state');
  });

  test("the state is the caller's view: its VPCs, the connection, its timeline; a reset empties both", async () => {
    const mine = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const theirs = (await h.ok(BOB, 'CreateVpc', { CidrBlock: '10.1.0.0/16' })).Vpc.VpcId;
    const pcx = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: mine, PeerVpcId: theirs, PeerOwnerId: BOB })).VpcPeeringConnection
      .VpcPeeringConnectionId;
    h.endpoint.advanceClock(0); // instant timing: past initiating-request
    const answer = await get(`/_pcxsim/ui/state?account=${BOB}&region=us-east-1`);
    expect(answer.status).toBe(200);
    expect(answer.headers['x-pcxsim-clock']).toBe(new Date(h.endpoint.world.clock).toISOString());
    const state = JSON.parse(answer.body);
    expect(state.picture.vpcs.map((v: { id: string }) => v.id)).toEqual([theirs, mine]);
    expect(state.picture.connections.map((c: { id: string }) => c.id)).toEqual([pcx]);
    // Bob sees his own VPC's creation and the connection's, not Alice's VPC being created.
    const texts = state.timeline.map((i: { text: string }) => i.text);
    expect(texts).toContain(`${theirs} vpc created`);
    expect(texts).toContain(`${pcx} peering created`);
    expect(texts).toContain(`${pcx} initiating-request → pending-acceptance`);
    expect(texts).not.toContain(`${mine} vpc created`);

    await rawHttp(server.url, { path: '/_pcxsim/reset', body: '' });
    const after = JSON.parse((await get(`/_pcxsim/ui/state?account=${BOB}&region=us-east-1`)).body);
    expect([after.picture.vpcs, after.timeline]).toEqual([[], []]);
  });

  test('bad requests get JSON errors, never a 500', async () => {
    expect((await get('/_pcxsim/ui/state?account=111111111111')).status).toBe(400);
    expect(JSON.parse((await get('/_pcxsim/ui/state')).body).error.code).toBe('MissingParameter');
    expect((await get('/_pcxsim/ui/nothing')).status).toBe(404);
    expect((await rawHttp(server.url, { path: '/_pcxsim/ui', body: 'x' })).status).toBe(405);
    const stranger = JSON.parse((await get('/_pcxsim/ui/state?account=nope&region=us-east-1')).body);
    expect(stranger.picture.error.code).toBe('AuthFailure');
  });
});
