import type { SequenceStep } from './sequence-step.js';

/** A compact JSON-like spelling of a value: no quotes around keys, strings quoted only when needed. */
function compact(value: unknown): string {
  if (typeof value === 'string') return /^[\w$.:/*?-]+$/.test(value) ? value : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(compact).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${key}:${compact(item)}`)
      .join(',')}}`;
  }
  return String(value);
}

/**
 * One line for a step, as reports print it: the action, its members, and the caller.
 *
 * @example
 * formatStep({ caller: { accountId: '111111111111', region: 'us-east-1' }, command: { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: '$pcx0' } })
 * // 'AcceptVpcPeeringConnection{VpcPeeringConnectionId:$pcx0} as 111111111111@us-east-1'
 */
export function formatStep(step: SequenceStep): string {
  const { type, ...members } = step.command;
  return `${type}${compact(members)} as ${step.caller.accountId}@${step.caller.region}`;
}
