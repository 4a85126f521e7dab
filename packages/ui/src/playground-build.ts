// The static playground: a directory with index.html and playground.js — the engine running in the
// browser — with the scenarios of examples/scenarios built in. The scenarios are read at build
// time (YAML parsed by `yaml`, a devDependency as esbuild is) and defined into the bundle as JSON:
// the page fetches nothing, and works opened from disk.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './assets.js';
import { pageHtml } from './page.js';

/** The workspace's ready-made scenarios (examples/scenarios), beside this package's sources. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../../examples/scenarios/', import.meta.url));

/** A scenario file as built into the playground. */
export interface BuiltScenario {
  /** Its file name. */
  readonly file: string;
  /** Its parsed content. */
  readonly scenario: unknown;
}

/** The `*.yaml` scenarios of `dir`, parsed, sorted by file name. */
export function readScenarios(dir: string = SCENARIOS_DIR): BuiltScenario[] {
  const { parse } = createRequire(import.meta.url)('yaml') as { parse(text: string): unknown };
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, scenario: parse(readFileSync(join(dir, file), 'utf8')) }));
}

/**
 * Writes the playground into `outDir`; answers the files written with their sizes in bytes. A
 * workspace tool: it needs esbuild and yaml (this package's devDependencies) and the scenarios'
 * directory, none of which a packed install carries.
 */
export function buildPlayground(outDir: string, scenariosDir: string = SCENARIOS_DIR): [string, number][] {
  const script = bundle('playground', { define: { __PCXSIM_SCENARIOS__: JSON.stringify(readScenarios(scenariosDir)) } });
  const html = pageHtml('playground', { src: 'playground.js' });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'playground.js'), script);
  writeFileSync(join(outDir, 'index.html'), html);
  return [
    ['index.html', Buffer.byteLength(html)],
    ['playground.js', Buffer.byteLength(script)],
  ];
}
