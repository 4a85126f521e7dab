// What an embedder hears from an endpoint (EndpointOptions.onApplied / onAnswered): every change to
// the world, as the (caller, command) that made it — enough to keep a durable log and rebuild the
// world by applying the same commands again (the engine is deterministic) — and one record per
// answered request, for logs. And one hook that can change an answer: a test harness may answer a
// request with an error instead (fault injection), before it reaches the engine.
import type { Caller, Command, EngineEvent } from '@pcxsim/engine';

/** A command that changed the world. */
export interface AppliedCommand {
  /** The world's clock (epoch ms) when it was applied. */
  readonly clock: number;
  /** Who sent it (for a clock step: the engine's own caller). */
  readonly caller: Caller;
  /** The command, exactly as applied: an EC2 action's, or `AdvanceClock`. */
  readonly command: Command;
  /** What it did. */
  readonly events: readonly EngineEvent[];
}

/** One answered request. */
export interface AnsweredRequest {
  /** The HTTP method. */
  readonly method: string;
  /** The path. */
  readonly path: string;
  /**
   * The `Action` parameter as sent, whether pcxsim serves it or not (`undefined` without one, or for
   * a request refused before its parameters were read); for the control API, the route.
   */
  readonly action: string | undefined;
  /** The calling account, once known. */
  readonly accountId: string | undefined;
  /** The calling Region, once known. */
  readonly region: string | undefined;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The EC2 error code, when the answer is an error. */
  readonly errorCode: string | undefined;
  /** The request ID (EC2 requests only). */
  readonly requestId: string | undefined;
  /** Wall-clock milliseconds spent answering (for logs only: nothing in the answer depends on it). */
  readonly ms: number;
}

/** An EC2 request about to be parsed and applied, for `EndpointOptions.injectFault`. */
export interface IncomingRequest {
  /** The `Action` parameter as sent (it may name no action pcxsim serves); `undefined` without one. */
  readonly action: string | undefined;
  /** Who is calling. */
  readonly caller: Caller;
  /** The request ID its answer carries. */
  readonly requestId: string;
}
