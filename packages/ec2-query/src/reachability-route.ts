// `POST /_pcxsim/reachability` (issue 13): the engine's reachability query over the control API.
// JSON in: {"accountId", "region", "source", "destinationIp", "sourceIp"?}; JSON out: the analysis
// (Reachability Analyzer's shape, engine/src/routing/reachability-shapes.ts), or a 4xx JSON error
// with the EC2-style code the engine gives.
import { reachability, type Caller, type Ec2Error, type ReachabilityAnalysis, type World } from '@pcxsim/engine';

/** What the route answers: 200 with the analysis, or the status and error. */
export type ReachabilityAnswer = ReachabilityFound | ReachabilityRefused;

/** The analysis, answered 200 (reachable or not: `NetworkPathFound` says which). */
export interface ReachabilityFound {
  /** Always 200. */
  readonly status: 200;
  /** The analysis in Reachability Analyzer's shape. */
  readonly body: ReachabilityAnalysis;
}

/** A question that could not be asked: a 4xx with the EC2-style code. */
export interface ReachabilityRefused {
  /** The HTTP status: 400 for bad input, 401 for an unknown caller, else the engine error's own status. */
  readonly status: number;
  /** The error, as the other control calls write it. */
  readonly body: ReachabilityErrorBody;
}

/** The body of a refused reachability question. */
export interface ReachabilityErrorBody {
  /** What went wrong. */
  readonly error: ReachabilityError;
}

/** An EC2-style error of the reachability control call. */
export interface ReachabilityError {
  /** The EC2 error code, e.g. `InvalidSubnetID.NotFound`. */
  readonly code: string;
  /** What went wrong, in words. */
  readonly message: string;
}

const refusal = (status: number, code: string, message: string): ReachabilityAnswer => ({ status, body: { error: { code, message } } });

const ACCOUNT = /^[0-9]{12}$/;

/**
 * Reads the request body (already parsed JSON, or `undefined` when it was not JSON) and asks the
 * engine. The caller must be a 12-digit account in a Region the world knows, as for an EC2 request
 * (AuthFailure otherwise, 401, as the engine answers it).
 */
export function answerReachability(world: World, parsed: unknown): ReachabilityAnswer {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refusal(400, 'InvalidParameterValue', 'The body must be JSON: {"accountId", "region", "source", "destinationIp"[, "sourceIp"]}');
  }
  const body = parsed as Record<string, unknown>;
  for (const name of ['accountId', 'region', 'source', 'destinationIp'] as const) {
    if (typeof body[name] !== 'string' || body[name] === '') return refusal(400, 'MissingParameter', `The request must contain the parameter ${name}`);
  }
  if (body['sourceIp'] !== undefined && typeof body['sourceIp'] !== 'string') {
    return refusal(400, 'InvalidParameterValue', '"sourceIp" must be a string');
  }
  const caller: Caller = { accountId: body['accountId'] as string, region: body['region'] as string };
  if (!ACCOUNT.test(caller.accountId)) return refusal(401, 'AuthFailure', 'AWS was not able to validate the provided access credentials');
  if (!world.config.regions.includes(caller.region)) return refusal(401, 'AuthFailure', `The region '${caller.region}' is not enabled for this account`);
  const query = { source: body['source'] as string, destinationIp: body['destinationIp'] as string };
  const answer = reachability(world, caller, typeof body['sourceIp'] === 'string' ? { ...query, sourceIp: body['sourceIp'] } : query);
  if (answer.ok) return { status: 200, body: answer.value };
  const error: Ec2Error = answer.error;
  return refusal(error.httpStatus, error.code, error.message);
}
