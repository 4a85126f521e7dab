/** An address family: 4 for IPv4, 6 for IPv6. */
export type Family = 4 | 6;

/** How many 32-bit words hold an address of the family (big-endian, word 0 most significant). */
export type WordCount = 1 | 4;

export const wordCount = (family: Family): WordCount => (family === 4 ? 1 : 4);

export const bitCount = (family: Family): 32 | 128 => (family === 4 ? 32 : 128);
