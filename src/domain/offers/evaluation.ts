import offerDefaults from '../../../data/offers/offer-defaults.json' with { type: 'json' };
import { bandPlacementSentence } from '../compensation/band-words.js';
import { evaluateOffer, type EvaluateOfferOptions, type OfferEvaluation } from '../compensation/index.js';
import { DomainError } from '../shared/errors.js';
import type { BandCheck } from './band.js';
import type { OfferTerms } from './offer.js';

/** The candidate's current pay as the pipeline stores it (compensation.read only). */
export interface CurrentPay {
  base: number;
  bonus: number;
  equityAnnual: number;
  currency: string;
}

export interface OfferFinding {
  rule: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
}

/** What is kept of an evaluation with each offer version: the contract's fields, without the histograms. */
export interface StoredEvaluation {
  threshold: { amount: number; binding: 'obligations' | 'risk' };
  startup: { equityPv: OfferEvaluation['startup']['equityPv']; pZero: number; paperValue: number; fullyDilutedPct: number };
  incumbent?: { pv: { mean: number; p50: number }; source: 'offer' | 'current-pay' };
  pStartupBeatsIncumbent?: number;
  breakEvenGrant?: OfferEvaluation['breakEvenGrant'];
  ownership: OfferEvaluation['ownership'];
  scenarioTable: { exitValues: number[]; stages: Array<{ stage: string; fullyDilutedPct: number }>; values: number[][] };
  findings: OfferFinding[];
  assumptions: Array<{ name: string; value: unknown; source: string }>;
}

const FINANCE_DEFAULTS = offerDefaults.candidateFinances.value;

/** Maps a field of the engine's input back to the offer terms, so a 400 names what the user typed. */
function termsField(field: string | undefined): string | undefined {
  if (!field) return field;
  const map: Array<[string, string]> = [
    ['startup.grant.', 'equity.'],
    ['startup.company.lastPostMoney', 'lastPostMoney'],
    ['startup.company.fullyDilutedShares', 'equity.fullyDilutedShares'],
    ['startup.base', 'base'],
    ['startup.bonusTarget', 'bonusTarget'],
    ['candidate.', 'candidateFinances.'],
    ['incumbent.', 'incumbent.'],
  ];
  for (const [from, to] of map) if (field.startsWith(from)) return to + field.slice(from.length);
  return field;
}

/**
 * Builds the compensation engine's input from an offer version: the offer's terms, the company's stage, and
 * the candidate's current pay (the comparison when no competing offer is recorded). Returns which assumptions
 * this mapping made, to be listed with the engine's.
 */
export function buildEvaluationInput(
  terms: OfferTerms,
  companyStage: string,
  currentPay: CurrentPay | null,
): { input: Record<string, unknown>; assumptions: StoredEvaluation['assumptions']; incumbentSource: 'offer' | 'current-pay' | null } {
  const assumptions: StoredEvaluation['assumptions'] = [];
  const pay = currentPay && currentPay.currency === terms.currency ? currentPay : null;
  if (!currentPay) assumptions.push({ name: 'candidate.currentPay', value: 0, source: "The candidate's current pay is not recorded: the threshold uses obligations only." });
  else if (!pay) assumptions.push({ name: 'candidate.currentPay', value: 'ignored', source: `The candidate's current pay is in ${currentPay.currency}, the offer in ${terms.currency}: not compared.` });
  const finances = terms.candidateFinances;
  if (!finances) {
    assumptions.push({ name: 'candidate.annualObligations', value: FINANCE_DEFAULTS.annualObligations, source: offerDefaults.candidateFinances.note });
    assumptions.push({ name: 'candidate.effectiveTaxRate', value: FINANCE_DEFAULTS.effectiveTaxRate, source: offerDefaults.candidateFinances.note });
  }
  const candidate: Record<string, unknown> = {
    currentBase: pay?.base ?? 0,
    currentBonus: pay?.bonus ?? 0,
    currentEquityAnnual: pay?.equityAnnual ?? 0,
    annualObligations: finances?.annualObligations ?? FINANCE_DEFAULTS.annualObligations,
    effectiveTaxRate: finances?.effectiveTaxRate ?? FINANCE_DEFAULTS.effectiveTaxRate,
  };
  if (finances?.savingsShare !== undefined) candidate.savingsShare = finances.savingsShare;
  if (finances?.perceivedFailureProbability !== undefined) candidate.perceivedFailureProbability = finances.perceivedFailureProbability;

  const grant: Record<string, unknown> = { kind: terms.equity.kind, shares: terms.equity.shares, vesting: { ...terms.equity.vesting } };
  if (terms.equity.strike !== undefined) grant.strike = terms.equity.strike;
  const startup: Record<string, unknown> = {
    base: terms.base,
    grant,
    company: { stage: companyStage, fullyDilutedShares: terms.equity.fullyDilutedShares, lastPostMoney: terms.lastPostMoney },
  };
  if (terms.bonusTarget > 0) startup.bonusTarget = terms.bonusTarget;

  const input: Record<string, unknown> = { currency: terms.currency, candidate, startup };
  let incumbentSource: 'offer' | 'current-pay' | null = null;
  if (terms.incumbent) {
    const { label: _label, ...incumbent } = terms.incumbent;
    input.incumbent = incumbent;
    incumbentSource = 'offer';
  } else if (pay && pay.base > 0) {
    input.incumbent = { base: pay.base, bonusTargetPct: Math.round((pay.bonus / pay.base) * 10_000) / 100, grantValue: pay.equityAnnual * 4, preset: 'generic' };
    incumbentSource = 'current-pay';
    assumptions.push({ name: 'incumbent', value: 'current pay', source: "No competing offer recorded: compared with the candidate's current pay, equity as four years of the current annual vesting on a generic schedule." });
  }
  return { input, assumptions, incumbentSource };
}

/**
 * Evaluates one offer version with the compensation engine (threshold, band, P(beats incumbent), fully diluted
 * ownership) and adds the band finding. Engine errors are rethrown with the offer's field names.
 */
export function evaluateOfferVersion(
  terms: OfferTerms,
  context: { companyStage: string; currentPay: CurrentPay | null; band: BandCheck; options?: EvaluateOfferOptions },
): StoredEvaluation {
  const { input, assumptions, incumbentSource } = buildEvaluationInput(terms, context.companyStage, context.currentPay);
  let result: OfferEvaluation;
  try {
    result = evaluateOffer(input, context.options);
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, error.message, termsField(error.field));
    throw error;
  }
  const findings: OfferFinding[] = result.findings.map((f) => ({ rule: f.rule, severity: f.severity as OfferFinding['severity'], message: f.message }));
  findings.push(
    context.band.inside
      ? { rule: 'offer.inside-band', severity: 'info', message: `${bandPlacementSentence('inside', { kind: 'board' })}: approved without further sign-off.` }
      : { rule: 'offer.outside-band', severity: 'warning', message: `Needs approval: ${context.band.reasons.map((r) => r.message).join(' ')}` },
  );
  const stored: StoredEvaluation = {
    threshold: { amount: result.threshold.amount, binding: result.threshold.binding },
    startup: { equityPv: result.startup.equityPv, pZero: result.startup.pZero, paperValue: result.startup.paperValue, fullyDilutedPct: result.startup.fullyDilutedPct },
    ownership: result.ownership,
    scenarioTable: {
      exitValues: result.scenarioTable.exitValues,
      stages: result.scenarioTable.stages.map((s) => ({ stage: s.stage, fullyDilutedPct: s.fullyDilutedPct })),
      values: result.scenarioTable.values,
    },
    findings,
    assumptions: [...assumptions, ...result.assumptions.map((a) => ({ name: a.name, value: a.value as unknown, source: a.source }))],
  };
  if (result.incumbent && incumbentSource) stored.incumbent = { pv: { mean: result.incumbent.pv.mean, p50: result.incumbent.pv.p50 }, source: incumbentSource };
  if (result.pStartupBeatsIncumbent !== undefined) stored.pStartupBeatsIncumbent = result.pStartupBeatsIncumbent;
  if (result.breakEvenGrant !== undefined) stored.breakEvenGrant = result.breakEvenGrant;
  return stored;
}
