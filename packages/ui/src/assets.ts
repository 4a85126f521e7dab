// The page's script, for the server that serves it. A packed package carries it prebuilt in
// dist/browser (its prepack, and the root `pnpm run build`, run scripts/build-bundles.mjs); run from
// its sources (vitest, the workspace) it is bundled from browser/*.ts on first use with esbuild, so
// it is never stale. esbuild is then a devDependency found in the workspace; a packed install never
// needs it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The two scripts: the live view and the playground. */
export type BundleName = 'live' | 'playground';

/** What {@link bundle} needs beyond the entry: values to define for the playground (its scenarios). */
export interface BundleExtras {
  /** Global identifiers replaced by JSON text at build time (esbuild `define`). */
  readonly define?: Readonly<Record<string, string>>;
}

interface EsbuildLike {
  buildSync(options: Record<string, unknown>): { outputFiles?: { text: string }[] };
}

/**
 * Bundles `browser/<name>.ts` (and everything it imports, the engine included) into one minified
 * IIFE script, in memory. Needs esbuild (a devDependency of this package).
 */
export function bundle(name: BundleName, extras: BundleExtras = {}): string {
  const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildLike;
  const entry = fileURLToPath(new URL(`../browser/${name}.ts`, import.meta.url));
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    // The workspace's packages are read from their sources, as vitest reads them.
    conditions: ['source'],
    define: { __PCXSIM_SCENARIOS__: '[]', ...extras.define },
  });
  const text = result.outputFiles?.[0]?.text;
  if (text === undefined) throw new Error(`esbuild gave no output for ${entry}`);
  return text;
}

// Run from src/ (a .ts module): build from sources. Run from dist/: read the prebuilt file, or (a
// workspace built by `tsc -b` alone, without scripts/build-bundles.mjs) build it from sources too.
const fromSources = import.meta.url.endsWith('.ts');
let live: string | undefined;

function prebuilt(): string | undefined {
  try {
    return readFileSync(new URL('./browser/live.js', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}

/** The live view's script: prebuilt when packed, bundled once from sources otherwise. */
export function liveScript(): string {
  live ??= (fromSources ? undefined : prebuilt()) ?? bundle('live');
  return live;
}
