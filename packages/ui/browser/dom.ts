// A dozen lines instead of a view library: `h('button', { onclick }, 'Go')` builds an element.
// Regions of the page are redrawn whole with `replace`; the controls are built once, so redrawing
// never takes the keyboard focus away from them.

type Child = Node | string | number | false | null | undefined;
type Attrs = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'g', 'rect', 'line', 'path', 'text', 'circle', 'title', 'defs', 'marker', 'polygon', 'tspan']);

/** An element (HTML, or SVG for SVG tags) with attributes, event handlers (`on…`) and children. */
export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = SVG_TAGS.has(tag) ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child));
  }
  return el as HTMLElement;
}

/** Replaces the children of `parent`. */
export function replace(parent: Element, ...children: Node[]): void {
  parent.replaceChildren(...children);
}
