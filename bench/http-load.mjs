#!/usr/bin/env node
// `pnpm run bench:load [-- --worlds 0,1000 --clients 8 --warmup 5000 --seconds 5 --repeat 1 --base /tmp/http-base --data]`
//
// `pcxsim serve` (in memory, wall clock, instant timing) under a keep-alive load of SDK-identical,
// SigV4-signed requests (http-load-requests.mjs), issue 17 "Faster where users feel it". Each of N
// clients — its own account, its own keep-alive socket — runs the cycle
//   CreateVpc ×2, CreateVpcPeeringConnection, DescribeVpcPeeringConnections (by ID),
//   AcceptVpcPeeringConnection, DescribeVpcPeeringConnections (filtered), DeleteVpcPeeringConnection
// where the delete takes the previous cycle's connection: under instant timing an accepted
// connection turns active on the next clock step, which the wall clock makes at the next
// millisecond, so the one just accepted may still be provisioning (not deletable).
// Against an empty world and one pre-filled over HTTP with `--worlds` connections (spread over the
// clients' accounts, hub and spoke VPCs, all accepted); the server pinned to core 0, this process to
// core 1 (`taskset`). After `--warmup` requests (for the JIT), for each run: requests per second, p50/p99 latency, and the server's CPU per
// request from /proc/PID/stat over the measured window — the figure that stays put when the
// machine is shared (wall-clock rates do not). Bounded by `--seconds` and `--max-requests`.
//
// `--servers name=path/to/pcxsim.mjs,…` (or `--base DIR`, a checkout to compare with) runs several
// builds, alternated within each repeat (ABBA), and ends with their ratios. `--profile DIR` runs the
// server under `node --cpu-prof` (summarise with bench/cpuprofile-top.mjs). `--verify-signatures`
// makes the server check every signature (proof that the load is genuinely signed).
// Prints a table, then one line per build and world:
//   load server=<name> connections=<n> req_per_s=<n> p50_ms=<n> p99_ms=<n> server_cpu_us_per_req=<n>
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestFactory, SECRET } from './http-load-requests.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);

const WORLDS = option('worlds', '0,1000').split(',').map(Number);
const CLIENTS = Number(option('clients', '8'));
const SECONDS = Number(option('seconds', '5'));
// Warm-up by count, not time: on a shared machine two seconds may be too few requests for the JIT.
const WARMUP_REQUESTS = Number(option('warmup', '5000'));
const REPEAT = Number(option('repeat', '1'));
const MAX_REQUESTS = Number(option('max-requests', '400000'));
const PIN = !flag('no-pin');
const PROFILE_DIR = option('profile', undefined);
const VERIFY = flag('verify-signatures');
const QUIET = flag('quiet-server');
// `--data`: serve over the embedded SQLite store (`pcxsim serve --data DIR`, a fresh directory per
// run), as the README's serve command runs it: every change, clock steps included, is committed
// before its answer.
const DATA = flag('data');
const SERVERS = (() => {
  const list = option('servers', `new=${join(here, '../packages/cli/bin/pcxsim.mjs')}`)
    .split(',')
    .map((entry) => {
      const eq = entry.indexOf('=');
      return { name: entry.slice(0, eq), bin: resolve(entry.slice(eq + 1)) };
    });
  const base = option('base', undefined);
  return base === undefined ? list : [{ name: 'base', bin: resolve(base, 'packages/cli/bin/pcxsim.mjs') }, ...list];
})();

const account = (c) => String(500_000_000_000 + c);
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

// This process on core 1, away from the server's core 0.
if (PIN) spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });

/** utime + stime of `pid`, in µs (fields 14 and 15 of /proc/PID/stat, after the `(comm)` field). */
function cpuMicros(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLK_TCK;
}

async function startServe(bin, scratch) {
  const serveArgs = [bin, 'serve', '--port', '0', '--timing', 'instant'];
  if (QUIET) serveArgs.push('--quiet');
  if (DATA) serveArgs.push('--data', join(scratch, 'data'));
  if (VERIFY) {
    const accessKeys = Object.fromEntries(Array.from({ length: CLIENTS }, (_, c) => [account(c), { accountId: account(c), secretAccessKey: SECRET }]));
    const file = join(scratch, 'accounts.json');
    writeFileSync(file, JSON.stringify({ accessKeys }));
    serveArgs.push('--accounts', file, '--verify-signatures');
  }
  const node = [...(PROFILE_DIR === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', resolve(PROFILE_DIR)]), ...serveArgs];
  const [command, argv] = PIN ? ['taskset', ['-c', '0', process.execPath, ...node]] : [process.execPath, node];
  // The request log goes where a user's terminal would be; /dev/null keeps its cost, not its output.
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) done(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`serve exited (${code}) before it listened`)));
  });
  child.stdout.resume();
  return { child, port };
}

/**
 * One keep-alive connection on a raw socket: writes a request, reads exactly one response (status
 * line, headers, `content-length` bytes). node:http's client costs several times more per request,
 * and this process must stay well under one core to measure the server rather than itself.
 */
function connection(port) {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  let waiting = null;
  const tryRead = () => {
    if (waiting === null) return;
    const end = buffer.indexOf('\r\n\r\n');
    if (end === -1) return;
    const head = buffer.subarray(0, end).toString('latin1');
    const lengthAt = head.search(/\r\ncontent-length:/i);
    if (lengthAt === -1) throw new Error(`bench: a response without content-length:\n${head}`);
    const length = Number.parseInt(head.slice(lengthAt + 17), 10);
    if (buffer.length < end + 4 + length) return;
    const status = Number(head.slice(9, 12));
    const text = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    buffer = buffer.subarray(end + 4 + length);
    const done = waiting;
    waiting = null;
    done({ status, text });
  };
  socket.on('data', (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    tryRead();
  });
  const ready = new Promise((done, fail) => {
    socket.once('connect', done);
    socket.once('error', fail);
  });
  return {
    async send(text) {
      await ready;
      return new Promise((done) => {
        waiting = done;
        socket.write(text);
      });
    },
    close: () => socket.destroy(),
  };
}

/** The text of the first `<tag>…</tag>` in `xml`. */
function element(xml, tag) {
  const open = xml.indexOf(`<${tag}>`);
  if (open === -1) return undefined;
  const from = open + tag.length + 2;
  return xml.slice(from, xml.indexOf('<', from));
}

async function must(conn, text, what) {
  const answer = await conn.send(text);
  if (answer.status !== 200) throw new Error(`bench fill: ${what} answered ${answer.status}: ${answer.text}`);
  return answer.text;
}

/** `total` accepted connections, spread over the clients' accounts: per account, hub VPCs × up to 50 spokes (the per-VPC quota). */
async function prefill(port, factories, total) {
  let made = 0;
  await Promise.all(
    factories.map(async (factory, c) => {
      const share = Math.floor(total / CLIENTS) + (c < total % CLIENTS ? 1 : 0);
      if (share === 0) return;
      const conn = connection(port);
      const spokes = Math.min(50, share);
      const hubs = Math.ceil(share / spokes);
      const vpc = async (name) => element(await must(conn, factory.request(name), name), 'vpcId');
      const hubIds = [];
      for (let h = 0; h < hubs; h++) hubIds.push(await vpc('createHubVpc'));
      const spokeIds = [];
      for (let s = 0; s < spokes; s++) spokeIds.push(await vpc('createSpokeVpc'));
      for (let k = 0; k < share; k++) {
        const created = await must(conn, factory.request('createPeering', { a: hubIds[Math.floor(k / spokes)], b: spokeIds[k % spokes] }), 'create');
        const pcx = element(created, 'vpcPeeringConnectionId');
        await must(conn, factory.request('accept', { pcx }), 'accept');
        made++;
      }
      conn.close();
    }),
  );
  return made;
}

async function drive(port, factories, pid) {
  const started = performance.now();
  const latencies = new Float64Array(MAX_REQUESTS);
  let counted = 0;
  let errors = 0;
  let window = null; // { t0, cpu0, gen0 } once measuring
  let finished = null;
  let stop = false;

  const openWindow = () => {
    window = { t0: performance.now(), cpu0: cpuMicros(pid), gen0: process.cpuUsage() };
  };
  const closeWindow = () => {
    if (finished !== null) return;
    const gen = process.cpuUsage(window.gen0);
    finished = { t0: window.t0, t1: performance.now(), seconds: (performance.now() - window.t0) / 1000, serverCpuUs: cpuMicros(pid) - window.cpu0, generatorCpuUs: gen.user + gen.system, counted, errors };
    stop = true;
  };
  let warm = 0;
  let end;

  async function client(c) {
    const conn = connection(port);
    const factory = factories[c];
    const timed = async (name, holes) => {
      const text = factory.request(name, holes);
      const t = performance.now();
      const answer = await conn.send(text);
      if (window === null && ++warm === WARMUP_REQUESTS) {
        openWindow();
        end = setTimeout(closeWindow, SECONDS * 1000);
      } else if (window !== null && finished === null) {
        latencies[counted++] = performance.now() - t;
        if (answer.status !== 200) errors++;
        if (counted === MAX_REQUESTS) closeWindow();
      }
      return answer.text;
    };
    let previous;
    while (!stop) {
      const a = element(await timed('createVpcA'), 'vpcId');
      const b = element(await timed('createVpcB'), 'vpcId');
      const pcx = element(await timed('createPeering', { a, b }), 'vpcPeeringConnectionId');
      await timed('describeById', { pcx });
      await timed('accept', { pcx });
      await timed('describeFiltered', { a });
      if (previous !== undefined) await timed('delete', { pcx: previous });
      previous = pcx;
    }
    conn.close();
  }

  await Promise.all(factories.map((_, c) => client(c)));
  clearTimeout(end);
  if (finished === null) throw new Error(`bench: the run ended before its window (${((performance.now() - started) / 1000).toFixed(1)} s, ${warm} requests)`);
  const sorted = latencies.subarray(0, finished.counted).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    window: [finished.t0, finished.t1],
    perSecond: finished.counted / finished.seconds,
    p50: at(0.5),
    p99: at(0.99),
    serverUsPerRequest: finished.serverCpuUs / finished.counted,
    serverCore: finished.serverCpuUs / 1e6 / finished.seconds,
    generatorUsPerRequest: finished.generatorCpuUs / finished.counted,
    errors: finished.errors,
    requests: finished.counted,
  };
}

async function run(server, world) {
  const scratch = mkdtempSync(join(tmpdir(), 'pcxsim-load-'));
  const spawnedAt = performance.now();
  const { child, port } = await startServe(server.bin, scratch);
  try {
    const factories = [];
    for (let c = 0; c < CLIENTS; c++) factories.push(await requestFactory(account(c), `127.0.0.1:${port}`));
    factories[0].selfCheck();
    const filled = world === 0 ? 0 : await prefill(port, factories, world);
    const measured = await drive(port, factories, child.pid);
    if (PROFILE_DIR !== undefined) {
      const [from, to] = measured.window.map((t) => Math.round(t - spawnedAt));
      console.error(`profile of ${server.name} pid ${child.pid}: measured window --after-ms ${from} --until-ms ${to}`);
    }
    return { server: server.name, world: filled, ...measured };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(scratch, { recursive: true, force: true });
  }
}

const median = (values) => {
  const s = [...values].sort((x, y) => x - y);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);

const results = [];
console.log(`| server | connections | req/s | p50 ms | p99 ms | server CPU µs/req | server core use | generator CPU µs/req | non-200 |`);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (let r = 0; r < REPEAT; r++) {
  for (const world of WORLDS) {
    const order = r % 2 === 0 ? SERVERS : [...SERVERS].reverse();
    for (const server of order) {
      const row = await run(server, world);
      results.push(row);
      console.log(
        `| ${row.server} | ${row.world.toLocaleString('en')} | ${Math.round(row.perSecond).toLocaleString('en')} | ${f2(row.p50)} | ${f2(row.p99)} | ${f1(row.serverUsPerRequest)} | ${Math.round(row.serverCore * 100)}% | ${f1(row.generatorUsPerRequest)} | ${row.errors} of ${row.requests.toLocaleString('en')} |`,
      );
    }
  }
}

// Medians over the repeats, and each build against the first.
console.log('');
console.log(`| connections | server | req/s (median of ${REPEAT}) | p99 ms | server CPU µs/req | req/s ratio | CPU/req ratio |`);
console.log('|---:|---|---:|---:|---:|---:|---:|');
const summary = [];
for (const world of WORLDS) {
  let first;
  for (const server of SERVERS) {
    const rows = results.filter((row) => row.server === server.name && (world === 0 ? row.world === 0 : row.world > 0));
    const s = { server: server.name, world: rows[0].world, perSecond: median(rows.map((x) => x.perSecond)), p50: median(rows.map((x) => x.p50)), p99: median(rows.map((x) => x.p99)), cpu: median(rows.map((x) => x.serverUsPerRequest)) };
    first ??= s;
    summary.push(s);
    console.log(`| ${s.world.toLocaleString('en')} | ${s.server} | ${Math.round(s.perSecond).toLocaleString('en')} | ${f2(s.p99)} | ${f1(s.cpu)} | ${f2(s.perSecond / first.perSecond)}× | ${f2(s.cpu / first.cpu)}× |`);
  }
}
console.log('');
for (const s of summary) {
  console.log(`load server=${s.server} connections=${s.world} req_per_s=${Math.round(s.perSecond)} p50_ms=${f2(s.p50)} p99_ms=${f2(s.p99)} server_cpu_us_per_req=${f1(s.cpu)}`);
}
