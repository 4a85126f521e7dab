// The conformance checker with route steps (issue 13): sequences that create subnets, route tables,
// associations and routes to peering connections, replayed against pcxsim over HTTP, agree with
// pcxsim in process — the sender maps every routing action to its SDK command, and Bindings carry
// the new symbols ($subnetN, $rtbN, $rtbassocN) on both sides.
import type { RunningServer } from '@pcxsim/ec2-query';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkConformance, commandSequence, formatReport, ROUTING_ACTIONS, SEQUENCE_ACTIONS } from '../src/index.js';
import type { SequenceStep } from '../src/arbitraries/sequence-step.js';
import { startTarget } from './conform-targets.js';

const seed = fc.readConfigureGlobal().seed ?? 1;
const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const WITH_ROUTES = [...SEQUENCE_ACTIONS, ...ROUTING_ACTIONS].filter((action) => action !== 'AdvanceClock');

describe('pcxsim conform with route steps', () => {
  it('pcxsim over HTTP agrees on sequences with routing steps, valid and invalid (reset before each)', async () => {
    const server = await startTarget();
    servers.push(server);
    // The sequences checkConformance would generate for `actions`, seen on their way through.
    const seen: (readonly SequenceStep[])[] = [];
    const sequences = commandSequence({ actions: WITH_ROUTES, clockSteps: false, maxLength: 25, invalid: 2 }).map((steps) => {
      seen.push(steps);
      return steps;
    });
    const report = await checkConformance({ endpoint: server.url, runs: 30, seed, sequences, resetUrl: `${server.url}/_pcxsim/reset` });
    expect(report.error).toBeUndefined();
    expect(report.divergences.map((d) => formatReport({ ...report, divergences: [d] }))).toEqual([]);
    expect(report.conformant).toBe(true);
    const routing = new Set<string>(ROUTING_ACTIONS);
    const routeSteps = seen.flat().filter(({ command }) => routing.has(command.type));
    const kinds = new Set(routeSteps.map(({ command }) => command.type));
    console.log(`conform with routes: ${seen.length} sequences, ${routeSteps.length} routing steps of ${kinds.size} actions`);
    expect(kinds).toContain('CreateRoute');
    expect(kinds).toContain('CreateRouteTable');
    expect(kinds).toContain('CreateSubnet');
    expect(kinds.size).toBeGreaterThanOrEqual(8);
  }, 300_000);
});
