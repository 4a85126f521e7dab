// The lifecycle diagram from the table (src/lifecycle-diagram.ts) as SVG, with the selected
// connection's state picked out and its next transitions listed with who may set each off.
import type { PeeringState } from '@pcxsim/lifecycle';
import { lifecycleDiagram, nextTransitions } from '../src/lifecycle-diagram.js';
import { h } from './dom.js';
import { STATE_COLOURS } from './style.js';

const W = 128;
const H = 34;
const GX = 22;
const GY = 16;

const diagram = lifecycleDiagram();
const centre = new Map(diagram.nodes.map((n) => [n.state, { x: 10 + n.column * (W + GX) + W / 2, y: 10 + n.row * (H + GY) + H / 2 }]));

/** The diagram and, for a connection in `current`, what can happen next. */
export function renderLifecycle(current: PeeringState | undefined, connectionId: string | undefined): Element[] {
  const columns = Math.max(...diagram.nodes.map((n) => n.column)) + 1;
  const rows = Math.max(...diagram.nodes.map((n) => n.row)) + 1;
  const next = current === undefined ? [] : nextTransitions(current);
  const edges = diagram.edges.map((e) => {
    const a = centre.get(e.from)!;
    const b = centre.get(e.to)!;
    const live = e.from === current;
    return h('line', {
      x1: a.x + (b.x > a.x ? W / 2 : b.x < a.x ? -W / 2 : 0),
      y1: a.y,
      x2: b.x - (b.x > a.x ? W / 2 : b.x < a.x ? -W / 2 : 0),
      y2: b.y,
      stroke: live ? '#0969da' : '#afb8c1',
      'stroke-width': live ? 3 : 1.2,
      'marker-end': live ? 'url(#arrow-live)' : 'url(#arrow)',
    });
  });
  const nodes = diagram.nodes.map((n) => {
    const c = centre.get(n.state)!;
    if (n.state === 'start') return h('circle', { cx: c.x, cy: c.y, r: 8, fill: '#24292f' });
    const isCurrent = n.state === current;
    return h(
      'g',
      { class: isCurrent ? 'node-current' : 'node', 'data-state': n.state, 'aria-current': isCurrent ? 'true' : undefined },
      h('rect', {
        x: c.x - W / 2,
        y: c.y - H / 2,
        width: W,
        height: H,
        rx: n.kind === 'terminal' ? 2 : 14,
        fill: isCurrent ? (STATE_COLOURS[n.state] ?? '#000') : n.kind === 'terminal' ? '#eee' : '#fff',
        stroke: STATE_COLOURS[n.state] ?? '#888',
        'stroke-dasharray': n.kind === 'transient' ? '4 3' : undefined,
      }),
      h('text', { x: c.x, y: c.y + 4, 'text-anchor': 'middle', 'font-size': 12, fill: isCurrent ? '#fff' : '#1f2328' }, n.state),
    );
  });
  const marker = (id: string, colour: string): Element =>
    h('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' }, h('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }));
  return [
    h(
      'svg',
      {
        viewBox: `0 0 ${20 + columns * (W + GX)} ${20 + rows * (H + GY)}`,
        width: '100%',
        role: 'img',
        'aria-label': `The peering lifecycle${current === undefined ? '' : `; ${connectionId ?? 'the connection'} is ${current}`}. The list below names its next transitions.`,
      },
      h('defs', {}, marker('arrow', '#afb8c1'), marker('arrow-live', '#0969da')),
      ...edges,
      ...nodes,
    ),
    current === undefined
      ? h('p', {}, 'Pick a connection to see its state here.')
      : h(
          'div',
          { id: 'next-transitions' },
          h('p', {}, h('code', {}, connectionId ?? ''), ' is ', h('strong', { class: 'state' }, current), next.length === 0 ? ': terminal, nothing leaves it.' : '. It can still:'),
          h(
            'ul',
            {},
            next.map((e) => h('li', {}, h('strong', {}, e.name), ` → ${e.to}, by ${e.by.map((who) => (who === 'system' ? 'AWS' : `the ${who}`)).join(' or ')}`, e.action === null ? '' : ` (${e.action})`)),
          ),
        ),
  ];
}
