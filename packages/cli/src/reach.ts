// `pcxsim reach`: "why can't this subnet reach that address?" (issue 13), against a running server
// (its control API's POST /_pcxsim/reachability) or a data directory (read-only, also while a server
// holds it). Prints the path, or Reachability Analyzer's explanations with a sentence each. Exit 0
// reachable, 1 not reachable, 2 a usage error or a request pcxsim refused.
import { answerReachability, type ReachabilityAnswer } from '@pcxsim/ec2-query';
import type { PathComponentOutput, ReachabilityAnalysis } from '@pcxsim/engine';
import { defineCommand } from './command.js';
import { anyText, httpUrl, option, toggle, UsageError, type FlagValues } from './flags.js';
import { CommandStore } from './store.js';

/** Where the command writes. */
export interface ReachOutput {
  /** Standard output. */
  stdout(text: string): void;
  /** Standard error. */
  stderr(text: string): void;
}

const REACH_FLAGS = {
  endpoint: option({ value: 'URL', help: 'a running pcxsim to ask (its POST /_pcxsim/reachability); give this or --data', show: 'none', parse: httpUrl }),
  data: option({ value: 'DIR', help: 'a data directory of `pcxsim serve --data` to read (read-only, also while a server holds it); give this or --endpoint', show: 'none', parse: anyText }),
  account: option({ value: 'ACCOUNT', help: 'the account that asks: SOURCE must be its own', required: true, parse: anyText }),
  region: option({ value: 'REGION', help: 'the Region of SOURCE', required: true, parse: anyText }),
  'source-ip': option({ value: 'IP', help: 'the address the packet leaves from', show: "the source subnet's first instance address", parse: anyText }),
  json: toggle("print Reachability Analyzer's answer as JSON"),
} as const;

/** `pcxsim reach` (issue 13): "why can't SOURCE reach IP?", a command of main.ts's table. */
export const reachCommand = defineCommand({
  name: 'reach',
  summary:
    "Can SOURCE (a subnet, or a VPC: its main table) reach IP over peering? Prints the path, or why not in Reachability Analyzer's codes with a sentence each. Exit 0 reachable, 1 not reachable, 2 a usage error or a query pcxsim refused.",
  operands: { usage: 'SOURCE IP', min: 2, max: 2, help: 'a subnet or VPC ID of the account, and the destination address' },
  flags: REACH_FLAGS,
  run: ({ flags, operands }) => {
    if ((flags.endpoint === undefined) === (flags.data === undefined)) throw new UsageError('give exactly one of --endpoint URL and --data DIR');
    return reach(flags, operands, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
  },
});

/** Asks for the analysis of `SOURCE IP` and prints it; resolves to the exit code (0 reachable, 1 not, 2 refused). */
export async function reach(flags: FlagValues<typeof REACH_FLAGS>, operands: readonly string[], out: ReachOutput): Promise<number> {
  const body = {
    accountId: flags.account,
    region: flags.region,
    source: operands[0]!,
    destinationIp: operands[1]!,
    ...(flags['source-ip'] === undefined ? {} : { sourceIp: flags['source-ip'] }),
  };
  let answer: ReachabilityAnswer;
  try {
    answer = flags.endpoint !== undefined ? await overHttp(flags.endpoint, body) : await fromData(flags.data!, body);
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
  out.stdout(flags.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatAnalysis(analysis, body.source, body.destinationIp));
  return analysis.NetworkPathFound ? 0 : 1;
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
