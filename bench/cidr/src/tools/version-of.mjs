// The installed version of a comparison library, for the result line. Read from the bench
// package's node_modules: not every library exports its package.json.
import { readFileSync } from 'node:fs';

export function versionOf(name) {
  const manifest = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  return `${name}@${JSON.parse(readFileSync(manifest, 'utf8')).version}`;
}
