// What happens to the rest of a body over the limit (limits.ts) once its 413 is sent (issue 19).
// Closing the socket with the client's bytes still unread in it makes the kernel answer with a reset,
// and a client still sending then sees ECONNRESET instead of the 413 it was already sent (measured: 5
// of 135 two-MiB bodies). So the rest is read and thrown away — never parsed or kept — and the
// connection stays open for the next request; only a client that goes on past a bound (bytes or
// time) is cut off, long after its answer. Go's net/http and nginx's lingering close do the same.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How much of an oversized body is read and thrown away after its answer, at most. */
export interface DiscardBounds {
  /** Bytes: past them the connection is closed. */
  readonly bytes: number;
  /** Milliseconds from the answer: after them the connection is closed. */
  readonly ms: number;
}

/** The default: eight times the body limit, and ten seconds. */
export const discardBounds = (maxBodyBytes: number): DiscardBounds => ({ bytes: 8 * maxBodyBytes, ms: 10_000 });

/**
 * Writes the answer (`answer()`), then reads the rest of `request`'s body and throws it away, up to
 * `bounds`; past them, destroys the connection. The answer keeps the connection open even when the
 * client asked to close it: node would otherwise close it as soon as the answer is written — the
 * reset again. A client that asked to close closes it itself once it has its answer.
 */
export function answerThenDiscard(request: IncomingMessage, response: ServerResponse, answer: () => void, bounds: DiscardBounds): void {
  response.shouldKeepAlive = true;
  answer();
  if (request.complete) return;
  let discarded = 0;
  let cut = false;
  const cutOff = (): void => {
    if (cut) return;
    cut = true;
    clearTimeout(timer);
    // A lingering close, as nginx does: once the answer has left, a FIN, while what still arrives is
    // read and thrown away, so the kernel sends no reset that would drop the answer from the client's
    // receive queue before it is read; the socket goes once the client has closed, or after 2 s.
    const socket = request.socket;
    const close = (): void => {
      socket.end();
      setTimeout(() => socket.destroy(), 2000).unref();
    };
    if (response.writableFinished) close();
    else response.once('finish', close);
  };
  const timer = setTimeout(cutOff, bounds.ms);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > bounds.bytes) cutOff();
  });
  request.once('end', () => clearTimeout(timer));
  request.once('close', () => clearTimeout(timer));
  request.resume();
}
