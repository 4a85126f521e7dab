// The one code path every request takes, whichever way it came in (issue 5): limits, parameters,
// who is calling, the engine, the document. The endpoint also holds the world between requests —
// the only mutable thing in pcxsim above the pure engine — with the request counter its request IDs
// come from, and tells an embedder of every change (hooks.ts).
import {
  apply,
  createWorld,
  reachability,
  type Caller,
  type Command,
  type ReachabilityQuery,
  type Result,
  type ReachabilityAnalysis,
  type SimulationCommand,
  type Step,
  type World,
  type WorldOptions,
} from '@pcxsim/engine';
import { ACTIONS } from './actions.js';
import { CLOCK_HEADER, clockHeader } from './clock-header.js';
import { CONTROL_PREFIX, handleControl, type ControlTarget } from './control-api.js';
import * as errors from './errors.js';
import type { WireError } from './errors.js';
import type { AnsweredRequest, AppliedCommand, IncomingRequest } from './hooks.js';
import { callerOf, PRESIGN_PARAMS, signatureOf, type IdentityOptions, type SigV4Signature } from './identity.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { decodeForm, formText, type Param } from './query-params.js';
import { requestId } from './request-id.js';
import { toCommand } from './request.js';
import { signatureMatches } from './sigv4.js';
import { byteLength, type WireRequest, type WireResponse } from './wire.js';
import { errorDocument, successDocument } from './xml.js';

/** Signature verification: on when given. */
export interface SignatureOptions {
  /** The secret access key of each access key ID; a request signed with any other key is refused. */
  readonly secrets: Readonly<Record<string, string>>;
}

/** How an {@link Ec2Endpoint} is set up. Everything is optional. */
export interface EndpointOptions {
  /** The world to start from (a snapshot, say); default: `createWorld(worldOptions)`. */
  readonly world?: World;
  /** The options of the world to create when `world` is not given. */
  readonly worldOptions?: WorldOptions;
  /** Access keys to accounts, and the caller of unsigned requests. */
  readonly identity?: IdentityOptions;
  /** Check signatures against these secrets (off when absent): a bad or missing signature is refused. */
  readonly signatures?: SignatureOptions;
  /** The seed of the request IDs; default the world's seed. */
  readonly requestIdSeed?: number;
  /** Request limits to change; the others keep {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<Limits>;
  /** Serve the control API under `/_pcxsim/` (default true). */
  readonly controlApi?: boolean;
  /**
   * Called for every command that changed the world — EC2 actions and clock steps alike — in the
   * order they were applied, with the world after it. A request's answer waits for the returned
   * promise (a durable store appends here); if it rejects, the answer is 500 `InternalError`.
   */
  readonly onApplied?: (applied: AppliedCommand, world: World) => void | Promise<void>;
  /** Called when the control API (or {@link Ec2Endpoint.reset}) replaced the world by an empty one. */
  readonly onReset?: (world: World) => void | Promise<void>;
  /** Called once for every answered request, for logs. */
  readonly onAnswered?: (answered: AnsweredRequest) => void;
  /**
   * Asked by `GET /_pcxsim/health`: why changes cannot be kept now (a store that cannot write),
   * answered 503 with that reason; `undefined` when they can.
   */
  readonly health?: () => string | undefined;
  /**
   * Fault injection, for test harnesses: called for every EC2 request once its caller is known,
   * before it is parsed. An error returned is the answer (the world untouched); `undefined` lets the
   * request through, and then it is parsed and applied with no await in between — so a simulation
   * command the hook runs (see {@link Ec2Endpoint.simulate}) takes effect for exactly this request.
   * If it throws, the answer is 500 `InternalError`.
   */
  readonly injectFault?: (request: IncomingRequest) => WireError | undefined;
  /**
   * A wall clock, epoch ms. When given, the simulated clock is moved up to it (an `AdvanceClock`,
   * reported to `onApplied`) before each request; without it the clock moves only when told.
   */
  readonly now?: () => number;
}

/** What is learnt about a request while answering it, for {@link EndpointOptions.onAnswered}. */
interface Notes {
  action: string | undefined;
  caller: Caller | undefined;
  requestId: string | undefined;
  cause?: string;
}

/** Whether an embedder's hook gave something to wait for (a promise, or any thenable `await` would take). */
const isThenable = (value: unknown): value is PromiseLike<void> =>
  (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as PromiseLike<void>).then === 'function';

const NO_IDENTITY: IdentityOptions = Object.freeze({});

/** The response content type EC2 uses (spec §9.3). */
const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';

/**
 * An EC2 Query endpoint over one simulated world: give it requests ({@link Ec2Endpoint.handle}),
 * get responses. The node:http handler and the in-process SDK handler are thin adapters around it.
 *
 * @example
 * const endpoint = new Ec2Endpoint({ worldOptions: { seed: 7 } });
 * const response = await endpoint.handle({
 *   method: 'POST', path: '/', query: '', headers: {},
 *   body: 'Action=DescribeVpcs&Version=2016-11-15',
 * });
 * response.status; // 200
 */
export class Ec2Endpoint implements ControlTarget {
  private current: World;
  private counter = 0;
  private durable: Promise<void> | void = undefined;
  private throttled = 0;
  // Worlds whose change the embedder failed to keep (see undo).
  private readonly abandoned = new WeakSet<World>();
  private readonly options: EndpointOptions;
  private readonly seed: number;
  private readonly initial: WorldOptions;
  /** The request limits in force. */
  readonly limits: Limits;

  /** An endpoint with `options`. */
  constructor(options: EndpointOptions = {}) {
    this.options = options;
    this.current = options.world ?? createWorld(options.worldOptions);
    this.initial = options.world?.config ?? options.worldOptions ?? {};
    this.seed = options.requestIdSeed ?? this.current.config.seed;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  /** The world now. */
  get world(): World {
    return this.current;
  }

  /** How many EC2 requests have been answered since the start or the last reset. */
  get requestCount(): number {
    return this.counter;
  }

  /** Replaces the world by an empty one with the same configuration; request IDs start over. */
  reset(): void {
    this.current = createWorld(this.initial);
    this.counter = 0;
    this.throttled = 0;
    this.durable = this.options.onReset?.(this.current);
  }

  /**
   * Advances the simulated clock by `ms` (running what falls due) and keeps the new world. The change
   * is reported to `onApplied`; a request that made it waits for that, a direct call does not.
   */
  advanceClock(ms: number): Step<'AdvanceClock'> {
    return this.simulate({ type: 'AdvanceClock', Milliseconds: ms });
  }

  /**
   * Applies one of the simulation's own commands — `AdvanceClock`, or `FailPeeringChecks` to make
   * the next requests created end `failed` — and keeps the new world. Reported to `onApplied` as
   * {@link Ec2Endpoint.advanceClock} is.
   */
  simulate<C extends SimulationCommand>(command: C): Step<C['type']> {
    const before = this.current;
    // The engine's own caller for clock steps (as its advanceClock helper): replaying the logged
    // (caller, command) gives the same world.
    const caller: Caller = { accountId: '000000000000', region: before.config.regions[0] ?? '' };
    const step = apply(before, caller, command);
    const pending = this.commit(before, caller, command, step);
    if (pending !== undefined) this.durable = pending;
    return step;
  }

  /**
   * "Why can't this subnet reach that address?" on the world now, as `caller` (issue 13): the
   * engine's `reachability`, for embedders; over HTTP it is `POST /_pcxsim/reachability`.
   */
  reachability(caller: Caller, query: ReachabilityQuery): Result<ReachabilityAnalysis> {
    return reachability(this.current, caller, query);
  }

  /** Answers the next `requests` EC2 requests with `RequestLimitExceeded` (503), changing nothing. */
  throttle(requests: number): void {
    this.throttled = requests;
  }

  /** Why changes cannot be kept now ({@link EndpointOptions.health}), or `undefined` when they can. */
  health(): string | undefined {
    return this.options.health?.();
  }

  /**
   * Answers one request: the control API under `/_pcxsim/`, EC2 everywhere else. Never throws and
   * never answers 500 for any input; a refused request leaves the world as it was.
   */
  async handle(request: WireRequest): Promise<WireResponse> {
    return this.answerNowOrLater(request);
  }

  /**
   * {@link Ec2Endpoint.handle} for an adapter that can write an answer at once: the answer itself
   * when nothing had to be waited for (no durable store, no signature check), else a promise of it.
   * The node:http listener takes this path, so that a request answered from memory costs no promise
   * and no trip through the microtask queue (bench/README.md, "HTTP under load").
   */
  answerNowOrLater(request: WireRequest): WireResponse | Promise<WireResponse> {
    if (byteLength(request.body) > this.limits.maxBodyBytes) return this.oversized(request);
    const started = this.options.onAnswered === undefined ? 0 : performance.now();
    const notes: Notes = { action: undefined, caller: undefined, requestId: undefined };
    const routed = this.route(request, notes);
    if (!(routed instanceof Promise)) {
      this.told(request, routed, notes, started);
      return routed;
    }
    return routed.then((response) => {
      this.told(request, response, notes, started);
      return response;
    });
  }

  /**
   * The answer to `request` when its body is over {@link Limits.maxBodyBytes}, for an adapter that
   * stops reading the body there (413, the world untouched).
   */
  oversized(request: Pick<WireRequest, 'method' | 'path'>): WireResponse {
    const started = this.options.onAnswered === undefined ? 0 : performance.now();
    const error = errors.bodyTooLarge(this.limits.maxBodyBytes);
    const notes: Notes = { action: undefined, caller: undefined, requestId: undefined };
    let response: WireResponse;
    if (this.isControl(request.path)) {
      const body = JSON.stringify({ error: { code: error.code, message: error.message } });
      response = { status: error.httpStatus, headers: { 'content-type': 'application/json', ...clockHeader(this.current.clock) }, body };
    } else {
      notes.requestId = requestId(this.seed, this.counter++);
      response = this.respond(error, notes.requestId);
    }
    this.told(request, response, notes, started);
    return response;
  }

  private isControl(path: string): boolean {
    return this.options.controlApi !== false && path.startsWith(CONTROL_PREFIX);
  }

  // A request that needs no wait (no durable store, no signature to check) is answered without
  // giving up the thread: each `await` of a value that is no promise still costs a trip through the
  // microtask queue and its allocations (bench/README.md, "HTTP under load"). The order requests are
  // applied in stays the order they arrive either way.
  private route(request: WireRequest, notes: Notes): WireResponse | Promise<WireResponse> {
    const control = this.isControl(request.path);
    if (!control) notes.requestId = requestId(this.seed, this.counter++);
    // A fault of pcxsim itself, or an embedder's onApplied that failed: the log line names the cause.
    // Its handler is made only on the paths that wait: a request answered at once allocates none.
    try {
      // A clock step the embedder cannot keep (a full disk) is undone; the request is still answered,
      // from the world as it was: reads keep working, and a change fails on its own.
      const caughtUp = this.catchUpTolerantly();
      if (caughtUp !== undefined) {
        return caughtUp.then(() => this.routed(request, notes, control)).then(undefined, (cause: unknown) => this.failure(cause, notes, control));
      }
      const routed = this.routed(request, notes, control);
      return routed instanceof Promise ? routed.then(undefined, (cause: unknown) => this.failure(cause, notes, control)) : routed;
    } catch (cause) {
      return this.failure(cause, notes, control);
    }
  }

  private failure(cause: unknown, notes: Notes, control: boolean): WireResponse {
    notes.cause = cause instanceof Error ? cause.message : String(cause);
    return this.internalError(control, notes);
  }

  private routed(request: WireRequest, notes: Notes, control: boolean): WireResponse | Promise<WireResponse> {
    if (!control) return this.ec2(request, notes.requestId!, notes);
    notes.action = request.path;
    const response = handleControl(this, request);
    const durable = this.settle();
    return durable === undefined ? response : durable.then(() => response);
  }

  // A fault of pcxsim itself, or an embedder's onApplied that failed: never the client's doing.
  private internalError(control: boolean, notes: Notes): WireResponse {
    const error = errors.internalError();
    if (!control) return this.respond(error, notes.requestId!);
    return { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: { code: error.code, message: error.message } }) };
  }

  // The wall clock's catch-up, with a step the embedder cannot keep (thrown at once or failed later)
  // set aside: it has been undone, and the request goes on against the world as it was.
  private catchUpTolerantly(): Promise<void> | undefined {
    if (this.options.now === undefined) return undefined;
    let kept: Promise<void> | undefined;
    try {
      kept = this.catchUp(this.options.now());
    } catch {
      return undefined;
    }
    return kept?.then(undefined, () => undefined);
  }

  // With a wall clock: the simulated clock moves up to it before the request is looked at. Gives
  // what to wait for when the step is being kept by the embedder.
  private catchUp(now: number): Promise<void> | undefined {
    if (!(now > this.current.clock)) return undefined;
    this.advanceClock(Math.floor(now - this.current.clock));
    return this.settle();
  }

  /** What to wait for until the last clock step or reset the embedder was told of is done with, if anything. */
  private settle(): Promise<void> | undefined {
    const durable = this.durable;
    this.durable = undefined;
    return isThenable(durable) ? Promise.resolve(durable) : undefined;
  }

  /**
   * Keeps the world a command made; tells onApplied when it changed anything. When onApplied fails
   * (the embedder's store could not keep the change), the change is undone, so a client that got
   * InternalError finds the world as it was.
   */
  private commit(before: World, caller: Caller, command: Command, step: Step): Promise<void> | void {
    if (step.world === before) return;
    this.current = step.world;
    const listener = this.options.onApplied;
    if (listener === undefined) return;
    let told: void | Promise<void>;
    try {
      told = listener({ clock: before.clock, caller, command, events: step.events }, step.world);
    } catch (error) {
      this.undo(before, step.world);
      throw error;
    }
    return told?.then(undefined, (error: unknown) => {
      this.undo(before, step.world);
      throw error;
    });
  }

  /**
   * Undoes a change its embedder could not keep. Changes that failed together (one group commit)
   * are undone in order: only the first goes back to its `before`, the later ones were built on a
   * world that is already abandoned.
   */
  private undo(before: World, after: World): void {
    if (!this.abandoned.has(before)) this.current = before;
    this.abandoned.add(after);
  }

  private ec2(request: WireRequest, id: string, notes: Notes): WireResponse | Promise<WireResponse> {
    if (request.method !== 'GET' && request.method !== 'POST') {
      const response = this.respond(errors.methodNotAllowed(request.method), id);
      return { ...response, headers: { ...response.headers, allow: 'GET, POST' } };
    }

    // Query string first, then (for POST) the form body; both count against the limit.
    const fromQuery: Param[] = [];
    if (request.query !== '' && !decodeForm(formText(request.query), fromQuery, this.limits.maxParameters)) {
      return this.respond(errors.tooManyParameters(this.limits.maxParameters), id);
    }
    const params: Param[] = fromQuery.length === 0 ? [] : fromQuery.filter(([name]) => !PRESIGN_PARAMS.has(name));
    if (request.method === 'POST' && !decodeForm(formText(request.body), params, this.limits.maxParameters - (fromQuery.length - params.length))) {
      return this.respond(errors.tooManyParameters(this.limits.maxParameters), id);
    }
    // The action as sent names the request in logs whatever its answer: an action pcxsim does not
    // serve, a throttled call and a malformed one are the lines a user reads to find what failed.
    const action = params.find(([name]) => name === 'Action')?.[1];
    notes.action = action;

    const signature = signatureOf(request.headers['authorization'], fromQuery);
    const verify = this.options.signatures;
    if (verify !== undefined) {
      const key = signature?.scope.accessKeyId;
      const secret = key !== undefined && Object.prototype.hasOwnProperty.call(verify.secrets, key) ? verify.secrets[key] : undefined;
      if (signature === undefined || secret === undefined) return this.respond(errors.authFailure(), id);
      return signatureMatches({ ...request, query: fromQuery }, signature, secret).then((genuine) =>
        genuine ? this.applyEc2(params, signature, id, notes) : this.respond(errors.signatureDoesNotMatch(), id),
      );
    }
    return this.applyEc2(params, signature, id, notes);
  }

  // From a request known to be answered (limits, parameters, signature passed) to its answer: who
  // calls, any injected fault, the command, the engine, the document — with no await in between.
  private applyEc2(params: readonly Param[], signature: SigV4Signature | undefined, id: string, notes: Notes): WireResponse | Promise<WireResponse> {
    const caller = callerOf(signature, this.options.identity ?? NO_IDENTITY);
    notes.caller = caller;
    // Throttled once the caller is known, so that the log says who was throttled and for what.
    if (this.throttled > 0) {
      this.throttled--;
      return this.respond(errors.requestLimitExceeded(), id);
    }
    if (this.options.injectFault !== undefined) {
      const fault = this.options.injectFault({ action: notes.action, caller, requestId: id });
      if (fault !== undefined) return this.respond(fault, id);
    }

    const parsed = toCommand(params, this.limits.maxListIndex);
    if (!parsed.ok) return this.respond(parsed.error, id);
    const before = this.current;
    const step = apply(before, caller, parsed.command);
    if (!step.result.ok) return this.respond(step.result.error, id);
    const kept = this.commit(before, caller, parsed.command, step);
    const { action } = parsed;
    const output = step.result.value;
    const answer = (): WireResponse => this.answer(200, successDocument(action, ACTIONS[action], output, id), id);
    return isThenable(kept) ? Promise.resolve(kept).then(answer) : answer();
  }

  private told(request: Pick<WireRequest, 'method' | 'path'>, response: WireResponse, notes: Notes, started: number): void {
    const listener = this.options.onAnswered;
    if (listener === undefined) return;
    const error = response.status === 200 ? undefined : /<Code>([^<]*)<\/Code>|"code":"([^"]*)"/.exec(response.body);
    try {
      listener({
        method: request.method,
        path: request.path,
        action: notes.action,
        accountId: notes.caller?.accountId,
        region: notes.caller?.region,
        status: response.status,
        errorCode: error?.[1] ?? error?.[2],
        requestId: notes.requestId,
        ...(notes.cause === undefined ? {} : { cause: notes.cause }),
        ms: performance.now() - started,
      });
    } catch {
      // A logger that throws must not turn an answer into a crash.
    }
  }

  private respond(error: WireError, id: string): WireResponse {
    return this.answer(error.httpStatus, errorDocument(error, id), id);
  }

  // ecosystem.md §1.2: the JS SDK reads the request ID only from `x-amzn-requestid`. The simulated
  // now goes in its own header, not in Date (clock-header.ts).
  private answer(status: number, body: string, id: string): WireResponse {
    return {
      status,
      headers: { 'content-type': XML_CONTENT_TYPE, 'x-amzn-requestid': id, [CLOCK_HEADER]: this.clockText() },
      body,
    };
  }

  // The clock moves at most once a millisecond under a wall clock and many requests share each
  // value, so its ISO text is made once per value (`clockHeader` was ~1% of the endpoint's profile).
  private clockShown = Number.NaN;
  private clockShownText = '';
  private clockText(): string {
    const now = this.current.clock;
    if (now !== this.clockShown) {
      this.clockShownText = clockHeader(now)[CLOCK_HEADER];
      this.clockShown = now;
    }
    return this.clockShownText;
  }
}
