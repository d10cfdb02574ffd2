const esc = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The public opt-out pages at `/o/:token` (the URL of the `List-Unsubscribe` header of every sequence e-mail): plain
 * server-rendered HTML on the job board's stylesheet, no script, every control labelled.
 */

function page(companyName: string, title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/jobs/board.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><span class="brand">${esc(companyName)}</span></header>
<main id="main">
${main}
</main>
</body>
</html>
`;
}

/** GET /o/:token: asks to confirm, so a link checker that follows the link changes nothing. */
export function renderOptOutConfirm(companyName: string, token: string): string {
  return page(
    companyName,
    `Stop e-mails from ${companyName}`,
    `<h1>Stop e-mails from ${esc(companyName)}?</h1>
<p>You will get no more recruiting e-mails from ${esc(companyName)} at this address.</p>
<form method="post" action="/o/${esc(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Stop the e-mails</button>
</form>`,
  );
}

export function renderOptOutDone(companyName: string): string {
  return page(companyName, 'You will get no more e-mails', `<h1>You will get no more e-mails</h1>\n<p>${esc(companyName)} will not e-mail this address about jobs again. You can close this page.</p>`);
}

export function renderOptOutProblem(companyName: string, status: 400 | 404): string {
  const words =
    status === 400
      ? 'This link is not complete. Copy the whole link from the e-mail, or reply to the e-mail and ask to be removed.'
      : 'This link is not valid any more. Reply to the e-mail and ask to be removed; nothing was changed.';
  return page(companyName, status === 400 ? 'This link is broken' : 'This link is not valid', `<h1>${status === 400 ? 'This link is broken' : 'This link is not valid'}</h1>\n<p>${esc(words)}</p>`);
}
