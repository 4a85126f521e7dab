// The lifecycle diagram, generated from @pcxsim/lifecycle's table as docs/lifecycle.md's Mermaid
// diagram is (packages/lifecycle/src/render-doc.ts): the same states and rows, laid out for the page
// as SVG, with one connection's state picked out and the transitions it can still take, by whom.
import { PEERING_STATES, TRANSITIONS, TRIGGERS, isTerminal, isTransient, type Actor, type PeeringState } from '@pcxsim/lifecycle';

/** A state's box in the diagram. */
export interface DiagramNode {
  /** The state; `start` for the black dot before Create. */
  readonly state: PeeringState | 'start';
  /** Its column: the number of transitions from the start on a shortest path. */
  readonly column: number;
  /** Its row within the column. */
  readonly row: number;
  /** `transient`, `stable` or `terminal` (grey in the diagram, as in docs/lifecycle.md). */
  readonly kind: 'start' | 'transient' | 'stable' | 'terminal';
}

/** A transition: one row of the lifecycle table. */
export interface DiagramEdge {
  /** The state it leaves (`start` for Create). */
  readonly from: PeeringState | 'start';
  /** The state it enters. */
  readonly to: PeeringState;
  /** The trigger's short name (`Accept`, `expired after 7 days` …). */
  readonly name: string;
  /** The EC2 action that sets it off, for an owner's trigger. */
  readonly action: string | null;
  /** Who may set it off. */
  readonly by: readonly Actor[];
}

/** The whole diagram: nodes placed on a grid, and the table's rows as edges. */
export interface LifecycleDiagram {
  /** Every state, and the start. */
  readonly nodes: readonly DiagramNode[];
  /** Every row of the table. */
  readonly edges: readonly DiagramEdge[];
}

const keyOf = (state: PeeringState | null): PeeringState | 'start' => state ?? 'start';

/**
 * The diagram of the lifecycle table: each state in the column of its shortest distance from the
 * start (breadth-first over TRANSITIONS), rows in PEERING_STATES order. Generated, so it cannot
 * drift from the engine's rules.
 */
export function lifecycleDiagram(): LifecycleDiagram {
  const column = new Map<PeeringState | 'start', number>([['start', 0]]);
  let frontier: (PeeringState | 'start')[] = ['start'];
  while (frontier.length > 0) {
    const next: PeeringState[] = [];
    for (const from of frontier) {
      for (const rule of TRANSITIONS) {
        if (keyOf(rule.from) !== from || column.has(rule.to)) continue;
        column.set(rule.to, column.get(from)! + 1);
        next.push(rule.to);
      }
    }
    frontier = next;
  }
  const rows = new Map<number, number>();
  const place = (state: PeeringState | 'start'): DiagramNode => {
    const col = column.get(state) ?? 0;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    const kind = state === 'start' ? 'start' : isTerminal(state) ? 'terminal' : isTransient(state) ? 'transient' : 'stable';
    return { state, column: col, row, kind };
  };
  return {
    nodes: [place('start'), ...PEERING_STATES.map(place)],
    edges: TRANSITIONS.map((rule) => ({
      from: keyOf(rule.from),
      to: rule.to,
      name: TRIGGERS[rule.trigger].name,
      action: TRIGGERS[rule.trigger].action,
      by: rule.by,
    })),
  };
}

/** The transitions a connection in `state` can still take, with who may set each off (none from a terminal state). */
export function nextTransitions(state: PeeringState): DiagramEdge[] {
  return lifecycleDiagram().edges.filter((edge) => edge.from === state);
}
