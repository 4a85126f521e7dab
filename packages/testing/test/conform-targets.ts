// Targets for the conformance checker's tests: pcxsim itself over HTTP, and pcxsim bent to behave
// like the emulators in docs/reference/peers.md — each a real server on loopback.
import { Ec2Endpoint, listen, type EndpointOptions, type RunningServer, type WireRequest, type WireResponse } from '@pcxsim/ec2-query';

/** How a bent target changes requests on their way in and answers on their way out. */
export interface Bend {
  /** The request the real endpoint gets instead. */
  readonly request?: (request: WireRequest) => WireRequest;
  /** The answer the client gets instead. */
  readonly response?: (response: WireResponse) => WireResponse;
  /** Sees every request as it came in. */
  readonly observe?: (request: WireRequest) => void;
  /** Handles the (bent) request instead, given the real endpoint's handling. */
  readonly around?: (request: WireRequest, handle: (request: WireRequest) => Promise<WireResponse>) => Promise<WireResponse>;
}

/** A pcxsim endpoint with a bend. */
class BentEndpoint extends Ec2Endpoint {
  constructor(
    options: EndpointOptions,
    private readonly bend: Bend,
  ) {
    super(options);
  }

  // Both handle() and the HTTP server's fast path answer through answerNowOrLater: the bend sits there.
  override answerNowOrLater(request: WireRequest): Promise<WireResponse> {
    return this.bent(request);
  }

  private async bent(request: WireRequest): Promise<WireResponse> {
    this.bend.observe?.(request);
    const inner = (wire: WireRequest): Promise<WireResponse> => Promise.resolve(super.answerNowOrLater(wire));
    const bent = this.bend.request?.(request) ?? request;
    const answer = this.bend.around === undefined ? await inner(bent) : await this.bend.around(bent, inner);
    return this.bend.response?.(answer) ?? answer;
  }
}

const text = (body: string | Uint8Array): string => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));

/**
 * A target's world: its own clock (the wall clock, `speed` times faster), so transient states
 * resolve by themselves as on a real system — instantly with the instant timing, after
 * (2 s, 5 s, 5 s) / speed with the realistic one.
 */
export function targetOptions(timing: 'instant' | 'realistic' = 'instant', speed = 1): EndpointOptions {
  const started = Date.now();
  return { worldOptions: { seed: 99, timing, startTime: started }, now: () => started + (Date.now() - started) * speed };
}

/** Starts a pcxsim target, bent or not, on a free loopback port. */
export async function startTarget(bend: Bend = {}, options: EndpointOptions = targetOptions()): Promise<RunningServer> {
  return listen(new BentEndpoint(options, bend));
}

/** Like moto: the NotFound code spelt `InvalidVpcPeeringConnectionId.NotFound` (spec §4.5). */
export const WRONG_NOT_FOUND_CASING: Bend = {
  response: (answer) => ({ ...answer, body: answer.body.replaceAll('InvalidVpcPeeringConnectionID.NotFound', 'InvalidVpcPeeringConnectionId.NotFound') }),
};

/** A DryRun that really does it: the flag is dropped before the request is handled (spec §8.3). */
export const DRY_RUN_DOES_IT: Bend = {
  request: (request) => ({ ...request, body: text(request.body).replace(/(^|&)DryRun=true(?=&|$)/i, '') }),
};

/** Like floci and fakecloud: no overlap check, so a failed request shows as pending-acceptance (spec §2.2). */
export const NEVER_FAILS_OVERLAP: Bend = {
  response: (answer) => ({
    ...answer,
    body: answer.body.replace(
      /<code>failed<\/code>\s*<message>[^<]*<\/message>/g,
      () => '<code>pending-acceptance</code><message>Pending Acceptance</message>',
    ),
  }),
};

/** The Action of a Query request. */
const actionOf = (request: WireRequest): string | undefined => new URLSearchParams(text(request.body)).get('Action') ?? undefined;

/** CreateVpc answers without its `dhcpOptionsId` (a response-shape difference at step 1 of nearly every sequence, spec §9.2). */
export const CREATE_VPC_WITHOUT_DHCP_OPTIONS: Bend = {
  response: (answer) =>
    text(answer.body).includes('<CreateVpcResponse') ? { ...answer, body: text(answer.body).replace(/<dhcpOptionsId>[^<]*<\/dhcpOptionsId>/, '') } : answer,
};

/** DescribeVpcPeeringConnections ignores its filters (spec §4.3): every connection the caller sees is listed. */
export const PEERING_FILTERS_IGNORED: Bend = {
  request: (request) => {
    if (actionOf(request) !== 'DescribeVpcPeeringConnections') return request;
    const params = new URLSearchParams(text(request.body));
    for (const name of [...params.keys()]) if (name.startsWith('Filter.')) params.delete(name);
    return { ...request, body: params.toString() };
  },
};

/**
 * Any caller may accept (spec §3.1 says only the accepter owner, from the accepter Region): an
 * Accept refused with OperationNotPermitted is handled again as every other account and Region the
 * sequences use, and the first that succeeds is the answer.
 */
export function acceptByAnyone(accounts: readonly string[], regions: readonly string[]): Bend {
  return {
    around: async (request, handle) => {
      const answer = await handle(request);
      if (actionOf(request) !== 'AcceptVpcPeeringConnection' || !text(answer.body).includes('<Code>OperationNotPermitted</Code>')) return answer;
      const authorization = request.headers['authorization'] ?? '';
      for (const account of accounts) {
        for (const region of regions) {
          const as = authorization.replace(/Credential=[^/]+\/([^/]+)\/[^/]+\//, `Credential=${account}/$1/${region}/`);
          const retried = await handle({ ...request, headers: { ...request.headers, authorization: as } });
          if (retried.status === 200) return retried;
        }
      }
      return answer;
    },
  };
}

/** Several bends at once: requests bent in order, answers in reverse order, the first `around` only. */
export function combine(...bends: readonly Bend[]): Bend {
  const around = bends.find((bend) => bend.around !== undefined)?.around;
  return {
    request: (request) => bends.reduce((bent, bend) => bend.request?.(bent) ?? bent, request),
    response: (answer) => bends.reduceRight((bent, bend) => bend.response?.(bent) ?? bent, answer),
    ...(around === undefined ? {} : { around }),
  };
}
