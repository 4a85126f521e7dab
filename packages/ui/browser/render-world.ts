// The world as one caller sees it: a graph (VPCs as boxes, connections as edges coloured by state)
// and, as its text alternative, tables of the same data; then the route tables.
import type { Picture, PictureConnection } from '../src/picture.js';
import { h } from './dom.js';
import { STATE_COLOURS } from './style.js';

const BOX_W = 200;
const BOX_H = 64;
const GAP_X = 250;
const GAP_Y = 90;

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** What the graph picks out: the selected connection, and the hops of a reachability path. */
export interface Highlight {
  /** The connection the lifecycle diagram shows. */
  readonly selected?: string | undefined;
  /** IDs on a reachability path (VPCs, connections, subnets, route tables). */
  readonly path?: readonly string[] | undefined;
}

/** The graph of VPCs and connections (SVG), with a role of img and a label pointing at the tables. */
export function renderGraph(p: Picture, highlight: Highlight, onSelect: (id: string) => void): Element {
  const columns = Math.max(1, Math.ceil(Math.sqrt(p.vpcs.length)));
  const at = new Map<string, { x: number; y: number }>();
  p.vpcs.forEach((vpc, i) => at.set(vpc.id, { x: 10 + (i % columns) * (BOX_W + GAP_X), y: 10 + Math.floor(i / columns) * (BOX_H + GAP_Y) }));
  const rows = Math.max(1, Math.ceil(p.vpcs.length / columns));
  const width = 20 + columns * BOX_W + (columns - 1) * GAP_X;
  const height = 20 + rows * BOX_H + (rows - 1) * GAP_Y;
  const onPath = new Set(highlight.path ?? []);

  // Several connections between the same two VPCs are spread apart.
  const seenPairs = new Map<string, number>();
  const edges = p.connections.map((c) => {
    const a = at.get(c.requester.vpcId);
    const b = at.get(c.accepter.vpcId);
    if (a === undefined || b === undefined) return null;
    const pair = [c.requester.vpcId, c.accepter.vpcId].sort().join('|');
    const nth = seenPairs.get(pair) ?? 0;
    seenPairs.set(pair, nth + 1);
    const [x1, y1, x2, y2] = [a.x + BOX_W / 2, a.y + BOX_H / 2, b.x + BOX_W / 2, b.y + BOX_H / 2];
    const bend = nth * 28 * (nth % 2 === 0 ? 1 : -1);
    const mx = (x1 + x2) / 2 + (y1 === y2 ? 0 : bend);
    const my = (y1 + y2) / 2 + (y1 === y2 ? bend - (x1 === x2 ? 0 : 0) : 0);
    const colour = STATE_COLOURS[c.state] ?? '#000';
    const strong = c.id === highlight.selected || onPath.has(c.id);
    return h(
      'g',
      { class: 'edge', 'data-id': c.id, 'data-state': c.state, onclick: () => onSelect(c.id) },
      h('title', {}, `${c.id} ${c.state}: ${c.message}`),
      h('path', {
        d: `M${x1},${y1} Q${mx},${my} ${x2},${y2}`,
        fill: 'none',
        stroke: colour,
        'stroke-width': strong ? 6 : 3,
        'stroke-dasharray': c.state === 'active' ? undefined : '8 5',
      }),
      h('text', { x: mx, y: my - 22, 'text-anchor': 'middle', 'font-size': 11, fill: colour }, c.id),
      h('text', { x: mx, y: my - 8, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 600, fill: colour }, c.state),
    );
  });
  const nodes = p.vpcs.map((vpc) => {
    const { x, y } = at.get(vpc.id)!;
    return h(
      'g',
      { class: 'vpc', 'data-id': vpc.id },
      h('rect', {
        x,
        y,
        width: BOX_W,
        height: BOX_H,
        rx: 6,
        fill: onPath.has(vpc.id) ? '#ddf4ff' : vpc.remote ? '#f6f8fa' : '#fff',
        stroke: onPath.has(vpc.id) ? '#0969da' : '#57606a',
        'stroke-width': onPath.has(vpc.id) ? 3 : 1.5,
        'stroke-dasharray': vpc.remote ? '4 3' : undefined,
      }),
      h('text', { x: x + 8, y: y + 18, 'font-size': 13, 'font-weight': 600 }, vpc.id),
      h('text', { x: x + 8, y: y + 35, 'font-size': 11 }, vpc.blocks.map((b) => b.cidr).join(', ') || '(blocks not shown)'),
      h('text', { x: x + 8, y: y + 52, 'font-size': 11, fill: '#57606a' }, `${vpc.ownerId} ${vpc.region}${vpc.remote ? ' (peer)' : ''}`),
    );
  });
  return h(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width, role: 'img', 'aria-labelledby': 'graph-title', style: 'max-width:100%;height:auto' },
    h('title', { id: 'graph-title' }, 'VPCs and peering connections; the tables below hold the same data'),
    ...edges.filter((e): e is HTMLElement => e !== null),
    ...nodes,
  );
}

function connectionRow(c: PictureConnection, selected: string | undefined, onSelect: (id: string) => void): HTMLElement {
  return h(
    'tr',
    { class: c.id === selected ? 'selected' : undefined, 'data-id': c.id },
    h('td', {}, h('button', { type: 'button', onclick: () => onSelect(c.id), 'aria-pressed': c.id === selected ? 'true' : 'false' }, c.id)),
    h('td', { class: 'mono' }, `${c.requester.vpcId} (${c.requester.ownerId}, ${c.requester.region})`),
    h('td', { class: 'mono' }, `${c.accepter.vpcId} (${c.accepter.ownerId}, ${c.accepter.region})`),
    h('td', { class: 'state', style: `color:${STATE_COLOURS[c.state] ?? '#000'}` }, c.state),
    h('td', {}, c.message),
    h('td', { class: 'mono' }, c.expiresAt === undefined ? '' : iso(c.expiresAt)),
  );
}

/** The tables: VPCs, connections (the graph's text alternative), route tables with their routes. */
export function renderTables(p: Picture, selected: string | undefined, onSelect: (id: string) => void): Element[] {
  return [
    h(
      'table',
      { id: 'vpcs' },
      h('caption', {}, 'VPCs'),
      h('thead', {}, h('tr', {}, h('th', {}, 'VPC'), h('th', {}, 'Blocks'), h('th', {}, 'Owner'), h('th', {}, 'Region'))),
      h(
        'tbody',
        {},
        p.vpcs.map((v) =>
          h(
            'tr',
            { 'data-id': v.id },
            h('td', { class: 'mono' }, v.id, v.remote ? ' (peer)' : ''),
            h('td', { class: 'mono' }, v.blocks.map((b) => (b.state === 'associated' ? b.cidr : `${b.cidr} (${b.state})`)).join(', ')),
            h('td', { class: 'mono' }, v.ownerId),
            h('td', {}, v.region),
          ),
        ),
      ),
    ),
    h(
      'table',
      { id: 'connections' },
      h('caption', {}, 'Peering connections'),
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'Connection'), h('th', {}, 'Requester'), h('th', {}, 'Accepter'), h('th', {}, 'State'), h('th', {}, 'Status message'), h('th', {}, 'Expires')),
      ),
      h('tbody', {}, p.connections.map((c) => connectionRow(c, selected, onSelect))),
    ),
    h(
      'table',
      { id: 'routes' },
      h('caption', {}, 'Route tables'),
      h('thead', {}, h('tr', {}, h('th', {}, 'Route table'), h('th', {}, 'VPC'), h('th', {}, 'Destination'), h('th', {}, 'Target'), h('th', {}, 'State'))),
      h(
        'tbody',
        {},
        p.routeTables.flatMap((t) =>
          t.routes.map((r, i) =>
            h(
              'tr',
              {},
              h('td', { class: 'mono' }, i === 0 ? `${t.id}${t.main ? ' (main)' : ''}${t.subnetIds.length > 0 ? ` ← ${t.subnetIds.join(', ')}` : ''}` : ''),
              h('td', { class: 'mono' }, i === 0 ? t.vpcId : ''),
              h('td', { class: 'mono' }, r.destination),
              h('td', { class: 'mono' }, r.target),
              h('td', { style: r.state === 'blackhole' ? 'color:#cf222e' : undefined }, r.state),
            ),
          ),
        ),
      ),
    ),
    h(
      'table',
      { id: 'subnets' },
      h('caption', {}, 'Subnets'),
      h('thead', {}, h('tr', {}, h('th', {}, 'Subnet'), h('th', {}, 'VPC'), h('th', {}, 'Block'), h('th', {}, 'Zone'))),
      h('tbody', {}, p.subnets.map((s) => h('tr', {}, h('td', { class: 'mono' }, s.id), h('td', { class: 'mono' }, s.vpcId), h('td', { class: 'mono' }, s.cidr), h('td', {}, s.zone)))),
    ),
  ];
}
