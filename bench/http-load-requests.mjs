// The requests of `pnpm run bench:load` (http-load.mjs), byte for byte what @aws-sdk/client-ec2 sends:
// the SDK serialises and signs one request per action once (through a handler that only captures
// it), and every request after that is the captured one with its IDs put in, a fresh invocation
// ID, and a SigV4 signature computed here with node:crypto. Running the SDK's middleware stack per
// request would cost the load generator ~150 µs — more than the server it measures — so it signs
// cheaply instead, and `selfCheck` proves the cheap signature equals the SDK's own for the same
// request, date and invocation ID before any load is sent.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../packages/ec2-query/package.json'));
const sdk = require('@aws-sdk/client-ec2');
const { HttpResponse } = require('@smithy/core/protocols');

export const REGION = 'us-east-1';
const SERVICE = 'ec2';
export const SECRET = 'pcxsim-bench-secret';

// Placeholders the SDK serialises verbatim (form-safe characters), replaced per request.
const HOLE = { a: 'vpc-aaaaaaaaaaaaaaaaa', b: 'vpc-bbbbbbbbbbbbbbbbb', pcx: 'pcx-ccccccccccccccccc' };

/** The SDK commands of the mix, with placeholders. */
const TEMPLATES = {
  createVpcA: () => new sdk.CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }),
  createVpcB: () => new sdk.CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }),
  createHubVpc: () => new sdk.CreateVpcCommand({ CidrBlock: '10.200.0.0/16' }),
  createSpokeVpc: () => new sdk.CreateVpcCommand({ CidrBlock: '172.16.0.0/16' }),
  createPeering: () => new sdk.CreateVpcPeeringConnectionCommand({ VpcId: HOLE.a, PeerVpcId: HOLE.b }),
  describeById: () => new sdk.DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [HOLE.pcx] }),
  accept: () => new sdk.AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: HOLE.pcx }),
  describeFiltered: () =>
    new sdk.DescribeVpcPeeringConnectionsCommand({
      Filters: [
        { Name: 'requester-vpc-info.vpc-id', Values: [HOLE.a] },
        { Name: 'status-code', Values: ['pending-acceptance', 'provisioning', 'active'] },
      ],
    }),
  delete: () => new sdk.DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: HOLE.pcx }),
};

/** Captures the SDK's signed requests instead of sending them. */
async function captureAll(accessKeyId, host) {
  const captured = {};
  let last;
  const client = new sdk.EC2Client({
    region: REGION,
    endpoint: `http://${host}`,
    credentials: { accessKeyId, secretAccessKey: SECRET },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request) => {
        last = request;
        // Any parseable document will do: only the request matters here.
        return { response: new HttpResponse({ statusCode: 200, headers: {}, body: Buffer.from('<R><requestId>x</requestId></R>') }) };
      },
    },
  });
  for (const [name, make] of Object.entries(TEMPLATES)) {
    await client.send(make()).catch(() => undefined);
    captured[name] = { method: last.method, path: last.path, headers: { ...last.headers }, body: String(last.body) };
  }
  client.destroy();
  return captured;
}

const sha256Hex = (text) => createHash('sha256').update(text).digest('hex');
const hmac = (key, text) => createHmac('sha256', key).update(text).digest();

/** A SigV4 signer for these requests (empty query string): the date is fixed for a run, so is the signing key. */
function signer(amzDate) {
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${REGION}/${SERVICE}/aws4_request`;
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, day), REGION), SERVICE), 'aws4_request');
  /** The Authorization header for `headers` (lower-case names, all of them signed but user-agent). */
  return (accessKeyId, method, path, signedNames, headers, payloadHash) => {
    let canonicalHeaders = '';
    for (const name of signedNames) canonicalHeaders += `${name}:${headers[name].trim()}\n`;
    const signedList = signedNames.join(';');
    const canonical = `${method}\n${path}\n\n${canonicalHeaders}\n${signedList}\n${payloadHash}`;
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
    const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
    return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedList}, Signature=${signature}`;
  };
}

const signedNamesOf = (authorization) => /SignedHeaders=([^,]+)/.exec(authorization)[1].split(';');

/**
 * The request factory for `accessKeyId` against `host` (`127.0.0.1:port`). `request(name, holes)`
 * gives the raw HTTP/1.1 request text of template `name` with `holes` ({a, b, pcx}) filled in.
 */
export async function requestFactory(accessKeyId, host) {
  const captured = await captureAll(accessKeyId, host);
  // One signing time for the run (the SDK's own, from the first capture); the self-check signs each
  // captured request at its own time.
  const amzDate = captured.createVpcA.headers['x-amz-date'];
  const signers = new Map();
  const signerAt = (date) => {
    let sign = signers.get(date);
    if (sign === undefined) signers.set(date, (sign = signer(date)));
    return sign;
  };
  const templates = {};
  for (const [name, request] of Object.entries(captured)) {
    const signedNames = signedNamesOf(request.headers.authorization);
    // The SDK's header order, as node:http writes them (the SDK's NodeHttpHandler adds keep-alive).
    const order = Object.keys(request.headers).filter((h) => h !== 'authorization');
    templates[name] = { ...request, signedNames, order };
  }

  const fill = (body, holes) => {
    let out = body;
    if (holes.a !== undefined) out = out.replaceAll(HOLE.a, holes.a);
    if (holes.b !== undefined) out = out.replaceAll(HOLE.b, holes.b);
    if (holes.pcx !== undefined) out = out.replaceAll(HOLE.pcx, holes.pcx);
    return out;
  };

  /** The headers and body the SDK would send for `name` with `holes`, invocation ID `invocationId`, at `date`. */
  const build = (name, holes, invocationId, date = amzDate) => {
    const t = templates[name];
    const body = fill(t.body, holes);
    const headers = { ...t.headers };
    headers['content-length'] = String(Buffer.byteLength(body));
    headers['amz-sdk-invocation-id'] = invocationId;
    headers['x-amz-date'] = date;
    headers['x-amz-content-sha256'] = sha256Hex(body);
    headers.authorization = signerAt(date)(accessKeyId, t.method, t.path, t.signedNames, headers, headers['x-amz-content-sha256']);
    return { headers, body, template: t };
  };

  const request = (name, holes = {}) => {
    const { headers, body, template } = build(name, holes, randomUUID());
    let text = `${template.method} ${template.path} HTTP/1.1\r\n`;
    for (const h of template.order) text += `${h}: ${headers[h]}\r\n`;
    text += `authorization: ${headers.authorization}\r\nConnection: keep-alive\r\n\r\n${body}`;
    return text;
  };

  /**
   * Throws unless the cheap signer gives exactly the SDK's Authorization for every captured request
   * (same body, date and invocation ID), so the load is what the SDK would have sent.
   */
  const selfCheck = () => {
    for (const [name, t] of Object.entries(templates)) {
      const ours = build(name, {}, t.headers['amz-sdk-invocation-id'], t.headers['x-amz-date']);
      if (ours.headers.authorization !== t.headers.authorization || ours.headers['x-amz-content-sha256'] !== t.headers['x-amz-content-sha256']) {
        throw new Error(`bench: the cheap signer disagrees with the SDK's for ${name}:\n  ${ours.headers.authorization}\n  ${t.headers.authorization}`);
      }
    }
  };

  return { request, selfCheck };
}
