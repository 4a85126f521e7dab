/**
 * How sure we are of an AWS fact, with the marker `docs/reference/peering.md` uses:
 * `doc` AWS documentation or API model, `obs` real AWS output quoted in public, `emu` taken
 * from an emulator, `?` found nowhere (our own choice, listed in docs/fidelity.md).
 */
export type Confidence = 'doc' | 'obs' | 'emu' | '?';

/** Where a rule comes from: the section of the spec it implements and how sure we are of it. */
export interface Provenance {
  /** Section of `docs/reference/peering.md`, e.g. `§1.2`. */
  readonly spec: string;
  /** The spec's confidence marker for the fact. */
  readonly confidence: Confidence;
}
