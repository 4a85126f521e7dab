// A module hook for `bench/engine.mjs --count-writes` (node:module `register`): it loads the engine's
// built pmap.js with its exported `pset` and `pdelete` wrapped, so that each call adds one to
// `globalThis.__pcxsimTrieWrites` — the trie writes a command makes. Only the benchmark loads it; the
// engine itself keeps no counter (it is pure). Works on any build whose pmap.js exports the two as
// `export function pset(` / `export function pdelete(` (this one and the commits before it).
export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!/\/dist\/pmap\.js$/.test(url)) return loaded;
  let source = String(loaded.source);
  for (const name of ['pset', 'pdelete']) {
    if (!source.includes(`export function ${name}(`)) throw new Error(`trie-writes-hook: no exported ${name} in ${url}`);
    source = source.replace(`export function ${name}(`, `function ${name}__counted(`);
    source += `\nexport function ${name}(...args) { globalThis.__pcxsimTrieWrites++; return ${name}__counted(...args); }\n`;
  }
  return { ...loaded, source, shortCircuit: true };
}
