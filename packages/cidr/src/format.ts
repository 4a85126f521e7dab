// Canonical text from address words: IPv4 dotted decimal; IPv6 per RFC 5952 (lowercase, no
// leading zeros, the longest run of two or more zero groups as `::`, the first on a tie).
// Lookup tables keep the hot path to string concatenation.

const DECIMAL = Array.from({ length: 256 }, (_, i) => String(i));
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16));
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** `/0` … `/128`. */
export const SLASH_LENGTH = Array.from({ length: 129 }, (_, i) => `/${i}`);

export function formatV4(x: number): string {
  return `${DECIMAL[x >>> 24]}.${DECIMAL[(x >>> 16) & 255]}.${DECIMAL[(x >>> 8) & 255]}.${DECIMAL[x & 255]}`;
}

const groups = new Int32Array(8);

function hexGroup(g: number): string {
  const hi = g >>> 8;
  return hi === 0 ? HEX[g]! : HEX[hi]! + HEX2[g & 255]!;
}

function joinGroups(from: number, to: number): string {
  let text = '';
  for (let g = from; g < to; g++) text += g === from ? hexGroup(groups[g]!) : `:${hexGroup(groups[g]!)}`;
  return text;
}

export function formatV6(words: Uint32Array, wi: number): string {
  let bestStart = -1;
  let bestLength = 1; // a run must be at least two groups long
  let runStart = -1;
  for (let g = 0; g < 8; g++) {
    const word = words[wi + (g >>> 1)]!;
    const value = (g & 1) === 0 ? word >>> 16 : word & 0xffff;
    groups[g] = value;
    if (value === 0) {
      if (runStart < 0) runStart = g;
      if (g - runStart + 1 > bestLength) {
        bestStart = runStart;
        bestLength = g - runStart + 1;
      }
    } else {
      runStart = -1;
    }
  }
  if (bestStart < 0) return joinGroups(0, 8);
  return `${joinGroups(0, bestStart)}::${joinGroups(bestStart + bestLength, 8)}`;
}

/** Canonical text of the address held in words[wi..]. */
export function formatWords(family: 4 | 6, words: Uint32Array, wi: number): string {
  return family === 4 ? formatV4(words[wi]!) : formatV6(words, wi);
}
