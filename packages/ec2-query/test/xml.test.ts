// Results → XML (spec §9.2, §9.3, ecosystem.md §1.2–§1.3), judged by the real SDK's parser: any value
// of any action's output shape, written by successDocument, comes back from @aws-sdk/client-ec2 as
// the same object — names, nesting, lists, empty lists, booleans, numbers, timestamps and every
// character (escaped) included. Error documents come back as the SDK's exception.
import { EC2Client, EC2ServiceException } from '@aws-sdk/client-ec2';
import { fc, test } from '@fast-check/vitest';
import { HttpResponse } from '@smithy/core/protocols';
import { describe, expect } from 'vitest';
import { ACTIONS, errorDocument, escapeText, successDocument, XMLNS, type Ec2Action } from '../src/index.js';
import { sdkCommand } from './helpers.js';
import { structureOf, xmlSafeText } from './shape-arbitraries.js';

// A client whose every call answers `reply` (status, document): the SDK's own parsing, no engine.
let reply = { status: 200, body: '' };
const client = new EC2Client({
  region: 'us-east-1',
  credentials: { accessKeyId: '111111111111', secretAccessKey: 'notasecret' },
  maxAttempts: 1,
  requestHandler: {
    handle: async () => ({
      response: new HttpResponse({ statusCode: reply.status, headers: { 'x-amzn-requestid': 'req-1' }, body: Buffer.from(reply.body, 'utf8') }),
    }),
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
  },
});

async function sdkParse(action: Ec2Action, status: number, body: string): Promise<unknown> {
  reply = { status, body };
  const { $metadata, ...output } = await client.send(sdkCommand(action, {}));
  return output;
}

const ACTION_NAMES = Object.keys(ACTIONS) as Ec2Action[];
const anyOutput = fc.constantFrom(...ACTION_NAMES).chain((action) => fc.tuple(fc.constant(action), structureOf(ACTIONS[action].output, xmlSafeText)));

describe('success documents', () => {
  test.prop([anyOutput])('any output of any action comes back from the SDK as the same object', async ([action, output]) => {
    expect(await sdkParse(action, 200, successDocument(action, ACTIONS[action], output, 'req-1'))).toEqual(output);
  });

  test('the document is the one of spec §9.2: declaration, root with namespace, requestId first, lowerCamel, item, empty lists empty', () => {
    const document = successDocument(
      'DescribeVpcPeeringConnections',
      ACTIONS.DescribeVpcPeeringConnections,
      { VpcPeeringConnections: [{ VpcPeeringConnectionId: 'pcx-1', Status: { Code: 'active', Message: 'Active' }, ExpirationTime: new Date(Date.UTC(2026, 0, 8, 12)), Tags: [] }], NextToken: 't' },
      'rid',
    );
    expect(document).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<DescribeVpcPeeringConnectionsResponse xmlns="${XMLNS}"><requestId>rid</requestId>` +
        '<vpcPeeringConnectionSet><item><vpcPeeringConnectionId>pcx-1</vpcPeeringConnectionId>' +
        '<status><code>active</code><message>Active</message></status>' +
        '<expirationTime>2026-01-08T12:00:00.000Z</expirationTime><tagSet/></item></vpcPeeringConnectionSet>' +
        '<nextToken>t</nextToken></DescribeVpcPeeringConnectionsResponse>',
    );
  });

  test('CreateTags, DeleteTags, DeleteVpc and ModifyVpcAttribute carry <return>true</return>, as AWS samples show', () => {
    for (const action of ['CreateTags', 'DeleteTags', 'DeleteVpc', 'ModifyVpcAttribute'] as const) {
      expect(successDocument(action, ACTIONS[action], {}, 'r')).toContain('<requestId>r</requestId><return>true</return>');
    }
  });

  test('a time past year 9999 is left out rather than written in a form the SDKs refuse', () => {
    const document = successDocument('CreateVpcPeeringConnection', ACTIONS.CreateVpcPeeringConnection, { VpcPeeringConnection: { ExpirationTime: new Date(8.64e15) } }, 'r');
    expect(document).not.toContain('expirationTime');
  });
});

describe('escaping', () => {
  test.prop([xmlSafeText])('escapeText leaves no raw &, <, > or control character but tab and newline', (text) => {
    expect(escapeText(text).replace(/&(amp|lt|gt|#x[0-9A-F]+);/g, '')).not.toMatch(/[&<>\u0000-\u0008\u000b-\u001f]/);
  });

  test('a carriage return survives as &#xD; (raw, a parser would turn it into a newline)', () => {
    expect(escapeText('a\r\nb\u0000')).toBe('a&#xD;\nb&#x0;');
  });
});

describe('error documents', () => {
  test.prop([fc.stringMatching(/^[A-Za-z][A-Za-z.]{0,40}$/), xmlSafeText.filter((m) => m.trim() !== ''), fc.constantFrom(400, 401, 403, 412, 413, 500, 503)])(
    'any code, message and status reach the SDK as its exception: name, message, status, fault',
    async (code, message, status) => {
      const thrown = await sdkParse('DescribeVpcs', status, errorDocument({ code, message, httpStatus: status }, 'req-1')).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(thrown).toBeInstanceOf(EC2ServiceException);
      const error = thrown as EC2ServiceException;
      expect({ name: error.name, message: error.message, status: error.$metadata.httpStatusCode, fault: error.$fault }).toEqual({
        name: code,
        message,
        status,
        fault: status >= 500 ? 'server' : 'client',
      });
    },
  );

  test('the error document is spec §9.3: <Response>, no namespace, one <Error>, <RequestID>', () => {
    expect(errorDocument({ code: 'X.Y', message: 'a < b', httpStatus: 400 }, 'rid')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>X.Y</Code><Message>a &lt; b</Message></Error></Errors><RequestID>rid</RequestID></Response>',
    );
  });
});
