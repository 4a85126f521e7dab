#!/usr/bin/env node
// The server side of `pnpm run bench:http`: builds the benchmark world (http-world.mjs) of the size
// given, serves it on 127.0.0.1 with the ec2-query node:http handler — one process, so one core —
// and prints one JSON line: the port and each load client's VPCs.
//   node bench/http-server.mjs <connections> <clients>
import { Ec2Endpoint, listen } from '../packages/ec2-query/dist/index.js';
import { buildWorld } from './http-world.mjs';

const [size = 1000, clients = 16] = process.argv.slice(2).map(Number);
const started = performance.now();
const { world, work, size: made } = buildWorld(size, clients);
const server = await listen(new Ec2Endpoint({ world }));
process.stdout.write(`${JSON.stringify({ port: server.port, size: made, work, buildSeconds: (performance.now() - started) / 1000 })}\n`);
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
