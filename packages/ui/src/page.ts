// The HTML shell both pages share: the live view (served under /_pcxsim/ui) and the playground
// (a static index.html). Everything inline or beside it: no CDN, no network.

/** The page's HTML around one script; `mode` tells the script which page it is. */
export function pageHtml(mode: 'live' | 'playground', script: { readonly src: string } | { readonly inline: string }): string {
  const title = mode === 'live' ? 'pcxsim — live view' : 'pcxsim — playground';
  const tag = 'src' in script ? `<script src="${script.src}"></script>` : `<script>${script.inline.replaceAll('</script', '<\\/script')}</script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body data-mode="${mode}">
<noscript>This page draws the pcxsim world with JavaScript; turn it on to see it.</noscript>
<div id="app"></div>
${tag}
</body>
</html>
`;
}
