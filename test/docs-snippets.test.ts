// Every ```ts block in docs/ (but the generated API reference in docs/api) is type-checked against
// the workspace and run, so the docs cannot rot. A block is its own module unless it says
// `ts continues`; `ts no-run <reason>` is checked but not run (see test/snippets.ts). A failure
// names the Markdown file and line: the generated modules keep the page's line numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { extractSnippets, listeningServers, thrownAt, typeCheck, writeModules, type ExtractError, type Snippet } from './snippets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return relative(ROOT, path) === join('docs', 'api') ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

// Pages written to fail, checked alongside the real ones: the proof that this test can fail.
const FIXTURES: Readonly<Record<string, string>> = {
  'fixture/type-error.md': ['# A type error', '', '```ts', "const port: number = 'eighty';", 'port;', '```', ''].join('\n'),
  'fixture/throws.md': ['# A snippet that throws', '', '```ts', "import assert from 'node:assert/strict';", '', 'assert.equal(1 + 1, 3);', '```', ''].join('\n'),
  'fixture/leaks.md': [
    '# A snippet that leaves a server listening',
    '```ts',
    "import { Ec2Endpoint, listen } from '@pcxsim/ec2-query';",
    'export const running = await listen(new Ec2Endpoint(), { port: 0 });',
    '```',
  ].join('\n'),
  'fixture/bad-flags.md': ['```ts no-run', 'x;', '```', '```ts norun because', 'x;', '```', '```ts continues', 'x;', '```'].join('\n'),
};

const docs = markdownFiles(join(ROOT, 'docs')).map((path) => ({ doc: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
const extracted = [...docs, ...Object.entries(FIXTURES).map(([doc, text]) => ({ doc, text }))].map(({ doc, text }) => extractSnippets(doc, text));
const isFixture = (where: { doc: string }) => where.doc.startsWith('fixture/');
const snippets: Snippet[] = extracted.flatMap((e) => e.snippets);
const extractErrors: ExtractError[] = extracted.flatMap((e) => e.errors);
const files = writeModules(ROOT, snippets);
const fileOf = new Map([...files].map(([file, snippet]) => [snippet, file]));

let checked: ReturnType<typeof typeCheck> | undefined;
const check = () => (checked ??= typeCheck(ROOT, files));

async function run(snippet: Snippet): Promise<void> {
  const file = fileOf.get(snippet)!;
  const servers = listeningServers();
  try {
    await import(pathToFileURL(file).href);
  } catch (error) {
    throw new Error(`${thrownAt(error, file, snippet)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // A server closed at the very end may still hold its handle for a turn of the event loop.
  for (let turn = 0; turn < 20 && listeningServers() > servers; turn++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (listeningServers() > servers) throw new Error(`${snippet.doc}:${snippet.line}: the snippet left a server listening (close what it starts)`);
}

const real = snippets.filter((s) => !isFixture(s));
const runnable = real.filter((s) => s.noRun === undefined);

describe('docs snippets', () => {
  test('the docs have ts snippets, and every info string is one the extractor knows', () => {
    expect(runnable.length).toBeGreaterThan(0);
    expect(extractErrors.filter((e) => !isFixture(e)).map((e) => `${e.doc}:${e.line}: ${e.message}`)).toEqual([]);
  });

  test('every snippet type-checks against the workspace (strict, the source condition)', { timeout: 300_000 }, () => {
    const { diagnostics, global } = check();
    expect(global).toEqual([]);
    expect(diagnostics.filter((d) => !isFixture(d.snippet)).map((d) => `${d.at}: ${d.message}`)).toEqual([]);
  });

  // The guides' property tests take seconds each; a loaded machine may need more.
  test.each(runnable.map((s) => [`${s.doc}:${s.line}`, s] as const))('%s runs', async (_, snippet) => {
    await run(snippet);
  }, 180_000);
});

describe('the snippet test fails when it should', () => {
  const fixture = (doc: string) => snippets.find((s) => s.doc === doc)!;

  test('a type error is reported at its line and column in the Markdown file', { timeout: 300_000 }, () => {
    const found = check().diagnostics.filter((d) => d.snippet.doc === 'fixture/type-error.md');
    expect(found.map((d) => d.at)).toEqual(['fixture/type-error.md:4:7']);
    expect(found[0]!.message).toContain("Type 'string' is not assignable to type 'number'");
  });

  test('a snippet that throws fails, naming the line that threw', async () => {
    await expect(run(fixture('fixture/throws.md'))).rejects.toThrow(/^fixture\/throws\.md:6:\d+: /);
  });

  test('a snippet that leaves a server listening fails', async () => {
    const leaky = fixture('fixture/leaks.md');
    await expect(run(leaky)).rejects.toThrow('fixture/leaks.md:2: the snippet left a server listening');
    const { running } = (await import(pathToFileURL(fileOf.get(leaky)!).href)) as { running: { close(): Promise<void> } };
    await running.close();
  });

  test('no-run without a reason, an unknown flag and a continuation of nothing are refused', () => {
    expect(extractErrors.filter((e) => e.doc === 'fixture/bad-flags.md').map((e) => e.line)).toEqual([1, 4, 7]);
  });
});
