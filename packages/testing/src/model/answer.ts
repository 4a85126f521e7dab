import type { Result } from '@pcxsim/engine';

/** What one side answered to a step: the SDK-shaped output, or the EC2 error. */
export type Answer = AnswerOk | AnswerError;

/** A step that succeeded. */
export interface AnswerOk {
  /** Discriminant. */
  readonly ok: true;
  /** The SDK-shaped output (the engine's and `@aws-sdk/client-ec2`'s are the same shape). */
  readonly output: unknown;
}

/** A step that was refused. */
export interface AnswerError {
  /** Discriminant. */
  readonly ok: false;
  /** The EC2 error code, e.g. `InvalidVpcPeeringConnectionID.NotFound`. */
  readonly code: string;
  /** The message, when known. */
  readonly message?: string | undefined;
  /** The HTTP status, when known. */
  readonly httpStatus?: number | undefined;
}

/** The engine's result of a step as an {@link Answer}. */
export function answerOf(result: Result<unknown>): Answer {
  return result.ok
    ? { ok: true, output: result.value }
    : { ok: false, code: result.error.code, message: result.error.message, httpStatus: result.error.httpStatus };
}
