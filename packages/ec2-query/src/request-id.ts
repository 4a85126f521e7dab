// Request IDs belong to the protocol layer (DESIGN: "derived deterministically from its own seed and
// request counter"), so a refused request still gets one while the world stays untouched, and the
// same seed and the same requests give byte-identical responses. They look like AWS's: UUIDs
// (spec §9.2), version 4 and RFC 4122 variant bits set, though not random.

// A 32-bit finaliser (murmur3's): every input bit moves every output bit.
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const hex8 = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

/**
 * The `counter`-th request ID under `seed`. Distinct counters below 2^32 give distinct IDs: the
 * first 8 hex digits are a bijection of the counter's low 32 bits.
 *
 * @example
 * requestId(1, 0); // '…-…-4…-…-…', always the same
 */
export function requestId(seed: number, counter: number): string {
  const low = counter >>> 0;
  const high = Math.floor(counter / 0x1_0000_0000) >>> 0;
  const a = mix(low ^ mix(seed ^ 0x9e3779b9));
  const b = mix(high ^ mix(a ^ 0x7f4a7c15));
  const c = mix(a ^ b ^ mix(seed ^ 0x632be5ab));
  const d = mix(c ^ low ^ 0x2545f491);
  const text = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  const variant = ((parseInt(text[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-4${text.slice(13, 16)}-${variant}${text.slice(17, 20)}-${text.slice(20, 32)}`;
}
