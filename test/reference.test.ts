// docs/reference/ is the AWS reference the code cites: `spec §2.2` is section 2.2 of
// docs/reference/peering.md, `routes §3.1` section 3.1 of docs/reference/routing.md. This keeps a
// fresh clone able to follow every citation, and keeps every unknown ([?]) of the reference answered
// by a row of docs/fidelity.md that says what pcxsim chose.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  bareReferenceOf,
  citingFiles,
  isMarkdown,
  expandRange,
  extractCitations,
  readText,
  sectionBodies,
  sectionHeadings,
  type Citation,
  type ReferenceName,
} from './citations.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = {
  peering: 'docs/reference/peering.md',
  routes: 'docs/reference/routing.md',
  peers: 'docs/reference/peers.md',
  ecosystem: 'docs/reference/ecosystem.md',
} as const;
const HEADINGS = {
  peering: sectionHeadings(readText(ROOT, PAGES.peering)),
  routes: sectionHeadings(readText(ROOT, PAGES.routes)),
  peers: sectionHeadings(readText(ROOT, PAGES.peers)),
  ecosystem: sectionHeadings(readText(ROOT, PAGES.ecosystem)),
};
/** Where citations may be: every package, example, bench, test, script and doc (docs/api, node_modules and dist excepted). */
const CITING = citingFiles(ROOT, ['packages', 'examples', 'bench', 'test', 'scripts', 'docs']);

// The fixtures below write the section sign as \u00a7 so that this file's own source cites nothing
// that does not exist.
const S = '\u00a7';

const cited = (text: string, bare: ReferenceName = 'peering', markdown = false) =>
  extractCitations(text, bare, markdown).map(({ reference, section }) => `${reference} ${section}`);

describe('the citation extractor', () => {
  test('reads each form the project writes', () => {
    expect(cited(`see spec ${S}2.2 and routes ${S}3.1`)).toEqual(['peering 2.2', 'routes 3.1']);
    expect(cited(`bare ${S}7.1; the whole ${S}5`)).toEqual(['peering 7.1', 'peering 5']);
    expect(cited(`bare ${S}7.1`, 'routes')).toEqual(['routes 7.1']);
    expect(cited(`(peering spec ${S}10.4 lag), routing ${S}2.5, \`routing.md\` ${S}1.2, aws-vpc-peering.md ${S}4.5`)).toEqual([
      'peering 10.4',
      'routes 2.5',
      'routes 1.2',
      'peering 4.5',
    ]);
    expect(cited(`rule('x', '${S}2.2, ${S}2.4', …) | ${S}1.1 **[doc]**`)).toEqual(['peering 2.2', 'peering 2.4', 'peering 1.1']);
  });

  test('a list shares its first item’s reference', () => {
    expect(cited(`routes ${S}1.1, ${S}2.2; ${S}3 and ${S}4.1 or ${S}4.2/${S}4.3 & ${S}5`)).toEqual([
      'routes 1.1',
      'routes 2.2',
      'routes 3',
      'routes 4.1',
      'routes 4.2',
      'routes 4.3',
      'routes 5',
    ]);
    expect(cited(`${S}4.2/4.3`)).toEqual(['peering 4.2', 'peering 4.3']);
    expect(cited(`spec ${S}1.1's window, ${S}2.2`)).toEqual(['peering 1.1', 'peering 2.2']);
  });

  test('a range cites every section between its ends when they are siblings', () => {
    expect(cited(`${S}2.1–2.3`)).toEqual(['peering 2.1', 'peering 2.2', 'peering 2.3']);
    expect(cited(`${S}1–${S}4`)).toEqual(['peering 1', 'peering 2', 'peering 3', 'peering 4']);
    expect(cited(`routes ${S}7.1-${S}7.3`)).toEqual(['routes 7.1', 'routes 7.2', 'routes 7.3']);
    expect(expandRange('2.4', '3.1')).toEqual(['2.4', '3.1']);
    expect(expandRange('3', '1')).toEqual(['3', '1']);
  });

  test("peers § and ecosystem.md § are the two research notes; another document's sections are not the reference's", () => {
    expect(cited(`RFC 5952 ${S}4.2, RFC 4291 ${S}2.2, fidelity.md ${S}3`)).toEqual(['other 4.2', 'other 2.2', 'other 3']);
    expect(cited(`(ecosystem.md ${S}1.1–${S}1.3, spec ${S}9; ecosystem ${S}3)`)).toEqual(['ecosystem 1.1', 'ecosystem 1.2', 'ecosystem 1.3', 'peering 9', 'ecosystem 3']);
    expect(cited(`peers ${S}4.2; \`shared/research/peers-and-clients.md\` ${S}1.3, ${S}2; peers-and-clients ${S}5.1`)).toEqual([
      'peers 4.2',
      'peers 1.3',
      'peers 2',
      'peers 5.1',
    ]);
  });

  test('a § without a number is no citation, and the line is the cited one', () => {
    expect(cited(`toMatch(/^${S}\\d/) and a lone ${S} sign`)).toEqual([]);
    expect(extractCitations(`one\ntwo spec ${S}2.2\n`, 'peering').map((c) => c.line)).toEqual([2]);
  });

  test('a bare § takes the reference last named in its comment block or paragraph', () => {
    const code = [`// routes ${S}2.3 [doc]: the route is blackhole`, `// until active; provisioning too (${S}8.3)`, `const x = 1; // ${S}7.1`, `// ${S}7.2`].join('\n');
    expect(cited(code)).toEqual(['routes 2.3', 'routes 8.3', 'peering 7.1', 'peering 7.2']);
    const jsdoc = [`/**`, ` * routes ${S}1.6 [?] (${S}8.10): filters`, ` */`, `// ${S}4.5`].join('\n');
    expect(cited(jsdoc)).toEqual(['routes 1.6', 'routes 8.10', 'routes 4.5']);
    const markdown = [`A paragraph on routes ${S}2.5,`, `still the same (${S}2.6).`, ``, `Another: ${S}4.5.`, `| row | routes ${S}1.2 |`, `| row | ${S}7.1 |`].join('\n');
    expect(cited(markdown, 'peering', true)).toEqual(['routes 2.5', 'routes 2.6', 'peering 4.5', 'routes 1.2', 'peering 7.1']);
    expect(cited(`(ecosystem.md ${S}1.1): the element a response uses (${S}1.2)`)).toEqual(['ecosystem 1.1', 'ecosystem 1.2']);
  });

  test("a file's bare § is routes only where the file names routes § and never spec §", () => {
    expect(bareReferenceOf('packages/engine/src/routing/x.ts', `// routes ${S}2.3\nconst a = 1; // ${S}8.5`)).toBe('routes');
    expect(bareReferenceOf('packages/engine/src/x.ts', `// routes ${S}2.3, spec ${S}10.1\nconst a = 1; // ${S}8.5`)).toBe('peering');
    expect(bareReferenceOf('docs/fidelity.md', `| ${S}7.1 |`)).toBe('peering');
    expect(bareReferenceOf('docs/reference/routing.md', `peering ${S}2.2`)).toBe('routes');
    expect(bareReferenceOf('docs/reference/peers.md', `spec ${S}2.2`)).toBe('peers');
    expect(bareReferenceOf('docs/reference/ecosystem.md', `spec ${S}2.2`)).toBe('ecosystem');
  });

  test('the reference check fails on a dangling citation', () => {
    const citations = extractCitations(`spec ${S}2.2, ${S}99.1; routes ${S}3.1, ${S}3.99.\n\n${S}1–${S}12`, 'peering', true);
    expect(dangling(citations).map(({ reference, section }) => `${reference} ${section}`)).toEqual(['peering 99.1', 'routes 3.99', 'peering 12']);
  });
});

/** The citations that name no heading of their reference. */
function dangling(citations: readonly Citation[]): Citation[] {
  return citations.filter(({ reference, section }) => reference !== 'other' && !HEADINGS[reference].has(section));
}

describe('docs/reference', () => {
  test('both pages are numbered as the code cites them', () => {
    for (const section of ['1', '1.1', '1.2', '2.4', '4.5', '7.4', '10.5', '11']) expect(HEADINGS.peering.has(section), section).toBe(true);
    for (const section of ['1', '1.9', '2.8', '3.8', '5.5', '6.5', '7', '8']) expect(HEADINGS.routes.has(section), section).toBe(true);
  });

  test('the search covers the packages, the docs and the tests', () => {
    for (const file of ['packages/engine/src/errors.ts', 'docs/fidelity.md', 'test/reference.test.ts', PAGES.routes]) expect(CITING).toContain(file);
    expect(CITING.filter((file) => file.startsWith('docs/api/') || file.includes('node_modules'))).toEqual([]);
  });

  test('every cited section of the reference exists', () => {
    const broken = CITING.flatMap((file) =>
      dangling(extractCitations(readText(ROOT, file), bareReferenceOf(file, readText(ROOT, file)), isMarkdown(file))).map(
        ({ reference, section, line, text }) => `${file}:${line}: ${text} → no section ${section} in ${PAGES[reference as keyof typeof PAGES]}`,
      ),
    );
    expect(broken).toEqual([]);
  });

  test('no file refers to the spec outside the repository', () => {
    const outside = CITING.flatMap((file) =>
      readText(ROOT, file)
        .split('\n')
        .flatMap((line, i) => (/shared\/(?:spec|research)\/|aws-vpc-peering\.md|aws-routes\.md|peers-and-clients\.md/.test(line) && file !== 'test/reference.test.ts' ? [`${file}:${i + 1}`] : [])),
    );
    expect(outside).toEqual([]);
  });
});

/** The rows of docs/fidelity.md's tables, each with the reference sections its own cells cite. */
function fidelityRows(): { row: string; sections: Set<string> }[] {
  return readText(ROOT, 'docs/fidelity.md')
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-\s|]+\|$/.test(line))
    .map((row) => ({ row, sections: new Set(extractCitations(row, 'peering', true).map(({ reference, section }) => `${reference} ${section}`)) }));
}

describe('every unknown of the reference has its answer in docs/fidelity.md', () => {
  const rows = fidelityRows();
  const unknowns = (['peering', 'routes'] as const).flatMap((reference) =>
    [...sectionBodies(readText(ROOT, PAGES[reference])).entries()].filter(([, body]) => body.includes('[?]')).map(([section]) => `${reference} ${section}`),
  );

  test('the reference has unknowns, and fidelity.md rows cite sections', () => {
    expect(unknowns.length).toBeGreaterThan(10);
    expect(rows.filter(({ sections }) => sections.size > 0).length).toBeGreaterThan(100);
  });

  test.each(unknowns)('%s: a row cites it and is marked [?]', (key) => {
    expect(rows.some(({ row, sections }) => sections.has(key) && row.includes('[?]'))).toBe(true);
  });
});
