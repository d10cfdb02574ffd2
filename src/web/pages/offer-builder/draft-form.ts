import offerDefaults from '../../../../data/offers/offer-defaults.json' with { type: 'json' };
import type { OfferDraftView, OfferTermsInput } from '../../api/offer-path.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { DEFAULT_OFFER_FORM } from './offer-form.js';
import type { OfferForm } from './offer-form.js';

// The offer builder pre-filled for an application (GET /applications/:id/offer-draft), and its form turned back
// into the offer's terms for "Save as offer" (POST /applications/:id/offers).

const FINANCES = offerDefaults.candidateFinances.value;

/** The current-pay comparison as the server evaluates it (domain/offers/evaluation.ts): generic schedule, four years of equity. */
function comparisonOf(pay: { base: number; bonus: number; equityAnnual: number }): Pick<OfferForm, 'incumbentPreset' | 'incumbentBase' | 'incumbentBonusPct' | 'incumbentGrantValue' | 'incumbentSignOn'> {
  return {
    incumbentPreset: 'generic',
    incumbentBase: String(pay.base),
    incumbentBonusPct: String(pay.base > 0 ? Math.round((pay.bonus / pay.base) * 10_000) / 100 : 0),
    incumbentGrantValue: String(pay.equityAnnual * 4),
    incumbentSignOn: '',
  };
}

/** The builder's form filled from a draft: what the draft knows, empty where it does not (the fields then ask). */
export function formFromDraft(view: OfferDraftView, base: OfferForm = DEFAULT_OFFER_FORM): OfferForm {
  const d = view.draft;
  const text = (f: { value: number } | null) => (f ? String(f.value) : '');
  const pay = d.currentPay?.value;
  return {
    ...base,
    currency: d.currency.value,
    currentBase: String(pay?.base ?? 0),
    currentBonus: String(pay?.bonus ?? 0),
    currentEquityAnnual: String(pay?.equityAnnual ?? 0),
    annualObligations: String(FINANCES.annualObligations),
    effectiveTaxRate: String(Math.round(FINANCES.effectiveTaxRate * 10_000) / 100),
    savingsShare: '',
    perceivedFailure: '',
    base: text(d.base),
    bonusTarget: '',
    grantKind: d.equity.kind.value,
    shares: text(d.equity.shares),
    fullyDilutedShares: text(d.equity.fullyDilutedShares),
    strike: text(d.equity.strike),
    vestingPreset: d.equity.vesting.value.preset,
    stage: d.companyStage.value,
    lastPostMoney: text(d.lastPostMoney),
    incumbentEnabled: pay !== undefined,
    ...(pay ? comparisonOf(pay) : { incumbentPreset: 'generic', incumbentBase: '', incumbentBonusPct: '', incumbentGrantValue: '', incumbentSignOn: '' }),
  };
}

/** A short "where from" per builder field (by its name), shown beside the field while it still holds the draft's value. */
export function draftHints(view: OfferDraftView, initial: OfferForm, form: OfferForm): Record<string, string> {
  const d = view.draft;
  const firstName = view.application.candidateName;
  const words = (source: string) =>
    source === 'role-band' ? "From the role's band" : source === 'company' ? 'From the company profile' : source === 'candidate' ? `From ${firstName}'s current pay` : 'Default';
  const out: Record<string, string> = {};
  const hint = (name: string, key: keyof OfferForm, figure: { source: string } | null) => {
    if (!figure) return;
    out[name] = form[key] === initial[key] ? words(figure.source) : `Changed from ${initial[key] || 'empty'} (${words(figure.source).toLowerCase()})`;
  };
  hint('startup.base', 'base', d.base);
  hint('startup.grant.shares', 'shares', d.equity.shares);
  hint('startup.company.fullyDilutedShares', 'fullyDilutedShares', d.equity.fullyDilutedShares);
  hint('startup.grant.strike', 'strike', d.equity.strike);
  hint('startup.company.lastPostMoney', 'lastPostMoney', d.lastPostMoney);
  hint('startup.company.stage', 'stage', d.companyStage);
  hint('startup.grant.vesting', 'vestingPreset', d.equity.vesting);
  hint('candidate.currentBase', 'currentBase', d.currentPay);
  hint('incumbent.base', 'incumbentBase', d.currentPay);
  return out;
}

/** Where an error of the offers API (terms field names) shows in the builder (evaluation field names). */
export function builderFieldOf(apiField: string | undefined): string | undefined {
  if (!apiField) return undefined;
  const map: Array<[string, string]> = [
    ['base', 'startup.base'],
    ['bonusTarget', 'startup.bonusTarget'],
    ['equity.fullyDilutedShares', 'startup.company.fullyDilutedShares'],
    ['equity.vesting', 'startup.grant.vesting'],
    ['equity.', 'startup.grant.'],
    ['lastPostMoney', 'startup.company.lastPostMoney'],
    ['candidateFinances.', 'candidate.'],
    ['incumbent.', 'incumbent.'],
  ];
  for (const [from, to] of map) {
    if (from.endsWith('.') ? apiField.startsWith(from) : apiField === from || apiField.startsWith(`${from}.`)) return from.endsWith('.') ? to + apiField.slice(from.length) : to;
  }
  return undefined;
}

function decimal(text: string): number | undefined {
  const cleaned = text.trim().replace(/[\s,_%$]/g, '');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
}

/**
 * The builder's form as the offer's terms, or the problems by builder field name. The comparison is saved only
 * when it is not the candidate's current pay (the server compares with that anyway); the candidate's finances only
 * when they differ from the defaults the server assumes.
 */
export function termsFromBuilder(form: OfferForm, currentPay: { base: number; bonus: number; equityAnnual: number } | null): { terms?: OfferTermsInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const whole = (field: string, text: string, optional = false): number | undefined => {
    if (optional && text.trim() === '') return undefined;
    const parsed = parseWholeNumber(text, { allowSuffix: true });
    if (!parsed.ok) errors[field] = parsed.message;
    return parsed.ok ? parsed.value : undefined;
  };
  const base = whole('startup.base', form.base);
  const bonusTarget = whole('startup.bonusTarget', form.bonusTarget, true);
  const shares = whole('startup.grant.shares', form.shares);
  const fullyDilutedShares = whole('startup.company.fullyDilutedShares', form.fullyDilutedShares);
  const lastPostMoney = whole('startup.company.lastPostMoney', form.lastPostMoney);
  let strike: number | undefined;
  if (form.strike.trim() !== '') {
    strike = decimal(form.strike);
    if (strike === undefined) errors['startup.grant.strike'] = 'A price per share, for example 0.42.';
  } else if (form.grantKind === 'ISO' || form.grantKind === 'NSO') {
    errors['startup.grant.strike'] = 'Options (ISO, NSO) need a strike price per share.';
  }
  if (shares !== undefined && fullyDilutedShares !== undefined && shares >= fullyDilutedShares) errors['startup.grant.shares'] = 'The grant must be smaller than the fully diluted share count.';

  let incumbent: OfferTermsInput['incumbent'];
  if (form.incumbentEnabled) {
    const payComparison = currentPay ? comparisonOf(currentPay) : undefined;
    const entered = { incumbentPreset: form.incumbentPreset, incumbentBase: form.incumbentBase.trim(), incumbentBonusPct: form.incumbentBonusPct.trim(), incumbentGrantValue: form.incumbentGrantValue.trim(), incumbentSignOn: form.incumbentSignOn.trim() };
    if (!payComparison || JSON.stringify(payComparison) !== JSON.stringify(entered)) {
      const ib = whole('incumbent.base', form.incumbentBase);
      const pct = decimal(form.incumbentBonusPct);
      if (pct === undefined) errors['incumbent.bonusTargetPct'] = 'Enter a number, for example 15.';
      const grant = whole('incumbent.grantValue', form.incumbentGrantValue);
      const signOn = whole('incumbent.signOn', form.incumbentSignOn, true);
      if (ib !== undefined && pct !== undefined && grant !== undefined) {
        incumbent = { base: ib, bonusTargetPct: pct, grantValue: grant, preset: form.incumbentPreset as NonNullable<OfferTermsInput['incumbent']>['preset'], label: 'Competing offer', ...(signOn ? { signOn: [signOn] } : {}) };
      }
    }
  }

  const obligations = whole('candidate.annualObligations', form.annualObligations);
  const tax = decimal(form.effectiveTaxRate);
  if (tax === undefined || tax >= 100) errors['candidate.effectiveTaxRate'] = 'Enter a percentage below 100.';
  const savings = form.savingsShare.trim() === '' ? undefined : decimal(form.savingsShare);
  const failure = form.perceivedFailure.trim() === '' ? undefined : decimal(form.perceivedFailure);
  let candidateFinances: OfferTermsInput['candidateFinances'];
  if (obligations !== undefined && tax !== undefined) {
    const rate = Math.round(tax * 1e6) / 1e8;
    const differs = obligations !== FINANCES.annualObligations || Math.abs(rate - FINANCES.effectiveTaxRate) > 1e-9 || savings !== undefined || failure !== undefined;
    if (differs) {
      candidateFinances = {
        annualObligations: obligations,
        effectiveTaxRate: rate,
        ...(savings !== undefined ? { savingsShare: Math.round(savings * 1e6) / 1e8 } : {}),
        ...(failure !== undefined ? { perceivedFailureProbability: Math.round(failure * 1e6) / 1e8 } : {}),
      };
    }
  }

  if (Object.keys(errors).length > 0) return { errors };
  return {
    terms: {
      currency: form.currency,
      base: base!,
      ...(bonusTarget ? { bonusTarget } : {}),
      equity: { kind: form.grantKind, shares: shares!, fullyDilutedShares: fullyDilutedShares!, ...(strike !== undefined ? { strike } : {}), vesting: { preset: form.vestingPreset } },
      lastPostMoney: lastPostMoney!,
      ...(incumbent ? { incumbent } : {}),
      ...(candidateFinances ? { candidateFinances } : {}),
    },
    errors,
  };
}
