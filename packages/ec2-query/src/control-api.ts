// The control API for tests and emulators (issue 5), served beside EC2 on the same handler under
// `/_pcxsim/`. JSON in and out; it is no part of EC2, so it has no request IDs and no signatures.
//   POST /_pcxsim/reset   an empty world with the same configuration (and request IDs start over)
//   POST /_pcxsim/clock   {"advanceMs": n}: move the simulated clock forward, answer the new time
//   GET  /_pcxsim/world   the world as JSON (`JSON.parse` of it is a world the engine takes back)
//   GET  /_pcxsim/health  {"status": "ok"}, or 503 {"status": "unavailable", "reason": …} while changes cannot be kept
//   POST /_pcxsim/throttle {"requests": n}: the next n EC2 requests get 503 RequestLimitExceeded
//   POST /_pcxsim/reachability {"accountId", "region", "source", "destinationIp"}: reachability-route.ts
//   GET  /_pcxsim/ui …    the web view of the world: ui-route.ts
import type { Step, World } from '@pcxsim/engine';
import type { Journal } from '@pcxsim/ui';
import { clockHeader } from './clock-header.js';
import { formText } from './query-params.js';
import { answerReachability } from './reachability-route.js';
import { handleUi, isUiPath } from './ui-route.js';
import type { WireRequest, WireResponse } from './wire.js';

/** The path prefix of the control API. */
export const CONTROL_PREFIX = '/_pcxsim/';

/** What the control API acts on: the endpoint's world holder. */
export interface ControlTarget {
  /** The current world. */
  readonly world: World;
  /** Replaces the world by an empty one with the same configuration. */
  reset(): void;
  /** Advances the simulated clock by `ms` and keeps the new world. */
  advanceClock(ms: number): Step<'AdvanceClock'>;
  /** Answers the next `requests` EC2 requests with `RequestLimitExceeded` (503), changing nothing. */
  throttle(requests: number): void;
  /** Why changes cannot be kept now (a store that cannot write), or `undefined` when they can (and when absent). */
  health?(): string | undefined;
  /** The recent commands with their events, for the web view (`/_pcxsim/ui`); absent, the view is not served. */
  readonly journal?: Journal;
}

const json = (status: number, value: unknown, now: number, extra: Record<string, string> = {}): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...clockHeader(now), ...extra },
  body: JSON.stringify(value),
});

const failure = (status: number, code: string, message: string, now: number, extra?: Record<string, string>): WireResponse =>
  json(status, { error: { code, message } }, now, extra);

const ROUTES: Readonly<Record<string, string>> = { reset: 'POST', clock: 'POST', throttle: 'POST', world: 'GET', health: 'GET', reachability: 'POST' };

/** The JSON body, or undefined when it is not JSON. */
function jsonBody(body: string | Uint8Array): unknown {
  try {
    return JSON.parse(formText(body));
  } catch {
    return undefined;
  }
}

// A throttled stretch longer than this is surely a mistake in a test.
const MAX_THROTTLED = 1_000_000;

function readThrottle(body: string | Uint8Array): number | string {
  const parsed = jsonBody(body);
  const n = typeof parsed === 'object' && parsed !== null ? (parsed as { requests?: unknown }).requests : undefined;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_THROTTLED
    ? n
    : `The body must be JSON: {"requests": <integer from 0 to ${MAX_THROTTLED}>}`;
}

// The last instant ISO 8601's four-digit years can show (xml.ts writes timestamps that way, and the
// SDKs read only that form): the clock goes no further.
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function readAdvance(body: string | Uint8Array, clock: number): number | string {
  const parsed = jsonBody(body);
  if (parsed === undefined) return 'The body must be JSON: {"advanceMs": <non-negative integer>}';
  const ms = typeof parsed === 'object' && parsed !== null ? (parsed as { advanceMs?: unknown }).advanceMs : undefined;
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) return '"advanceMs" must be a non-negative integer (milliseconds)';
  return clock + ms <= MAX_TIME ? ms : `"advanceMs" would move the clock past ${new Date(MAX_TIME).toISOString()}`;
}

/** Answers a request under {@link CONTROL_PREFIX}. Total: never throws. */
export function handleControl(target: ControlTarget, request: WireRequest): WireResponse {
  if (target.journal !== undefined && isUiPath(request.path)) return handleUi({ world: target.world, journal: target.journal }, request);
  const route = request.path.slice(CONTROL_PREFIX.length);
  const method = Object.prototype.hasOwnProperty.call(ROUTES, route) ? ROUTES[route] : undefined;
  if (method === undefined) return failure(404, 'NotFound', `No control route ${request.path}`, target.world.clock);
  if (request.method !== method) {
    return failure(405, 'MethodNotAllowed', `${request.path} takes ${method}`, target.world.clock, { allow: method });
  }
  switch (route) {
    case 'health': {
      const reason = target.health?.();
      return reason === undefined ? json(200, { status: 'ok' }, target.world.clock) : json(503, { status: 'unavailable', reason }, target.world.clock);
    }
    case 'world':
      return json(200, target.world, target.world.clock);
    case 'reset':
      target.reset();
      return json(200, { clock: target.world.clock, now: new Date(target.world.clock).toISOString() }, target.world.clock);
    case 'reachability': {
      const answer = answerReachability(target.world, jsonBody(request.body));
      return json(answer.status, answer.body, target.world.clock);
    }
    case 'throttle': {
      const n = readThrottle(request.body);
      if (typeof n === 'string') return failure(400, 'InvalidParameterValue', n, target.world.clock);
      target.throttle(n);
      return json(200, { throttled: n }, target.world.clock);
    }
    default: {
      const ms = readAdvance(request.body, target.world.clock);
      if (typeof ms === 'string') return failure(400, 'InvalidParameterValue', ms, target.world.clock);
      const step = target.advanceClock(ms);
      if (!step.result.ok) return failure(step.result.error.httpStatus, step.result.error.code, step.result.error.message, target.world.clock);
      const { Clock, Fired } = step.result.value;
      return json(200, { clock: Clock, now: new Date(Clock).toISOString(), fired: Fired }, Clock);
    }
  }
}
