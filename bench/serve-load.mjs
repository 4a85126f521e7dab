#!/usr/bin/env node
// `pnpm run bench:serve`: durable writes per second through `pcxsim serve --data` with 1, 8 and 64
// concurrent keep-alive clients (CreateVpc, each acknowledged only once committed). Group commit
// should make the rate grow with concurrency. Prints a table and one line per concurrency:
//   serve clients=<n> durable_writes_per_s=<n> p50_ms=<n> p99_ms=<n>
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../packages/cli/bin/pcxsim.mjs');
const PER_CLIENT_TOTAL = 2000;

async function startServe(dir) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--quiet', '--clock', 'manual', '--data', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { child, url: new URL(url) };
}

function createVpc(url, agent, account, i) {
  const body = `Action=CreateVpc&Version=2016-11-15&CidrBlock=10.${i % 256}.0.0%2F16`;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: '/', method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0` } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const rows = [];
for (const clients of [1, 8, 64]) {
  const dir = mkdtempSync(join(tmpdir(), 'pcxsim-load-'));
  const { child, url } = await startServe(dir);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const perClient = Math.ceil(PER_CLIENT_TOTAL / clients);
  const latencies = [];
  let errors = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const t = performance.now();
        try {
          await createVpc(url, agent, String(100000000000 + c), i);
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
  rows.push({ clients, writes: latencies.length, errors, perS: Math.round(latencies.length / seconds), p50: at(0.5), p99: at(0.99) });
}
console.log('| clients | durable writes | errors | writes/s | p50 ms | p99 ms |\n|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.clients} | ${r.writes} | ${r.errors} | ${r.perS} | ${r.p50} | ${r.p99} |`);
for (const r of rows) console.log(`serve clients=${r.clients} durable_writes_per_s=${r.perS} p50_ms=${r.p50} p99_ms=${r.p99}`);
