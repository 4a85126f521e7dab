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
}

/** A pcxsim endpoint with a bend. */
class BentEndpoint extends Ec2Endpoint {
  constructor(
    options: EndpointOptions,
    private readonly bend: Bend,
  ) {
    super(options);
  }

  override async handle(request: WireRequest): Promise<WireResponse> {
    this.bend.observe?.(request);
    const answer = await super.handle(this.bend.request?.(request) ?? request);
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
