// The commands that look after a data directory (issue 19) — doctor, recover, backup — as main.ts
// dispatches them: each reads its own arguments (strict parseArgs) and resolves to its exit code.
import { backup } from './backup.js';
import { doctor } from './doctor.js';
import { recover } from './recover.js';

/** Each command by name. */
export const STORE_COMMANDS: Readonly<Record<string, (argv: readonly string[]) => Promise<number>>> = { doctor, recover, backup };

/** Their lines of `pcxsim help`. */
export const STORE_USAGE = `  doctor   --data DIR
           check a data directory in full; name the last command that reads intact (exit 1 when damaged)
  recover  --data DIR --to NEWDIR
           rebuild a good data directory from the commands that can still be read; say how many were lost
  backup   --data DIR --to FILE
           copy a data directory's database with SQLite's online backup (also while serving)
`;

