// `pcxsim reach`: "why can't this subnet reach that address?" (issue 13), against a running server
// (its control API's POST /_pcxsim/reachability) or a data directory (read-only, also while a server
// holds it). Prints the path, or Reachability Analyzer's explanations with a sentence each. Exit 0
// reachable, 1 not reachable, 2 a usage error or a request pcxsim refused.
import { parseArgs } from 'node:util';
import { answerReachability, type ReachabilityAnswer } from '@pcxsim/ec2-query';
import type { PathComponentOutput, ReachabilityAnalysis } from '@pcxsim/engine';
import { CommandStore } from './store.js';

/** The usage text of `pcxsim reach`. */
export const REACH_USAGE = `  reach    (--endpoint URL | --data DIR) --account ACCOUNT --region REGION SOURCE IP [--source-ip IP] [--json]
           can SOURCE (a subnet, or a VPC: its main table) reach IP over peering? the path, or why not
           (Reachability Analyzer's codes; exit 0 reachable, 1 not, 2 error)
`;

/** Where the command writes. */
export interface ReachOutput {
  /** Standard output. */
  stdout(text: string): void;
  /** Standard error. */
  stderr(text: string): void;
}

const OPTIONS = {
  endpoint: { type: 'string' },
  data: { type: 'string' },
  account: { type: 'string' },
  region: { type: 'string' },
  'source-ip': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

/** Runs `pcxsim reach` with the arguments after `reach`; resolves to the exit code. */
export async function reach(argv: readonly string[], out: ReachOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    if (parsed.values.help === true) {
      out.stdout(`usage: pcxsim reach [options]\n${REACH_USAGE}`);
      return 0;
    }
    check(parsed.values, parsed.positionals);
  } catch (error) {
    // parseArgs names the unknown flag itself ("Unknown option '--x'").
    out.stderr(`pcxsim reach: ${(error as Error).message}\nusage: pcxsim reach [options]\n${REACH_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const body = {
    accountId: values.account!,
    region: values.region!,
    source: positionals[0]!,
    destinationIp: positionals[1]!,
    ...(values['source-ip'] === undefined ? {} : { sourceIp: values['source-ip'] }),
  };
  let answer: ReachabilityAnswer;
  try {
    answer = values.endpoint !== undefined ? await overHttp(values.endpoint, body) : await fromData(values.data!, body);
  } catch (error) {
    out.stderr(`pcxsim reach: ${(error as Error).message}\n`);
    return 2;
  }
  if (answer.status !== 200 || !('NetworkPathFound' in answer.body)) {
    const error = 'error' in answer.body ? answer.body.error : { code: String(answer.status), message: 'unexpected answer' };
    out.stderr(`pcxsim reach: ${error.code}: ${error.message}\n`);
    return 2;
  }
  const analysis = answer.body;
  out.stdout(values.json === true ? `${JSON.stringify(analysis, null, 2)}\n` : formatAnalysis(analysis, body.source, body.destinationIp));
  return analysis.NetworkPathFound ? 0 : 1;
}

function check(values: { endpoint?: string | undefined; data?: string | undefined; account?: string | undefined; region?: string | undefined }, positionals: readonly string[]): void {
  if ((values.endpoint === undefined) === (values.data === undefined)) throw new UsageError('give exactly one of --endpoint URL and --data DIR');
  if (values.account === undefined) throw new UsageError('--account is required');
  if (values.region === undefined) throw new UsageError('--region is required');
  if (positionals.length !== 2) throw new UsageError(`expected SOURCE and IP, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}`);
  if (values.endpoint !== undefined) {
    try {
      new URL(values.endpoint);
    } catch {
      throw new UsageError(`--endpoint is not a URL: ${values.endpoint}`);
    }
  }
}

async function overHttp(endpoint: string, body: object): Promise<ReachabilityAnswer> {
  const url = new URL('/_pcxsim/reachability', endpoint);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    throw new Error(`cannot reach ${url.href}: ${(error as Error).message}`);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) } as ReachabilityAnswer;
  } catch {
    throw new Error(`${url.href} answered ${response.status} without JSON (is it pcxsim with its control API?)`);
  }
}

async function fromData(dir: string, body: object): Promise<ReachabilityAnswer> {
  const store = CommandStore.open(dir, { readOnly: true });
  try {
    return answerReachability(store.restore(), body);
  } finally {
    await store.close();
  }
}

function hop(component: PathComponentOutput): string {
  const route = component.RouteTableRoute;
  if (route !== undefined) return `${component.Component.Id} (${route.DestinationCidr} → ${route.GatewayId ?? route.VpcPeeringConnectionId} ${route.State})`;
  if (component.SourceVpc !== undefined && component.DestinationVpc !== undefined) return `${component.Component.Id} (${component.SourceVpc.Id} → ${component.DestinationVpc.Id})`;
  return component.Component.Id;
}

/** The analysis as a few readable lines. */
export function formatAnalysis(analysis: ReachabilityAnalysis, source: string, destination: string): string {
  const lines = [`${analysis.NetworkPathFound ? 'reachable' : 'not reachable'}: ${source} → ${destination}`];
  if (analysis.ForwardPathComponents.length > 0) lines.push(`  path:   ${analysis.ForwardPathComponents.map(hop).join('\n          ')}`);
  if (analysis.ReturnPathComponents.length > 0) lines.push(`  return: ${analysis.ReturnPathComponents.map(hop).join('\n          ')}`);
  for (const explanation of analysis.Explanations) lines.push(`  ${explanation.ExplanationCode} (${explanation.Direction}): ${explanation.Sentence}`);
  return `${lines.join('\n')}\n`;
}
