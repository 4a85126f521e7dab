#!/usr/bin/env node
// `node bench/http-parts.mjs --base /tmp/http-base [--rounds 15]`
//
// The pieces of the HTTP path changed for issue 17, each beside the same piece of another build
// (`--base`, a checkout of the commit before, built), in one process, CPU µs per call, alternating
// base and new in every round; prints the minimum and median over the rounds (the minimum is the
// figure a shared machine disturbs least). On bench:load's own requests (http-load-requests.mjs):
// - formText: an SDK request body (bytes, as node:http gives it) to text;
// - toCommand: decode the form and read the command (form → command);
// - the log line: serve's JSON line of an answered request (base: JSON.stringify of an object);
// - the response head: the answer's headers with content-length handed to node:http and made into
//   its head (`_storeHeader`, what `writeHead` runs): base spreads them into a new object, new
//   passes node's flat [name, value, …] list (both builds' http-handler code, copied here);
// - the endpoint: one request of the mix through the entry each build's node:http listener takes
//   (base: `handle`, a promise; new: `answerNowOrLater`, the answer at once), wall clock on.
import { OutgoingMessage } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requestFactory } from './http-load-requests.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const BASE = resolve(option('base', '/tmp/http-base'));
const ROUNDS = Number(option('rounds', '15'));

const load = async (root) => ({
  q: await import(join(root, 'packages/ec2-query/dist/index.js')),
  request: await import(join(root, 'packages/ec2-query/dist/request.js')),
  serve: await import(join(root, 'packages/cli/dist/serve.js')),
});
const builds = { base: await load(BASE), new: await load(join(here, '..')) };

// The mix's requests as node:http would hand them over: headers lower-case, the body as a Buffer.
const factory = await requestFactory('500000000000', '127.0.0.1:1');
const ids = { a: 'vpc-0123456789abcdef0', b: 'vpc-0123456789abcdef1', pcx: 'pcx-0123456789abcdef0' };
const wires = ['createVpcA', 'createVpcB', 'createPeering', 'describeById', 'accept', 'describeFiltered', 'delete'].map((name) => {
  const text = factory.request(name, ids);
  const end = text.indexOf('\r\n\r\n');
  const lines = text.slice(0, end).split('\r\n');
  const headers = {};
  for (const line of lines.slice(1)) headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
  return { method: 'POST', path: '/', query: '', headers, body: Buffer.from(text.slice(end + 4), 'utf8') };
});

// The base build's log line, as its serve.ts wrote it.
const objectLine = (request) =>
  `${JSON.stringify({
    action: request.action ?? null,
    account: request.accountId,
    region: request.region,
    status: request.status,
    ...(request.errorCode === undefined ? {} : { error: request.errorCode }),
    ms: Math.round(request.ms * 100) / 100,
    ...(request.cause === undefined ? {} : { cause: request.cause }),
  })}\n`;
const answered = { method: 'POST', path: '/', action: 'DescribeVpcPeeringConnections', accountId: '500000000000', region: 'us-east-1', status: 200, errorCode: undefined, requestId: 'x', ms: 0.4321 };

let sink = 0;
const parts = {
  formText: (b) => () => {
    for (const wire of wires) sink += b.q.formText(wire.body).length;
  },
  'decode + toCommand': (b) => () => {
    for (const wire of wires) {
      const params = [];
      b.q.decodeForm(b.q.formText(wire.body), params, 1000);
      sink += b.request.toCommand(params, 1000).ok ? 1 : 0;
    }
  },
  'response head': (b) => {
    const headers = { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': '8e3b2c1d-0000-4000-8000-000000000001', 'x-pcxsim-clock': '2026-12-06T14:00:00.000Z' };
    const body = '<?xml version="1.0" encoding="UTF-8"?>\n<CreateVpcResponse/>';
    const message = new OutgoingMessage();
    const head =
      b === builds.base
        ? () => ({ ...headers, 'content-length': String(Buffer.byteLength(body, 'utf8')) })
        : () => {
            const flat = [];
            for (const name in headers) flat.push(name, headers[name]);
            flat.push('content-length', String(Buffer.byteLength(body, 'utf8')));
            return flat;
          };
    return () => {
      for (let i = 0; i < wires.length; i++) {
        message._storeHeader('HTTP/1.1 200 OK\r\n', head());
        sink += message._header.length;
      }
    };
  },
  'log line': (b) => {
    const line = typeof b.serve.logLine === 'function' ? b.serve.logLine : objectLine;
    return () => {
      for (let i = 0; i < wires.length; i++) sink += line(answered).length;
    };
  },
};
const PER_ROUND = 2000; // × 7 requests

/** CPU µs per request of `fn` (which runs the 7 requests once). */
function time(fn) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < PER_ROUND; i++) fn();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / (PER_ROUND * wires.length);
}

// The endpoint: a fresh endpoint per round, the mix's requests in order (IDs as the answers give them).
async function endpointRound(b) {
  const endpoint = new b.q.Ec2Endpoint({ worldOptions: { seed: 1, startTime: Date.now() }, now: () => Date.now(), onAnswered: () => {} });
  const viaHandle = typeof endpoint.answerNowOrLater !== 'function';
  const element = (xml, tag) => {
    const at = xml.indexOf(`<${tag}>`) + tag.length + 2;
    return xml.slice(at, xml.indexOf('<', at));
  };
  const sub = (wire, holes) => {
    let body = wire.body.toString('latin1');
    for (const [k, v] of Object.entries(holes)) body = body.replaceAll(ids[k], v);
    return { ...wire, body: Buffer.from(body, 'latin1') };
  };
  const ask = viaHandle ? (wire) => endpoint.handle(wire) : (wire) => endpoint.answerNowOrLater(wire);
  let cpu = 0;
  let count = 0;
  let previous;
  for (let cycle = 0; cycle < 300; cycle++) {
    // Request bodies are made outside the timed calls; the answers are awaited outside them too, so
    // only what each build does to answer is counted (base: its promise and the microtask behind it).
    const timed = async (wire) => {
      const t0 = process.cpuUsage();
      const got = ask(wire);
      const answer = got instanceof Promise ? await got : got;
      const t = process.cpuUsage(t0);
      cpu += t.user + t.system;
      count++;
      return answer.body;
    };
    const a = element(await timed(wires[0]), 'vpcId');
    const bb = element(await timed(wires[1]), 'vpcId');
    const pcx = element(await timed(sub(wires[2], { a, b: bb })), 'vpcPeeringConnectionId');
    await timed(sub(wires[3], { pcx }));
    await timed(sub(wires[4], { pcx }));
    await timed(sub(wires[5], { a }));
    if (previous !== undefined) await timed(sub(wires[6], { pcx: previous }));
    previous = pcx;
  }
  return cpu / count;
}

const results = {};
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? ['base', 'new'] : ['new', 'base'];
  for (const name of order) {
    for (const [part, make] of Object.entries(parts)) (results[`${part}|${name}`] ??= []).push(time(make(builds[name])));
    (results[`endpoint, one request of the mix|${name}`] ??= []).push(await endpointRound(builds[name]));
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(`| part | base min µs | new min µs | base median µs | new median µs | ratio of minima |`);
console.log('|---|---:|---:|---:|---:|---:|');
for (const part of [...Object.keys(parts), 'endpoint, one request of the mix']) {
  const b = results[`${part}|base`];
  const n = results[`${part}|new`];
  console.log(`| ${part} | ${Math.min(...b).toFixed(2)} | ${Math.min(...n).toFixed(2)} | ${median(b).toFixed(2)} | ${median(n).toFixed(2)} | ${(Math.min(...n) / Math.min(...b)).toFixed(2)}× |`);
}
if (sink === -1) console.log(sink);
