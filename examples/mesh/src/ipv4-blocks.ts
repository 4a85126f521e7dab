// Whether two VPCs' IPv4 blocks overlap: AWS lets such a request be made and then fails it (spec §2.2),
// so the reconciler does not ask at all. Any block of one (primary or secondary) against any of the other.

/** A canonical IPv4 block `a.b.c.d/n`: its first address as a 32-bit number, and its prefix length. */
function parse(block: string): { readonly start: number; readonly length: number } {
  const [address, length] = block.split('/');
  return { start: address!.split('.').reduce((value, octet) => value * 256 + Number(octet), 0), length: Number(length) };
}

/**
 * Two blocks overlap exactly when one contains the other (CIDR blocks never overlap partly): when
 * they agree on the bits of the shorter prefix. Equal and nested blocks included.
 */
export function blocksOverlap(a: string, b: string): boolean {
  const x = parse(a);
  const y = parse(b);
  const size = 2 ** (32 - Math.min(x.length, y.length));
  return Math.floor(x.start / size) === Math.floor(y.start / size);
}

/** The first pair of blocks, one from each side, that overlap; `undefined` when the sides are disjoint. */
export function firstOverlap(a: readonly string[], b: readonly string[]): readonly [string, string] | undefined {
  for (const x of a) for (const y of b) if (blocksOverlap(x, y)) return [x, y];
  return undefined;
}
