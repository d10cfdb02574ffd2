import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import vestingPresets from '../../../../data/compensation/vesting-presets.json' with { type: 'json' };
import { getCompany } from '../../api/endpoints.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { SelectField, TextField } from '../../components/Field.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { GRANT_KINDS, createOffer, reviseOffer } from './api.js';
import type { GrantKind, OfferDetail, OfferTerms, StoredTerms } from './api.js';
import { formatPercent } from '../../lib/format-number.js';
import './offers.css';

const FIELDS = [
  'currency',
  'base',
  'bonusTarget',
  'signOn',
  'equity.kind',
  'equity.shares',
  'equity.fullyDilutedShares',
  'equity.strike',
  'equity.vesting',
  'lastPostMoney',
  'startDate',
  'note',
] as const;
type Field = (typeof FIELDS)[number];

const PRESETS = Object.entries(vestingPresets.presets).map(([value, preset]) => ({ value, label: preset.label }));

interface TermsForm {
  currency: string;
  base: string;
  bonusTarget: string;
  signOn: string;
  kind: GrantKind;
  shares: string;
  fullyDilutedShares: string;
  strike: string;
  vesting: string;
  lastPostMoney: string;
  startDate: string;
  note: string;
}

function formFromTerms(terms: StoredTerms | undefined, currency: string): TermsForm {
  const vesting = terms && 'preset' in terms.equity.vesting ? terms.equity.vesting.preset : PRESETS[0].value;
  return {
    currency: terms?.currency ?? currency,
    base: terms ? String(terms.base) : '',
    bonusTarget: terms?.bonusTarget ? String(terms.bonusTarget) : '',
    signOn: terms?.signOn ? String(terms.signOn) : '',
    kind: terms?.equity.kind ?? 'ISO',
    shares: terms ? String(terms.equity.shares) : '',
    fullyDilutedShares: terms ? String(terms.equity.fullyDilutedShares) : '',
    strike: terms?.equity.strike === undefined ? '' : String(terms.equity.strike),
    vesting,
    lastPostMoney: terms ? String(terms.lastPostMoney) : '',
    startDate: terms?.startDate ?? '',
    note: terms?.note ?? '',
  };
}

/** Reads the form into terms, or the first problems per field in plain words. Options need a strike. */
export function termsFromForm(form: TermsForm, previous: StoredTerms | undefined): { terms?: OfferTerms; errors: FieldErrors<Field> } {
  const errors: FieldErrors<Field> = {};
  const whole = (field: Field, text: string, required: boolean): number | undefined => {
    if (!required && text.trim() === '') return undefined;
    const parsed = parseWholeNumber(text, { allowSuffix: true });
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return undefined;
    }
    return parsed.value;
  };
  const currency = form.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'A three-letter currency code, for example USD.';
  const base = whole('base', form.base, true);
  const bonusTarget = whole('bonusTarget', form.bonusTarget, false);
  const signOn = whole('signOn', form.signOn, false);
  const shares = whole('equity.shares', form.shares, true);
  const fullyDilutedShares = whole('equity.fullyDilutedShares', form.fullyDilutedShares, true);
  const lastPostMoney = whole('lastPostMoney', form.lastPostMoney, true);
  let strike: number | undefined;
  if (form.strike.trim() !== '') {
    const value = Number(form.strike.trim());
    if (!/^\d+(\.\d+)?$/.test(form.strike.trim()) || !Number.isFinite(value)) errors['equity.strike'] = 'A price per share, for example 0.45.';
    else strike = value;
  } else if (form.kind === 'ISO' || form.kind === 'NSO') {
    errors['equity.strike'] = 'Options (ISO, NSO) need a strike price per share.';
  }
  if (shares !== undefined && fullyDilutedShares !== undefined && shares >= fullyDilutedShares) {
    errors['equity.shares'] = 'The grant must be smaller than the fully diluted share count.';
  }
  if (Object.keys(errors).length > 0) return { errors };
  const terms: OfferTerms = {
    currency,
    base: base!,
    ...(bonusTarget !== undefined ? { bonusTarget } : {}),
    ...(signOn !== undefined ? { signOn } : {}),
    equity: { kind: form.kind, shares: shares!, fullyDilutedShares: fullyDilutedShares!, ...(strike !== undefined ? { strike } : {}), vesting: { preset: form.vesting } },
    lastPostMoney: lastPostMoney!,
    ...(form.startDate ? { startDate: form.startDate } : {}),
    // What this form does not edit (the comparison and the candidate's finances) carries over to the new version.
    // The server checked the stored comparison when it was sent (its view types `preset` as a string).
    ...(previous?.incumbent ? { incumbent: previous.incumbent as OfferTerms['incumbent'] } : {}),
    ...(previous?.candidateFinances ? { candidateFinances: previous.candidateFinances } : {}),
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
  };
  return { terms, errors };
}

export type OfferTermsMode = { kind: 'create'; applicationId: string } | { kind: 'revise'; offer: OfferDetail };

export interface OfferTermsDialogProps {
  open: boolean;
  onClose: () => void;
  mode: OfferTermsMode;
  onSaved: (offer: OfferDetail) => void;
}

/** Drafts an offer (version 1) or a new version of one: the terms in whole units and shares; the percentage is derived. */
export function OfferTermsDialog({ open, onClose, mode, onSaved }: OfferTermsDialogProps) {
  const previous = mode.kind === 'revise' ? mode.offer.current.terms : undefined;
  const [form, setForm] = useState<TermsForm>(() => formFromTerms(previous, 'USD'));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!open) return;
    setForm(formFromTerms(previous, 'USD'));
    setErrors({});
    setFormError(undefined);
    if (previous) return;
    const controller = new AbortController();
    getCompany(controller.signal).then(
      (company) => setForm((f) => (f.base === '' ? { ...f, currency: company.currency } : f)),
      () => undefined,
    );
    return () => controller.abort();
    // Reset only when the dialog opens; `previous` is the offer's current terms at that moment.
  }, [open]);

  const set = (field: keyof TermsForm, errorField?: Field) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (errorField && errors[errorField]) setErrors(({ [errorField]: _removed, ...rest }) => rest as FieldErrors<Field>);
  };

  const sharesN = parseWholeNumber(form.shares);
  const fdN = parseWholeNumber(form.fullyDilutedShares);
  const pct = sharesN.ok && fdN.ok && fdN.value > 0 ? (sharesN.value / fdN.value) * 100 : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const { terms, errors: found } = termsFromForm(form, previous);
    setErrors(found);
    if (!terms) {
      focusFirstError(formRef.current, FIELDS, found);
      return;
    }
    setBusy(true);
    try {
      const saved = mode.kind === 'create' ? await createOffer(mode.applicationId, terms) : await reviseOffer(mode.offer.id, mode.offer.version, terms);
      onSaved(saved);
      onClose();
    } catch (error) {
      const failure = formFailure(error, FIELDS);
      setErrors(failure.fields);
      setFormError(failure.form);
      focusFirstError(formRef.current, FIELDS, failure.fields);
    } finally {
      setBusy(false);
    }
  };

  const title = mode.kind === 'create' ? 'Draft an offer' : `New version of the offer to ${mode.offer.candidateName}`;
  return (
    <Dialog open={open} onClose={() => !busy && onClose()} title={title} className="dialog-wide">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="stack offer-terms-form">
        {mode.kind === 'revise' ? <p className="muted">A change makes version {mode.offer.currentVersion + 1}; it goes back to draft and needs approval again.</p> : null}
        {formError ? <Alert>{formError}</Alert> : null}
        <fieldset className="fieldset">
          <legend>Cash</legend>
          <div className="field-row">
            <TextField label="Currency" name="currency" value={form.currency} onChange={set('currency', 'currency')} error={errors.currency} maxLength={3} autoComplete="off" />
            <TextField label="Base salary per year" name="base" value={form.base} onChange={set('base', 'base')} error={errors.base} inputMode="numeric" hint="Whole units, e.g. 240000 or 240k" />
          </div>
          <div className="field-row">
            <TextField label="Bonus target per year" name="bonusTarget" optional value={form.bonusTarget} onChange={set('bonusTarget', 'bonusTarget')} error={errors.bonusTarget} inputMode="numeric" />
            <TextField label="Sign-on bonus" name="signOn" optional value={form.signOn} onChange={set('signOn', 'signOn')} error={errors.signOn} inputMode="numeric" />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Equity</legend>
          <div className="field-row">
            <SelectField label="Grant type" name="equity.kind" value={form.kind} options={GRANT_KINDS.map((k) => ({ value: k, label: k }))} onChange={(v) => set('kind', 'equity.kind')(v)} error={errors['equity.kind']} />
            <SelectField label="Vesting" name="equity.vesting" value={form.vesting} options={PRESETS} onChange={set('vesting', 'equity.vesting')} error={errors['equity.vesting']} />
          </div>
          <div className="field-row">
            <TextField label="Shares granted" name="equity.shares" value={form.shares} onChange={set('shares', 'equity.shares')} error={errors['equity.shares']} inputMode="numeric" />
            <TextField
              label="Fully diluted shares"
              name="equity.fullyDilutedShares"
              value={form.fullyDilutedShares}
              onChange={set('fullyDilutedShares', 'equity.fullyDilutedShares')}
              error={errors['equity.fullyDilutedShares']}
              inputMode="numeric"
              hint="All shares, options and reserved pool"
            />
          </div>
          <p className="muted" aria-live="polite">
            {pct === undefined ? 'The grant as a share of the fully diluted total appears here.' : `The grant is ${formatPercent(pct)} of the fully diluted total.`}
          </p>
          <div className="field-row">
            <TextField
              label="Strike price per share"
              name="equity.strike"
              optional={form.kind === 'RSU' || form.kind === 'RSA'}
              value={form.strike}
              onChange={set('strike', 'equity.strike')}
              error={errors['equity.strike']}
              inputMode="decimal"
            />
            <TextField label="Last post-money valuation" name="lastPostMoney" value={form.lastPostMoney} onChange={set('lastPostMoney', 'lastPostMoney')} error={errors.lastPostMoney} inputMode="numeric" hint="Whole units, e.g. 40M" />
          </div>
        </fieldset>
        <div className="field-row">
          <TextField label="Start date" name="startDate" type="date" optional value={form.startDate} onChange={set('startDate', 'startDate')} error={errors.startDate} />
          <TextField label="Note" name="note" optional value={form.note} onChange={set('note', 'note')} error={errors.note} maxLength={2000} />
        </div>
        <div className="dialog-actions">
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel="Evaluating…">
            {mode.kind === 'create' ? 'Create draft offer' : 'Save new version'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
