// Whether two VPCs' IPv4 blocks overlap: AWS lets such a request be made and then fails it (spec §2.2),
// so the reconciler does not ask at all. Any block of one (primary or secondary) against any of the other.

/** The first and last address of a canonical IPv4 block `a.b.c.d/n`, as 32-bit numbers. */
function rangeOf(block: string): readonly [number, number] {
  const [address, length] = block.split('/');
  const start = address!.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
  return [start, start + 2 ** (32 - Number(length)) - 1];
}

/** Two blocks overlap when each starts before the other ends (equal and nested blocks included). */
export function blocksOverlap(a: string, b: string): boolean {
  const [aStart, aEnd] = rangeOf(a);
  const [bStart, bEnd] = rangeOf(b);
  return aStart <= bEnd && bStart <= aEnd;
}

/** The first pair of blocks, one from each side, that overlap; `undefined` when the sides are disjoint. */
export function firstOverlap(a: readonly string[], b: readonly string[]): readonly [string, string] | undefined {
  for (const x of a) for (const y of b) if (blocksOverlap(x, y)) return [x, y];
  return undefined;
}
