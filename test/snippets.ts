// The machinery of test/docs-snippets.test.ts: find the ```ts blocks of the docs, write each as a
// module whose line numbers are the Markdown file's, type-check them all with the workspace's
// compiler options, and run them.
//
// A block's info string is `ts` (or `typescript`), optionally followed by one flag:
//   ts continues        the block carries on the previous ts block of the same page: the two (and
//                       any earlier ones of the chain) are one program, checked and run together;
//   ts no-run <reason>  type-checked but not run; the reason is required.
// Any other word after `ts` is refused, so that a typo cannot silently skip a block.
import { existsSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';

/** One program to check and (unless `noRun`) run: a ts block and the blocks that continue it. */
export interface Snippet {
  /** The Markdown file, relative to the repository root (`docs/learn/01-what-is-peering.md`). */
  readonly doc: string;
  /** The line of the first block's opening fence (1-based). */
  readonly line: number;
  /** Why it is not run, for a `no-run` block. */
  readonly noRun: string | undefined;
  /** The generated module: the page's lines, blank everywhere but in this chain's blocks. */
  readonly source: string;
}

/** A block the extractor refused, with where it is. */
export interface ExtractError {
  readonly doc: string;
  readonly line: number;
  readonly message: string;
}

const FENCE = /^( *)(`{3,}|~{3,})\s*([^`]*)$/;

/** The ts snippets of one Markdown text. */
export function extractSnippets(doc: string, markdown: string): { snippets: Snippet[]; errors: ExtractError[] } {
  const lines = markdown.split('\n');
  const chains: { line: number; noRun: string | undefined; code: Map<number, string> }[] = [];
  const errors: ExtractError[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (open === null) continue;
    const [, indent = '', fence = '', info = ''] = open;
    // The block runs to a closing fence of the same character, at least as long, or to the end.
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^ *${fence[0]}{${fence.length},}\\s*$`).test(lines[end]!)) end++;
    const [lang = '', flag, ...rest] = info.trim().split(/\s+/);
    if (lang === 'ts' || lang === 'typescript') {
      const code = new Map<number, string>();
      for (let k = i + 1; k < end; k++) code.set(k, lines[k]!.startsWith(indent) ? lines[k]!.slice(indent.length) : lines[k]!);
      if (flag === undefined) {
        chains.push({ line: i + 1, noRun: undefined, code });
      } else if (flag === 'no-run') {
        if (rest.length === 0) errors.push({ doc, line: i + 1, message: '`ts no-run` needs a reason after it (```ts no-run <why>)' });
        else chains.push({ line: i + 1, noRun: rest.join(' '), code });
      } else if (flag === 'continues' && rest.length === 0) {
        const previous = chains.at(-1);
        if (previous === undefined) errors.push({ doc, line: i + 1, message: '`ts continues` with no ts block before it on the page' });
        else for (const [k, text] of code) previous.code.set(k, text);
      } else {
        errors.push({ doc, line: i + 1, message: `unknown flag in the info string \`${info.trim()}\` (expected nothing, \`continues\` or \`no-run <reason>\`)` });
      }
    }
    i = end;
  }
  const snippets = chains.map(({ line, noRun, code }) => {
    const out = lines.map((_, k) => code.get(k) ?? '');
    // `export {}` makes every snippet a module, even one without imports (no shared globals).
    return { doc, line, noRun, source: `${out.join('\n')}\nexport {};\n` };
  });
  return { snippets, errors };
}

/** Where the generated modules go (gitignored); a dot directory, so the workspace tsconfig skips it. */
export const OUT_DIR = '.docs-snippets';

/** The file name of a snippet's module. */
export function moduleName(snippet: Snippet): string {
  return `${snippet.doc.replace(/[^\w.-]+/g, '__')}__L${snippet.line}.ts`;
}

/**
 * Writes the modules under `root/test/.docs-snippets/`, with a node_modules beside them that links
 * the workspace packages and the SDK as pnpm links them into a package, so that the snippets import
 * `@pcxsim/engine` and `@aws-sdk/client-ec2` exactly as a user's code does (the `source` condition
 * then points each package at its src/index.ts). fast-check and vitest come from the root.
 */
export function writeModules(root: string, snippets: readonly Snippet[]): Map<string, Snippet> {
  const dir = join(root, 'test', OUT_DIR);
  rmSync(dir, { recursive: true, force: true });
  const scope = join(dir, 'node_modules', '@pcxsim');
  mkdirSync(scope, { recursive: true });
  for (const name of ['cidr', 'tags', 'lifecycle', 'engine', 'ec2-query', 'cli', 'testing']) {
    const target = join(root, 'packages', name);
    if (existsSync(target)) symlinkSync(relative(scope, target), join(scope, name), 'dir');
  }
  const sdk = realpathSync(join(root, 'packages', 'ec2-query', 'node_modules', '@aws-sdk', 'client-ec2'));
  mkdirSync(join(dir, 'node_modules', '@aws-sdk'));
  symlinkSync(sdk, join(dir, 'node_modules', '@aws-sdk', 'client-ec2'), 'dir');
  const files = new Map<string, Snippet>();
  for (const snippet of snippets) {
    const file = join(dir, moduleName(snippet));
    writeFileSync(file, snippet.source);
    files.set(file, snippet);
  }
  return files;
}

/** A compiler complaint, placed in the Markdown file. */
export interface SnippetDiagnostic {
  readonly file: string;
  readonly snippet: Snippet;
  /** `docs/learn/x.md:42:7`. */
  readonly at: string;
  readonly message: string;
}

/**
 * Type-checks every module in one program, with the compiler options of the workspace's
 * tsconfig.json (strict, NodeNext, the `source` condition). Only the snippets' own diagnostics are
 * reported: the packages are checked by `pnpm typecheck`.
 */
export function typeCheck(root: string, files: ReadonlyMap<string, Snippet>): { diagnostics: SnippetDiagnostic[]; global: string[] } {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error('cannot read tsconfig.json');
  const program = ts.createProgram({ rootNames: [...files.keys()], options: { ...parsed.options, noEmit: true } });
  const text = (d: ts.Diagnostic) => ts.flattenDiagnosticMessageText(d.messageText, '\n');
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(text);
  const diagnostics: SnippetDiagnostic[] = [];
  for (const [file, snippet] of files) {
    const source = program.getSourceFile(file);
    if (source === undefined) {
      diagnostics.push({ file, snippet, at: `${snippet.doc}:${snippet.line}`, message: 'the compiler did not load the snippet' });
      continue;
    }
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
      diagnostics.push({ file, snippet, at: `${snippet.doc}:${line + 1}:${character + 1}`, message: `TS${d.code}: ${text(d)}` });
    }
  }
  return { diagnostics, global };
}

/** Where in the Markdown file an error thrown by a snippet's module was raised (its first frame there). */
export function thrownAt(error: unknown, file: string, snippet: Snippet): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const escaped = basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  return frame === null ? `${snippet.doc}:${snippet.line}` : `${snippet.doc}:${frame[1]}:${frame[2]}`;
}

/** The listening servers the process holds (a snippet must close what it starts). */
export function listeningServers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
}
