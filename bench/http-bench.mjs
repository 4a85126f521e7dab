#!/usr/bin/env node
// `pnpm run bench:http [-- --sizes 1000,100000 --clients 16 --seconds 8]`
//
// The HTTP benchmark (issue 5, "Performance"), on the built packages. For each world size a server
// process (http-server.mjs: one process, one core) serves a world of that many active connections;
// this process drives it over keep-alive connections (raw sockets), each load client in its own account running
// the cycle create → accept → describe → (clock step) → delete, where the clock step (the control
// API's `POST /_pcxsim/clock {"advanceMs":0}`) lets the accepted connection of the previous cycle
// turn active, so that the delete succeeds. Every request counts. Then, in this process, the
// in-process SDK handler's cost per call against apply() alone and the endpoint without the SDK.
// It prints a table, then one plain line per size:
//   http size=<connections> req_per_s=<n> p99_ms=<n>
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apply } from '../packages/engine/dist/index.js';
import { Ec2Endpoint, InProcessHandler } from '../packages/ec2-query/dist/index.js';
import { buildWorld, clientAccount, WORK_VPCS } from './http-world.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const SIZES = option('sizes', '1000,100000').split(',').map(Number);
const CLIENTS = Number(option('clients', '16'));
const SECONDS = Number(option('seconds', '8'));
const WARMUP_SECONDS = 2;

function startServer(size) {
  const child = spawn(process.execPath, [join(here, 'http-server.mjs'), String(size), String(CLIENTS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const line = text.indexOf('\n');
      if (line >= 0) resolve({ child, ...JSON.parse(text.slice(0, line)) });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited (${code}) before it listened`)));
  });
}

const authorization = (account) =>
  `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`;

/**
 * One keep-alive connection on a raw socket: writes a request, reads exactly one response (status
 * line, headers, `content-length` bytes). Cheaper than node:http's client, so the load generator,
 * which shares the machine, takes less of it from the server it measures.
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
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
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
  const ready = new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return {
    async send(path, body, headers) {
      await ready;
      return new Promise((resolve) => {
        waiting = resolve;
        socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      });
    },
    close: () => socket.destroy(),
  };
}

async function drive(port, work) {
  const startedAt = performance.now();
  const measureFrom = startedAt + WARMUP_SECONDS * 1000;
  const stopAt = measureFrom + SECONDS * 1000;
  const latencies = [];
  let errors = 0;
  let counted = 0;

  async function client(c) {
    const conn = connection(port);
    const timed = async (path, body, headers) => {
      const t = performance.now();
      const answer = await conn.send(path, body, headers);
      const now = performance.now();
      if (t >= measureFrom && now <= stopAt) {
        latencies.push(now - t);
        counted++;
        if (answer.status !== 200) errors++;
      }
      return answer;
    };
    const headers = `Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\nAuthorization: ${authorization(clientAccount(c))}\r\nX-Amz-Date: 20260101T000000Z\r\n`;
    const ec2 = (body) => timed('/', `Version=2016-11-15&${body}`, headers);
    const vpcs = work[c];
    let previous;
    for (let round = 0; performance.now() < stopAt; round++) {
      const a = round % WORK_VPCS;
      const b = (a + 1 + (Math.floor(round / WORK_VPCS) % (WORK_VPCS - 1))) % WORK_VPCS;
      const created = await ec2(`Action=CreateVpcPeeringConnection&VpcId=${vpcs[a]}&PeerVpcId=${vpcs[b]}`);
      const id = /<vpcPeeringConnectionId>(pcx-[0-9a-f]+)</.exec(created.text)?.[1] ?? 'pcx-00000000';
      await ec2(`Action=AcceptVpcPeeringConnection&VpcPeeringConnectionId=${id}`);
      await ec2(`Action=DescribeVpcPeeringConnections&VpcPeeringConnectionId.1=${id}`);
      await timed('/_pcxsim/clock', '{"advanceMs":0}', 'Content-Type: application/json\r\n');
      if (previous !== undefined) await ec2(`Action=DeleteVpcPeeringConnection&VpcPeeringConnectionId=${previous}`);
      previous = id;
    }
    conn.close();
  }

  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  latencies.sort((x, y) => x - y);
  return {
    perSecond: Math.round(counted / SECONDS),
    p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? NaN,
    errors,
    requests: counted,
  };
}

// The in-process SDK handler: the cost of one DescribeVpcPeeringConnections by ID through the SDK and
// the handler, through the endpoint alone (form body in, XML out), and through apply() alone.
async function inProcess() {
  const require = createRequire(join(here, '../packages/ec2-query/package.json'));
  const { EC2Client, DescribeVpcPeeringConnectionsCommand } = require('@aws-sdk/client-ec2');
  const { world } = buildWorld(1000, 1);
  const caller = { accountId: '111111111111', region: 'us-east-1' };
  const id = apply(world, caller, { type: 'DescribeVpcPeeringConnections', MaxResults: 5 }).result.value.VpcPeeringConnections[0].VpcPeeringConnectionId;
  const endpoint = new Ec2Endpoint({ world });
  const client = new EC2Client({
    region: 'us-east-1',
    credentials: { accessKeyId: caller.accountId, secretAccessKey: 'notasecret' },
    maxAttempts: 1,
    requestHandler: new InProcessHandler(endpoint),
  });
  const rounds = 3000;
  const time = async (fn) => {
    for (let i = 0; i < 300; i++) await fn();
    const t = performance.now();
    for (let i = 0; i < rounds; i++) await fn();
    return ((performance.now() - t) * 1000) / rounds;
  };
  const sdkUs = await time(() => client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })));
  const body = `Action=DescribeVpcPeeringConnections&Version=2016-11-15&VpcPeeringConnectionId.1=${id}`;
  const headers = { authorization: authorization(caller.accountId) };
  const endpointUs = await time(() => endpoint.handle({ method: 'POST', path: '/', query: '', headers, body }));
  const engineUs = await time(async () => apply(world, caller, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [id] }));
  client.destroy();
  return { sdkUs, endpointUs, engineUs };
}

const rows = [];
for (const size of SIZES) {
  const server = await startServer(size);
  try {
    rows.push({ size: server.size, buildSeconds: server.buildSeconds, ...(await drive(server.port, server.work)) });
  } finally {
    server.child.kill('SIGTERM');
  }
}
const sdk = await inProcess();

console.log(`| connections | requests/s (${CLIENTS} keep-alive clients, ${SECONDS} s) | p99 (ms) | non-200 | world build (s) |`);
console.log('|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.size.toLocaleString('en')} | ${r.perSecond.toLocaleString('en')} | ${r.p99.toFixed(2)} | ${r.errors} of ${r.requests.toLocaleString('en')} | ${r.buildSeconds.toFixed(1)} |`);
}
console.log('');
console.log('| in process, per DescribeVpcPeeringConnections call | µs |');
console.log('|---|---:|');
console.log(`| @aws-sdk/client-ec2 + InProcessHandler | ${sdk.sdkUs.toFixed(1)} |`);
console.log(`| Ec2Endpoint.handle (form in, XML out) | ${sdk.endpointUs.toFixed(1)} |`);
console.log(`| apply() alone | ${sdk.engineUs.toFixed(1)} |`);
console.log('');
for (const r of rows) console.log(`http size=${r.size} req_per_s=${r.perSecond} p99_ms=${r.p99.toFixed(2)}`);
console.log(`sdk-in-process per_call_us=${sdk.sdkUs.toFixed(1)} endpoint_us=${sdk.endpointUs.toFixed(1)} engine_us=${sdk.engineUs.toFixed(1)} overhead_us=${(sdk.sdkUs - sdk.engineUs).toFixed(1)}`);
