import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../api/client.js';
import { updateCompany } from '../api/endpoints.js';
import type { Company, CompanyPatchBody } from '../api/types.js';
import { parseWholeNumber } from '../lib/parse-number.js';
import { Alert } from './Alert.js';
import { Button } from './Button.js';
import { TextField } from './Field.js';
import { focusFirstError, formFailure } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';

/** The company figures an offer is built on, by their API field names. */
export const COMPANY_FIGURES = ['lastPostMoney', 'fullyDilutedShares', 'strikePrice'] as const;
export type CompanyFigure = (typeof COMPANY_FIGURES)[number];

type Draft = Record<CompanyFigure, string>;

function draftOf(c: Company): Draft {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return { lastPostMoney: text(c.lastPostMoney), fullyDilutedShares: text(c.fullyDilutedShares), strikePrice: text(c.strikePrice) };
}

/**
 * Reads the figures as typed: whole money ("22M"), a whole share count, a price per share with cents ("0.42").
 * An empty field clears the figure (null). Returns only what differs from the company's current figures.
 */
export function readCompanyFigures(draft: Draft, company: Company, fields: readonly CompanyFigure[] = COMPANY_FIGURES): { patch?: CompanyPatchBody; errors: FieldErrors<CompanyFigure> } {
  const errors: FieldErrors<CompanyFigure> = {};
  const values: Partial<Record<CompanyFigure, number | null>> = {};
  for (const field of fields) {
    const text = draft[field].trim();
    if (text === '') {
      values[field] = null;
      continue;
    }
    if (field === 'strikePrice') {
      const cleaned = text.replace(/^\$/, '');
      if (!/^\d+(\.\d+)?$/.test(cleaned)) errors[field] = 'A price per share, for example 0.42.';
      else values[field] = Number(cleaned);
      continue;
    }
    const parsed = parseWholeNumber(text, { allowSuffix: true });
    if (!parsed.ok) errors[field] = parsed.message;
    else if (parsed.value === 0) errors[field] = 'Enter a number above zero.';
    else values[field] = parsed.value;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const patch = Object.fromEntries(Object.entries(values).filter(([k, v]) => (company[k as CompanyFigure] ?? null) !== v)) as CompanyPatchBody;
  return { patch, errors };
}

export interface CompanyFiguresFormProps {
  company: Company;
  /** Which figures to ask for (all by default; the offer builder asks only for the missing ones). */
  fields?: readonly CompanyFigure[];
  submitLabel?: string;
  onSaved: (company: Company) => void;
  onCancel?: () => void;
  /** Someone else saved the profile first: reload it so the next save sends the current If-Match. */
  onStale: () => void;
}

/** Post-money, fully diluted shares and strike of the company, saved with PATCH /company (If-Match, audited). */
export function CompanyFiguresForm({ company, fields = COMPANY_FIGURES, submitLabel = 'Save figures', onSaved, onCancel, onStale }: CompanyFiguresFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(company));
  const [errors, setErrors] = useState<FieldErrors<CompanyFigure>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (field: CompanyFigure) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const { patch, errors: found } = readCompanyFigures(draft, company, fields);
    setErrors(found);
    if (!patch) return focusFirstError(form.current, fields, found);
    if (Object.keys(patch).length === 0) return onCancel ? onCancel() : onSaved(company);
    setBusy(true);
    try {
      onSaved(await updateCompany(company.version, patch));
    } catch (error) {
      const failure = formFailure(error, fields);
      setErrors(failure.fields);
      setFormError(failure.form);
      focusFirstError(form.current, fields, failure.fields);
      if (isApiError(error) && error.code === 'PRECONDITION_FAILED') onStale();
    } finally {
      setBusy(false);
    }
  };

  const currency = company.currency;
  return (
    <form ref={form} onSubmit={submit} noValidate className="stack" aria-label="Company figures for offers">
      {formError ? <Alert>{formError}</Alert> : null}
      {fields.includes('lastPostMoney') ? (
        <TextField label={`Last post-money valuation (${currency})`} name="lastPostMoney" value={draft.lastPostMoney} onChange={set('lastPostMoney')} error={errors.lastPostMoney} inputMode="numeric" autoComplete="off" hint="Whole units after your last priced round or SAFE cap; 22M works too." />
      ) : null}
      {fields.includes('fullyDilutedShares') ? (
        <TextField label="Fully diluted shares" name="fullyDilutedShares" value={draft.fullyDilutedShares} onChange={set('fullyDilutedShares')} error={errors.fullyDilutedShares} inputMode="numeric" autoComplete="off" hint="Every share, option and reserved pool share: a grant's percentage is of this." />
      ) : null}
      {fields.includes('strikePrice') ? (
        <TextField label={`Strike per share, 409A price (${currency})`} name="strikePrice" value={draft.strikePrice} onChange={set('strikePrice')} error={errors.strikePrice} inputMode="decimal" autoComplete="off" hint="The price new options are granted at, for example 0.42." />
      ) : null}
      <div className="row">
        <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
