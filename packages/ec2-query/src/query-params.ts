// Reading `application/x-www-form-urlencoded` text — the POST body the SDK and the CLI send, or the
// query string of a GET (spec §9.1) — into name/value pairs, exactly as WHATWG URLSearchParams does
// (`+` is a space, `%XX` bytes are UTF-8, a malformed `%` stays as it is, bad UTF-8 becomes U+FFFD),
// so no input can make it fail. It counts as it goes and stops at the limit: a request with too many
// parameters is refused without reading the rest (limits.ts).

/** One request parameter: its decoded name and value, in the order they came. */
export type Param = readonly [name: string, value: string];

const UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const ENCODE = new TextEncoder();

const hexValue = (code: number): number =>
  code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x41 && code <= 0x46 ? code - 0x37 : code >= 0x61 && code <= 0x66 ? code - 0x57 : -1;

/** WHATWG percent-decoding: a `%` not followed by two hex digits is kept as is. */
function percentDecodeLeniently(text: string): string {
  const bytes = ENCODE.encode(text);
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x25 && i + 2 < bytes.length) {
      const high = hexValue(bytes[i + 1]!);
      const low = hexValue(bytes[i + 2]!);
      if (high >= 0 && low >= 0) {
        out[n++] = (high << 4) | low;
        i += 2;
        continue;
      }
    }
    out[n++] = byte;
  }
  return UTF8.decode(out.subarray(0, n));
}

/** Decodes one name or value. */
export function decodeComponent(raw: string): string {
  const spaced = raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return percentDecodeLeniently(spaced);
  }
}

/**
 * Appends the pairs of `text` to `into`; returns false, having stopped, as soon as `into` would hold
 * more than `maxParameters`. Empty pieces (`a=1&&b=2`) are skipped, as URLSearchParams skips them.
 */
export function decodeForm(text: string, into: Param[], maxParameters: number): boolean {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = text.length;
    if (end > start) {
      if (into.length >= maxParameters) return false;
      const piece = text.slice(start, end);
      const eq = piece.indexOf('=');
      into.push(eq === -1 ? [decodeComponent(piece), ''] : [decodeComponent(piece.slice(0, eq)), decodeComponent(piece.slice(eq + 1))]);
    }
    start = end + 1;
  }
  return true;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The text of a body or query string: bytes as UTF-8, and a string made well-formed, as
 * URLSearchParams does (invalid UTF-8 and lone surrogates become U+FFFD).
 */
export function formText(body: string | Uint8Array): string {
  if (typeof body !== 'string') return UTF8.decode(body);
  return SURROGATE.test(body) ? UTF8.decode(ENCODE.encode(body)) : body;
}
