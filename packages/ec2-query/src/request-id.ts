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

// Hex digits by table: formatting took more time than mixing (`toString(16)`, `padStart`, slicing
// a 32-digit string), and the server makes one ID per request (bench/README.md, "HTTP under load").
const HEX2 = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const HEX1 = '0123456789abcdef';
const hex8 = (x: number): string => HEX2[x >>> 24]! + HEX2[(x >>> 16) & 0xff]! + HEX2[(x >>> 8) & 0xff]! + HEX2[x & 0xff]!;
const hex4 = (x: number): string => HEX2[(x >>> 8) & 0xff]! + HEX2[x & 0xff]!;
const hex3 = (x: number): string => HEX1[(x >>> 8) & 0xf]! + HEX2[x & 0xff]!;

/**
 * The `counter`-th request ID under `seed`. Distinct counters below 2^32 give distinct IDs: the
 * first 8 hex digits are a bijection of the counter's low 32 bits.
 *
 * @example
 * requestId(1, 0); // '9941cd2d-a4bf-4cf1-9a81-a3d0e1c818de', always
 */
export function requestId(seed: number, counter: number): string {
  const low = counter >>> 0;
  const high = Math.floor(counter / 0x1_0000_0000) >>> 0;
  const a = mix(low ^ mix(seed ^ 0x9e3779b9));
  const b = mix(high ^ mix(a ^ 0x7f4a7c15));
  const c = mix(a ^ b ^ mix(seed ^ 0x632be5ab));
  const d = mix(c ^ low ^ 0x2545f491);
  // The 32 digits of a‖b‖c‖d, laid out as a UUID: digit 12 is the version (4), and the top two bits
  // of digit 16 the RFC 4122 variant (10).
  const variant = HEX1[((c >>> 28) & 0x3) | 0x8]!;
  return `${hex8(a)}-${hex4(b >>> 16)}-4${hex3(b & 0xfff)}-${variant}${hex3((c >>> 16) & 0xfff)}-${hex4(c & 0xffff)}${hex8(d)}`;
}
