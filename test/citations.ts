// The machinery of test/reference.test.ts: find every citation of the AWS reference in a text, and
// the section headings of the reference itself.
//
// The forms the project writes (all seen in the repository):
//   spec §2.2            the peering reference, docs/reference/peering.md (also "peering spec §", "peering.md §")
//   routes §3.1          the routing reference, docs/reference/routing.md (also "routing §", "routing.md §")
//   spec §1.1, §2.2      a list: the later items share the first one's reference (also "/", "and", "or", ";")
//   §2.1–2.3, §1–§4      a range, with or without the second §: every section between the two, when they are
//                        siblings (2.1, 2.2, 2.3), else the two ends
//   peers §4.2           the note on other emulators and clients, docs/reference/peers.md
//   ecosystem.md §1.2    the note on how the SDK and the CLI speak the protocol, docs/reference/ecosystem.md
//   RFC 5952 §4.2        another document's sections: recognised so that they are not read as the reference's
//   §7.1                 bare: the reference last named in the same comment block or paragraph ("routes §1.6 [?]
//                        (§8.10)", a JSDoc that names routes § once), else the file's own: routes in
//                        docs/reference/routing.md and in a file that cites routes § and never spec §, peers and
//                        ecosystem in their own pages, peering elsewhere. A table row is a block of its own, so a row never lends its reference to the next.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Which page of docs/reference a citation points into (`peers`: peers.md, `ecosystem`: ecosystem.md); `other` is any other document. */
export type ReferenceName = 'peering' | 'routes' | 'peers' | 'ecosystem' | 'other';

/** One cited section, with where it is cited. */
export interface Citation {
  readonly reference: ReferenceName;
  /** The section number, `2.2` or `7`. */
  readonly section: string;
  /** The line it is cited on (1-based). */
  readonly line: number;
  /** The citation as written, for the failure message. */
  readonly text: string;
}

const SECTION = String.raw`(\d+(?:\.\d+)*)`;
/** A § and its number at the start of the text. */
const AT_SECTION = new RegExp(String.raw`^§\s?${SECTION}`);
/** What joins the next item of a list or range to the one before it; a range or "/" may drop the second §. */
const NEXT_ITEM = new RegExp(String.raw`^(?:'s)?\s*(?:(,|;|and|or|&)\s*§\s?|(–|-|\/)\s*§?\s?)${SECTION}`);

/** Words that name a document, as they stand just before its §: checked in order, on the text before the §. */
const LABELS: readonly { readonly pattern: RegExp; readonly reference: ReferenceName }[] = [
  { pattern: /RFC\s*\d+\s*$/, reference: 'other' },
  { pattern: /(?:^|[^\w.-])(?:aws-routes\.md|routing\.md|routes|routing)[`'")\]]?\s*$/i, reference: 'routes' },
  { pattern: /(?:^|[^\w.-])(?:aws-vpc-peering\.md|peering\.md|spec|peering)[`'")\]]?\s*$/i, reference: 'peering' },
  // The note on other emulators and clients, docs/reference/peers.md ("peers §4.2", also "peers-and-clients §4.2").
  { pattern: /(?:^|[^\w.-])(?:peers(?:-and-clients)?(?:\.md)?)[`'")\]]?\s*$/i, reference: 'peers' },
  // The note on how the SDK and the CLI speak the protocol, docs/reference/ecosystem.md ("ecosystem.md §1.2").
  { pattern: /(?:^|[^\w.-])ecosystem(?:\.md)?[`'")\]]?\s*$/i, reference: 'ecosystem' },
  // Any other word.md (fidelity.md, a README …): not a page of the reference.
  { pattern: /[\w-]+\.md[`'")\]]?\s*$/i, reference: 'other' },
];

function labelBefore(prefix: string): ReferenceName | undefined {
  return LABELS.find(({ pattern }) => pattern.test(prefix))?.reference;
}

/** Every section from `from` to `to`: all of them when they are siblings (`2.1`–`2.3`, `1`–`4`), else the two ends. */
export function expandRange(from: string, to: string): string[] {
  const a = from.split('.');
  const b = to.split('.');
  const siblings = a.length === b.length && a.slice(0, -1).join('.') === b.slice(0, -1).join('.');
  const first = Number(a.at(-1));
  const last = Number(b.at(-1));
  if (!siblings || last < first) return [from, to];
  const parent = a.slice(0, -1);
  return Array.from({ length: last - first + 1 }, (_, i) => [...parent, String(first + i)].join('.'));
}

/** How a line continues the block above it: comment lines continue comments, prose lines prose; nothing else continues. */
function blockKind(line: string, markdown: boolean): 'comment' | 'prose' | undefined {
  if (line.trim() === '') return undefined;
  if (markdown) return line.trimStart().startsWith('|') ? undefined : 'prose';
  return /^\s*(?:\/\/|\/\*|\*|#)/.test(line) ? 'comment' : undefined;
}

/**
 * Every citation in `text`. A bare § cites the reference last named in its block (see the header), else
 * `bare`; `markdown` says how blocks are told apart (paragraphs, or comment lines).
 */
export function extractCitations(text: string, bare: ReferenceName, markdown = false): Citation[] {
  const citations: Citation[] = [];
  const lines = text.split('\n');
  let named: ReferenceName | undefined; // the reference last named in the current block
  let kind: 'comment' | 'prose' | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const lineKind = blockKind(line, markdown);
    if (lineKind === undefined || lineKind !== kind) named = undefined;
    kind = lineKind;
    let from = line.indexOf('§');
    while (from !== -1) {
      const head = AT_SECTION.exec(line.slice(from));
      if (!head) {
        from = line.indexOf('§', from + 1);
        continue;
      }
      const label = labelBefore(line.slice(0, from));
      if (label !== undefined) named = label;
      const reference = label ?? named ?? bare;
      const cite = (section: string, written: string) => citations.push({ reference, section, line: index + 1, text: written });
      let previous = head[1]!;
      cite(previous, head[0]);
      let end = from + head[0].length;
      // The rest of a list or range shares the first item's reference.
      for (let next = NEXT_ITEM.exec(line.slice(end)); next; next = NEXT_ITEM.exec(line.slice(end))) {
        const section = next[3]!;
        if (next[2] === '–' || next[2] === '-') for (const s of expandRange(previous, section).slice(1)) cite(s, next[0].trim());
        else cite(section, next[0].trim());
        previous = section;
        end += next[0].length;
      }
      from = line.indexOf('§', end);
    }
    // A table row or a line of code lends its reference to nothing after it.
    if (lineKind === undefined) named = undefined;
  }
  return citations;
}

/** The section numbers of a reference page: `## 2. Title` is `2`, `### 2.2 Title` is `2.2`. */
export function sectionHeadings(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.?\s/gm)].map((m) => m[1]!));
}

/** A reference page cut at its numbered headings: each section's heading and own text (subsections excluded). */
export function sectionBodies(markdown: string): Map<string, string> {
  const bodies = new Map<string, string>();
  let current: string | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,4} (\d+(?:\.\d+)*)\.?\s/.exec(line);
    if (heading) current = heading[1]!;
    if (current !== undefined) bodies.set(current, (bodies.get(current) ?? '') + line + '\n');
  }
  return bodies;
}

/** Directories never searched: installed and built output, the generated API docs, bench data. */
const SKIPPED = new Set(['node_modules', 'dist', '.data', 'coverage']);
/** Files that hold text a citation can be in. */
const TEXT_FILE = /\.(?:[cm]?[jt]sx?|md|ya?ml|json|sh|py)$/;

/** The files of `dirs` (relative to `root`) that may cite the reference, as paths relative to `root`. */
export function citingFiles(root: string, dirs: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.') && rel !== join('docs', 'api')) walk(path);
      } else if (TEXT_FILE.test(entry.name)) found.push(rel);
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return found.sort();
}

/** What a bare § cites in `file` when its block names no reference: see the header. */
export function bareReferenceOf(file: string, text: string): ReferenceName {
  const path = file.replaceAll('\\', '/');
  if (path === 'docs/reference/routing.md') return 'routes';
  if (path === 'docs/reference/peers.md') return 'peers';
  if (path === 'docs/reference/ecosystem.md') return 'ecosystem';
  const labels = new Set(extractCitations(text, 'other', file.endsWith('.md')).map((c) => c.reference));
  return labels.has('routes') && !labels.has('peering') ? 'routes' : 'peering';
}

/** Whether `file` is Markdown, whose blocks are paragraphs rather than comment lines. */
export const isMarkdown = (file: string): boolean => file.endsWith('.md');

/** The text of a file under `root`. */
export function readText(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}
