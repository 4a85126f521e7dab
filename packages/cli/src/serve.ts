// `pcxsim serve`: the EC2 endpoint on loopback, over an embedded durable store when --data is given.
import { Ec2Endpoint, listen, type AnsweredRequest, type EndpointOptions } from '@pcxsim/ec2-query';
import { createWorld, type World, type WorldConfig, type WorldOptions } from '@pcxsim/engine';
import { readAccountsFile } from './accounts-file.js';
import { defineCommand } from './command.js';
import { anyText, integer, isoTime, oneOf, option, toggle, UsageError, type FlagValues } from './flags.js';
import { CommandStore } from './store.js';

/** The secret the banner's examples use: long enough that Ansible, which masks it in output, garbles no ID. */
const EXAMPLE_SECRET = 'notasecret';

/** The flags of `pcxsim serve`. */
const SERVE_FLAGS = {
  host: option({ value: 'HOST', help: 'the address to listen on', default: '127.0.0.1', parse: anyText }),
  port: option({ value: 'PORT', help: 'the TCP port; 0 takes a free one (the banner names it)', default: 4599, parse: integer(0, 65535) }),
  data: option({
    value: 'DIR',
    help: 'keep the world in DIR (SQLite): every change is committed before its answer and survives a restart. A directory keeps the seed, timing, Describe delay and clock it was created with',
    show: 'in memory',
    parse: anyText,
  }),
  clock: option({
    value: 'wall|manual',
    help: 'wall: simulated time follows real time, so requests resolve and expire by themselves; manual: starts at the wall time (or --start) and moves only through POST /_pcxsim/clock ({"advanceMs": 0} lets instant\'s transient states pass)',
    default: 'wall',
    parse: oneOf(['wall', 'manual'] as const),
  }),
  start: option({
    value: 'ISO-TIME',
    help: 'with --clock manual: the simulated time to start at (2026-03-01T09:00:00Z), so that the same requests give byte-identical answers run after run',
    show: 'the wall time when the server starts',
    parse: isoTime,
  }),
  seed: option({ value: 'N', help: 'seeds the resource IDs: the same seed and the same requests give the same IDs', default: 1, parse: integer(0, 2 ** 32 - 1) }),
  timing: option({
    value: 'instant|realistic',
    help: "instant: initiating-request, provisioning and deleting pass on the next clock step, which plain automation expects; realistic: reproduces AWS's windows, and the races they cause",
    default: 'instant',
    parse: oneOf<WorldConfig['timing']>(['instant', 'realistic']),
  }),
  'describe-delay-ms': option({
    value: 'N',
    help: "every Describe shows the world as it was N ms (of simulated time) earlier, like AWS's eventually consistent reads; 0 reads your writes",
    default: 0,
    parse: integer(0),
  }),
  accounts: option({
    value: 'FILE',
    help: 'JSON {"accessKeys": {"AKIA…": {"accountId": "111111111111", "secretAccessKey": "…"}}} mapping access keys to accounts (an access key of 12 digits is its own account)',
    show: 'none',
    parse: readAccountsFile,
  }),
  'verify-signatures': toggle('check each request\'s SigV4 signature against the secretAccessKey of its access key in --accounts'),
  quiet: toggle('no request log (otherwise one JSON line per request on stderr, naming its action)'),
};

/** `pcxsim serve`. */
export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'An EC2 endpoint for the AWS CLI, the SDKs, Terraform and Ansible; with --data, every change is durable. Stop it with Ctrl-C.',
  flags: SERVE_FLAGS,
  run: ({ flags, given }) => serve(flags, given),
});

const iso = (ms: number): string => new Date(ms).toISOString();

/** Starts the server; resolves with the exit code once it has stopped (SIGINT/SIGTERM). */
async function serve(flags: FlagValues<typeof SERVE_FLAGS>, given: ReadonlySet<string>): Promise<number> {
  const { host, port, clock, timing, seed, data: dataDir, accounts, quiet } = flags;
  if (flags.start !== undefined && clock === 'wall') {
    throw new UsageError('--start needs --clock manual: under the wall clock, simulated time is the wall time');
  }
  const secrets = accounts?.secrets ?? {};
  if (flags['verify-signatures'] && Object.keys(secrets).length === 0) {
    throw new UsageError('--verify-signatures needs --accounts FILE with a secretAccessKey for each access key');
  }
  // Either clock starts at the wall time unless told otherwise: a request made now expires in 7 days
  // from now, not from a fixed date long past.
  const worldOptions: WorldOptions = {
    seed,
    timing,
    startTime: flags.start ?? Date.now(),
    consistency: { describeDelayMs: flags['describe-delay-ms'] },
  };

  const store = dataDir === undefined ? undefined : CommandStore.open(dataDir, { worldOptions });
  // A restored directory keeps the world it was created with, its clock included.
  const world: World = store?.restore() ?? createWorld(worldOptions);
  const kept = keptSettings(world, worldOptions, given);
  if (kept !== undefined) process.stderr.write(`pcxsim: ${dataDir} was created with ${kept}; those stay\n`);

  const options: EndpointOptions = {
    world,
    ...(accounts === undefined ? {} : { identity: accounts.identity }),
    ...(flags['verify-signatures'] ? { signatures: { secrets } } : {}),
    // Every accepted change is durable before its answer goes out.
    // While it cannot write (a full disk), health answers 503 with the reason.
    ...(store === undefined ? {} : { onApplied: (applied, after) => store.append(applied, after), onReset: () => store.reset(), health: () => store.health() }),
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
  const { config } = world;
  process.stdout.write(
    [
      `pcxsim serving EC2 at ${server.url} (clock ${clock}, timing ${config.timing}${dataDir === undefined ? ', in memory' : `, data in ${dataDir}`})`,
      `  world:   seed ${config.seed}, started ${iso(config.startTime)}, now ${iso(world.clock)}, Describe delay ${config.consistency.describeDelayMs} ms`,
      `  AWS CLI: AWS_ACCESS_KEY_ID=111111111111 AWS_SECRET_ACCESS_KEY=${EXAMPLE_SECRET} aws --endpoint-url ${server.url} --region us-east-1 ec2 describe-vpcs`,
      `  JS SDK:  new EC2Client({ endpoint: '${server.url}', region: 'us-east-1', credentials: { accessKeyId: '111111111111', secretAccessKey: '${EXAMPLE_SECRET}' } })`,
      '           (the access key 111111111111 calls as that account)',
      ...(clock === 'manual' ? [`  clock:   curl -X POST ${server.url}/_pcxsim/clock -d '{"advanceMs": 60000}'`] : []),
      '', // a blank line ends the banner
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

/**
 * The settings given on the command line that a restored data directory overrides with its own
 * (`--seed 9 --timing realistic`), or undefined when it overrides none.
 */
function keptSettings(world: World, asked: WorldOptions, given: ReadonlySet<string>): string | undefined {
  const { config } = world;
  const kept = [
    given.has('seed') && config.seed !== asked.seed ? `--seed ${config.seed}` : '',
    given.has('timing') && config.timing !== asked.timing ? `--timing ${config.timing}` : '',
    given.has('describe-delay-ms') && config.consistency.describeDelayMs !== asked.consistency?.describeDelayMs
      ? `--describe-delay-ms ${config.consistency.describeDelayMs}`
      : '',
    given.has('start') && config.startTime !== asked.startTime ? `--start ${iso(config.startTime)} (its clock is now ${iso(world.clock)})` : '',
  ].filter((setting) => setting !== '');
  return kept.length === 0 ? undefined : kept.join(' ');
}

/**
 * One JSON line per answered request. `action` is what the request asked for, served or not.
 *
 * The log is written once per turn of the event loop, not once per line: a write is a system call
 * (stderr to a file, a terminal or a pipe is written synchronously); with 8 requests a turn this
 * measured 4.6–4.9 → 1.7 µs of CPU per request to /dev/null (bench/README.md, "HTTP under load").
 * Lines keep their order; the loop drains, and so writes the last ones, before exit.
 */
function logRequest(request: AnsweredRequest): void {
  if (unwritten === '') setImmediate(writeLog);
  unwritten += logLine(request);
}

const json = JSON.stringify;

/**
 * The JSON line of one request: `{"action":…,"account":…,"region":…,"status":…,"error":…,"ms":…,"cause":…}`,
 * what `JSON.stringify` gives of those fields (an absent one left out), written field by field
 * rather than through an object made only to be stringified.
 */
export function logLine(request: AnsweredRequest): string {
  let line = `{"action":${request.action === undefined ? 'null' : json(request.action)}`;
  if (request.accountId !== undefined) line += `,"account":${json(request.accountId)}`;
  if (request.region !== undefined) line += `,"region":${json(request.region)}`;
  line += `,"status":${request.status}`;
  if (request.errorCode !== undefined) line += `,"error":${json(request.errorCode)}`;
  line += `,"ms":${json(Math.round(request.ms * 100) / 100)}`;
  if (request.cause !== undefined) line += `,"cause":${json(request.cause)}`;
  return `${line}}\n`;
}

let unwritten = '';

function writeLog(): void {
  const text = unwritten;
  unwritten = '';
  process.stderr.write(text);
}
