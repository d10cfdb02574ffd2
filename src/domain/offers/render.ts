import { renderPdf, type PdfLine } from './pdf.js';
import type { OfferSummary } from './summary.js';

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatMoney(amount: number, currency: string): string {
  return `${int.format(amount)} ${currency}`;
}

/** Percent with 4 decimals: 0.3% and 1% never look alike. */
export function formatPct(pct: number): string {
  return `${pct.toFixed(4)}%`;
}

export function formatShares(n: number): string {
  return int.format(n);
}

function formatYears(y: number): string {
  if (Math.abs(y * 12 - Math.round(y * 12)) < 1e-6 && y < 1) return `${Math.round(y * 12)} months`;
  return `${Number.isInteger(y) ? y : y.toFixed(2)} year${y === 1 ? '' : 's'}`;
}

/** The summary as sections of label/value lines: one source for the PDF and the HTML, so they say the same. */
export function offerSummarySections(s: OfferSummary): Array<{ heading: string; rows: Array<[string, string]>; table?: { columns: string[]; rows: string[][] } }> {
  const e = s.equity;
  const pay: Array<[string, string]> = [
    ['Base salary (per year)', formatMoney(s.base, s.currency)],
    ['Target bonus (per year)', formatMoney(s.bonusTarget, s.currency)],
  ];
  if (s.signOn > 0) pay.push(['Sign-on bonus', formatMoney(s.signOn, s.currency)]);
  if (s.startDate) pay.push(['Start date', s.startDate]);
  if (s.expiresAt) pay.push(['Offer valid until', s.expiresAt.slice(0, 10)]);
  const equity: Array<[string, string]> = [
    ['Grant', `${formatShares(e.shares)} shares (${e.kind})`],
    ['Fully diluted shares', formatShares(e.fullyDilutedShares)],
    ['Your ownership', `${formatPct(e.fullyDilutedPct)} of fully diluted (${formatShares(e.shares)} of ${formatShares(e.fullyDilutedShares)} shares)`],
  ];
  if (e.strike !== null) equity.push(['Strike price per share', `${e.strike} ${s.currency}`]);
  if (e.exerciseCost !== null) equity.push(['Cost to exercise the whole grant', formatMoney(e.exerciseCost, s.currency)]);
  equity.push(['Paper value at the last valuation', formatMoney(e.paperValue, s.currency)]);
  return [
    { heading: 'Pay', rows: pay },
    { heading: 'Equity', rows: equity },
    {
      heading: 'Vesting',
      rows: [['Schedule', `${formatYears(s.vesting.totalYears)}${s.vesting.cliffYears > 0 ? `, ${formatYears(s.vesting.cliffYears)} cliff` : ', no cliff'}`]],
      table: {
        columns: ['After', 'Date', 'Vested shares', 'Of grant', 'Of fully diluted'],
        rows: s.vesting.rows.map((r) => [formatYears(r.atYears), r.date ?? '-', formatShares(r.vestedShares), `${r.vestedPctOfGrant.toFixed(2)}%`, formatPct(r.fullyDilutedPct)]),
      },
    },
    {
      heading: 'Dilution scenarios',
      rows: [],
      table: {
        columns: ['After round', 'Your ownership (fully diluted)'],
        rows: s.dilution.map((d) => [d.stage, formatPct(d.fullyDilutedPct)]),
      },
    },
    {
      heading: 'What the grant could be worth at exit',
      rows: [],
      table: {
        columns: ['Exit value', 'At today\'s ownership', 'After expected dilution'],
        rows: s.exitScenarios.map((x) => [`${formatMoney(x.exitValue, s.currency)} (${x.multiple}x)`, formatMoney(x.valueToday, s.currency), formatMoney(x.valueAfterDilution, s.currency)]),
      },
    },
  ];
}

function title(s: OfferSummary): string {
  return `Offer for ${s.candidateName}: ${s.roleTitle} at ${s.companyName}`;
}

/** The summary as a PDF file (bytes starting with %PDF), fully diluted numbers as text. */
export function renderOfferSummaryPdf(s: OfferSummary): Uint8Array {
  const lines: PdfLine[] = [
    { text: title(s), size: 16, bold: true },
    { text: `Version ${s.version} - generated ${s.generatedAt.slice(0, 10)}`, size: 9 },
  ];
  for (const section of offerSummarySections(s)) {
    lines.push({ text: section.heading, size: 12, bold: true, gapBefore: 10 });
    for (const [label, value] of section.rows) lines.push({ text: `${label}: ${value}` });
    if (section.table) {
      lines.push({ text: section.table.columns.join('  |  '), bold: true, size: 9 });
      for (const row of section.table.rows) lines.push({ text: row.join('  |  '), size: 9 });
    }
  }
  lines.push({ text: 'Notes', size: 12, bold: true, gapBefore: 10 });
  for (const n of s.notes) lines.push({ text: `- ${n}`, size: 9 });
  return renderPdf(title(s), lines);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The summary as a self-contained printable HTML page; every value is escaped. */
export function renderOfferSummaryHtml(s: OfferSummary): string {
  const parts: string[] = [];
  for (const section of offerSummarySections(s)) {
    parts.push(`<section><h2>${escapeHtml(section.heading)}</h2>`);
    if (section.rows.length > 0) {
      parts.push('<dl>');
      for (const [label, value] of section.rows) parts.push(`<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
      parts.push('</dl>');
    }
    if (section.table) {
      parts.push(`<table><thead><tr>${section.table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>`);
      for (const row of section.table.rows) parts.push(`<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
      parts.push('</tbody></table>');
    }
    parts.push('</section>');
  }
  const notes = s.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title(s))}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;color:#111;max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.4rem;margin-bottom:.2rem}h2{font-size:1.05rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ccc}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dt{color:#444}dd{margin:0;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #e5e5e5}
.meta,.notes{color:#555;font-size:.85rem}
@media print{body{margin:0;max-width:none}a{color:inherit}}
</style></head>
<body><h1>${escapeHtml(title(s))}</h1><p class="meta">Version ${s.version} &middot; generated ${escapeHtml(s.generatedAt.slice(0, 10))}</p>
${parts.join('\n')}
<section class="notes"><h2>Notes</h2><ul>${notes}</ul></section>
</body></html>
`;
}

/** The download name of an offer's summary PDF: `offer-<candidate>-v<version>.pdf`, the name reduced to safe characters. */
export function offerSummaryFileName(s: Pick<OfferSummary, 'candidateName' | 'version'>): string {
  const name = s.candidateName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'offer';
  return `offer-${name}-v${s.version}.pdf`;
}
