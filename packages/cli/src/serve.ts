// `pcxsim serve`: the EC2 endpoint on loopback, over an embedded durable store when --data is given.
import { readFileSync } from 'node:fs';
import { Ec2Endpoint, listen, type AnsweredRequest, type EndpointOptions } from '@pcxsim/ec2-query';
import { createWorld, type World, type WorldOptions } from '@pcxsim/engine';
import type { Flags } from './flags.js';
import { CommandStore } from './store.js';

/** The accounts file of `--accounts`: access keys to accounts, and their secrets for `--verify-signatures`. */
interface AccountsFile {
  readonly accessKeys?: Readonly<Record<string, { readonly accountId: string; readonly secretAccessKey?: string }>>;
  readonly defaultAccountId?: string;
  readonly defaultRegion?: string;
}

function choice<T extends string>(flags: Flags, name: string, allowed: readonly T[], fallback: T): T {
  const value = flags.string(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function integer(flags: Flags, name: string, fallback: number): number {
  const text = flags.string(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  return value;
}

/** Starts the server; resolves with the exit code once it has stopped (SIGINT/SIGTERM). */
export async function serve(flags: Flags): Promise<number> {
  const host = flags.string('host') ?? '127.0.0.1';
  const port = integer(flags, 'port', 4599);
  const clock = choice(flags, 'clock', ['wall', 'manual'] as const, 'wall');
  const timing = choice(flags, 'timing', ['instant', 'realistic'] as const, 'realistic');
  const quiet = flags.has('quiet');
  const worldOptions: WorldOptions = {
    seed: integer(flags, 'seed', 1),
    timing,
    ...(clock === 'wall' ? { startTime: Date.now() } : {}),
  };
  const accountsFile = flags.string('accounts');
  const accounts = accountsFile === undefined ? {} : (JSON.parse(readFileSync(accountsFile, 'utf8')) as AccountsFile);

  const dataDir = flags.string('data');
  const store = dataDir === undefined ? undefined : CommandStore.open(dataDir, { worldOptions });
  const world: World = store?.restore() ?? createWorld(worldOptions);
  // A data directory keeps the seed and timing it was created with; say so when the flags differ.
  if (world.config.seed !== worldOptions.seed || world.config.timing !== worldOptions.timing) {
    process.stderr.write(`pcxsim: ${dataDir} was created with --seed ${world.config.seed} --timing ${world.config.timing}; those stay\n`);
  }

  const secrets = Object.fromEntries(Object.entries(accounts.accessKeys ?? {}).flatMap(([key, a]) => (a.secretAccessKey === undefined ? [] : [[key, a.secretAccessKey]])));
  if (flags.has('verify-signatures') && Object.keys(secrets).length === 0) {
    throw new Error('--verify-signatures needs --accounts FILE with a secretAccessKey for each access key');
  }
  const options: EndpointOptions = {
    world,
    identity: {
      accounts: Object.fromEntries(Object.entries(accounts.accessKeys ?? {}).map(([key, a]) => [key, a.accountId])),
      ...(accounts.defaultAccountId === undefined ? {} : { defaultAccountId: accounts.defaultAccountId }),
      ...(accounts.defaultRegion === undefined ? {} : { defaultRegion: accounts.defaultRegion }),
    },
    ...(flags.has('verify-signatures') ? { signatures: { secrets } } : {}),
    // Every accepted change is durable before its answer goes out.
    ...(store === undefined ? {} : { onApplied: (applied, after) => store.append(applied, after), onReset: () => store.reset() }),
    ...(quiet ? {} : { onAnswered: logRequest }),
    // Wall clock: simulated time follows real time; each catch-up is logged like any command.
    ...(clock === 'wall' ? { now: () => Date.now() } : {}),
  };
  const endpoint = new Ec2Endpoint(options);

  let server;
  try {
    server = await listen(endpoint, { host, port });
  } catch (error) {
    await store?.close();
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`pcxsim: cannot listen on ${host}:${port}: ${code === 'EADDRINUSE' ? 'the port is taken' : (error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(
    [
      `pcxsim serving EC2 at ${server.url} (clock ${clock}, timing ${world.config.timing}${dataDir === undefined ? ', in memory' : `, data in ${dataDir}`})`,
      `  AWS CLI: aws --endpoint-url ${server.url} --region us-east-1 ec2 describe-vpcs   (access key 111111111111 = that account)`,
      `  JS SDK:  new EC2Client({ endpoint: '${server.url}', region: 'us-east-1', credentials: { accessKeyId: '111111111111', secretAccessKey: 'x' } })`,
      '',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close(); // finishes in-flight requests (their commits included)
  await store?.close();
  return 0;
}

// The request log is written once per turn of the event loop, not once per line: a write is a
// system call (stderr to a file, a terminal or a pipe is written synchronously); with 8 requests a
// turn this measured 4.6–4.9 → 1.7 µs of CPU per request to /dev/null (bench/README.md, "HTTP under
// load"). Lines keep their order; the loop drains, and so writes the last ones, before exit.
let unwritten = '';

function logRequest(request: AnsweredRequest): void {
  if (unwritten === '') setImmediate(writeLog);
  unwritten += `${JSON.stringify({ action: request.action, account: request.accountId, region: request.region, status: request.status, ms: Math.round(request.ms * 100) / 100 })}\n`;
}

function writeLog(): void {
  const text = unwritten;
  unwritten = '';
  process.stderr.write(text);
}
