// Every tool the benchmark compares, in table order. A tool module exports `tool`: `merge` (W1, W2),
// `exclude` (W3), `overlap` (W4), `normalize` (W5, with an optional `parseOnly`), each string in ->
// string out; `unavailable` says why a workload has no entry. The driver loads them all to learn
// what each offers; every measurement runs in a fresh process that loaded one tool only.

/** Tool name -> module file (relative to this one). */
export const TOOL_MODULES = {
  pcxsim: './pcxsim.mjs',
  'cidr-tools': './cidr-tools.mjs',
  'fast-cidr-tools': './fast-cidr-tools.mjs',
  netparser: './netparser.mjs',
  'ip-num': './ip-num.mjs',
  'ipaddr.js': './ipaddr-js.mjs',
  'ip-cidr': './ip-cidr.mjs',
};

export const TOOL_NAMES = Object.keys(TOOL_MODULES);

export async function loadTool(name) {
  const file = TOOL_MODULES[name];
  if (file === undefined) throw new Error(`unknown tool ${name} (known: ${TOOL_NAMES.join(', ')})`);
  return (await import(file)).tool;
}
