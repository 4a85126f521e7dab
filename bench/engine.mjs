#!/usr/bin/env node
// `pnpm run bench:engine [-- --sizes 1000,100000,1000000 --commands 200000]`
//
// The engine benchmark (issue 4), on the built package: for each world size it builds a world of that
// many connections through apply() itself, then measures
// - commands_per_s: a mixed create / accept / describe-by-id / delete workload, in process, per second
//   of this process's CPU time (user + system, GC threads included), so that other work on a shared
//   machine does not count; the table shows the wall-clock rate beside it;
// - describe_filtered_us: DescribeVpcPeeringConnections with a status-code, a requester-vpc-info.vpc-id
//   and a tag: filter, each matching 10 connections (the mean of the three);
// - heap_mb: heap used by the world after a full GC (run with --expose-gc);
// - route_mix_per_s: a routing workload (CreateRoute, ReplaceRoute, DescribeRouteTables by ID,
//   DeleteRoute on a table of a few routes) per CPU second;
// - reach_us: CPU µs of reachability() for a path found both ways, from a subnet whose table holds 1,000 routes
//   (the quota's maximum) through an active connection, in a world of `size` connections.
// It prints a table, then one plain line per size for run-to-run comparison:
//   engine size=<connections> commands_per_s=<n> describe_filtered_us=<n> heap_mb=<n> route_mix_per_s=<n> reach_us=<n>
//
// `--engine DIR` runs another build of the engine (a checkout's packages/engine, built), so that two
// commits can be measured with the same script. `--count-writes` counts trie writes (pset and pdelete
// calls, through bench/trie-writes-hook.mjs) per command of the mixed workload, by command type, and
// times nothing (the counting wrapper would skew the times): it prints
//   trie_writes size=<connections> per_command=<n> <CommandType>=<n> …
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const SIZES = option('sizes', '1000,100000,1000000').split(',').map(Number);
const COMMANDS = Number(option('commands', '200000'));
const COUNT_WRITES = args.includes('--count-writes');
const ENGINE = option('engine', new URL('../packages/engine', import.meta.url).pathname);

if (COUNT_WRITES) {
  globalThis.__pcxsimTrieWrites = 0;
  register('./trie-writes-hook.mjs', import.meta.url);
}
const { apply, createWorld, reachability } = await import(pathToFileURL(`${ENGINE}/dist/index.js`).href);

const A = { accountId: '111111111111', region: 'us-east-1' };
const B = { accountId: '222222222222', region: 'us-east-1' };
const gc = globalThis.gc ?? (() => {});

function must(step, what) {
  if (!step.result.ok) throw new Error(`${what}: ${step.result.error.code}: ${step.result.error.message}`);
  return step;
}

/** A world of `size` active cross-account connections (A's VPCs × B's VPCs), plus the fixtures the filtered Describes use. */
function build(size) {
  // Quotas raised so that the world can be this dense; every rule still runs.
  let world = createWorld({ seed: 7, quotas: { outstandingRequestsPerAccount: 1e9, activeConnectionsPerVpc: 1e9, routesPerTable: 1000 } });
  const run = (caller, command, what) => {
    const step = must(apply(world, caller, command), what);
    world = step.world;
    return step.result.value;
  };
  const side = Math.ceil(Math.sqrt(size));
  const vpc = (caller, cidr) => run(caller, { type: 'CreateVpc', CidrBlock: cidr }, 'CreateVpc').Vpc.VpcId;
  const aVpcs = Array.from({ length: side }, (_, i) => vpc(A, `10.${i >> 8}.${i & 255}.0/24`));
  const bVpcs = Array.from({ length: Math.ceil(size / side) }, (_, j) => vpc(B, `172.${16 + (j >> 8)}.${j & 255}.0/24`));
  const BATCH = 20_000;
  for (let start = 0; start < size; start += BATCH) {
    const ids = [];
    for (let k = start; k < Math.min(size, start + BATCH); k++) {
      const out = run(A, { type: 'CreateVpcPeeringConnection', VpcId: aVpcs[k % side], PeerVpcId: bVpcs[Math.floor(k / side)], PeerOwnerId: B.accountId }, 'Create');
      ids.push(out.VpcPeeringConnection.VpcPeeringConnectionId);
    }
    run(A, { type: 'AdvanceClock', Milliseconds: 0 }, 'tick');
    for (const id of ids) run(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id }, 'Accept');
    run(A, { type: 'AdvanceClock', Milliseconds: 0 }, 'tick');
  }
  // Fixtures: a VPC with 10 connections (10 pending), 10 of which are tagged.
  const hub = vpc(A, '192.168.0.0/24');
  const spokes = Array.from({ length: 10 }, (_, i) => vpc(B, `192.168.${i + 1}.0/24`));
  const fixture = spokes.map((spoke) => run(A, { type: 'CreateVpcPeeringConnection', VpcId: hub, PeerVpcId: spoke, PeerOwnerId: B.accountId }, 'Create').VpcPeeringConnection.VpcPeeringConnectionId);
  run(A, { type: 'AdvanceClock', Milliseconds: 0 }, 'tick');
  run(A, { type: 'CreateTags', Resources: fixture, Tags: [{ Key: 'bench', Value: 'yes' }] }, 'CreateTags');
  // The workload's own VPCs: same account and Region, so each request is checked within Create.
  const workVpcs = Array.from({ length: 600 }, (_, i) => vpc(A, `10.${200 + (i >> 8)}.${i & 255}.0/24`));
  // Routing: A's 100.64.0.0/16 and B's 100.65.0.0/16, a subnet each, an active connection, 1,000
  // routes to it in A's main table (longest matches of every length from /8 to /32) and a return route.
  const src = vpc(A, '100.64.0.0/16');
  const dst = vpc(B, '100.65.0.0/16');
  const subnet = run(A, { type: 'CreateSubnet', VpcId: src, CidrBlock: '100.64.1.0/24' }, 'CreateSubnet').Subnet.SubnetId;
  run(B, { type: 'CreateSubnet', VpcId: dst, CidrBlock: '100.65.1.0/24' }, 'CreateSubnet');
  const pcx = run(A, { type: 'CreateVpcPeeringConnection', VpcId: src, PeerVpcId: dst, PeerOwnerId: B.accountId }, 'Create').VpcPeeringConnection.VpcPeeringConnectionId;
  run(A, { type: 'AdvanceClock', Milliseconds: 0 }, 'tick');
  run(B, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx }, 'Accept');
  run(A, { type: 'AdvanceClock', Milliseconds: 0 }, 'tick');
  const table = (caller, vpcId) => run(caller, { type: 'DescribeRouteTables', Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }, 'DescribeRouteTables').RouteTables[0].RouteTableId;
  const srcTable = table(A, src);
  for (let i = 0; i < 1000; i++) {
    const length = 8 + (i % 25);
    const word = ((198 << 24) | (i * 2654435761)) >>> 0; // spread over 198.0.0.0/8
    const masked = length === 32 ? word : (word & (0xffffffff << (32 - length))) >>> 0;
    const text = `${masked >>> 24}.${(masked >>> 16) & 255}.${(masked >>> 8) & 255}.${masked & 255}/${length}`;
    const step = apply(world, A, { type: 'CreateRoute', RouteTableId: srcTable, DestinationCidrBlock: text, VpcPeeringConnectionId: pcx });
    if (step.result.ok) world = step.world; // a repeated destination is skipped
  }
  run(A, { type: 'CreateRoute', RouteTableId: srcTable, DestinationCidrBlock: '100.65.0.0/16', VpcPeeringConnectionId: pcx }, 'CreateRoute');
  run(B, { type: 'CreateRoute', RouteTableId: table(B, dst), DestinationCidrBlock: '100.64.0.0/16', VpcPeeringConnectionId: pcx }, 'CreateRoute');
  const mixTable = run(A, { type: 'CreateRouteTable', VpcId: src }, 'CreateRouteTable').RouteTable.RouteTableId;
  return { world, hub, workVpcs, routing: { subnet, pcx, mixTable } };
}

/**
 * The mixed workload: each round creates a connection (same account and Region, so it is checked
 * within Create), accepts it, describes it by ID, and deletes the one created 30 rounds before (active
 * by then: a clock step of 0 ms every 25 rounds moves the transient states on). Pairs are never reused.
 */
function workload(fixture, commands, writes = null) {
  let { world } = fixture;
  // With --count-writes: each command's trie writes, summed by command type.
  const run = (caller, command) => {
    if (writes === null) return apply(world, caller, command);
    const before = globalThis.__pcxsimTrieWrites;
    const step = apply(world, caller, command);
    const row = (writes[command.type] ??= { commands: 0, writes: 0 });
    row.commands++;
    row.writes += globalThis.__pcxsimTrieWrites - before;
    return step;
  };
  const { workVpcs } = fixture;
  const n = workVpcs.length;
  const created = [];
  let done = 0;
  let round = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  while (done < commands) {
    // Unordered pairs (a, a + 1 + k) with k < (n - 1) / 2 never repeat, in either direction.
    const a = round % n;
    const b = (a + 1 + (Math.floor(round / n) % Math.floor((n - 1) / 2))) % n;
    let step = run(A, { type: 'CreateVpcPeeringConnection', VpcId: workVpcs[a], PeerVpcId: workVpcs[b] });
    world = must(step, 'workload Create').world;
    const id = step.result.value.VpcPeeringConnection.VpcPeeringConnectionId;
    created.push(id);
    world = must(run(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id }), 'workload Accept').world;
    must(run(A, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [id] }), 'workload Describe');
    done += 3;
    if (round >= 30) {
      world = must(run(A, { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: created[round - 30] }), 'workload Delete').world;
      done++;
    }
    round++;
    if (round % 25 === 0) {
      world = must(run(A, { type: 'AdvanceClock', Milliseconds: 0 }), 'workload tick').world;
      done++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  // For `node --cpu-prof`: the workload's span, to give bench/cpuprofile-top.mjs as --after-ms/--until-ms.
  if (writes === null) console.error(`workload window: --after-ms ${Math.round(started)} --until-ms ${Math.round(performance.now())}`);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { wall: Math.round(done / seconds), cpu: Math.round(done / cpuSeconds) };
}

function describeFiltered(fixture) {
  const { world, hub } = fixture;
  const filters = [
    [{ Name: 'status-code', Values: ['pending-acceptance'] }],
    [{ Name: 'requester-vpc-info.vpc-id', Values: [hub] }],
    [{ Name: 'tag:bench', Values: ['yes'] }],
  ];
  const times = [];
  for (const Filters of filters) {
    const command = { type: 'DescribeVpcPeeringConnections', Filters };
    const out = must(apply(world, A, command), 'filtered Describe');
    if (out.result.value.VpcPeeringConnections.length !== 10) throw new Error(`expected 10 matches for ${JSON.stringify(Filters)}`);
    const rounds = 2_000;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) apply(world, A, command);
    times.push(((performance.now() - started) * 1000) / rounds);
  }
  return times.reduce((sum, t) => sum + t, 0) / times.length;
}

/** reachability() from the subnet behind a 1,000-route table to the peer's subnet: found, both ways. */
function reach(fixture) {
  const { world } = fixture;
  const query = { source: fixture.routing.subnet, destinationIp: '100.65.1.10' };
  const first = reachability(world, A, query);
  if (!first.ok || !first.value.NetworkPathFound) throw new Error(`reachability: ${JSON.stringify(first)}`);
  const rounds = 20_000;
  for (let i = 0; i < rounds; i++) reachability(world, A, query); // warm up
  const cpuStarted = process.cpuUsage();
  for (let i = 0; i < rounds; i++) reachability(world, A, query);
  const cpu = process.cpuUsage(cpuStarted);
  return (cpu.user + cpu.system) / rounds; // µs of CPU per query
}

/** The route mix: CreateRoute, ReplaceRoute, DescribeRouteTables by ID, DeleteRoute, per CPU second. */
function routeMix(fixture, commands) {
  let { world } = fixture;
  const { mixTable, pcx } = fixture.routing;
  let done = 0;
  let round = 0;
  const cpuStarted = process.cpuUsage();
  while (done < commands) {
    const destination = `203.0.${round & 255}.0/24`;
    world = must(apply(world, A, { type: 'CreateRoute', RouteTableId: mixTable, DestinationCidrBlock: destination, VpcPeeringConnectionId: pcx }), 'mix CreateRoute').world;
    world = must(apply(world, A, { type: 'ReplaceRoute', RouteTableId: mixTable, DestinationCidrBlock: destination, VpcPeeringConnectionId: pcx }), 'mix ReplaceRoute').world;
    must(apply(world, A, { type: 'DescribeRouteTables', RouteTableIds: [mixTable] }), 'mix Describe');
    world = must(apply(world, A, { type: 'DeleteRoute', RouteTableId: mixTable, DestinationCidrBlock: destination }), 'mix DeleteRoute').world;
    done += 4;
    round++;
  }
  const cpu = process.cpuUsage(cpuStarted);
  return Math.round(done / ((cpu.user + cpu.system) / 1e6));
}

if (COUNT_WRITES) {
  for (const size of SIZES) {
    const writes = {};
    workload(build(size), COMMANDS, writes);
    const rows = Object.entries(writes);
    if (globalThis.__pcxsimTrieWrites === 0) throw new Error(`--count-writes: no write was counted (is ${ENGINE}/dist/pmap.js the trie?)`);
    const total = rows.reduce((sum, [, r]) => sum + r.writes, 0) / rows.reduce((sum, [, r]) => sum + r.commands, 0);
    const each = rows.map(([type, r]) => `${type}=${(r.writes / r.commands).toFixed(2)}`).join(' ');
    console.log(`trie_writes size=${size} per_command=${total.toFixed(2)} ${each}`);
  }
  process.exit(0);
}

const rows = [];
for (const size of SIZES) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const startedBuild = performance.now();
  const fixture = build(size);
  const buildSeconds = (performance.now() - startedBuild) / 1000;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const filteredUs = describeFiltered(fixture);
  const perSecond = workload(fixture, COMMANDS);
  const reachUs = reach(fixture);
  const routesPerSecond = routeMix(fixture, Math.min(COMMANDS, 100_000));
  rows.push({ size, perSecond, filteredUs, heapMb, buildSeconds, peerings: fixture.world.peerings.size, reachUs, routesPerSecond });
}

console.log('| connections | commands / CPU s (mixed) | commands / wall s | filtered Describe (µs) | world heap (MiB) | build (s) | route mix / CPU s | reachability (CPU µs) |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.size.toLocaleString('en')} | ${r.perSecond.cpu.toLocaleString('en')} | ${r.perSecond.wall.toLocaleString('en')} | ${r.filteredUs.toFixed(1)} | ${r.heapMb.toFixed(0)} | ${r.buildSeconds.toFixed(1)} | ${r.routesPerSecond.toLocaleString('en')} | ${r.reachUs.toFixed(1)} |`,
  );
}
const rates = rows.map((r) => r.perSecond.cpu);
console.log(`fastest/slowest commands per CPU second: ${(Math.max(...rates) / Math.min(...rates)).toFixed(2)}x`);
for (const r of rows) {
  console.log(`engine size=${r.size} commands_per_s=${r.perSecond.cpu} describe_filtered_us=${r.filteredUs.toFixed(1)} heap_mb=${r.heapMb.toFixed(0)} route_mix_per_s=${r.routesPerSecond} reach_us=${r.reachUs.toFixed(1)}`);
}
