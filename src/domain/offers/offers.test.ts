import { describe, expect, it } from 'vitest';
import {
  allowedOfferActions,
  approvalProgress,
  assertMayDecide,
  buildOfferSummary,
  checkBand,
  evaluateOfferVersion,
  fullyDilutedPct,
  nextOfferStatus,
  parseOfferTerms,
  renderOfferSummaryHtml,
  renderOfferSummaryPdf,
  renderPdf,
  type OfferTermsInput,
} from './index.js';

const terms: OfferTermsInput = {
  currency: 'USD',
  base: 200_000,
  equity: { kind: 'ISO', shares: 50_000, fullyDilutedShares: 10_000_000, strike: 0.5, vesting: { preset: 'standard-4y-1y-cliff-monthly' } },
  lastPostMoney: 20_000_000,
  startDate: '2027-01-15',
};

describe('nextOfferStatus', () => {
  it.each([
    ['draft', 'submit', 'pending-approval'],
    ['pending-approval', 'approve', 'approved'],
    ['pending-approval', 'reject', 'draft'],
    ['approved', 'extend', 'extended'],
    ['extended', 'accept', 'accepted'],
    ['extended', 'decline', 'declined'],
    ['extended', 'expire', 'expired'],
    ['approved', 'revise', 'draft'],
    ['extended', 'withdraw', 'withdrawn'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextOfferStatus(from, action)).toBe(to);
  });

  it.each([
    ['draft', 'extend'],
    ['accepted', 'withdraw'],
    ['declined', 'revise'],
    ['approved', 'approve'],
    ['expired', 'accept'],
  ] as const)('refuses %s --%s with 409 OFFER_STATE_INVALID', (from, action) => {
    expect(() => nextOfferStatus(from, action)).toThrow(expect.objectContaining({ code: 'OFFER_STATE_INVALID' }));
  });

  it('lists no action for a terminal status', () => {
    expect(allowedOfferActions('accepted')).toEqual([]);
    expect(allowedOfferActions('approved')).toEqual(['revise', 'extend', 'withdraw']);
  });
});

describe('parseOfferTerms', () => {
  it('derives the fully diluted percentage from shares and the total', () => {
    expect(fullyDilutedPct(50_000, 10_000_000)).toBe(0.5);
    expect(fullyDilutedPct(30_000, 10_000_000)).toBe(0.3);
    expect(parseOfferTerms(terms)).toMatchObject({ bonusTarget: 0, signOn: 0 });
  });

  it('rejects a grant at or above the fully diluted total with EQUITY_OUT_OF_RANGE', () => {
    expect(() => parseOfferTerms({ ...terms, equity: { ...terms.equity, shares: 10_000_000 } })).toThrow(expect.objectContaining({ code: 'EQUITY_OUT_OF_RANGE', field: 'equity.shares' }));
  });

  it('rejects options without a strike with STRIKE_INVALID', () => {
    const { strike: _s, ...noStrike } = terms.equity;
    expect(() => parseOfferTerms({ ...terms, equity: noStrike })).toThrow(expect.objectContaining({ code: 'STRIKE_INVALID' }));
  });
});

describe('checkBand', () => {
  const band = { currency: 'USD', baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1 };
  it('is inside at the inclusive bounds', () => {
    expect(checkBand({ ...terms, base: 180_000 }, band).inside).toBe(true);
    expect(checkBand({ ...terms, base: 220_000, equity: { ...terms.equity, shares: 100_000 } }, band).inside).toBe(true);
  });
  it('names each term outside the band', () => {
    const r = checkBand({ ...terms, base: 230_000, equity: { ...terms.equity, shares: 49_999 } }, band);
    expect(r.inside).toBe(false);
    expect(r.reasons.map((x) => x.field)).toEqual(['base', 'equity.shares']);
  });
  it('needs a complete band and the same currency', () => {
    expect(checkBand(terms, undefined)).toMatchObject({ inside: false, hasBand: false });
    expect(checkBand(terms, { ...band, equityPctMin: null }).hasBand).toBe(false);
    expect(checkBand({ ...terms, currency: 'EUR' }, band).reasons[0]!.field).toBe('currency');
  });
});

describe('approvals', () => {
  const seq = { mode: 'sequential' as const, approverIds: ['a', 'b', 'c'] };
  const par = { mode: 'parallel' as const, approverIds: ['a', 'b'] };
  it('asks one approver at a time in sequential mode, everyone in parallel mode', () => {
    expect(approvalProgress(seq, []).awaiting).toEqual(['a']);
    expect(approvalProgress(seq, [{ approverId: 'a', decision: 'approved' }]).awaiting).toEqual(['b']);
    expect(approvalProgress(par, []).awaiting).toEqual(['a', 'b']);
  });
  it('approves when all approve, rejects on the first rejection', () => {
    expect(approvalProgress(par, [{ approverId: 'a', decision: 'approved' }, { approverId: 'b', decision: 'approved' }]).status).toBe('approved');
    expect(approvalProgress(par, [{ approverId: 'b', decision: 'rejected' }]).status).toBe('rejected');
  });
  it('refuses a second decision, an outsider and an early sequential approver', () => {
    expect(() => assertMayDecide(par, [{ approverId: 'a', decision: 'approved' }], 'a')).toThrow(expect.objectContaining({ code: 'ALREADY_DECIDED' }));
    expect(() => assertMayDecide(par, [], 'z')).toThrow(expect.objectContaining({ code: 'NOT_AN_APPROVER' }));
    expect(() => assertMayDecide(seq, [], 'b')).toThrow(expect.objectContaining({ code: 'NOT_YOUR_TURN' }));
    expect(() => assertMayDecide(seq, [], 'a')).not.toThrow();
  });
});

/** The text a PDF viewer would show: every (string) Tj operand, unescaped, one per line. */
function pdfText(pdf: string): string {
  return [...pdf.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1')).join('\n');
}

describe('buildOfferSummary', () => {
  const summary = buildOfferSummary({
    offerId: 'of1',
    version: 2,
    status: 'approved',
    companyName: 'Acme (AI) <Labs>',
    candidateName: 'Ada',
    roleTitle: 'Founding ML Engineer',
    terms: parseOfferTerms(terms),
    expiresAt: null,
    ownership: [{ stage: 'seed', fullyDilutedPct: 0.5 }, { stage: 'series-a', fullyDilutedPct: 0.4 }, { stage: 'series-b', fullyDilutedPct: 0.34 }],
    now: new Date('2026-11-02T00:00:00Z'),
  });

  it('states equity as shares, fully diluted total and derived percent, with the vesting timeline', () => {
    expect(summary.equity).toMatchObject({ shares: 50_000, fullyDilutedShares: 10_000_000, fullyDilutedPct: 0.5, exerciseCost: 25_000, paperValue: 100_000 });
    expect(summary.vesting.rows.map((r) => [r.atYears, r.date, r.vestedShares])).toEqual([
      [1, '2028-01-15', 12_500],
      [2, '2029-01-15', 25_000],
      [3, '2030-01-15', 37_500],
      [4, '2031-01-15', 50_000],
    ]);
    expect(summary.dilution.map((d) => d.stage)).toEqual(['today', 'series-a', 'series-b']);
    expect(summary.exitScenarios[0]).toEqual({ multiple: 1, exitValue: 20_000_000, valueToday: 75_000, valueAfterDilution: 43_000, basis: 'gross' });
  });

  it('renders a PDF that starts with %PDF, has a valid xref and contains the fully diluted numbers as text', () => {
    const bytes = renderOfferSummaryPdf(summary);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const shown = pdfText(text);
    expect(shown).toContain('Your ownership: 0.5000% of fully diluted (50,000 of 10,000,000 shares)');
    expect(shown).toContain('Fully diluted shares: 10,000,000');
    expect(shown).toContain('Acme (AI) <Labs>');
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((off, i) => expect(text.slice(off, off + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  });

  it('renders escaped, printable HTML with the same numbers', () => {
    const html = renderOfferSummaryHtml(summary);
    expect(html).toContain('Acme (AI) &lt;Labs&gt;');
    expect(html).not.toContain('<Labs>');
    expect(html).toContain('0.5000% of fully diluted (50,000 of 10,000,000 shares)');
    expect(html).toContain('@media print');
  });

  it('flows long documents onto more pages', () => {
    const text = Buffer.from(renderPdf('long', Array.from({ length: 200 }, (_, i) => ({ text: `line ${i}` })))).toString('latin1');
    expect(text).toMatch(/\/Count [2-9]/);
  });
});

describe('evaluateOfferVersion', () => {
  const parsed = parseOfferTerms(terms);
  const outside = checkBand(parsed, undefined);

  it('evaluates with the engine against current pay: threshold, P(beats incumbent), ownership and the band finding', () => {
    const ev = evaluateOfferVersion(parsed, { companyStage: 'seed', currentPay: { base: 300_000, bonus: 30_000, equityAnnual: 100_000, currency: 'USD' }, band: outside });
    expect(ev.threshold.amount).toBeGreaterThan(0);
    expect(ev.pStartupBeatsIncumbent).toBeGreaterThanOrEqual(0);
    expect(ev.pStartupBeatsIncumbent).toBeLessThan(0.5);
    expect(ev.incumbent?.source).toBe('current-pay');
    expect(ev.startup.fullyDilutedPct).toBeCloseTo(0.5, 6);
    expect(ev.ownership.length).toBeGreaterThan(1);
    expect(ev.findings.map((f) => f.rule)).toContain('offer.outside-band');
    expect(ev.assumptions.map((a) => a.name)).toContain('candidate.effectiveTaxRate');
  });

  it('compares with no incumbent when current pay is in another currency', () => {
    const ev = evaluateOfferVersion(parsed, { companyStage: 'seed', currentPay: { base: 300_000, bonus: 0, equityAnnual: 0, currency: 'EUR' }, band: outside });
    expect(ev.pStartupBeatsIncumbent).toBeUndefined();
    expect(ev.assumptions[0]).toMatchObject({ name: 'candidate.currentPay', value: 'ignored' });
  });

  it("names the offer's field when the engine rejects the input", () => {
    const bad = parseOfferTerms({ ...terms, equity: { ...terms.equity, vesting: { preset: 'no-such-preset' } } });
    expect(() => evaluateOfferVersion(bad, { companyStage: 'seed', currentPay: null, band: outside })).toThrow(expect.objectContaining({ field: expect.stringMatching(/^equity\.vesting/) }));
  });
});
