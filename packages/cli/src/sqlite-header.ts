// The first 100 bytes of a SQLite database file (https://www.sqlite.org/fileformat2.html, its section 1.3), read
// by pcxsim itself: SQLite answers a damaged header with "file is not a database" and a cut-off file
// with "database disk image is malformed", which say neither what happened nor what to do. And for
// `pcxsim doctor`/`recover`, a copy with the header made readable again, from which SQLite reads
// what the pages still hold.
import { closeSync, copyFileSync, existsSync, openSync, readSync, statSync, writeSync } from 'node:fs';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
// pcxsim never sets another page size: a header rebuilt from nothing assumes SQLite's default.
const DEFAULT_PAGE_SIZE = 4096;

/** What is wrong with a file's header. */
export type HeaderDamage =
  | { readonly kind: 'garbled'; readonly what: string }
  | { readonly kind: 'newer-format'; readonly what: string }
  | { readonly kind: 'truncated'; readonly what: string };

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

function pageSizeOf(header: Buffer): number | undefined {
  const raw = header.readUInt16BE(16);
  const size = raw === 1 ? 65536 : raw;
  return size >= 512 && (size & (size - 1)) === 0 ? size : undefined;
}

/**
 * What is wrong with the header of `file` (a file of at least one byte), or `undefined`. A file
 * shorter than its header says is only cut off when no write-ahead log beside it may hold the rest.
 */
export function headerDamage(file: string): HeaderDamage | undefined {
  const size = statSync(file).size;
  const header = readHeader(file);
  if (size < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { kind: 'garbled', what: "it does not begin with SQLite's header ('SQLite format 3'): its first bytes were overwritten, or it is not a SQLite database" };
  }
  const pageSize = pageSizeOf(header);
  if (pageSize === undefined) return { kind: 'garbled', what: `its header gives the page size ${header.readUInt16BE(16)}, which SQLite never writes: the header was overwritten` };
  const readVersion = header[19]!;
  if (readVersion > 2) return { kind: 'newer-format', what: `its header says SQLite file format ${readVersion}, newer than this SQLite reads (1 and 2)` };
  // The page count is valid when the change counter matches version-valid-for (section 1.3.7 of the file format).
  const pages = header.readUInt32BE(28);
  const sizeValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  const wal = `${file}-wal`;
  const walHolds = existsSync(wal) && statSync(wal).size > 0;
  if (sizeValid && !walHolds && pages * pageSize > size) {
    return { kind: 'truncated', what: `it was cut off: its header says ${pages} pages (${pages * pageSize} bytes) but the file has ${size} bytes` };
  }
  return undefined;
}

/**
 * Copies `file` (and its write-ahead log) to `copy` with a header SQLite can read: a garbled one
 * rebuilt as pcxsim's are written, a cut-off file's page count marked stale so SQLite counts the
 * pages that are there. The damaged pages stay damaged; what the others hold becomes readable.
 */
export function readableCopy(file: string, copy: string, damage: HeaderDamage): void {
  copyFileSync(file, copy);
  const wal = `${file}-wal`;
  if (existsSync(wal)) copyFileSync(wal, `${copy}-wal`);
  const header = readHeader(copy);
  if (damage.kind === 'garbled') {
    header.fill(0);
    MAGIC.copy(header, 0);
    header.writeUInt16BE(DEFAULT_PAGE_SIZE, 16);
    header[18] = 2; // WAL, as pcxsim writes them
    header[19] = 2;
    header[21] = 64; // payload fractions: fixed by the format
    header[22] = 32;
    header[23] = 32;
    header.writeUInt32BE(4, 44); // schema format 4
    header.writeUInt32BE(1, 56); // UTF-8
  }
  // A change counter that differs from version-valid-for: SQLite takes the page count from the file size.
  header.writeUInt32BE(header.readUInt32BE(92) + 1, 24);
  const fd = openSync(copy, 'r+');
  try {
    writeSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
}
