/**
 * The pcxsim world drawn for people: a live view served by `pcxsim serve` at `/_pcxsim/ui`, and a
 * static playground where the engine runs in the browser. This package holds the pure parts both
 * pages share — what a caller sees ({@link picture}), the timeline ({@link timelineFor}), the
 * lifecycle diagram ({@link lifecycleDiagram}), the playground's reducer ({@link playgroundReducer})
 * — and the page's script ({@link liveScript}, {@link buildPlayground}).
 *
 * @packageDocumentation
 */

export { picture } from './picture.js';
export type { Picture, PictureBlock, PictureError, PictureVpc, PictureEnd, PictureConnection, PictureRoute, PictureRouteTable, PictureSubnet } from './picture.js';
export { Journal, JOURNAL_CAPACITY, timelineFor, describeEvent, subjectOf } from './journal.js';
export type { JournalEntry, TimelineItem } from './journal.js';
export { liveState } from './live-state.js';
export type { LiveState } from './live-state.js';
export { lifecycleDiagram, nextTransitions } from './lifecycle-diagram.js';
export type { LifecycleDiagram, DiagramNode, DiagramEdge } from './lifecycle-diagram.js';
export { replay } from './command-log.js';
export type { LogEntry, Replayed, ReplayResult } from './command-log.js';
export { scenarioLog } from './scenario-log.js';
export type { ScenarioFile, ScenarioLog } from './scenario-log.js';
export { playgroundReducer, initialPlayground, DEFAULT_CALLERS } from './playground-state.js';
export type { PlaygroundState, PlaygroundAction, Outcome, ReachAnswer } from './playground-state.js';
export { pageHtml } from './page.js';
export { bundle, liveScript } from './assets.js';
export type { BundleName, BundleExtras } from './assets.js';
export { buildPlayground, readScenarios, SCENARIOS_DIR } from './playground-build.js';
export type { BuiltScenario } from './playground-build.js';
