// The check a data directory's database passes before anything is served from it or written to it
// (issue 19): SQLite's own structural check, then the layout pcxsim expects. A damaged file is
// refused with a message that names the file, what is wrong and what to do — never served from
// whatever part of it could be read, and never changed.
import type Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { headerDamage } from './sqlite-header.js';
import { StoreError } from './store-error.js';

/** The layout of the database; a data directory of another version is refused, never rewritten. */
export const SCHEMA_VERSION = 1;

/** The columns of each table of {@link SCHEMA_VERSION}, in order. */
export const LAYOUT: Readonly<Record<string, readonly string[]>> = {
  meta: ['key', 'value'],
  commands: ['seq', 'clock', 'caller', 'command', 'events'],
  snapshots: ['seq', 'world'],
};

/** The code and message of an error SQLite raised (`SQLITE_CORRUPT: database disk image is malformed`). */
export function describeSqliteError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && code.startsWith('SQLITE_') ? `${code}: ${message}` : message;
}

/**
 * SQLite's check of the file's structure: `quick_check` (every page and b-tree, in one pass over
 * the file) or, for `pcxsim doctor`, the slower `integrity_check` (also every index against its
 * table). The problems it lists, or none. A file too damaged to be checked at all (its header is
 * garbage) is one problem: the error SQLite raised.
 */
export function structuralProblems(db: Database.Database, pragma: 'quick_check' | 'integrity_check'): string[] {
  try {
    const rows = db.pragma(pragma) as Record<string, unknown>[];
    // A row may hold several problems, one a line, under a heading that names the database.
    const problems = rows.flatMap((row) => String(Object.values(row)[0]).split('\n')).filter((line) => !/^\*\*\* in database \w+ \*\*\*$/.test(line));
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } catch (error) {
    return [describeSqliteError(error)];
  }
}

/** How the layout looks: a database with no table yet, pcxsim's, another version of it, or damaged. */
export type Layout =
  | { readonly kind: 'empty' }
  | { readonly kind: 'pcxsim' }
  | { readonly kind: 'other-version'; readonly version: string }
  | { readonly kind: 'damaged'; readonly what: string };

/** Whether the database has pcxsim's layout, of the version this pcxsim reads. */
export function layoutOf(db: Database.Database): Layout {
  const tables = new Map<string, string[]>();
  try {
    for (const { name } of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]) {
      tables.set(name, (db.pragma(`table_info(${JSON.stringify(name)})`) as { name: string }[]).map((column) => column.name));
    }
  } catch (error) {
    return { kind: 'damaged', what: `its schema cannot be read (${describeSqliteError(error)})` };
  }
  if (tables.size === 0) return { kind: 'empty' };
  for (const [table, columns] of Object.entries(LAYOUT)) {
    const found = tables.get(table);
    if (found === undefined) return { kind: 'damaged', what: `it has no ${table} table (it is not a pcxsim store, or its schema was damaged)` };
    if (found.join(',') !== columns.join(',')) {
      return { kind: 'damaged', what: `its ${table} table has the columns (${found.join(', ')}), not (${columns.join(', ')})` };
    }
  }
  let version: string | undefined;
  try {
    version = (db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value;
    JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'world_options'").get() as { value: string } | undefined)?.value ?? '');
  } catch (error) {
    return { kind: 'damaged', what: `its settings (the meta table) cannot be read (${describeSqliteError(error)})` };
  }
  if (version === undefined) return { kind: 'damaged', what: 'it records no schema version (its meta table was damaged)' };
  return version === String(SCHEMA_VERSION) ? { kind: 'pcxsim' } : { kind: 'other-version', version };
}

/** What to do about a damaged data directory: the commands that look at it and rebuild it. */
export function whatToDo(dir: string): string {
  return (
    `Nothing was served or changed. \`pcxsim doctor --data ${dir}\` shows which commands can still be read; ` +
    `\`pcxsim recover --data ${dir} --to NEWDIR\` rebuilds a good directory from them (or serve a backup: ` +
    'copy it to NEWDIR/pcxsim.sqlite and run `pcxsim serve --data NEWDIR`).'
  );
}

/**
 * Checks the database of data directory `dir` before it is used; `new` when it holds no table yet
 * (the store creates its own), `pcxsim` when it is a sound store this pcxsim reads. Anything else
 * is a {@link StoreError} naming `file`, what is wrong and what to do. `emptyFile` says the file
 * was there before opening with no byte in it and no write-ahead log beside it: the trace of a
 * truncation, never of a store pcxsim created, so it is refused rather than taken for a new one.
 */
export function checkDatabase(db: Database.Database, file: string, dir: string, emptyFile: boolean): 'new' | 'pcxsim' {
  if (emptyFile) {
    throw new StoreError(
      `${file} is empty (0 bytes) and holds no pcxsim store: if it held your data, it was cut off (restore a backup); ` +
        'if the directory is new, delete the file. Nothing was served or changed.',
    );
  }
  const header = existsSync(file) && statSync(file).size > 0 ? headerDamage(file) : undefined;
  if (header?.kind === 'newer-format') throw new StoreError(`${file} cannot be read: ${header.what}. Serve it with the pcxsim that wrote it (nothing was changed).`);
  if (header !== undefined) throw new StoreError(`${file} is damaged: ${header.what}. ${whatToDo(dir)}`);
  const problems = structuralProblems(db, 'quick_check');
  if (problems.length > 0) {
    throw new StoreError(
      `${file} is damaged: SQLite's quick_check found ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}, ` +
        `the first: ${problems[0]}. ${whatToDo(dir)}`,
    );
  }
  const layout = layoutOf(db);
  switch (layout.kind) {
    case 'empty':
      return 'new';
    case 'pcxsim':
      return 'pcxsim';
    case 'other-version':
      throw new StoreError(
        `${file} was written by a pcxsim with store schema ${layout.version}; this one reads schema ${SCHEMA_VERSION}. ` +
          'Serve it with a pcxsim that reads that schema, or use another --data directory (nothing was changed).',
      );
    case 'damaged':
      throw new StoreError(`${file} is damaged: ${layout.what}. ${whatToDo(dir)}`);
  }
}
