#!/usr/bin/env node
// CI's proof that the packages leave the monorepo cleanly: build, `pnpm pack` every publishable
// package, inspect each tarball (dist with declarations, README, exports with types and no
// `source` condition, no workspace: ranges, every import of dist declared as a dependency), then
// install the tarballs with npm into a scratch project outside the workspace — with fast-check,
// vitest, typescript and @aws-sdk/client-ec2 from the registry — and there:
//   - run the packages' README examples with node, and the engine in a script of its own;
//   - type-check and run, with vitest, the README's "Use it in your project" example, as written;
//   - start the installed `pcxsim serve --data` on a free loopback port, drive it with the AWS CLI
//     (/usr/bin/aws: create-vpc, describe-vpcs), restart it and find the VPC again, stop it;
//   - run the installed `pcxsim-cidr`.
// better-sqlite3 (the store) is compiled from source against this machine's Node headers
// (npm_config_nodedir), with prebuilt downloads off: nothing but registry packages is fetched.
// Prints each check and its time; any failure stops the run with exit 1 and keeps the scratch
// project for a look.
//   node scripts/check-packages.mjs
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const AWS = '/usr/bin/aws';
const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

const checked = [];
async function check(title, run) {
  const since = Date.now();
  process.stdout.write(`check-packages: ${title} …\n`);
  await run();
  checked.push(`  ok  ${seconds(since).padStart(6)} s  ${title}`);
}

/** Runs a command; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ''}:\n${output}`);
  }
  return result.stdout;
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const packageDirs = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .filter((dir) => existsSync(join(dir, 'package.json')) && readJson(join(dir, 'package.json')).private !== true);
const manifests = new Map(packageDirs.map((dir) => [readJson(join(dir, 'package.json')).name, { dir, manifest: readJson(join(dir, 'package.json')) }]));
const rootManifest = readJson(join(root, 'package.json'));
const testingPeers = manifests.get('@pcxsim/testing').manifest.peerDependencies;

// ---- the scratch project's programs ----

// A user's usual settings. skipLibCheck, as most projects have it: checking the SDK's own
// declarations takes a minute here; ours are resolved (every import declared, checked above).
const SCRATCH_TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
  include: ['test/**/*.ts'],
};

const ENGINE_SCRIPT = `// The engine alone, as a user's script: two accounts peer their VPCs on the simulated clock.
import assert from 'node:assert/strict';
import { apply, createWorld } from '@pcxsim/engine';

const a = { accountId: '111111111111', region: 'us-east-1' };
const b = { accountId: '222222222222', region: 'us-east-1' };
let world = createWorld({ seed: 42 });
const run = (caller, command) => {
  const step = apply(world, caller, command);
  world = step.world;
  assert.ok(step.result.ok, JSON.stringify(step.result));
  return step.result.value;
};
const vpcA = run(a, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }).Vpc.VpcId;
const vpcB = run(b, { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' }).Vpc.VpcId;
const id = run(a, { type: 'CreateVpcPeeringConnection', VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: b.accountId }).VpcPeeringConnection.VpcPeeringConnectionId;
run(a, { type: 'AdvanceClock', Milliseconds: 0 });
run(b, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: id });
run(a, { type: 'AdvanceClock', Milliseconds: 0 });
const [connection] = run(a, { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [id] }).VpcPeeringConnections;
assert.equal(connection.Status.Code, 'active');
const refused = apply(world, a, { type: 'CreateVpc', CidrBlock: '10.0.0.0/8' });
assert.equal(refused.world, world); // a refused command leaves the very same world
console.log(connection.Status.Code, id);
`;

const work = mkdtempSync(join(tmpdir(), 'pcxsim-packages-'));
const tarballs = join(work, 'tarballs');
const project = join(work, 'project');
if (!relative(root, project).startsWith('..')) throw new Error(`the scratch project ${project} lies inside the workspace`);

try {
  await check('build every package (tsc -b)', () => {
    run('pnpm', ['run', 'build'], { cwd: root });
  });

  await check(`pnpm pack ${manifests.size} packages`, () => {
    mkdirSync(tarballs);
    for (const { dir } of manifests.values()) run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir });
    assert.equal(readdirSync(tarballs).filter((f) => f.endsWith('.tgz')).length, manifests.size, 'one tarball per package');
  });

  await check('each tarball: dist + declarations, README, exports with types, real dependency ranges, every import declared', () => {
    for (const [name, { manifest: source }] of manifests) inspectTarball(name, source);
  });

  await check('npm install the tarballs + fast-check, vitest, typescript, @aws-sdk/client-ec2 in a scratch project (better-sqlite3 built from source)', () => {
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'pcxsim-scratch', private: true, type: 'module' }, null, 2));
    const nodedir = dirname(dirname(process.execPath));
    if (!existsSync(join(nodedir, 'include/node/node.h'))) throw new Error(`no Node headers under ${nodedir}/include/node: better-sqlite3 cannot be built offline`);
    const wanted = [
      ...readdirSync(tarballs).map((file) => join(tarballs, file)),
      `fast-check@${testingPeers['fast-check']}`,
      `@aws-sdk/client-ec2@${testingPeers['@aws-sdk/client-ec2']}`,
      `vitest@${rootManifest.devDependencies.vitest}`,
      `typescript@${rootManifest.devDependencies.typescript}`,
      `@types/node@${rootManifest.devDependencies['@types/node']}`,
    ];
    const env = {
      ...process.env,
      npm_config_nodedir: nodedir, // the headers this Node ships with: node-gyp downloads none
      npm_config_build_from_source: 'true', // prebuild-install: no prebuilt binary from GitHub
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    run('npm', ['install', ...wanted], { cwd: project, env });
    const binding = join(project, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    if (!existsSync(binding)) throw new Error('better-sqlite3 was installed without its native binding');
  });

  await check('the packages\' README examples run with node (cidr, tags, ec2-query, testing)', () => {
    for (const name of ['cidr', 'tags', 'ec2-query', 'testing']) {
      const file = join(project, `readme-${name}.mjs`);
      writeFileSync(file, firstCodeBlock(readFileSync(join(root, 'packages', name, 'README.md'), 'utf8'), ['js', 'ts']));
      run(process.execPath, [file], { cwd: project });
    }
  });

  await check('the engine in a node script: two VPCs peered across accounts, active', () => {
    writeFileSync(join(project, 'engine.mjs'), ENGINE_SCRIPT);
    const out = run(process.execPath, ['engine.mjs'], { cwd: project });
    assert.match(out, /^active pcx-[0-9a-f]{17}$/m);
  });

  await check('README "Use it in your project": type-checked with tsc (strict) and run with vitest', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it in your project'));
    mkdirSync(join(project, 'test'));
    writeFileSync(join(project, 'test/peering.test.ts'), firstCodeBlock(section.slice(0, section.indexOf('\n## ', 1)), ['ts']));
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(SCRATCH_TSCONFIG, null, 2));
    run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { cwd: project });
    const out = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter', 'verbose'], { cwd: project, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
    assert.match(out, /Tests\s+2 passed \(2\)/, `vitest did not pass both README tests:\n${out}`);
  });

  await check('installed `pcxsim serve --data` on a free loopback port, driven by /usr/bin/aws, restarted, stopped', async () => {
    if (!existsSync(AWS)) throw new Error(`${AWS} is missing (Debian package awscli)`);
    const data = join(work, 'pcxsim-data');
    let server = await serve(data);
    let vpcId;
    try {
      vpcId = aws(server.url, ['create-vpc', '--cidr-block', '10.0.0.0/16']).Vpc.VpcId;
      assert.match(vpcId, /^vpc-[0-9a-f]{17}$/);
      assert.deepEqual(aws(server.url, ['describe-vpcs']).Vpcs.map((vpc) => [vpc.VpcId, vpc.CidrBlock]), [[vpcId, '10.0.0.0/16']]);
    } finally {
      await server.stop();
    }
    server = await serve(data); // the store (the native addon) kept it
    try {
      assert.deepEqual(aws(server.url, ['describe-vpcs', '--vpc-ids', vpcId]).Vpcs.map((vpc) => vpc.VpcId), [vpcId]);
    } finally {
      await server.stop();
    }
  });

  await check('installed `pcxsim-cidr merge`', () => {
    const out = run(join(project, 'node_modules/.bin/pcxsim-cidr'), ['merge', '10.0.0.0/24', '10.0.1.0/24']);
    assert.equal(out, '10.0.0.0/23\n');
  });
} catch (error) {
  console.error(`\ncheck-packages: FAILED after ${seconds(started)} s: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`(the scratch project stays in ${work})`);
  process.exit(1);
}

rmSync(work, { recursive: true, force: true });
console.log(`\ncheck-packages: every check passed in ${seconds(started)} s\n${checked.join('\n')}`);

// ---- the tarball inspection ----

function inspectTarball(name, source) {
  const file = join(tarballs, `${name.replace('@', '').replace('/', '-')}-${source.version}.tgz`);
  const into = join(work, 'inspect', name);
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-xzf', file, '-C', into]);
  const pkg = join(into, 'package');
  const packed = readJson(join(pkg, 'package.json'));
  const where = `${name}: `;
  for (const needed of ['README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']) assert.ok(existsSync(join(pkg, needed)), `${where}no ${needed} in the tarball`);
  // "license": "MIT" needs the licence text beside it; each package keeps a copy of the root's.
  assert.equal(readFileSync(join(pkg, 'LICENSE'), 'utf8'), readFileSync(join(root, 'LICENSE'), 'utf8'), `${where}LICENSE differs from the root's`);
  assert.ok(Array.isArray(packed.files), `${where}no "files"`);

  const main = packed.exports?.['.'];
  assert.deepEqual(Object.keys(main ?? {}), ['types', 'default'], `${where}exports["."] must be { types, default } once packed (no "source": a user's own source condition must not reach our .ts)`);
  for (const target of Object.values(main)) assert.ok(existsSync(join(pkg, target)), `${where}exports target ${target} is not in the tarball`);
  for (const target of Object.values(packed.bin ?? {})) assert.ok(existsSync(join(pkg, target)), `${where}bin ${target} is not in the tarball`);
  assert.deepEqual(Object.keys(packed.bin ?? {}), Object.keys(source.bin ?? {}), `${where}bin entries`);

  const declared = { ...packed.dependencies, ...packed.peerDependencies };
  for (const [dependency, range] of Object.entries(declared)) {
    assert.ok(!String(range).startsWith('workspace:'), `${where}${dependency} is still ${range}`);
    if (manifests.has(dependency)) assert.equal(range, manifests.get(dependency).manifest.version, `${where}${dependency} must be the workspace's version`);
  }
  if (name === '@pcxsim/testing') {
    for (const peer of ['fast-check', '@aws-sdk/client-ec2']) {
      assert.ok(packed.peerDependencies?.[peer], `${where}${peer} must be a peer dependency`);
      assert.ok(!packed.dependencies?.[peer], `${where}${peer} must not be a dependency too`);
    }
  }
  // Every package a published file imports (code and declarations) is one the package declares.
  const builtins = new Set(builtinModules);
  for (const path of filesUnder(join(pkg, 'dist')).filter((p) => /\.(js|d\.ts)$/.test(p))) {
    for (const specifier of importsOf(readFileSync(path, 'utf8'))) {
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtins.has(specifier)) continue;
      const dependency = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (dependency === name) continue;
      assert.ok(declared[dependency], `${where}${relative(pkg, path)} imports ${specifier}, which package.json does not declare`);
    }
  }
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The module specifiers of import/export-from statements and dynamic imports, comments left out. */
function importsOf(code) {
  const uncommented = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [];
  for (const match of uncommented.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
    found.push(match[1] ?? match[2] ?? match[3]);
  }
  return found;
}

// ---- Markdown ----

/** The first fenced block of a Markdown text in one of `languages`. */
function firstCodeBlock(markdown, languages) {
  const match = new RegExp('^```(?:' + languages.join('|') + ')[^\\n]*\\n([\\s\\S]*?)^```', 'm').exec(markdown);
  if (!match) throw new Error(`no \`\`\`${languages.join('/')} block found`);
  return match[1];
}

// ---- the installed server and the AWS CLI ----

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function serve(data) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(join(project, 'node_modules/.bin/pcxsim'), ['serve', '--host', '127.0.0.1', '--port', String(port), '--data', data], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${url}/_pcxsim/health`).then((response) => response.ok, () => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pcxsim serve did not answer /_pcxsim/health on ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const status = await exited;
      clearTimeout(timer);
      if (status !== 0) throw new Error(`pcxsim serve ended with ${status} on SIGINT:\n${output}`);
    },
  };
}

function aws(url, args) {
  const home = join(work, 'aws-home');
  mkdirSync(home, { recursive: true });
  const out = run(AWS, ['--endpoint-url', url, '--output', 'json', 'ec2', ...args], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      AWS_ACCESS_KEY_ID: '111111111111', // the access key ID is the account
      AWS_SECRET_ACCESS_KEY: 'notasecret',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  return JSON.parse(out);
}
