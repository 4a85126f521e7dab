// `pcxsim history`: the timeline of one resource, or of the whole log, read from the store.
import { defineCommand } from './command.js';
import { anyText, option } from './flags.js';
import { CommandStore, type StoredCommand } from './store.js';

/** True when the logged command or what it did names the resource. */
function mentions(entry: StoredCommand, id: string): boolean {
  return JSON.stringify(entry.command).includes(`"${id}"`) || JSON.stringify(entry.events).includes(`"${id}"`);
}

/** One line per logged command (filtered to `id` when given): time, caller, action, what it did. */
export function formatHistory(entries: Iterable<StoredCommand>, id?: string): string {
  const lines: string[] = [];
  for (const entry of entries) {
    if (id !== undefined && !mentions(entry, id)) continue;
    const happened = entry.events.map((event) => Object.entries(event).filter(([k]) => k !== 'at').map(([, v]) => String(v)).join(' ')).join('; ');
    lines.push(`${String(entry.seq).padStart(6)}  ${new Date(entry.clock).toISOString()}  ${entry.caller.accountId} ${entry.caller.region.padEnd(14)} ${entry.command.type.padEnd(34)} ${happened}`);
  }
  return lines.length === 0 ? (id === undefined ? 'the log is empty\n' : `nothing in the log mentions ${id}\n`) : `${lines.join('\n')}\n`;
}

/** `pcxsim history`. */
export const historyCommand = defineCommand({
  name: 'history',
  summary: 'The timeline of one resource, or the whole log, from a data directory (also while a server uses it).',
  operands: { usage: '[pcx-id|vpc-id]', min: 0, max: 1, help: 'only the commands that name this resource' },
  flags: {
    data: option({ value: 'DIR', help: 'the data directory of `pcxsim serve --data`', default: '.pcxsim-data', parse: anyText }),
  },
  run: async ({ flags, operands }) => {
    const store = CommandStore.open(flags.data, { readOnly: true });
    try {
      process.stdout.write(formatHistory(store.commands(), operands[0]));
    } finally {
      await store.close();
    }
    return 0;
  },
});
