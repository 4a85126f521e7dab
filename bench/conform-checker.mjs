#!/usr/bin/env node
// `pnpm run bench:conform` — the conformance checker (issue 16) on three targets, on the built
// packages, with only options that every version of `checkConformance` takes, so that the same script
// runs before and after a change (build the old sources, run it; build the new, run it again):
//
//   planted  pcxsim wrapped with three bugs: CreateVpc's answer lacks dhcpOptionsId (step 1 of
//            nearly every sequence), DescribeVpcPeeringConnections ignores its filters, and any
//            caller may accept. How many of the three are found, and how long it takes.
//   at-once  pcxsim whose Describe ignores filters: a target that answers at once and whose reads
//            disagree for good. The time spent asking disagreeing reads again.
//   manual   pcxsim on a manual clock (no `now`): transient states move only through the control API.
//
// It prints a table, then one plain line per target:
//   conform target=<name> seconds=<n> rules=<ids> conformant=<bool>
import { createServer } from 'node:http';
import { Ec2Endpoint } from '../packages/ec2-query/dist/index.js';
import { checkConformance } from '../packages/testing/dist/index.js';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const LIFECYCLE = ['CreateVpc', 'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection', 'DescribeVpcPeeringConnections'];

const text = (body) => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
const actionOf = (body) => new URLSearchParams(text(body)).get('Action');

/** Serves `endpoint` on loopback, each request through `around(request, handle)`. */
async function serve(endpoint, around = (request, handle) => handle(request)) {
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
    const answer = await around({ method: req.method ?? 'GET', path, query, headers, body: Buffer.concat(chunks) }, (request) => endpoint.handle(request));
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => (server.closeAllConnections(), new Promise((resolve) => server.close(resolve))),
  };
}

function ignoreFilters(request) {
  if (actionOf(request.body) !== 'DescribeVpcPeeringConnections') return request;
  const params = new URLSearchParams(text(request.body));
  for (const name of [...params.keys()]) if (name.startsWith('Filter.')) params.delete(name);
  return { ...request, body: params.toString() };
}

async function planted(request, handle) {
  const bent = ignoreFilters(request);
  let answer = await handle(bent);
  if (actionOf(bent.body) === 'CreateVpc') answer = { ...answer, body: text(answer.body).replace(/<dhcpOptionsId>[^<]*<\/dhcpOptionsId>/, '') };
  if (actionOf(bent.body) === 'AcceptVpcPeeringConnection' && text(answer.body).includes('<Code>OperationNotPermitted</Code>')) {
    for (const account of ACCOUNTS) {
      for (const region of REGIONS) {
        const authorization = (bent.headers['authorization'] ?? '').replace(/Credential=[^/]+\/([^/]+)\/[^/]+\//, `Credential=${account}/$1/${region}/`);
        const retried = await handle({ ...bent, headers: { ...bent.headers, authorization } });
        if (retried.status === 200) return retried;
      }
    }
  }
  return answer;
}

const TARGETS = [
  {
    name: 'planted',
    endpoint: () => new Ec2Endpoint({ now: () => Date.now() }),
    around: planted,
    options: { runs: 100, seed: 7, maxSteps: 10, maxDivergences: 6, actions: LIFECYCLE, invalid: 10 },
  },
  {
    name: 'at-once',
    endpoint: () => new Ec2Endpoint({ now: () => Date.now() }),
    around: (request, handle) => handle(ignoreFilters(request)),
    options: { runs: 30, seed: 7, maxSteps: 8, maxDivergences: 2, actions: LIFECYCLE, invalid: 0, readRetryMs: 2000 },
  },
  {
    name: 'manual',
    endpoint: () => new Ec2Endpoint({}),
    around: undefined,
    options: { runs: 10, seed: 7, maxSteps: 8, actions: LIFECYCLE, invalid: 0, settleMs: 1000 },
  },
];

const rows = [];
for (const target of TARGETS) {
  const server = await serve(target.endpoint(), target.around);
  const started = performance.now();
  const report = await checkConformance({ endpoint: server.url, ...target.options });
  const seconds = (performance.now() - started) / 1000;
  await server.close();
  rows.push({ name: target.name, seconds, rules: report.divergences.map((d) => d.rule.id), conformant: report.conformant, error: report.error });
}

console.log('| target | seconds | rules reported | conformant |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(`| ${row.name} | ${row.seconds.toFixed(1)} | ${row.rules.join(', ') || '—'} | ${row.conformant}${row.error ? ` (${row.error})` : ''} |`);
for (const row of rows) console.log(`conform target=${row.name} seconds=${row.seconds.toFixed(1)} rules=${row.rules.join(',') || '-'} conformant=${row.conformant}`);
