// Fuzzing (issue 5): tens of thousands of random and mutated requests — real SDK bodies of every action
// cut short, with parameters dropped, doubled, renamed, re-valued, re-indexed, re-encoded, and plain
// random text and bytes — and for every one: an answer, never a thrown exception, never a 500, a
// document the real SDK reads (its error code as the exception name), and when the answer is an
// error, the very same world object as before.
import { EC2Client, EC2ServiceException } from '@aws-sdk/client-ec2';
import { fc, test } from '@fast-check/vitest';
import { HttpResponse } from '@smithy/core/protocols';
import { beforeAll, describe, expect } from 'vitest';
import { ACTIONS, Ec2Endpoint, listen, type Ec2Action, type Shape, type WireResponse } from '../src/index.js';
import { ALICE, BOB, Harness, rawHttp, sdkCommand, sdkRequest } from './helpers.js';
import { structureOf } from './shape-arbitraries.js';

const ACTION_NAMES = Object.keys(ACTIONS) as Ec2Action[];

// Every request parameter name of the table, with list indices filled in: the vocabulary of mutations.
function names(shape: Shape, prefix: string): string[] {
  switch (shape.kind) {
    case 'structure':
      return shape.members.flatMap((member) => names(member.shape, prefix === '' ? member.query : `${prefix}.${member.query}`));
    case 'list':
      return names(shape.member, `${prefix}.1`);
    default:
      return [prefix];
  }
}
const VOCABULARY = [...new Set(['Action', 'Version', ...ACTION_NAMES.flatMap((action) => names(ACTIONS[action].input, ''))])];

// A client whose calls answer a given response: the SDK's parser as the judge of every document.
let reply: WireResponse = { status: 200, headers: {}, body: '' };
const judge = new EC2Client({
  region: 'us-east-1',
  credentials: { accessKeyId: ALICE, secretAccessKey: 'notasecret' },
  maxAttempts: 1,
  requestHandler: {
    handle: async () => ({ response: new HttpResponse({ statusCode: reply.status, headers: { ...reply.headers }, body: Buffer.from(reply.body, 'utf8') }) }),
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
  },
});

/** The SDK reads `response`: a success as the action's output, an error as its code. */
async function sdkReads(response: WireResponse): Promise<void> {
  reply = response;
  const root = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<(\w*?)Response[ >]/.exec(response.body);
  expect(root).not.toBeNull();
  const action = response.status === 200 ? (root![1] as Ec2Action) : 'DescribeVpcs';
  const outcome = await judge.send(sdkCommand(action, {})).then(
    () => 'ok',
    (e: unknown) => (e instanceof EC2ServiceException ? e.name : `not an EC2 error: ${String(e)}`),
  );
  expect(outcome).toBe(response.status === 200 ? 'ok' : /<Code>([^<]*)<\/Code>/.exec(response.body)![1]);
}

const KNOWN_STATUSES = new Set([200, 400, 401, 403, 405, 412, 413]);

describe('fuzzing', () => {
  let endpoint: Ec2Endpoint;
  let corpus: string[];
  let validCorpus: string[];

  beforeAll(async () => {
    // A world with something in every state, so mutated requests meet real resources.
    const h = await Harness.start('in-process', { worldOptions: { seed: 17 } });
    const a = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.0.0.0/16' })).Vpc.VpcId;
    const b = (await h.ok(BOB, 'CreateVpc', { CidrBlock: '10.1.0.0/16' })).Vpc.VpcId;
    const c = (await h.ok(ALICE, 'CreateVpc', { CidrBlock: '10.2.0.0/16' })).Vpc.VpcId;
    const pending = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: a, PeerVpcId: b, PeerOwnerId: BOB })).VpcPeeringConnection.VpcPeeringConnectionId;
    const active = (await h.ok(ALICE, 'CreateVpcPeeringConnection', { VpcId: a, PeerVpcId: c })).VpcPeeringConnection.VpcPeeringConnectionId;
    await h.ok(ALICE, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: active });
    h.endpoint.advanceClock(0);
    endpoint = new Ec2Endpoint({ world: h.endpoint.world });
    await h.close();

    // Real SDK bodies of every action: random inputs, and inputs naming the real resources.
    const ids = { VpcId: a, PeerVpcId: b, VpcPeeringConnectionId: pending, VpcPeeringConnectionIds: [active], Resources: [a, active] };
    const samples = fc.sample(fc.constantFrom(...ACTION_NAMES).chain((action) => fc.tuple(fc.constant(action), structureOf(ACTIONS[action].input))), 150);
    const valid: [Ec2Action, object, string][] = [
      ['DescribeVpcs', {}, ALICE],
      ['DescribeVpcs', { Filters: [{ Name: 'cidr', Values: ['10.*'] }], MaxResults: 5 }, ALICE],
      ['DescribeVpcPeeringConnections', { Filters: [{ Name: 'status-code', Values: ['active', 'pending-acceptance'] }] }, ALICE],
      ['DescribeVpcPeeringConnections', { VpcPeeringConnectionIds: [pending] }, BOB],
      ['DescribeTags', { Filters: [{ Name: 'resource-id', Values: [a] }] }, ALICE],
      ['CreateTags', { Resources: [a, active], Tags: [{ Key: 'team', Value: 'net' }, { Key: 'env', Value: 'test' }] }, ALICE],
      ['DeleteTags', { Resources: [active], Tags: [{ Key: 'team' }] }, ALICE],
      ['CreateVpc', { CidrBlock: '10.20.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'x' }] }] }, ALICE],
      ['CreateVpc', { CidrBlock: '10.21.0.0/24', AmazonProvidedIpv6CidrBlock: true }, BOB],
      ['AssociateVpcCidrBlock', { VpcId: a, CidrBlock: '10.30.0.0/16' }, ALICE],
      ['ModifyVpcAttribute', { VpcId: a, EnableDnsHostnames: { Value: true } }, ALICE],
      ['CreateVpcPeeringConnection', { VpcId: c, PeerVpcId: b, PeerOwnerId: BOB, TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'k', Value: 'v' }] }] }, ALICE],
      ['ModifyVpcPeeringConnectionOptions', { VpcPeeringConnectionId: active, RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: false } }, ALICE],
      ['AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pending }, BOB],
      ['RejectVpcPeeringConnection', { VpcPeeringConnectionId: pending }, BOB],
      ['DeleteVpcPeeringConnection', { VpcPeeringConnectionId: active }, ALICE],
    ];
    validCorpus = [];
    for (const [action, input, accountId] of valid) validCorpus.push(String((await sdkRequest(action, input, { accountId })).body));
    corpus = [...validCorpus];
    for (const [i, [action, input]] of samples.entries()) {
      const realistic = i % 2 === 0 ? { ...input, ...Object.fromEntries(Object.entries(ids).filter(([key]) => key in input)) } : input;
      corpus.push(String((await sdkRequest(action, realistic, { accountId: i % 3 === 0 ? BOB : ALICE })).body));
    }
  }, 120_000);

  const params = (body: string): string[] => body.split('&');
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('double' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 12 })) }),
    fc.record({ kind: fc.constant('revalue' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom('', 'true', 'false', '-1', '5', '1001', '2147483648', 'pcx-0123456789abcdef0', 'vpc-1', '%', '%zz', '%ff%fe', '+', 'x'.repeat(300)), fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent)) }),
    fc.record({ kind: fc.constant('reindex' as const), at: fc.nat(), index: fc.constantFrom('0', '01', '1000', '1001', '99999999999999999999', '-1', 'x', '') }),
    fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), text: fc.constantFrom('&', '=', '&&', '%', '%2', '%00', '%0D', '%C3', '.', '..', '+', '=&=') }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

  // Mutations leave `Action` and `Version` (the first two) alone unless they have to: a request
  // without them stops at the first check, and those paths are covered by the random lists below.
  function mutate(body: string, m: Mutation): string {
    const list = params(body);
    const at = list.length > 2 && m.at % 8 !== 0 ? 2 + (m.at % (list.length - 2)) : m.at % Math.max(list.length, 1);
    const [name = '', value = ''] = (list[at] ?? '').split(/=(.*)/s);
    switch (m.kind) {
      case 'truncate': {
        const keep = body.indexOf('&', body.indexOf('&') + 1) + 1;
        return body.slice(0, keep + (m.at % (body.length - keep + 1)));
      }
      case 'drop':
        return list.filter((_, i) => i !== at).join('&');
      case 'double':
        return [...list, list[at] ?? ''].join('&');
      case 'rename':
        list[at] = `${encodeURIComponent(m.name)}=${value}`;
        return list.join('&');
      case 'revalue':
        list[at] = `${name}=${m.value}`;
        return list.join('&');
      case 'reindex':
        list[at] = `${name.replace(/\.\d+/, `.${m.index}`)}=${value}`;
        return list.join('&');
      case 'inject': {
        const cut = m.at % (body.length + 1);
        return body.slice(0, cut) + m.text + body.slice(cut);
      }
    }
  }

  async function check(request: Parameters<Ec2Endpoint['handle']>[0]): Promise<void> {
    const before = endpoint.world;
    const response = await endpoint.handle(request);
    expect(KNOWN_STATUSES.has(response.status), `status ${response.status}`).toBe(true);
    if (response.status !== 200) expect(endpoint.world).toBe(before);
    await sdkReads(response);
  }

  const post = (body: string | Uint8Array, query = '') => ({ method: 'POST', path: '/', query, headers: {}, body });

  test.prop([fc.boolean(), fc.nat(), fc.array(mutation, { maxLength: 3 })], { numRuns: 6_000 })(
    'mutated SDK requests: an answer the SDK reads, never a 500, the world untouched by errors',
    async (fromValid, pick, mutations) => {
      const source = fromValid ? validCorpus : corpus;
      const body = mutations.reduce(mutate, source[pick % source.length]!);
      await check(post(body));
    },
  );

  const wireName = fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ unit: 'binary', maxLength: 10 }));
  const wireValue = fc.oneof(fc.constantFrom('DescribeVpcs', 'CreateTags', '2016-11-15', 'true', '7', ''), fc.string({ unit: 'binary', maxLength: 10 }));
  test.prop([fc.array(fc.tuple(wireName, wireValue), { maxLength: 10 }), fc.boolean()], { numRuns: 3_000 })(
    'random parameter lists, as a GET query string or a POST body: the same guarantees',
    async (pairs, asQuery) => {
      const text = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
      await check(asQuery ? { method: 'GET', path: '/', query: text, headers: {}, body: '' } : post(text));
    },
  );

  test.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.uint8Array({ maxLength: 60 }))], { numRuns: 1_500 })(
    'random text and bytes as a body: the same guarantees',
    async (body) => {
      await check(post(body));
    },
  );

  test.prop([fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS', 'get'), fc.string({ maxLength: 20 }), fc.nat()], { numRuns: 500 })(
    'any method and path: the same guarantees (control paths answer JSON)',
    async (method, path, pick) => {
      const before = endpoint.world;
      const target = `/${path.replace(/^\/*/, '')}`;
      const response = await endpoint.handle({ method, path: target, query: '', headers: {}, body: corpus[pick % corpus.length]! });
      expect(response.status).not.toBe(500);
      if (target.startsWith('/_pcxsim/')) {
        expect(() => JSON.parse(response.body)).not.toThrow();
      } else {
        expect(KNOWN_STATUSES.has(response.status)).toBe(true);
        if (response.status !== 200) expect(endpoint.world).toBe(before);
        await sdkReads(response);
      }
    },
  );

  test.prop([fc.nat(), fc.array(mutation, { maxLength: 3 }), fc.uint8Array({ maxLength: 8 })], { numRuns: 400 })(
    'over a real socket: mutated requests with stray bytes get an answer, never a 500',
    async (pick, mutations, stray) => {
      const server = await listen(endpoint);
      try {
        const body = Buffer.concat([Buffer.from(mutations.reduce(mutate, corpus[pick % corpus.length]!)), stray]);
        const before = endpoint.world;
        const answer = await rawHttp(server.url, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
        expect(KNOWN_STATUSES.has(answer.status)).toBe(true);
        if (answer.status !== 200) expect(endpoint.world).toBe(before);
      } finally {
        await server.close();
      }
    },
  );
});
