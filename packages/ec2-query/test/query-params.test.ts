// Form decoding (spec §9.1: POST bodies and GET query strings) is WHATWG URLSearchParams exactly —
// the decoder ecosystem.md §1.1 recommends — for any text, however malformed; and it stops counting
// at the parameter limit without reading on.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decodeForm, formText, type Param } from '../src/index.js';

// ASCII text rich in the characters that matter: separators, `+`, `%` with and without hex digits,
// encoded multi-byte and invalid UTF-8. (Raw non-ASCII is left out of the comparison: Node 20's
// URLSearchParams reads it wrongly when a `%` is near — its parser treats code units as bytes.)
const formish = fc
  .array(
    fc.oneof(
      fc.constantFrom('&', '=', '+', '%', '%2', '%41', '%2B', '%26', '%3D', '%e2%82%ac', '%FF', '%c3', '%zz', '%F0%9F%98%80', 'Filter.1.Value', '.'),
      fc.string({ unit: 'binary-ascii', maxLength: 3 }),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

const decode = (text: string, max = 100_000): { complete: boolean; params: Param[] } => {
  const params: Param[] = [];
  const complete = decodeForm(formText(text), params, max);
  return { complete, params };
};

describe('decodeForm', () => {
  test.prop([formish])('gives what URLSearchParams gives, for any text', (text) => {
    expect(decode(text)).toEqual({ complete: true, params: [...new URLSearchParams(`&${text}`)] }); // '&': the constructor would drop a leading '?'
  });

  test.prop([fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), { maxLength: 6 })])(
    'any names and values, percent-encoded as clients encode them, come back exactly',
    (pairs) => {
      const text = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
      expect(decode(text).params).toEqual(pairs);
    },
  );

  test('raw non-ASCII text is read as its UTF-8 bytes, as WHATWG says: "é%41" is "éA"', () => {
    expect(decode('%C3%A9=\u00e9%41&\u{1F600}+%F0%9F%98%80').params).toEqual([
      ['é', 'éA'],
      ['\u{1F600} \u{1F600}', ''],
    ]);
  });

  test('a lone surrogate (only an in-process string can hold one) becomes U+FFFD, as in URLSearchParams', () => {
    expect(decode('a=x\ud800y&b\udc00=%41').params).toEqual([
      ['a', 'x\ufffdy'],
      ['b\ufffd', 'A'],
    ]);
  });

  test.prop([fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })])(
    'stops at the limit: false once a parameter more than the limit comes, with exactly the limit read',
    (count, max) => {
      const text = Array.from({ length: count }, (_, i) => `p${i}=${i}`).join('&');
      const { complete, params } = decode(text, max);
      expect(complete).toBe(count <= max);
      expect(params.length).toBe(Math.min(count, max));
    },
  );

  test('bytes are read as UTF-8, invalid sequences as U+FFFD', () => {
    expect(formText(Uint8Array.from([0x61, 0x3d, 0xe2, 0x82, 0xac, 0xff]))).toBe('a=€\ufffd');
  });

  // Any bytes — ASCII or not, in a Buffer that is a slice of a larger one as node:http's are — read as
  // the WHATWG decoder reads them (a latin1 shortcut for ASCII bodies was tried and measured slower:
  // bench/README.md, "HTTP under load").
  test.prop([fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ max: 0x7f, maxLength: 64 }), fc.nat(8)])(
    'any bytes read as TextDecoder reads them, slices of larger buffers included',
    (any, ascii, offset) => {
      const whatwg = new TextDecoder('utf-8', { ignoreBOM: true });
      for (const bytes of [any, ascii]) {
        const inLarger = Buffer.concat([Buffer.alloc(offset, 0x41), bytes, Buffer.from('%&')]).subarray(offset, offset + bytes.length);
        expect(formText(bytes)).toBe(whatwg.decode(bytes));
        expect(formText(inLarger)).toBe(whatwg.decode(bytes));
      }
    },
  );
});
