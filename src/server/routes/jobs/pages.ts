import { baseRangeWords, jobPostingJsonLd, REMOTE_POLICY_WORDS, type RemotePolicy } from '../../../domain/postings/posting.js';
import type { BoardSettings, BoardSnapshot } from '../../services/postings.js';
import type { PostingRecord } from '../../services/records.js';

/**
 * The public job board's HTML (issue 16): server-rendered, no JavaScript, one small stylesheet (/jobs/board.css), no
 * inline script or style (the JSON-LD block is data, which the Content-Security-Policy does not run). Every value
 * from the database or the request goes through `esc` (text and attributes) or `jsonForScript`.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** HTML-escapes text for an element or a quoted attribute. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

/** JSON inside <script type="application/ld+json">: no `</script>`, no `<!--`, no line separators can break out. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Paragraphs of plain text: blank lines split paragraphs, single line breaks stay as <br>. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${p.split('\n').map(esc).join('<br>')}</p>`)
    .join('\n');
}

function shell(opts: { title: string; companyName: string; settings: BoardSettings; main: string; head?: string; description?: string }): string {
  const logo = opts.settings.logoUrl ? `<img class="logo" src="${esc(opts.settings.logoUrl)}" alt="${esc(opts.companyName)} logo" height="32">` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
${opts.description ? `<meta name="description" content="${esc(opts.description)}">` : ''}
<link rel="stylesheet" href="/jobs/board.css">
<link rel="alternate" type="application/feed+json" title="${esc(opts.companyName)} jobs" href="/jobs/feed.json">
${opts.head ?? ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><a class="brand" href="/jobs">${logo}<span>${esc(opts.companyName)}</span></a></header>
<main id="main">
${opts.main}
</main>
<footer class="foot"><p>Jobs at ${esc(opts.companyName)}. <a href="/jobs/feed.json">Feed of open jobs</a></p></footer>
</body>
</html>
`;
}

function placeWords(p: Pick<PostingRecord, 'location' | 'remotePolicy'>): string {
  return `${p.location} · ${REMOTE_POLICY_WORDS[p.remotePolicy as RemotePolicy] ?? p.remotePolicy}`;
}

function payWords(p: Pick<PostingRecord, 'baseRange'>): string {
  return p.baseRange ? `Base ${baseRangeWords(p.baseRange)}` : 'Base pay discussed at the first call';
}

export interface ListFilters {
  specialization: string;
  location: string;
}

/** `/jobs`: the open postings, with a filter form (GET, so it works without JavaScript and bookmarks). */
export function renderBoardPage(board: BoardSnapshot, postings: BoardSnapshot['postings'], filters: ListFilters, specializationNames: ReadonlyMap<string, string>): string {
  const used = [...new Set(board.postings.flatMap((p) => p.specializations))].filter((k) => specializationNames.has(k));
  const locations = [...new Set(board.postings.map((p) => p.location))].sort();
  const option = (value: string, label: string, selected: boolean) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
  const items = postings
    .map(
      (p) => `<li class="job">
<h2><a href="/jobs/${esc(p.slug)}">${esc(p.title)}</a></h2>
<p class="pay">${esc(payWords(p))}</p>
<p class="meta">${esc(placeWords(p))}${p.specializations.length > 0 ? ` · ${p.specializations.map((s) => esc(specializationNames.get(s) ?? s)).join(', ')}` : ''}</p>
</li>`,
    )
    .join('\n');
  const filtered = filters.specialization !== '' || filters.location !== '';
  const main = `<h1>Open jobs at ${esc(board.companyName)}</h1>
<form class="filters" method="get" action="/jobs" role="search" aria-label="Filter jobs">
<div class="field"><label for="f-spec">Specialization</label>
<select id="f-spec" name="specialization">${option('', 'Any', filters.specialization === '')}${used.map((k) => option(k, specializationNames.get(k) ?? k, filters.specialization === k)).join('')}</select></div>
<div class="field"><label for="f-loc">Location</label>
<select id="f-loc" name="location">${option('', 'Anywhere', filters.location === '')}${locations.map((l) => option(l, l, filters.location === l)).join('')}${filters.location !== '' && !locations.includes(filters.location) ? option(filters.location, filters.location, true) : ''}</select></div>
<button type="submit">Show jobs</button>
</form>
<p class="count" role="status">${postings.length === 1 ? '1 open job' : `${postings.length} open jobs`}</p>
${postings.length > 0 ? `<ul class="jobs">\n${items}\n</ul>` : filtered ? '<p>No open jobs match. <a href="/jobs">Show all jobs</a></p>' : '<p>No open jobs right now. Come back soon.</p>'}`;
  return shell({ title: `Jobs at ${board.companyName}`, companyName: board.companyName, settings: board.settings, main, description: `Open jobs at ${board.companyName}, with the base pay of each.` });
}

export interface FormState {
  values: Record<string, string>;
  error?: { message: string; field?: string };
}

const FIELD_LABELS: Record<string, string> = { name: 'Your name', email: 'E-mail', links: 'Links', cv: 'CV (PDF)' };

/** `/jobs/:slug`: the posting, cash first, with its JSON-LD and the application form. */
export function renderPostingPage(
  board: Pick<BoardSnapshot, 'companyName' | 'settings'>,
  posting: PostingRecord,
  opts: { formToken: string; baseUrl: string; form?: FormState; maxCvMb: string },
): string {
  const values = opts.form?.values ?? {};
  const error = opts.form?.error;
  const describedBy = (field: string) => (error?.field === field ? ' aria-invalid="true" aria-describedby="form-error"' : '');
  const ld = jobPostingJsonLd(
    { slug: posting.slug, title: posting.title, publicText: posting.publicText, location: posting.location, remotePolicy: posting.remotePolicy as RemotePolicy, baseRange: posting.baseRange, publishedAt: posting.publishedAt ?? posting.updatedAt, specializations: [] },
    { name: board.companyName, url: opts.baseUrl, logoUrl: board.settings.logoUrl ? new URL(board.settings.logoUrl, opts.baseUrl).href : null },
  );
  const signals = posting.signals.length > 0 ? `<section aria-labelledby="why"><h2 id="why">What you get to work with</h2><ul class="signals">${posting.signals.map((s) => `<li>${esc(s.text)}</li>`).join('')}</ul></section>` : '';
  const questions = posting.questions
    .map(
      (q) => `<div class="field"><label for="q-${esc(q.id)}">${esc(q.label)}${q.required ? '' : ' <span class="optional">(optional)</span>'}</label>
<textarea id="q-${esc(q.id)}" name="q-${esc(q.id)}" rows="4" maxlength="5000"${q.required ? ' required' : ''}${describedBy(`q-${q.id}`)}>${esc(values[`q-${q.id}`] ?? '')}</textarea></div>`,
    )
    .join('\n');
  const errorBox = error
    ? `<div class="error" id="form-error" role="alert" tabindex="-1"><h3>We could not send your application</h3><p>${esc(error.field && FIELD_LABELS[error.field] ? `${FIELD_LABELS[error.field]}: ` : '')}${esc(error.message)}</p></div>`
    : '';
  const main = `<article>
<p class="back"><a href="/jobs">All jobs</a></p>
<h1>${esc(posting.title)}</h1>
<p class="pay big">${esc(payWords(posting))}</p>
<p class="meta">${esc(placeWords(posting))}</p>
${signals}
<section aria-labelledby="about"><h2 id="about">About the job</h2>
${paragraphs(posting.publicText)}
</section>
</article>
<section class="apply" aria-labelledby="apply-h">
<h2 id="apply-h">Apply</h2>
${errorBox}
<form method="post" action="/jobs/${esc(posting.slug)}/apply" enctype="multipart/form-data">
<input type="hidden" name="formToken" value="${esc(opts.formToken)}">
<div class="hp" aria-hidden="true"><label for="website">Leave this empty</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<div class="field"><label for="name">Your name</label><input id="name" name="name" type="text" autocomplete="name" required maxlength="200" value="${esc(values.name ?? '')}"${describedBy('name')}></div>
<div class="field"><label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${esc(values.email ?? '')}"${describedBy('email')}></div>
<div class="field"><label for="links">Links <span class="optional">(optional: GitHub, papers, a site; one per line)</span></label><textarea id="links" name="links" rows="3" maxlength="2000"${describedBy('links')}>${esc(values.links ?? '')}</textarea></div>
<div class="field"><label for="cv">CV <span class="optional">(optional, PDF up to ${esc(opts.maxCvMb)})</span></label><input id="cv" name="cv" type="file" accept="application/pdf,.pdf"${describedBy('cv')}></div>
${questions}
<div class="check"><input id="talentPool" name="talentPool" type="checkbox" value="yes"${values.talentPool === 'yes' ? ' checked' : ''}><label for="talentPool">Keep my application for ${esc(board.settings.talentPoolMonths)} months and tell me about other roles</label></div>
<button type="submit">Send application</button>
</form>
</section>`;
  return shell({
    title: `${posting.title} at ${board.companyName}`,
    companyName: board.companyName,
    settings: board.settings,
    main,
    description: `${posting.title} at ${board.companyName}. ${payWords(posting)}. ${placeWords(posting)}.`,
    head: `<script type="application/ld+json">${jsonForScript(ld)}</script>`,
  });
}

/** After an application: what happens next. */
export function renderThanksPage(board: Pick<BoardSnapshot, 'companyName' | 'settings'>, posting: Pick<PostingRecord, 'title' | 'slug'>): string {
  const main = `<h1>Thank you</h1>
<p role="status">We received your application for <strong>${esc(posting.title)}</strong>. A person on the team reads every application and will reply to you by e-mail.</p>
<p><a href="/jobs">See other jobs at ${esc(board.companyName)}</a></p>`;
  return shell({ title: `Application sent: ${posting.title}`, companyName: board.companyName, settings: board.settings, main });
}

/** A page for a job that is not (or no longer) on the board, and for refused requests. */
export function renderMessagePage(board: Pick<BoardSnapshot, 'companyName' | 'settings'>, title: string, message: string): string {
  return shell({ title, companyName: board.companyName, settings: board.settings, main: `<h1>${esc(title)}</h1>\n<p>${esc(message)}</p>\n<p><a href="/jobs">See the open jobs</a></p>` });
}

/** The stylesheet, with the company's colours (validated as #RRGGBB) as custom properties. */
export function renderStylesheet(settings: BoardSettings): string {
  const hex = (c: string, fallback: string) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : fallback);
  return `:root{--brand:${hex(settings.brandColour, '#1f4fd1')};--ink:${hex(settings.textColour, '#1a1a1a')};--muted:#555;--line:#d8d8d8;--bg:#fff;--err:#b00020}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:1}
.top{border-bottom:4px solid var(--brand);padding:12px 16px}
.brand{display:inline-flex;align-items:center;gap:10px;color:var(--ink);text-decoration:none;font-weight:600;font-size:1.1rem}
.logo{height:32px;width:auto}
main{max-width:46rem;margin:0 auto;padding:16px}
h1{font-size:1.7rem;line-height:1.25;margin:.5em 0}
h2{font-size:1.25rem;margin:1.2em 0 .4em}
a{color:var(--brand)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid var(--brand);outline-offset:2px}
.pay{font-weight:600;margin:.2em 0}.pay.big{font-size:1.2rem}
.meta,.count,.back,.optional{color:var(--muted)}
.jobs{list-style:none;padding:0;margin:0}
.job{border-top:1px solid var(--line);padding:12px 0}
.job h2{margin:0 0 .2em}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;margin:1em 0}
.field{display:flex;flex-direction:column;gap:4px;margin:0 0 14px;min-width:0}
.filters .field{margin:0;flex:1 1 12rem}
label{font-weight:600}
input[type=text],input[type=email],input[type=file],select,textarea{font:inherit;padding:10px;border:1px solid #767676;border-radius:6px;width:100%;max-width:100%;background:#fff;color:var(--ink)}
.check{display:flex;gap:10px;align-items:flex-start;margin:0 0 16px}.check input{width:22px;height:22px;flex:none;margin-top:2px}.check label{font-weight:400}
button{font:inherit;font-weight:600;background:var(--brand);color:#fff;border:0;border-radius:6px;padding:12px 20px;min-height:44px;cursor:pointer}
.apply{border-top:1px solid var(--line);margin-top:24px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.error{border:2px solid var(--err);border-radius:6px;padding:8px 12px;margin:0 0 16px}.error h3{margin:0;color:var(--err);font-size:1rem}
.signals{padding-left:1.2em}
.foot{border-top:1px solid var(--line);padding:12px 16px;color:var(--muted);font-size:.9rem}
@media (max-width:30rem){h1{font-size:1.45rem}main{padding:12px}}
`;
}

/** The JSON Feed 1.1 of the open postings (https://jsonfeed.org/version/1.1). */
export function renderFeed(board: BoardSnapshot, baseUrl: string): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `Jobs at ${board.companyName}`,
    home_page_url: `${baseUrl}/jobs`,
    feed_url: `${baseUrl}/jobs/feed.json`,
    items: board.postings.map((p) => ({
      id: `${baseUrl}/jobs/${p.slug}`,
      url: `${baseUrl}/jobs/${p.slug}`,
      title: p.title,
      content_text: `${payWords(p)}. ${placeWords(p)}.\n\n${p.publicText}`,
      summary: `${payWords(p)}. ${placeWords(p)}.`,
      date_published: p.publishedAt,
      date_modified: p.updatedAt,
      tags: p.specializations,
    })),
  };
}
