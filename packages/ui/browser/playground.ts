// The playground: the engine running in the browser on its own world. Every control dispatches an
// action to the pure reducer (src/playground-state.ts); the page is redrawn from the new state. The
// world is the replay of the command log up to the cursor, so Back and Forward walk through history.
import type { Caller, Command } from '@pcxsim/engine';
import type { PeeringState } from '@pcxsim/lifecycle';
import { replay } from '../src/command-log.js';
import { timelineFor } from '../src/journal.js';
import { picture } from '../src/picture.js';
import { initialPlayground, playgroundReducer, type PlaygroundAction, type PlaygroundState } from '../src/playground-state.js';
import { scenarioLog, type ScenarioFile } from '../src/scenario-log.js';
import { h, replace } from './dom.js';
import { renderLifecycle } from './render-lifecycle.js';
import { renderTimeline } from './render-timeline.js';
import { renderGraph, renderTables } from './render-world.js';
import { addStyles } from './style.js';

/** The scenarios of examples/scenarios, defined at build time (src/playground-build.ts). */
declare const __PCXSIM_SCENARIOS__: readonly { file: string; scenario: ScenarioFile }[];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

addStyles();
let state: PlaygroundState = initialPlayground();

function dispatch(action: PlaygroundAction): void {
  state = playgroundReducer(state, action);
  draw();
}

// ---- the controls: built once ----

const callerKey = (c: Caller): string => `${c.accountId} ${c.region}`;
const actAs = h('select', { id: 'act-as', name: 'act-as' }) as HTMLSelectElement;
actAs.addEventListener('change', () => {
  const caller = state.callers.find((c) => callerKey(c) === actAs.value);
  if (caller !== undefined) dispatch({ type: 'act-as', caller });
});
const otherAccount = h('input', { id: 'other-account', size: 14, inputmode: 'numeric', placeholder: '333333333333' }) as HTMLInputElement;
const otherRegion = h('input', { id: 'other-region', size: 12, placeholder: 'eu-west-1' }) as HTMLInputElement;

/** The commands of the form: their fields, and how the fields make the command. */
interface CommandForm {
  readonly type: string;
  readonly label: string;
  readonly fields: readonly { readonly name: string; readonly label: string; readonly placeholder?: string; readonly checkbox?: boolean }[];
  readonly make: (values: Readonly<Record<string, string | boolean>>) => Command;
}

const text = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const pcxField = { name: 'VpcPeeringConnectionId', label: 'Connection', placeholder: 'pcx-…' };

const FORMS: readonly CommandForm[] = [
  { type: 'CreateVpc', label: 'Create VPC', fields: [{ name: 'CidrBlock', label: 'CIDR block', placeholder: '10.0.0.0/16' }], make: (v) => ({ type: 'CreateVpc', CidrBlock: text(v['CidrBlock']) }) },
  {
    type: 'CreateVpcPeeringConnection',
    label: 'Request peering',
    fields: [
      { name: 'VpcId', label: 'Your VPC', placeholder: 'vpc-…' },
      { name: 'PeerVpcId', label: 'Peer VPC', placeholder: 'vpc-…' },
      { name: 'PeerOwnerId', label: 'Peer owner (optional)', placeholder: '222222222222' },
      { name: 'PeerRegion', label: 'Peer Region (optional)', placeholder: 'us-west-2' },
    ],
    make: (v) => ({ type: 'CreateVpcPeeringConnection', VpcId: text(v['VpcId']), PeerVpcId: text(v['PeerVpcId']), PeerOwnerId: text(v['PeerOwnerId']), PeerRegion: text(v['PeerRegion']) }),
  },
  { type: 'AcceptVpcPeeringConnection', label: 'Accept', fields: [pcxField], make: (v) => ({ type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: text(v['VpcPeeringConnectionId']) }) },
  { type: 'RejectVpcPeeringConnection', label: 'Reject', fields: [pcxField], make: (v) => ({ type: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: text(v['VpcPeeringConnectionId']) }) },
  { type: 'DeleteVpcPeeringConnection', label: 'Delete connection', fields: [pcxField], make: (v) => ({ type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: text(v['VpcPeeringConnectionId']) }) },
  {
    type: 'ModifyVpcPeeringConnectionOptions',
    label: 'Modify options',
    fields: [
      pcxField,
      { name: 'requesterDns', label: 'Requester: DNS resolution from remote VPC', checkbox: true },
      { name: 'accepterDns', label: 'Accepter: DNS resolution from remote VPC', checkbox: true },
    ],
    make: (v) => ({
      type: 'ModifyVpcPeeringConnectionOptions',
      VpcPeeringConnectionId: text(v['VpcPeeringConnectionId']),
      RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: v['requesterDns'] === true },
      AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: v['accepterDns'] === true },
    }),
  },
  { type: 'DeleteVpc', label: 'Delete VPC', fields: [{ name: 'VpcId', label: 'VPC', placeholder: 'vpc-…' }], make: (v) => ({ type: 'DeleteVpc', VpcId: text(v['VpcId']) }) },
  {
    type: 'CreateSubnet',
    label: 'Create subnet',
    fields: [
      { name: 'VpcId', label: 'VPC', placeholder: 'vpc-…' },
      { name: 'CidrBlock', label: 'CIDR block', placeholder: '10.0.1.0/24' },
    ],
    make: (v) => ({ type: 'CreateSubnet', VpcId: text(v['VpcId']), CidrBlock: text(v['CidrBlock']) }),
  },
  {
    type: 'CreateRoute',
    label: 'Add route',
    fields: [
      { name: 'RouteTableId', label: 'Route table', placeholder: 'rtb-…' },
      { name: 'DestinationCidrBlock', label: 'Destination', placeholder: '10.1.0.0/16' },
      pcxField,
    ],
    make: (v) => ({ type: 'CreateRoute', RouteTableId: text(v['RouteTableId']), DestinationCidrBlock: text(v['DestinationCidrBlock']), VpcPeeringConnectionId: text(v['VpcPeeringConnectionId']) }),
  },
];

function commandForm(spec: CommandForm): HTMLElement {
  const inputs = spec.fields.map((f) => {
    const id = `${spec.type}-${f.name}`;
    const input = (f.checkbox === true
      ? h('input', { id, name: f.name, type: 'checkbox' })
      : h('input', { id, name: f.name, placeholder: f.placeholder, size: 18, autocomplete: 'off' })) as HTMLInputElement;
    return { f, input, label: h('label', { for: id }, f.label, input) };
  });
  return h(
    'form',
    {
      'data-command': spec.type,
      onsubmit: (event) => {
        event.preventDefault();
        const values = Object.fromEntries(inputs.map(({ f, input }) => [f.name, f.checkbox === true ? input.checked : input.value]));
        // Absent members are left out, as an SDK leaves out an undefined input.
        const command = Object.fromEntries(Object.entries(spec.make(values)).filter(([, v]) => v !== undefined)) as Command;
        dispatch({ type: 'command', command });
      },
    },
    h('fieldset', {}, h('legend', {}, spec.label), ...inputs.map((i) => i.label), h('button', { type: 'submit' }, spec.label)),
  );
}

const scenarios = typeof __PCXSIM_SCENARIOS__ === 'undefined' ? [] : __PCXSIM_SCENARIOS__;
const scenarioPick = h(
  'select',
  { id: 'scenario', name: 'scenario' },
  scenarios.map((s, i) => h('option', { value: i }, `${s.file}: ${s.scenario.name ?? ''}`)),
) as HTMLSelectElement;

const reachSource = h('input', { id: 'reach-source', placeholder: 'subnet-… or vpc-…', size: 22 }) as HTMLInputElement;
const reachDestination = h('input', { id: 'reach-destination', placeholder: '10.1.0.10', size: 16 }) as HTMLInputElement;

const outcome = h('p', { id: 'outcome', role: 'status', 'aria-live': 'polite' });
const clock = h('span', { id: 'clock', class: 'mono' });
const history = h('div', { id: 'history' });
const graph = h('div', { id: 'graph' });
const tables = h('div', { id: 'tables' });
const lifecycle = h('div', { id: 'lifecycle' });
const timeline = h('div', { id: 'timeline' });
const reachAnswer = h('div', { id: 'reach-answer', 'aria-live': 'polite' });

const button = (label: string, action: () => PlaygroundAction, id?: string): HTMLElement => h('button', { type: 'button', id, onclick: () => dispatch(action()) }, label);

document.getElementById('app')!.append(
  h('header', {}, h('h1', {}, 'pcxsim — playground'), h('span', {}, 'simulated clock: ', clock), h('span', {}, 'the engine runs in this page; nothing is sent anywhere')),
  h(
    'main',
    {},
    h(
      'div',
      {},
      h('section', { 'aria-labelledby': 'world-h' }, h('h2', { id: 'world-h' }, 'World'), graph, tables),
      h(
        'section',
        { 'aria-labelledby': 'act-h' },
        h('h2', { id: 'act-h' }, 'Act as'),
        h('label', { for: 'act-as' }, 'Account and Region', actAs),
        h(
          'form',
          {
            onsubmit: (event) => {
              event.preventDefault();
              dispatch({ type: 'act-as', caller: { accountId: otherAccount.value.trim(), region: otherRegion.value.trim() } });
            },
          },
          h('label', { for: 'other-account' }, 'Another account', otherAccount),
          h('label', { for: 'other-region' }, 'Region', otherRegion),
          h('button', { type: 'submit' }, 'Act as them'),
        ),
        outcome,
        h('details', { open: true }, h('summary', {}, 'Commands'), FORMS.map(commandForm)),
      ),
    ),
    h(
      'div',
      {},
      h(
        'section',
        { 'aria-labelledby': 'time-ctl-h' },
        h('h2', { id: 'time-ctl-h' }, 'Clock and history'),
        h('div', {}, button('+1 hour', () => ({ type: 'advance', ms: HOUR }), 'advance-1h'), ' ', button('+1 day', () => ({ type: 'advance', ms: DAY }), 'advance-1d'), ' ', button('+7 days', () => ({ type: 'advance', ms: 7 * DAY }), 'advance-7d')),
        h('div', {}, button('◀ Back', () => ({ type: 'back' }), 'back'), ' ', button('Forward ▶', () => ({ type: 'forward' }), 'forward')),
        h(
          'form',
          {
            onsubmit: (event) => {
              event.preventDefault();
              const picked = scenarios[Number(scenarioPick.value)];
              if (picked === undefined) return;
              try {
                dispatch({ type: 'load', scenario: scenarioLog(picked.scenario) });
              } catch (error) {
                outcome.textContent = `cannot load ${picked.file}: ${(error as Error).message}`;
              }
            },
          },
          h('label', { for: 'scenario' }, 'Scenario', scenarioPick),
          h('button', { type: 'submit', id: 'load-scenario' }, 'Load'),
        ),
        history,
      ),
      h(
        'section',
        { 'aria-labelledby': 'reach-h' },
        h('h2', { id: 'reach-h' }, 'Can it reach?'),
        h(
          'form',
          {
            onsubmit: (event) => {
              event.preventDefault();
              dispatch({ type: 'reach', source: reachSource.value.trim(), destinationIp: reachDestination.value.trim() });
            },
          },
          h('label', { for: 'reach-source' }, 'From subnet', reachSource),
          h('label', { for: 'reach-destination' }, 'To address', reachDestination),
          h('button', { type: 'submit' }, 'Ask'),
        ),
        reachAnswer,
      ),
      h('section', { 'aria-labelledby': 'life-h' }, h('h2', { id: 'life-h' }, 'Lifecycle'), lifecycle),
      h('section', { 'aria-labelledby': 'time-h' }, h('h2', { id: 'time-h' }, 'Timeline'), timeline),
    ),
  ),
);

// ---- drawing: from the state alone ----

function draw(): void {
  const replayed = replay(state.worldOptions, state.log, state.cursor);
  const p = picture(replayed.world, state.caller);
  clock.textContent = new Date(p.clock).toISOString();
  replace(actAs, ...state.callers.map((c) => h('option', { value: callerKey(c), selected: callerKey(c) === callerKey(state.caller) }, callerKey(c))));
  actAs.value = callerKey(state.caller);

  const o = state.outcome;
  outcome.className = o === undefined ? '' : o.ok ? 'ok' : 'error';
  outcome.textContent = o === undefined ? '' : o.ok ? o.text : `${o.code}: ${o.message}`;

  const all = replay(state.worldOptions, state.log);
  replace(
    history,
    h('p', {}, state.scenario === undefined ? '' : `Scenario: ${state.scenario}. `, `Step ${state.cursor} of ${state.log.length}.`),
    h(
      'ol',
      { class: 'log', id: 'command-log' },
      state.log.map((entry, i) => {
        const result = all.results[i];
        return h(
          'li',
          { class: i < state.cursor ? undefined : 'undone' },
          h('span', { class: 'mono' }, `${callerKey(entry.caller)} ${entry.command.type}`),
          result === undefined || result.ok ? ' ✓' : h('span', { class: 'error' }, ` ${result.code}`),
        );
      }),
    ),
  );

  const select = (id: string): void => dispatch({ type: 'select', connectionId: state.selected === id ? undefined : id });
  const path = state.reach === undefined ? undefined : [...state.reach.path, ...state.reach.vpcs];
  replace(graph, renderGraph(p, { selected: state.selected, path }, select));
  replace(tables, ...renderTables(p, state.selected, select));
  const connection = p.connections.find((c) => c.id === state.selected) ?? (state.selected === undefined ? p.connections[0] : undefined);
  replace(lifecycle, ...renderLifecycle(connection?.state as PeeringState | undefined, connection?.id));
  replace(timeline, renderTimeline(timelineFor(replayed.journal, p)));

  const r = state.reach;
  replace(
    reachAnswer,
    ...(r === undefined
      ? []
      : [
          h('p', { class: r.reachable ? 'ok' : 'error' }, `${r.source} → ${r.destinationIp}: ${r.reachable ? 'reachable' : 'not reachable'}`),
          r.path.length === 0 ? h('span') : h('p', { class: 'mono' }, `path: ${r.path.join(' → ')}`),
          h('ul', {}, r.sentences.map((s) => h('li', {}, s))),
        ]),
  );
}

draw();
