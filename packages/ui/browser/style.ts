// The page's styles, inline in the script: nothing is fetched.

/** Colours of the connection states: waiting (amber), moving by itself (blue), up (green), ended (grey), refused (red). */
export const STATE_COLOURS: Readonly<Record<string, string>> = {
  'initiating-request': '#1f6feb',
  'pending-acceptance': '#b7791f',
  provisioning: '#1f6feb',
  active: '#1a7f37',
  deleting: '#8250df',
  deleted: '#6e7781',
  rejected: '#cf222e',
  expired: '#6e7781',
  failed: '#cf222e',
};

const CSS = `
:root { font-family: system-ui, sans-serif; color: #1f2328; background: #fff; }
body { margin: 0; }
header { background: #24292f; color: #fff; padding: .5rem 1rem; display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
header h1 { font-size: 1.1rem; margin: 0; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1rem; padding: 1rem; }
section { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .75rem; margin-bottom: 1rem; }
h2 { font-size: 1rem; margin: .25rem 0 .5rem; }
table { border-collapse: collapse; font-size: .85rem; width: 100%; }
th, td { border-bottom: 1px solid #eaeef2; padding: .2rem .4rem; text-align: left; vertical-align: top; }
code, .mono { font-family: ui-monospace, monospace; font-size: .85em; }
.state { font-weight: 600; }
button { font: inherit; padding: .2rem .6rem; cursor: pointer; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #0969da; outline-offset: 1px; }
select { max-width: 24rem; }
label { display: inline-flex; flex-direction: column; font-size: .8rem; margin: .2rem .4rem .2rem 0; }
fieldset { border: 1px solid #eaeef2; margin: .3rem 0; }
.error { color: #cf222e; font-family: ui-monospace, monospace; }
.ok { color: #1a7f37; }
.timeline li { font-size: .85rem; }
.timeline time { color: #57606a; margin-right: .4rem; }
svg text { font-family: ui-monospace, monospace; }
.node-current rect { stroke-width: 4; }
.selected { background: #ddf4ff; }
.log li.undone { color: #8c959f; text-decoration: line-through; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
`;

/** Adds the page's styles once. */
export function addStyles(): void {
  if (document.getElementById('pcxsim-style') !== null) return;
  const style = document.createElement('style');
  style.id = 'pcxsim-style';
  style.textContent = CSS;
  document.head.append(style);
}
