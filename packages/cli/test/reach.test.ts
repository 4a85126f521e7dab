// `pcxsim reach` (issue 13): against a running endpoint and against a data directory, the same
// answer; exit 0 reachable, 1 not, 2 usage errors (a defineCommand entry: an unknown flag is named).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { apply, createWorld, type Caller, type Command, type World } from '@pcxsim/engine';
import { Ec2Endpoint, listen, type RunningServer } from '@pcxsim/ec2-query';
import { reachCommand } from '../src/reach.js';
import { CommandStore } from '../src/store.js';

const A: Caller = { accountId: '111111111111', region: 'us-east-1' };
const B: Caller = { accountId: '222222222222', region: 'us-east-1' };

/** Runs `pcxsim reach` in process, as main.ts does: exit code and what it wrote to stdout and stderr. */
async function run(argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((text) => ((stdout += String(text)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((text) => ((stderr += String(text)), true));
  try {
    const code = await reachCommand.main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A world of two peered VPCs with a route from A only; the commands that made it, for a store. */
function build() {
  let world: World = createWorld({ seed: 3 });
  const log: [Caller, Command, number][] = [];
  const ok = <C extends Command>(caller: Caller, command: C) => {
    const clock = world.clock;
    const step = apply(world, caller, command);
    if (!step.result.ok) throw new Error(`${command.type}: ${step.result.error.message}`);
    log.push([caller, command, clock]);
    world = step.world;
    return step.result.value as any;
  };
  const vpcA = ok(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }).Vpc.VpcId;
  const vpcB = ok(B, { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' }).Vpc.VpcId;
  const subnetA = ok(A, { type: 'CreateSubnet', VpcId: vpcA, CidrBlock: '10.0.1.0/24' }).Subnet.SubnetId;
  ok(B, { type: 'CreateSubnet', VpcId: vpcB, CidrBlock: '10.1.1.0/24' });
  const pcx = ok(A, { type: 'CreateVpcPeeringConnection', VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: B.accountId }).VpcPeeringConnection.VpcPeeringConnectionId;
  ok(A, { type: 'AdvanceClock', Milliseconds: 0 });
  ok(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx });
  ok(A, { type: 'AdvanceClock', Milliseconds: 0 });
  const rtbA = ok(A, { type: 'DescribeRouteTables', Filters: [{ Name: 'vpc-id', Values: [vpcA] }] }).RouteTables[0].RouteTableId;
  const rtbB = ok(B, { type: 'DescribeRouteTables', Filters: [{ Name: 'vpc-id', Values: [vpcB] }] }).RouteTables[0].RouteTableId;
  ok(A, { type: 'CreateRoute', RouteTableId: rtbA, DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx });
  return { world, log, subnetA, vpcA, rtbB, pcx, addReturnRoute: () => ok(B, { type: 'CreateRoute', RouteTableId: rtbB, DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: pcx }), current: () => world };
}

describe('pcxsim reach', () => {
  let server: RunningServer;
  let endpoint: Ec2Endpoint;
  let fixture: ReturnType<typeof build>;
  const dir = mkdtempSync(join(tmpdir(), 'pcxsim-reach-'));
  beforeAll(async () => {
    fixture = build();
    endpoint = new Ec2Endpoint({ world: fixture.world });
    server = await listen(endpoint);
    const store = CommandStore.open(dir, { worldOptions: { seed: 3 } });
    let world = createWorld({ seed: 3 });
    for (const [caller, command] of fixture.log) {
      const step = apply(world, caller, command);
      if (step.world !== world) await store.append({ clock: world.clock, caller, command, events: step.events }, step.world);
      world = step.world;
    }
    await store.close();
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('not reachable without the return route: exit 1, the explanation in words, the same from a data directory', async () => {
    const args = ['--account', A.accountId, '--region', A.region, fixture.subnetA, '10.1.1.10'];
    const live = await run(['--endpoint', server.url, ...args]);
    expect(live.code).toBe(1);
    expect(live.stdout).toContain(`not reachable: ${fixture.subnetA} → 10.1.1.10`);
    expect(live.stdout).toContain(`NO_ROUTE_TO_DESTINATION (ingress): The reply cannot come back: ${fixture.rtbB}`);
    const stored = await run(['--data', dir, ...args]);
    expect(stored).toEqual(live);
    const json = await run(['--endpoint', server.url, '--json', ...args]);
    expect(JSON.parse(json.stdout)).toMatchObject({ NetworkPathFound: false, Explanations: [{ ExplanationCode: 'NO_ROUTE_TO_DESTINATION', Direction: 'ingress' }] });
  });

  test('reachable once the peer routes back: exit 0 and the path both ways', async () => {
    fixture.addReturnRoute();
    const routed = new Ec2Endpoint({ world: fixture.current() });
    const other = await listen(routed);
    try {
      const answer = await run(['--endpoint', other.url, '--account', A.accountId, '--region', A.region, fixture.subnetA, '10.1.1.10']);
      expect(answer.code).toBe(0);
      expect(answer.stdout).toContain(`reachable: ${fixture.subnetA} → 10.1.1.10`);
      expect(answer.stdout).toContain(`${fixture.pcx} (${fixture.vpcA} → `);
      expect(answer.stdout).toContain('  return: ');
    } finally {
      await other.close();
    }
  });

  test('usage: an unknown flag is named (exit 2), -h prints the usage (exit 0), a refused query is exit 2', async () => {
    const unknown = await run(['--endpoint', server.url, '--bogus', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('pcxsim reach: unknown flag --bogus');
    expect(unknown.stderr).toContain('usage: pcxsim reach');
    const help = await run(['-h']);
    expect([help.code, help.stdout.startsWith('usage: pcxsim reach')]).toEqual([0, true]);
    expect((await run(['--account', A.accountId, '--region', A.region, 'subnet-x', '10.0.0.1'])).code).toBe(2); // neither --endpoint nor --data
    const refused = await run(['--endpoint', server.url, '--account', B.accountId, '--region', B.region, fixture.subnetA, '10.1.1.10']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('InvalidSubnetID.NotFound');
    expect((await run(['--data', join(dir, 'nowhere'), '--account', A.accountId, '--region', A.region, fixture.subnetA, '10.1.1.10'])).code).toBe(2);
  });
});
