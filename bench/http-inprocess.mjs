#!/usr/bin/env node
// `node bench/http-inprocess.mjs [--builds new=.,base=/tmp/http-base] [--passes 10] [--requests 20000] [--clients 8] [--log] [--endpoint]`
//
// bench:load's mix (http-load.mjs) with server and clients in ONE process, for comparing builds of
// the node:http path where a shared machine's noise would hide a few µs: each build's
// `createRequestListener` over its own `Ec2Endpoint` (wall clock, as `pcxsim serve` runs it; `--log`
// adds an `onAnswered` that formats a JSON line per request, as serve's log does) serves 8 raw
// keep-alive clients on loopback; passes alternate between the builds, and each pass reports the
// process's CPU per request (server and clients together: the clients' share is the same for every
// build, so differences are the server's). Prints the median and minimum per build.
//
// The requests are bench:load's SDK-identical ones (http-load-requests.mjs) with their IDs swapped
// in by text, unsigned anew: signatures are not checked here, and signing would only add the same
// cost to every build.
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestFactory } from './http-load-requests.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const BUILDS = option('builds', `new=${join(here, '..')}`)
  .split(',')
  .map((entry) => {
    const eq = entry.indexOf('=');
    return { name: entry.slice(0, eq), root: resolve(entry.slice(eq + 1)) };
  });
const PASSES = Number(option('passes', '10'));
const REQUESTS = Number(option('requests', '20000'));
const CLIENTS = Number(option('clients', '8'));
const LOG = args.includes('--log');
// `--endpoint`: no sockets — each build's Ec2Endpoint answers the same requests as WireRequests
// (headers as node:http gives them, the body as a Buffer), through the entry the node:http listener
// uses: protocol path and engine without node:http and the kernel, where noise is smallest.
const ENDPOINT_ONLY = args.includes('--endpoint');

const HOLE = { a: 'vpc-aaaaaaaaaaaaaaaaa', b: 'vpc-bbbbbbbbbbbbbbbbb', pcx: 'pcx-ccccccccccccccccc' };
const account = (c) => String(500_000_000_000 + c);

function connection(port) {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  let waiting = null;
  socket.on('data', (chunk) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    if (waiting === null) return;
    const end = buffer.indexOf('\r\n\r\n');
    if (end === -1) return;
    const head = buffer.subarray(0, end).toString('latin1');
    const lengthAt = head.search(/\r\ncontent-length:/i);
    const length = Number.parseInt(head.slice(lengthAt + 17), 10);
    if (buffer.length < end + 4 + length) return;
    const status = Number(head.slice(9, 12));
    const text = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    buffer = buffer.subarray(end + 4 + length);
    const done = waiting;
    waiting = null;
    done({ status, text });
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

function element(xml, tag) {
  const open = xml.indexOf(`<${tag}>`);
  if (open === -1) return undefined;
  const from = open + tag.length + 2;
  return xml.slice(from, xml.indexOf('<', from));
}

// serve's log line, for --log: the same fields, JSON, appended and written once per turn to nowhere.
let unwritten = '';
const logLine = (request) => {
  if (unwritten === '') setImmediate(() => (unwritten = ''));
  unwritten += `${JSON.stringify({ action: request.action ?? null, account: request.accountId, region: request.region, status: request.status, ms: Math.round(request.ms * 100) / 100 })}\n`;
};

async function startBuild(build) {
  const { Ec2Endpoint, createRequestListener } = await import(join(build.root, 'packages/ec2-query/dist/index.js'));
  const endpoint = new Ec2Endpoint({ worldOptions: { seed: 1, timing: 'instant', startTime: Date.now() }, now: () => Date.now(), ...(LOG ? { onAnswered: logLine } : {}) });
  if (ENDPOINT_ONLY) {
    // The entry the build's node:http listener takes (older builds: `handle`).
    const answer = typeof endpoint.answerNowOrLater === 'function' ? (wire) => endpoint.answerNowOrLater(wire) : (wire) => endpoint.handle(wire);
    return { ...build, answer };
  }
  const server = createServer({ keepAlive: true }, createRequestListener(endpoint));
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { ...build, server, port: server.address().port };
}

// One template per request of the mix, IDs as placeholders of the same length.
const factories = [];
for (let c = 0; c < CLIENTS; c++) {
  const factory = await requestFactory(account(c), '127.0.0.1:1');
  const texts = {};
  for (const name of ['createVpcA', 'createVpcB', 'createPeering', 'describeById', 'accept', 'describeFiltered', 'delete']) texts[name] = factory.request(name, {});
  factories.push(texts);
}
const fill = (text, holes) => {
  let out = text;
  if (holes.a !== undefined) out = out.replaceAll(HOLE.a, holes.a);
  if (holes.b !== undefined) out = out.replaceAll(HOLE.b, holes.b);
  if (holes.pcx !== undefined) out = out.replaceAll(HOLE.pcx, holes.pcx);
  return out;
};

/** A raw request's text as the WireRequest node:http would make of it. */
function wireOf(text) {
  const end = text.indexOf('\r\n\r\n');
  const lines = text.slice(0, end).split('\r\n');
  const [method, target] = lines[0].split(' ');
  const headers = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const q = target.indexOf('?');
  return { method, path: q === -1 ? target : target.slice(0, q), query: q === -1 ? '' : target.slice(q + 1), headers, body: Buffer.from(text.slice(end + 4), 'utf8') };
}

/** The mix against `answer` without sockets: one client after another, each running one cycle per turn. */
async function endpointPass(answer, requests) {
  let left = requests;
  let failed = 0;
  const send = async (texts, name, holes = {}) => {
    left--;
    const got = await answer(wireOf(fill(texts[name], holes)));
    if (got.status !== 200) failed++;
    return got.body;
  };
  const previous = new Array(factories.length);
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  while (left > 0) {
    for (let c = 0; c < factories.length; c++) {
      const texts = factories[c];
      const a = element(await send(texts, 'createVpcA'), 'vpcId');
      const b = element(await send(texts, 'createVpcB'), 'vpcId');
      const pcx = element(await send(texts, 'createPeering', { a, b }), 'vpcPeeringConnectionId');
      await send(texts, 'describeById', { pcx });
      await send(texts, 'accept', { pcx });
      await send(texts, 'describeFiltered', { a });
      if (previous[c] !== undefined) await send(texts, 'delete', { pcx: previous[c] });
      previous[c] = pcx;
    }
    // Let the wall clock move, as it does between requests over sockets.
    await new Promise((done) => setImmediate(done));
  }
  const cpu = process.cpuUsage(t0);
  const done = requests - left;
  return { cpuUs: (cpu.user + cpu.system) / done, perSecond: done / ((performance.now() - w0) / 1000), failed };
}

async function pass(port, requests) {
  let left = requests;
  let failed = 0;
  const client = async (texts) => {
    const conn = connection(port);
    const send = async (name, holes = {}) => {
      left--;
      const answer = await conn.send(fill(texts[name], holes));
      if (answer.status !== 200) failed++;
      return answer.text;
    };
    let previous;
    while (left > 0) {
      const a = element(await send('createVpcA'), 'vpcId');
      const b = element(await send('createVpcB'), 'vpcId');
      const pcx = element(await send('createPeering', { a, b }), 'vpcPeeringConnectionId');
      await send('describeById', { pcx });
      await send('accept', { pcx });
      await send('describeFiltered', { a });
      if (previous !== undefined) await send('delete', { pcx: previous });
      previous = pcx;
    }
    conn.close();
  };
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  await Promise.all(factories.map(client));
  const cpu = process.cpuUsage(t0);
  const done = requests - left;
  return { cpuUs: (cpu.user + cpu.system) / done, perSecond: done / ((performance.now() - w0) / 1000), failed };
}

const builds = [];
for (const build of BUILDS) builds.push(await startBuild(build));
// Warm-up: each build once, uncounted.
const run = (build, requests) => (ENDPOINT_ONLY ? endpointPass(build.answer, requests) : pass(build.port, requests));
for (const build of builds) await run(build, REQUESTS / 2);
const results = new Map(builds.map((b) => [b.name, []]));
for (let p = 0; p < PASSES; p++) {
  const order = p % 2 === 0 ? builds : [...builds].reverse();
  for (const build of order) {
    const r = await run(build, REQUESTS);
    if (r.failed > 0) console.error(`${build.name}: ${r.failed} answers not 200`);
    results.get(build.name).push(r);
  }
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`| build | CPU µs/req, median of ${PASSES} | min | req/s median | ratio to ${builds[0].name} |`);
console.log('|---|---:|---:|---:|---:|');
const first = median(results.get(builds[0].name).map((r) => r.cpuUs));
for (const build of builds) {
  const rs = results.get(build.name);
  const m = median(rs.map((r) => r.cpuUs));
  console.log(`| ${build.name} | ${m.toFixed(1)} | ${Math.min(...rs.map((r) => r.cpuUs)).toFixed(1)} | ${Math.round(median(rs.map((r) => r.perSecond)))} | ${(m / first).toFixed(2)}× |`);
}
for (const build of builds) build.server?.close();
process.exit(0);
