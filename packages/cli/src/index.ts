/**
 * The `pcxsim` command: `serve` (an EC2 Query endpoint on loopback over an embedded durable store),
 * `run` (replay a scenario and check its expectations), `history` (read a data directory's log) and
 * `conform` (check another EC2 endpoint against pcxsim).
 *
 * The store is a module of its own ({@link CommandStore}): it is handed the stream of accepted
 * commands an embedder could hand to a store of its own, and rebuilds the world by replaying it.
 *
 * @packageDocumentation
 */
export { main, overview } from './main.js';
export { CommandStore, StoreError, SCHEMA_VERSION, replay, WriteFailure } from './store.js';
export type { LoggedCommand, StoredCommand, StoreOptions } from './store.js';
export { runScenario, parseScenario, formatTimeline, durationMs } from './scenario.js';
export type { Scenario, ScenarioStep, CommandStep, ClockStep, ExpectStep, TimelineEntry, RunResult } from './scenario.js';
export { formatHistory } from './history.js';
