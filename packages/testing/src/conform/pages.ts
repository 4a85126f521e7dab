// A list-Describe with MaxResults answers one page, and which items land on the first page depends
// on everything else the server holds — on a target that is never reset, on earlier sequences. So
// the checker walks every page on each side and compares the whole lists; that pages are cut at
// all (MaxResults 5..1000, a NextToken but on the last) still shows when a page or its token fails.
import type { Command } from '@pcxsim/engine';
import type { Outcome } from './outcome.js';

const LIST_OF: Readonly<Record<string, string>> = {
  DescribeVpcPeeringConnections: 'VpcPeeringConnections',
  DescribeVpcs: 'Vpcs',
  DescribeTags: 'Tags',
};

/** Enough pages for any sequence's resources; a server whose tokens never end stops here. */
const MAX_PAGES = 50;

/** Sends `command`; when it asks for one page of a list, follows NextToken and answers the whole list. */
export async function sendAllPages(send: (command: Command) => Promise<Outcome>, command: Command): Promise<Outcome> {
  const first = await send(command);
  const list = LIST_OF[command.type];
  if (!first.ok || list === undefined || !('MaxResults' in command) || command.MaxResults === undefined || command.NextToken !== undefined) return first;
  const items: unknown[] = [];
  let page: Outcome = first;
  for (let pages = 1; ; pages++) {
    const onPage = page.output[list];
    if (Array.isArray(onPage)) items.push(...(onPage as unknown[]));
    const token = page.output['NextToken'];
    if (typeof token !== 'string' || token === '' || pages >= MAX_PAGES) {
      const { NextToken: _last, ...rest } = first.output;
      return { ok: true, status: first.status, output: { ...rest, [list]: items, ...(pages >= MAX_PAGES ? { NextToken: token } : {}) } };
    }
    const next = await send({ ...command, NextToken: token } as Command);
    if (!next.ok) return next;
    page = next;
  }
}
