// Real systems move some values on by themselves, a little later: a peering request is checked
// (initiating-request → pending-acceptance or failed), an accepted one set up (provisioning → active),
// a deleted one torn down (deleting → deleted); a CIDR block associates; a VPC becomes available.
// pcxsim resolves them on its next clock step, a real target whenever it is ready. So two answers
// agree on such a value when either could still become the other — equal, one a successor of the
// other, or both heading to the same state. What really differs (pending-acceptance vs failed) stays
// a divergence once the target has settled.
import { STATUS_MESSAGES, TRANSITIONS, isTransient } from '@pcxsim/lifecycle';

/** From each transient value, the values it resolves to by itself. */
export type Successors = Readonly<Record<string, readonly string[]>>;

/** The peering states, from the lifecycle table's own system transitions out of transient states. */
export const PEERING_SUCCESSORS: Successors = TRANSITIONS.reduce<Record<string, string[]>>((table, rule) => {
  if (rule.from !== null && isTransient(rule.from) && rule.by.includes('system')) (table[rule.from] ??= []).push(rule.to);
  return table;
}, {});

// spec §6.1: block associations resolve; CreateVpc answers `pending` on AWS, `available` on pcxsim.
const STATE_SUCCESSORS: Successors = {
  associating: ['associated'],
  disassociating: ['disassociated'],
  pending: ['available'],
};

/** The successors that apply to the value at `path` (a dotted output path), if it is a moving value. */
export function successorsAt(path: string): Successors | undefined {
  if (path === 'Status.Code' || path.endsWith('.Status.Code')) return PEERING_SUCCESSORS;
  if (path === 'State' || path.endsWith('.State')) return STATE_SUCCESSORS;
  return undefined;
}

/** Whether `a` and `b` may be the same value seen at different moments. */
export function mayConverge(successors: Successors, a: string, b: string): boolean {
  if (a === b) return true;
  const fromA = successors[a] ?? [];
  const fromB = successors[b] ?? [];
  return fromA.includes(b) || fromB.includes(a) || fromA.some((next) => fromB.includes(next));
}

/** Whether a peering state is transient (the checker waits for a target's connections to leave them). */
export function isTransientState(code: unknown): boolean {
  return typeof code === 'string' && code in PEERING_SUCCESSORS;
}

/**
 * Whether the `Status.Message` of `code` is a known AWS text (doc or obs) and so compared; the
 * others are pcxsim's own choice (spec §11), and a target may word them differently.
 */
export function hasKnownMessage(code: string): boolean {
  const message = (STATUS_MESSAGES as Readonly<Record<string, { readonly confidence: string } | undefined>>)[code];
  return message !== undefined && message.confidence !== '?';
}

