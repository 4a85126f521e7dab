// The timeline of events, newest first, with the simulated time of each.
import type { TimelineItem } from '../src/journal.js';
import { h } from './dom.js';

/** The timeline as a list; at most `limit` items, newest first. */
export function renderTimeline(items: readonly TimelineItem[], limit = 200): Element {
  const shown = items.slice(-limit).reverse();
  return h(
    'ol',
    { class: 'timeline', reversed: true, 'aria-live': 'polite' },
    shown.length === 0 ? h('li', {}, 'Nothing has happened yet.') : null,
    shown.map((item) =>
      h(
        'li',
        { 'data-type': item.type },
        h('time', { datetime: new Date(item.at).toISOString() }, new Date(item.at).toISOString().replace('.000Z', 'Z')),
        h('span', { class: 'mono' }, item.text),
        item.action === 'AdvanceClock' ? '' : ` — ${item.action} by ${item.accountId}`,
      ),
    ),
  );
}
