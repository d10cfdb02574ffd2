import { useId } from 'react';
import { listStageBands } from '../../../domain/compensation/bands.js';
import { getIncumbentPreset, INCUMBENT_PRESETS } from '../../../domain/compensation/incumbent.js';
import { COMPANY_STAGES, listModelPresets } from '../../../domain/compensation/parameters.js';
import { listVestingPresets } from '../../../domain/compensation/vesting.js';
import { ROLE_GROUPS } from '../../../domain/market/role-groups.js';
import { SelectField, TextField } from '../../components/Field.js';
import { parseWholeNumber } from '../../lib/parse-number.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { formatPercent } from '../../lib/format-number.js';
import { stageWords } from '../../lib/words.js';
import { LEVEL_LABELS, MARKET_LEVELS } from '../../api/market.js';
import { fullyDilutedPercent } from './offer-form.js';
import type { OfferForm } from './offer-form.js';

export interface OfferInputsProps {
  form: OfferForm;
  onChange: (update: Partial<OfferForm>) => void;
  /** messages by API field path */
  errors: Record<string, string>;
  /** Where a pre-filled figure came from, by field name ("From the role's band"); shown as the field's hint. */
  sources?: Record<string, string>;
}

const VESTING_OPTIONS = listVestingPresets().map((p) => ({ value: p.id, label: p.label }));
const STAGE_OPTIONS = COMPANY_STAGES.map((s) => ({ value: s, label: stageWords(s) }));
const MODEL_OPTIONS = listModelPresets().map((p) => ({ value: p.id, label: p.label }));
const INCUMBENT_OPTIONS = INCUMBENT_PRESETS.map((id) => ({ value: id, label: getIncumbentPreset(id).label }));
const ROLE_OPTIONS = ROLE_GROUPS.map((g) => ({ value: g.id, label: g.label }));
const LEVEL_OPTIONS = MARKET_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }));
const GRANT_OPTIONS = [
  { value: 'ISO', label: 'Options (ISO)' },
  { value: 'NSO', label: 'Options (NSO)' },
  { value: 'RSU', label: 'RSUs' },
  { value: 'RSA', label: 'Restricted stock (RSA)' },
];

interface SliderProps {
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  valueText: (value: number) => string;
}

/** A range input for dragging a value the text field beside it also holds. */
function Slider({ label, value, min, max, step, onChange, valueText }: SliderProps) {
  const id = useId();
  const shown = value === undefined ? min : Math.min(max, Math.max(min, value));
  return (
    <div className="slider">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={shown}
        aria-valuetext={valueText(shown)}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </div>
  );
}

const readWhole = (text: string): number | undefined => {
  const parsed = parseWholeNumber(text, { allowSuffix: true });
  return parsed.ok ? parsed.value : undefined;
};

/** The three input groups of the offer builder: candidate, startup offer, incumbent offer; plus the market cut. */
export function OfferInputs({ form, onChange, errors, sources = {} }: OfferInputsProps) {
  const money = { inputMode: 'numeric' as const, autoComplete: 'off', spellCheck: false };
  const percent = { inputMode: 'decimal' as const, autoComplete: 'off' };
  const pct = fullyDilutedPercent(form);
  const fd = readWhole(form.fullyDilutedShares);
  const base = readWhole(form.base);
  const shares = readWhole(form.shares);
  const maxShares = fd ? Math.max(Math.round(fd * 0.03), shares ?? 0) : 1_000_000;
  const shareStep = fd ? Math.max(1, Math.round(fd / 20_000)) : 500;
  const band = listStageBands().find((b) => b.stage === form.stage);

  return (
    <div className="offer-inputs">
      <fieldset className="fieldset">
        <legend>Startup offer</legend>
        <TextField label="Base salary" name="startup.base" value={form.base} onChange={(v) => onChange({ base: v })} error={errors['startup.base']} {...money}
          hint={sources['startup.base'] ?? (band ? `${stageWords(band.stage)} band: ${formatMoney(band.base.min, band.currency, { compact: true })}–${band.base.max ? formatMoney(band.base.max, band.currency, { compact: true }) : '…'}` : undefined)}
        />
        <Slider label="Drag base salary" value={base} min={50_000} max={Math.max(600_000, base ?? 0)} step={5_000} onChange={(v) => onChange({ base: String(v) })} valueText={(v) => formatMoney(v, form.currency)} />
        <div className="field-row">
          <SelectField label="Grant" name="startup.grant.kind" value={form.grantKind} options={GRANT_OPTIONS} onChange={(v) => onChange({ grantKind: v as OfferForm['grantKind'] })} error={errors['startup.grant.kind']} />
          <TextField label="Shares granted" name="startup.grant.shares" value={form.shares} onChange={(v) => onChange({ shares: v })} error={errors['startup.grant.shares']} {...money}
            hint={[sources['startup.grant.shares'], pct !== undefined ? `${formatPercent(pct, 4)} of fully diluted` : undefined].filter(Boolean).join(' · ') || undefined}
          />
        </div>
        <Slider label="Drag shares granted" value={shares} min={0} max={maxShares} step={shareStep} onChange={(v) => onChange({ shares: String(v) })} valueText={(v) => `${formatCount(v)} shares`} />
        <div className="field-row">
          <TextField label="Fully diluted shares" name="startup.company.fullyDilutedShares" value={form.fullyDilutedShares} onChange={(v) => onChange({ fullyDilutedShares: v })} error={errors['startup.company.fullyDilutedShares']} {...money} hint={sources['startup.company.fullyDilutedShares']} />
          <TextField label="Strike per share" name="startup.grant.strike" value={form.strike} onChange={(v) => onChange({ strike: v })} error={errors['startup.grant.strike']} optional hint={sources['startup.grant.strike'] ?? "Empty: the stage's usual share of the preferred price"} inputMode="decimal" autoComplete="off" />
        </div>
        <SelectField label="Vesting" name="startup.grant.vesting" value={form.vestingPreset} options={VESTING_OPTIONS} onChange={(v) => onChange({ vestingPreset: v })} error={errors['startup.grant.vesting'] ?? errors['startup.grant.vesting.preset']} hint={sources['startup.grant.vesting']} />
        <div className="field-row">
          <SelectField label="Company stage" name="startup.company.stage" value={form.stage} options={STAGE_OPTIONS} onChange={(v) => onChange({ stage: v })} error={errors['startup.company.stage']} hint={sources['startup.company.stage']} />
          <TextField label="Last post-money valuation" name="startup.company.lastPostMoney" value={form.lastPostMoney} onChange={(v) => onChange({ lastPostMoney: v })} error={errors['startup.company.lastPostMoney']} {...money} hint={sources['startup.company.lastPostMoney']} />
        </div>
        <TextField label="Target bonus per year" name="startup.bonusTarget" value={form.bonusTarget} onChange={(v) => onChange({ bonusTarget: v })} error={errors['startup.bonusTarget']} optional {...money} />
        <SelectField label="Outcome model" name="simulation.preset" value={form.modelPreset} options={MODEL_OPTIONS} onChange={(v) => onChange({ modelPreset: v })} error={errors['simulation.preset']} hint="The data behind the odds of each round and exit" />
      </fieldset>

      <fieldset className="fieldset">
        <legend>Candidate today</legend>
        <div className="field-row">
          <TextField label="Current base" name="candidate.currentBase" value={form.currentBase} onChange={(v) => onChange({ currentBase: v })} error={errors['candidate.currentBase']} {...money} hint={sources['candidate.currentBase']} />
          <TextField label="Current bonus per year" name="candidate.currentBonus" value={form.currentBonus} onChange={(v) => onChange({ currentBonus: v })} error={errors['candidate.currentBonus']} {...money} />
        </div>
        <div className="field-row">
          <TextField label="Current equity per year" name="candidate.currentEquityAnnual" value={form.currentEquityAnnual} onChange={(v) => onChange({ currentEquityAnnual: v })} error={errors['candidate.currentEquityAnnual']} hint="Vesting each year, at market price" {...money} />
          <TextField label="Yearly obligations after tax" name="candidate.annualObligations" value={form.annualObligations} onChange={(v) => onChange({ annualObligations: v })} error={errors['candidate.annualObligations']} hint="Rent, debt, family: what must be paid" {...money} />
        </div>
        <div className="field-row">
          <TextField label="Effective tax rate (%)" name="candidate.effectiveTaxRate" value={form.effectiveTaxRate} onChange={(v) => onChange({ effectiveTaxRate: v })} error={errors['candidate.effectiveTaxRate']} {...percent} />
          <TextField label="Savings share (%)" name="candidate.savingsShare" value={form.savingsShare} onChange={(v) => onChange({ savingsShare: v })} error={errors['candidate.savingsShare']} optional {...percent} />
        </div>
        <TextField label="Candidate's belief the startup fails (%)" name="candidate.perceivedFailureProbability" value={form.perceivedFailure} onChange={(v) => onChange({ perceivedFailure: v })} error={errors['candidate.perceivedFailureProbability']} optional hint="Empty: the stage's failure rate from the model" {...percent} />
      </fieldset>

      <fieldset className="fieldset">
        <legend>Competing offer</legend>
        <label className="checkbox">
          <input type="checkbox" checked={form.incumbentEnabled} onChange={(event) => onChange({ incumbentEnabled: event.target.checked })} /> Compare with a big-tech offer
        </label>
        {form.incumbentEnabled ? (
          <>
            <SelectField label="Company schedule" name="incumbent.preset" value={form.incumbentPreset} options={INCUMBENT_OPTIONS} onChange={(v) => onChange({ incumbentPreset: v })} error={errors['incumbent.preset']} hint="How their RSUs vest" />
            <div className="field-row">
              <TextField label="Their base" name="incumbent.base" value={form.incumbentBase} onChange={(v) => onChange({ incumbentBase: v })} error={errors['incumbent.base']} {...money} hint={sources['incumbent.base']} />
              <TextField label="Their bonus target (%)" name="incumbent.bonusTargetPct" value={form.incumbentBonusPct} onChange={(v) => onChange({ incumbentBonusPct: v })} error={errors['incumbent.bonusTargetPct']} {...percent} />
            </div>
            <div className="field-row">
              <TextField label="RSU grant value" name="incumbent.grantValue" value={form.incumbentGrantValue} onChange={(v) => onChange({ incumbentGrantValue: v })} error={errors['incumbent.grantValue']} hint="Whole grant, at today's price" {...money} />
              <TextField label="Sign-on bonus" name="incumbent.signOn" value={form.incumbentSignOn} onChange={(v) => onChange({ incumbentSignOn: v })} error={errors['incumbent.signOn']} optional {...money} />
            </div>
          </>
        ) : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend>Market comparison</legend>
        <div className="field-row field-row-3">
          <SelectField label="Role group" name="market.roleGroup" value={form.roleGroup} options={ROLE_OPTIONS} onChange={(v) => onChange({ roleGroup: v })} />
          <SelectField label="Level" name="market.level" value={form.level} options={LEVEL_OPTIONS} onChange={(v) => onChange({ level: v })} />
          <TextField label="Country" name="market.country" value={form.country} onChange={(v) => onChange({ country: v.toUpperCase() })} maxLength={2} hint="ISO code" autoComplete="off" error={errors['market.country']} />
        </div>
      </fieldset>
    </div>
  );
}
