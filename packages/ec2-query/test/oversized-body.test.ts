// A body over the limit gets its 413 before the connection closes (issue 19): the rest of the body is
// read and thrown away, so a client still sending sees the answer, never a reset — and the connection
// carries the next request. Only a client that goes on far past the limit is cut off, after its answer.
// The server runs in a process of its own: in one process the client has written its whole body into
// the socket before the server reads a byte of it, and the race the resets came from never happens.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS } from '../src/index.js';
import { discardBounds } from '../src/oversized-body.js';

const TWO_MIB = Buffer.alloc(2 * 1024 * 1024, 'a');
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** POSTs `body` (with its length declared, or chunked) and resolves with the status, or the socket error's code. */
function post(url: URL, body: Buffer, chunked: boolean, agent?: Agent, sockets?: Set<Socket>): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', agent, headers: chunked ? {} : { 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.on('socket', (socket) => sockets?.add(socket));
    req.end(body);
  });
}

/**
 * POSTs `body` in 64 KiB pieces a millisecond apart — a client still sending when its answer comes —
 * and resolves with the status, or the socket error's code.
 */
function postSlowly(url: URL, body: Buffer, chunked: boolean): Promise<number | string> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: number | string): void => {
      if (!settled) resolve(outcome);
      settled = true;
    };
    const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', agent: false, headers: chunked ? {} : { 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => settle(res.statusCode ?? 0));
      res.on('error', (error: NodeJS.ErrnoException) => settle(error.code ?? error.message));
    });
    req.on('error', (error: NodeJS.ErrnoException) => settle(error.code ?? error.message));
    const piece = 64 * 1024;
    const next = (offset: number): void => {
      if (req.destroyed) return;
      if (offset + piece >= body.length) return void req.end(body.subarray(offset));
      req.write(body.subarray(offset, offset + piece));
      setTimeout(() => next(offset + piece), 1);
    };
    next(0);
  });
}

describe('a body over the limit', () => {
  let server: ChildProcess;
  let url: URL;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/ec2-query/tsconfig.build.json')]);
    const dist = join(root, 'packages/ec2-query/dist/index.js');
    const script = `import { Ec2Endpoint, listen } from ${JSON.stringify(dist)}; console.log((await listen(new Ec2Endpoint())).url);`;
    server = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise<URL>((resolve, reject) => {
      server.stdout!.once('data', (line: Buffer) => resolve(new URL(line.toString().trim())));
      server.once('exit', (code) => reject(new Error(`the server exited ${code}`)));
    });
  }, 120_000);
  afterAll(() => void server.kill('SIGKILL'));

  test('270 two-MiB bodies, 45 at a time, sent in pieces, half declared and half chunked: every one is answered 413, none reset', async () => {
    const outcomes = new Map<number | string, number>();
    for (let round = 0; round < 6; round++) {
      const answers = await Promise.all(Array.from({ length: 45 }, (_, i) => postSlowly(url, TWO_MIB, i % 2 === 1)));
      for (const answer of answers) outcomes.set(answer, (outcomes.get(answer) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ 413: 270 });
  });

  test('the connection stays open for the next request once the rest is thrown away', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<Socket>();
    expect(await post(url, TWO_MIB, false, agent, sockets)).toBe(413);
    expect(await post(url, Buffer.from('Action=DescribeVpcs&Version=2016-11-15'), false, agent, sockets)).toBe(200);
    agent.destroy();
    expect(sockets.size).toBe(1);
  });

  test('a client that goes on sending far past the limit gets its 413, then is cut off (not read without end)', async () => {
    const bound = discardBounds(DEFAULT_LIMITS.maxBodyBytes).bytes;
    const declared = 1024 * 1024 * 1024;
    const { answer, written } = await new Promise<{ answer: string; written: number }>((resolve) => {
      const socket = connect(Number(url.port), url.hostname);
      let answer = '';
      let written = 0;
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (!socket.destroyed && written < declared) {
          written += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      socket.on('connect', () => {
        socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${declared}\r\n\r\n`);
        pump();
      });
      socket.setEncoding('utf8');
      socket.on('data', (text: string) => (answer += text));
      socket.on('error', () => undefined); // the reset that ends it
      socket.on('close', () => resolve({ answer, written }));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // The server stopped reading after `bound` bytes; what the client wrote past that sat in socket buffers.
    expect(written).toBeGreaterThan(bound);
    expect(written).toBeLessThan(bound + 64 * 1024 * 1024);
  });
});
