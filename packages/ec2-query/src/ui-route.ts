// The web view of the world (issue 18) under the control API, for `pcxsim serve` and any embedder:
//   GET /_pcxsim/ui                                    the page (@pcxsim/ui's live view)
//   GET /_pcxsim/ui/live.js                            its script, built into @pcxsim/ui: no CDN
//   GET /_pcxsim/ui/state?account=…&region=…           JSON: the world as that caller sees it
//                                                      (the engine's own Describes), its timeline
// ec2-query depends on @pcxsim/ui, never the reverse; @pcxsim/ui depends only on the engine and
// the lifecycle, so the layering stays one-way. Same port and loopback as everything else; JSON
// answers carry the simulated clock like the other control routes.
import type { World } from '@pcxsim/engine';
import { liveScript, liveState, pageHtml, type Journal } from '@pcxsim/ui';
import { clockHeader } from './clock-header.js';
import type { WireRequest, WireResponse } from './wire.js';

/** The path of the page. */
export const UI_PATH = '/_pcxsim/ui';

/** What the view reads: the world now, and the journal of what happened. */
export interface UiSource {
  /** The current world. */
  readonly world: World;
  /** The recent commands with their events. */
  readonly journal: Journal;
}

/** Whether `path` is the page or one of its resources. */
export const isUiPath = (path: string): boolean => path === UI_PATH || path.startsWith(`${UI_PATH}/`);

const error = (status: number, code: string, message: string, now: number): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...clockHeader(now) },
  body: JSON.stringify({ error: { code, message } }),
});

/** Answers a request for the page, its script or its state. Total: never throws for any request. */
export function handleUi(source: UiSource, request: WireRequest): WireResponse {
  const now = source.world.clock;
  if (request.method !== 'GET') {
    return { ...error(405, 'MethodNotAllowed', `${request.path} takes GET`, now), headers: { 'content-type': 'application/json', allow: 'GET' } };
  }
  switch (request.path) {
    case UI_PATH:
    case `${UI_PATH}/`:
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: pageHtml('live', { src: `${UI_PATH}/live.js` }) };
    case `${UI_PATH}/live.js`:
      return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: liveScript() };
    case `${UI_PATH}/state`: {
      const query = new URLSearchParams(request.query);
      const accountId = query.get('account');
      const region = query.get('region');
      if (accountId === null || region === null) return error(400, 'MissingParameter', 'The request must contain the parameters account and region', now);
      const state = liveState(source.world, source.journal.list(), { accountId, region });
      return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...clockHeader(now) }, body: JSON.stringify(state) };
    }
    default:
      return error(404, 'NotFound', `No UI route ${request.path}`, now);
  }
}
