// Compares two normalised outcomes of the same step. The HTTP status and the error code must be
// equal (the code in its exact casing: clients and SDK waiters match it as a string); a success must
// have the same fields, deep, with the same values — except values a real system moves on by itself
// (transient-values.ts), and status messages pcxsim had to guess. Lists are compared as sets, keyed
// by the ID (or key, or CIDR) of their items: no server promises an order.
import type { Outcome } from './outcome.js';
import { PEERING_SUCCESSORS, hasKnownMessage, mayConverge, successorsAt } from './transient-values.js';

/** How an answer of the target differs from pcxsim's. */
export type DifferenceKind =
  /** Another HTTP status (this includes success against failure). */
  | 'status'
  /** Both failed, with other error codes. */
  | 'error-code'
  /** pcxsim's answer has a field the target's lacks. */
  | 'missing-field'
  /** The target's answer has a field pcxsim's lacks. */
  | 'extra-field'
  /** Another peering state (`Status.Code`), and not one the other could still reach. */
  | 'state'
  /** Another value. */
  | 'value'
  /** An item of a list (a connection, a VPC, a tag, a CIDR block) that only pcxsim shows. */
  | 'missing-item'
  /** An item of a list that only the target shows. */
  | 'extra-item';

/** One difference between the two answers to a step. */
export interface Difference {
  /** What kind of difference. */
  readonly kind: DifferenceKind;
  /** Where, as a path into the SDK output (`VpcPeeringConnection.Status.Code`); `''` for the status or the error. */
  readonly path: string;
  /** pcxsim's value there, when it has one. */
  readonly reference?: unknown;
  /** The target's value there, when it has one. */
  readonly target?: unknown;
}

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/** The fields that identify an item of a list, in order of preference. */
const ITEM_KEYS = ['VpcPeeringConnectionId', 'VpcId', 'Key', 'CidrBlock', 'Ipv6CidrBlock', 'AssociationId'] as const;

function itemKey(item: unknown): string | undefined {
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return String(item);
  if (!isObject(item)) return undefined;
  // DescribeTags: one item per (resource, key).
  if (typeof item['ResourceId'] === 'string' && typeof item['Key'] === 'string') return `${item['ResourceId']}/${item['Key']}`;
  for (const name of ITEM_KEYS) if (typeof item[name] === 'string') return item[name];
  return undefined;
}

/** The items by key, or undefined when some item has no key or two share one. */
function keyed(items: readonly unknown[]): Map<string, unknown> | undefined {
  const byKey = new Map<string, unknown>();
  for (const item of items) {
    const key = itemKey(item);
    if (key === undefined || byKey.has(key)) return undefined;
    byKey.set(key, item);
  }
  return byKey;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) => (isObject(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner));

function compareLists(reference: readonly unknown[], target: readonly unknown[], path: string, out: Difference[]): void {
  const ours = keyed(reference);
  const theirs = keyed(target);
  if (ours !== undefined && theirs !== undefined) {
    for (const [key, item] of ours) {
      if (theirs.has(key)) compareValues(item, theirs.get(key), `${path}[${key}]`, out);
      else out.push({ kind: 'missing-item', path: `${path}[${key}]`, reference: item });
    }
    for (const [key, item] of theirs) if (!ours.has(key)) out.push({ kind: 'extra-item', path: `${path}[${key}]`, target: item });
    return;
  }
  // Items without an identity: compare them in a canonical order.
  const byText = (x: unknown, y: unknown): number => (canonical(x) < canonical(y) ? -1 : canonical(x) > canonical(y) ? 1 : 0);
  const a = [...reference].sort(byText);
  const b = [...target].sort(byText);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= b.length) out.push({ kind: 'missing-item', path: `${path}[${i}]`, reference: a[i] });
    else if (i >= a.length) out.push({ kind: 'extra-item', path: `${path}[${i}]`, target: b[i] });
    else compareValues(a[i], b[i], `${path}[${i}]`, out);
  }
}

// spec §1.1: the code must agree (modulo moving on); the message only where AWS's text is known and
// the two codes are the same moment.
function compareStatus(reference: Json, target: Json, path: string, out: Difference[]): void {
  for (const key of new Set([...Object.keys(reference), ...Object.keys(target)])) {
    if (key === 'Message' && reference['Message'] !== undefined && target['Message'] !== undefined) {
      const code = reference['Code'];
      if (typeof code !== 'string' || code !== target['Code'] || !hasKnownMessage(code)) continue;
    }
    compareValues(reference[key], target[key], join(path, key), out);
  }
}

function compareValues(reference: unknown, target: unknown, path: string, out: Difference[]): void {
  if (reference === undefined && target === undefined) return;
  if (reference === undefined) {
    out.push({ kind: 'extra-field', path, target });
    return;
  }
  if (target === undefined) {
    out.push({ kind: 'missing-field', path, reference });
    return;
  }
  if (Array.isArray(reference) && Array.isArray(target)) {
    compareLists(reference, target, path, out);
    return;
  }
  if (isObject(reference) && isObject(target)) {
    if (path === 'Status' || path.endsWith('.Status')) {
      compareStatus(reference, target, path, out);
      return;
    }
    for (const key of new Set([...Object.keys(reference), ...Object.keys(target)])) compareValues(reference[key], target[key], join(path, key), out);
    return;
  }
  const successors = successorsAt(path);
  if (successors !== undefined && typeof reference === 'string' && typeof target === 'string' && mayConverge(successors, reference, target)) return;
  if (canonical(reference) !== canonical(target)) {
    out.push({ kind: successors === PEERING_SUCCESSORS ? 'state' : 'value', path, reference, target });
  }
}

/** Every difference between pcxsim's normalised outcome of a step and the target's; empty when they agree. */
export function compareOutcomes(reference: Outcome, target: Outcome): Difference[] {
  const out: Difference[] = [];
  if (reference.status !== target.status) {
    out.push({ kind: 'status', path: '', reference: reference.status, target: target.status });
  } else if (reference.ok !== target.ok) {
    // The same status, yet one side's answer was no success (an error document the SDK read as one, or an unreadable body).
    const said = (outcome: Outcome): string => (outcome.ok ? `${outcome.status} success` : `${outcome.status} ${outcome.code}`);
    out.push({ kind: 'status', path: '', reference: said(reference), target: said(target) });
  }
  if (!reference.ok && !target.ok) {
    if (reference.code !== target.code) out.push({ kind: 'error-code', path: '', reference: reference.code, target: target.code });
    return out;
  }
  if (reference.ok && target.ok) compareValues(reference.output, target.output, '', out);
  return out;
}
