// Shared by the tests: the real @aws-sdk/client-ec2 pointed at an endpoint, in process or over HTTP
// on 127.0.0.1, and a parity check that runs every call a second time straight through the engine
// (apply on the world as it was) — so each SDK call proves that what the SDK parsed out of the wire
// is, field for field, what the engine answered.
import * as sdk from '@aws-sdk/client-ec2';
import { EC2Client, EC2ServiceException } from '@aws-sdk/client-ec2';
import { apply, type Caller, type Command } from '@pcxsim/engine';
import { HttpResponse, type HttpRequest } from '@smithy/core/protocols';
import type { MetadataBearer } from '@smithy/types';
import { expect } from 'vitest';
import { Ec2Endpoint, InProcessHandler, listen, type EndpointOptions, type RunningServer } from '../src/index.js';

/** Two accounts, named by their 12-digit IDs (the access key is the account). */
export const ALICE = '111111111111';
export const BOB = '222222222222';

/** How the SDK reaches the endpoint. */
export type Transport = 'in-process' | 'http';
export const TRANSPORTS: readonly Transport[] = ['in-process', 'http'];

/** What a call gave: the output (no $metadata), or the error as the SDK surfaced it. */
export type Answer =
  | { readonly ok: true; readonly value: Record<string, unknown>; readonly requestId: string | undefined; readonly status: number | undefined }
  | {
      readonly ok: false;
      readonly error: { readonly code: string; readonly message: string; readonly httpStatus: number | undefined };
      readonly fault: string | undefined;
      readonly requestId: string | undefined;
    };

type EngineAction = Exclude<Command['type'], 'AdvanceClock'>;

/** A command `EC2Client.send` takes. */
export type SdkCommand = Parameters<EC2Client['send']>[0];

/** The SDK's command of `action` (any EC2 action the SDK has) with `input`. */
export function sdkCommand(action: string, input: object): SdkCommand {
  const Command = (sdk as unknown as Record<string, (new (input: object) => SdkCommand) | undefined>)[`${action}Command`];
  if (Command === undefined) throw new Error(`the SDK has no ${action}Command`);
  return new Command(input);
}

/** One endpoint, reachable through one transport, with clients per account and Region. */
export class Harness {
  readonly endpoint: Ec2Endpoint;
  readonly transport: Transport;
  private server: RunningServer | undefined;
  private readonly clients = new Map<string, EC2Client>();

  private constructor(endpoint: Ec2Endpoint, transport: Transport, server: RunningServer | undefined) {
    this.endpoint = endpoint;
    this.transport = transport;
    this.server = server;
  }

  static async start(transport: Transport, options: EndpointOptions = {}): Promise<Harness> {
    const endpoint = new Ec2Endpoint(options);
    return new Harness(endpoint, transport, transport === 'http' ? await listen(endpoint) : undefined);
  }

  /** The server's URL (HTTP transport only). */
  get url(): string {
    if (this.server === undefined) throw new Error('no server for the in-process transport');
    return this.server.url;
  }

  /** An SDK client for `accountId` in `region`, signing with `secretAccessKey` (one per triple). */
  client(accountId: string, region = 'us-east-1', secretAccessKey = 'any-secret'): EC2Client {
    const key = `${accountId}|${region}|${secretAccessKey}`;
    let client = this.clients.get(key);
    if (client === undefined) {
      client = this.newClient(accountId, region, secretAccessKey);
      this.clients.set(key, client);
    }
    return client;
  }

  /** A new SDK client of its own (closed with the harness). */
  newClient(accountId: string, region = 'us-east-1', secretAccessKey = 'any-secret'): EC2Client {
    const common = { region, credentials: { accessKeyId: accountId, secretAccessKey }, maxAttempts: 1 };
    const client =
      this.server === undefined
        ? new EC2Client({ ...common, requestHandler: new InProcessHandler(this.endpoint) })
        : new EC2Client({ ...common, endpoint: this.server.url });
    this.clients.set(`own|${this.clients.size}`, client);
    return client;
  }

  /** Sends `input` as `action` with the SDK, as `accountId` in `region`; never throws. */
  async send(accountId: string, action: EngineAction, input: object, region = 'us-east-1', secret?: string): Promise<Answer> {
    try {
      const { $metadata, ...value } = (await this.client(accountId, region, secret).send(sdkCommand(action, input))) as MetadataBearer;
      return { ok: true, value, requestId: $metadata.requestId, status: $metadata.httpStatusCode };
    } catch (thrown) {
      if (!(thrown instanceof EC2ServiceException)) throw thrown;
      return {
        ok: false,
        error: { code: thrown.name, message: thrown.message, httpStatus: thrown.$metadata.httpStatusCode },
        fault: thrown.$fault,
        requestId: thrown.$metadata.requestId,
      };
    }
  }

  /**
   * Sends like {@link Harness.send} and checks parity: the answer equals what the engine gives for
   * the same command on the world as it was, and the world moved exactly as the engine says.
   */
  async call(accountId: string, action: EngineAction, input: object, region = 'us-east-1'): Promise<Answer> {
    const before = this.endpoint.world;
    const caller: Caller = { accountId, region };
    const expected = apply(before, caller, { type: action, ...input } as Command);
    const answer = await this.send(accountId, action, input, region);
    if (expected.result.ok) {
      expect(answer.ok ? answer.value : answer).toEqual(expected.result.value);
      expect(this.endpoint.world).toEqual(expected.world);
    } else {
      expect(answer.ok ? answer.value : answer.error).toEqual(expected.result.error);
      expect(this.endpoint.world).toBe(before);
    }
    return answer;
  }

  /** Like {@link Harness.call}, and the call must succeed: its output. */
  async ok<T = Record<string, any>>(accountId: string, action: EngineAction, input: object, region = 'us-east-1'): Promise<T> {
    const answer = await this.call(accountId, action, input, region);
    if (!answer.ok) throw new Error(`${action} failed: ${answer.error.code}: ${answer.error.message}`);
    return answer.value as T;
  }

  async close(): Promise<void> {
    for (const client of this.clients.values()) client.destroy();
    await this.server?.close();
    this.server = undefined;
  }
}

/** The request the SDK would send for `action` with `input`: signed, body and headers as on the wire. */
export async function sdkRequest(
  action: EngineAction,
  input: object,
  options: { accountId?: string; region?: string; secretAccessKey?: string; endpoint?: string } = {},
): Promise<HttpRequest> {
  let captured: HttpRequest | undefined;
  const requestHandler = {
    handle: async (request: HttpRequest) => {
      captured = request;
      const body = `<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>x</requestId></${action}Response>`;
      return { response: new HttpResponse({ statusCode: 200, headers: {}, body: Buffer.from(body) }) };
    },
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
  };
  const client = new EC2Client({
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: options.accountId ?? ALICE, secretAccessKey: options.secretAccessKey ?? 'any-secret' },
    maxAttempts: 1,
    requestHandler,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });
  await client.send(sdkCommand(action, input)).catch(() => undefined);
  client.destroy();
  if (captured === undefined) throw new Error(`the SDK sent no ${action} request`);
  return captured;
}

/** Sends raw bytes to a server and reads the whole answer (status, headers, body). */
export async function rawHttp(url: string, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {}) {
  const { request } = await import('node:http');
  const target = new URL(init.path ?? '/', url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(target, { method: init.method ?? 'POST', headers: init.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
