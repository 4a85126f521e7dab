// The live view at /_pcxsim/ui: polls GET /_pcxsim/ui/state?account=…&region=… (src/live-state.ts)
// once a second and redraws what changed, without reloading. Picking another caller changes the
// query (and the address bar, so the view can be bookmarked).
import type { Caller } from '@pcxsim/engine';
import type { PeeringState } from '@pcxsim/lifecycle';
import type { LiveState } from '../src/live-state.js';
import { h, replace } from './dom.js';
import { renderLifecycle } from './render-lifecycle.js';
import { renderTimeline } from './render-timeline.js';
import { renderGraph, renderTables } from './render-world.js';
import { addStyles } from './style.js';

const POLL_MS = 1000;

addStyles();
const params = new URLSearchParams(location.search);
let caller: Caller = { accountId: params.get('account') ?? '111111111111', region: params.get('region') ?? 'us-east-1' };
let selected: string | undefined;
let last: LiveState | undefined;
let lastText = '';

const account = h('input', { id: 'account', name: 'account', value: caller.accountId, inputmode: 'numeric', size: 14 }) as HTMLInputElement;
const region = h('select', { id: 'region', name: 'region' }, h('option', { value: caller.region }, caller.region)) as HTMLSelectElement;
const known = h('span', { id: 'known-callers' });
const status = h('span', { id: 'status', role: 'status' });
const clock = h('span', { id: 'clock', class: 'mono' });
const graph = h('div', { id: 'graph' });
const tables = h('div', { id: 'tables' });
const lifecycle = h('div', { id: 'lifecycle' });
const timeline = h('div', { id: 'timeline' });

function show(next: Caller): void {
  caller = next;
  account.value = next.accountId;
  region.value = next.region;
  const url = new URL(location.href);
  url.searchParams.set('account', next.accountId);
  url.searchParams.set('region', next.region);
  history.replaceState(null, '', url);
  lastText = '';
  void poll();
}

const form = h(
  'form',
  {
    onsubmit: (event) => {
      event.preventDefault();
      show({ accountId: account.value.trim(), region: region.value });
    },
  },
  h('label', { for: 'account' }, 'Account', account),
  h('label', { for: 'region' }, 'Region', region),
  h('button', { type: 'submit' }, 'Show'),
);

document.getElementById('app')!.append(
  h('header', {}, h('h1', {}, 'pcxsim — live view'), h('span', {}, 'simulated clock: ', clock), status),
  h(
    'main',
    {},
    h(
      'div',
      {},
      h('section', { 'aria-labelledby': 'who' }, h('h2', { id: 'who' }, 'Look as'), form, h('div', {}, 'Callers so far: ', known)),
      h('section', { 'aria-labelledby': 'world-h' }, h('h2', { id: 'world-h' }, 'World'), graph, tables),
    ),
    h(
      'div',
      {},
      h('section', { 'aria-labelledby': 'life-h' }, h('h2', { id: 'life-h' }, 'Lifecycle'), lifecycle),
      h('section', { 'aria-labelledby': 'time-h' }, h('h2', { id: 'time-h' }, 'Timeline'), timeline),
    ),
  ),
);

function select(id: string): void {
  selected = selected === id ? undefined : id;
  if (last !== undefined) draw(last);
}

function draw(state: LiveState): void {
  const p = state.picture;
  clock.textContent = new Date(p.clock).toISOString();
  if (region.options.length !== p.regions.length) replace(region, ...p.regions.map((r) => h('option', { value: r }, r)));
  region.value = caller.region;
  replace(
    known,
    ...state.callers.map((c) => h('button', { type: 'button', onclick: () => show(c), 'aria-pressed': c.accountId === caller.accountId && c.region === caller.region ? 'true' : 'false' }, `${c.accountId} ${c.region}`)),
  );
  status.textContent = p.error === undefined ? '' : `${p.error.code}: ${p.error.message}`;
  status.className = p.error === undefined ? '' : 'error';
  const onSelect = (id: string): void => select(id);
  replace(graph, renderGraph(p, { selected }, onSelect));
  replace(tables, ...renderTables(p, selected, onSelect));
  const connection = p.connections.find((c) => c.id === selected) ?? (selected === undefined ? p.connections[0] : undefined);
  replace(lifecycle, ...renderLifecycle(connection?.state as PeeringState | undefined, connection?.id));
  replace(timeline, renderTimeline(state.timeline));
}

async function poll(): Promise<void> {
  try {
    const query = new URLSearchParams({ account: caller.accountId, region: caller.region });
    const response = await fetch(`/_pcxsim/ui/state?${query}`, { cache: 'no-store' });
    const text = await response.text();
    if (text === lastText) return;
    lastText = text;
    last = JSON.parse(text) as LiveState;
    draw(last);
  } catch (error) {
    status.textContent = `cannot reach the server: ${(error as Error).message}`;
    status.className = 'error';
  }
}

void poll();
setInterval(() => void poll(), POLL_MS);
