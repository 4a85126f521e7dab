// A call that got no HTTP answer at all (refused, reset, timed out, not HTTP) says nothing about
// conformance: the run stops and the CLI exits 2 instead of reporting a divergence.

/** The target could not be reached, or did not answer with HTTP. */
export class TransportError extends Error {
  /** A transport failure, with what the client said. */
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
  }
}
