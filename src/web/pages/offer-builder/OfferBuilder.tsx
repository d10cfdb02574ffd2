import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { getStageBand } from '../../../domain/compensation/bands.js';
import type { OfferEvaluateInput } from '../../../domain/compensation/schema.js';
import { getRoleGroup } from '../../../domain/market/role-groups.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatCount } from '../../lib/format-money.js';
import { getMarketBenchmark, LEVEL_LABELS } from '../../api/market.js';
import { CandidateSummary } from './CandidateSummary.js';
import { BasePlacementChart } from './BasePlacementChart.js';
import { DistributionChart } from './DistributionChart.js';
import { OwnershipChart } from './OwnershipChart.js';
import { ValueByYearChart } from './ValueByYearChart.js';
import { OfferInputs } from './OfferInputs.js';
import { buildOfferInput } from './offer-form.js';
import type { OfferForm } from './offer-form.js';
import { AssumptionsList, FindingsList, KeyFigures } from './ResultsPanels.js';
import { useOfferEvaluation } from './use-offer-evaluation.js';
import './offer-builder.css';

type View = 'analysis' | 'summary';
const VIEWS: { id: View; label: string }[] = [
  { id: 'analysis', label: 'Analysis' },
  { id: 'summary', label: 'Candidate summary' },
];

export interface OfferBuilderProps {
  form: OfferForm;
  setForm: (update: (current: OfferForm) => OfferForm) => void;
  title: string;
  description: ReactNode;
  /** The header's buttons (save, reset). */
  actions: ReactNode;
  /** Shown above the inputs: where a pre-filled offer's figures came from, what is missing. */
  intro?: ReactNode;
  /** Short "where from" hints by field name. */
  sources?: Record<string, string>;
  /** Problems from a save, by field name, shown beside the fields. */
  saveErrors?: Record<string, string>;
}

/**
 * The offer builder: the inputs, and the evaluation recomputed in a Web Worker as they change (analysis and
 * candidate summary). The caller owns the form (a sessionStorage draft) and the header's buttons.
 */
export function OfferBuilder({ form, setForm, title, description, actions, intro, sources, saveErrors }: OfferBuilderProps) {
  const [view, setView] = useState<View>('analysis');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const built = useMemo(() => buildOfferInput(form), [form]);
  const evaluation = useOfferEvaluation(built.input);
  const { result } = evaluation;
  const resultInput = evaluation.input as OfferEvaluateInput | undefined;

  const countryOk = /^[A-Z]{2}$/.test(form.country);
  const benchmark = useResource(
    (signal) => (countryOk ? getMarketBenchmark({ roleGroup: form.roleGroup, level: form.level, country: form.country }, signal) : Promise.resolve(undefined)),
    [form.roleGroup, form.level, form.country, countryOk],
  );

  const workerError = evaluation.error;
  const errors: Record<string, string> = { ...saveErrors, ...built.errors };
  if (!countryOk) errors['market.country'] = 'Use a two-letter country code, for example US.';
  if (built.input && workerError?.field) errors[workerError.field] = workerError.message;

  const onChange = (update: Partial<OfferForm>) => setForm((current) => ({ ...current, ...update }));
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = (index + (event.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length;
    setView(VIEWS[next].id);
    tabs.current[next]?.focus();
  };

  const marketLabel = `${getRoleGroup(form.roleGroup)?.label ?? form.roleGroup}, ${LEVEL_LABELS[form.level] ?? form.level}, ${form.country}`;
  const stale = evaluation.pending || !built.input;

  return (
    <div className="offer-builder">
      <PageHeader title={title} description={description} actions={actions} />
      {intro}
      <p className="show-phone no-print">
        <a href="#offer-results">Jump to the results</a>
      </p>
      <div className="offer-layout">
        <form className="offer-form no-print" aria-label="Offer inputs" onSubmit={(event) => event.preventDefault()} noValidate>
          <OfferInputs form={form} onChange={onChange} errors={errors} sources={sources} />
        </form>

        <div className="offer-results" id="offer-results">
          <div role="tablist" aria-label="View" className="view-tabs no-print">
            {VIEWS.map((v, i) => (
              <button
                key={v.id}
                ref={(el) => {
                  tabs.current[i] = el;
                }}
                id={`offer-tab-${v.id}`}
                type="button"
                role="tab"
                aria-selected={view === v.id}
                aria-controls={`offer-panel-${v.id}`}
                tabIndex={view === v.id ? 0 : -1}
                className="view-tab"
                onClick={() => setView(v.id)}
                onKeyDown={(event) => onTabKey(event, i)}
              >
                {v.label}
              </button>
            ))}
            <p className="compute-status small muted" role="status" aria-live="polite">
              {!built.input
                ? 'Fix the highlighted fields to update.'
                : evaluation.pending
                  ? 'Computing…'
                  : result && evaluation.ms !== undefined
                    ? `${formatCount(result.simulation.paths, 'en-US')} simulated paths in ${Math.round(evaluation.ms)} ms`
                    : ''}
            </p>
          </div>

          {workerError && !workerError.field ? <Alert title="The offer could not be evaluated">{workerError.message}</Alert> : null}
          {workerError?.field && built.input ? (
            <Alert title="Check the highlighted field">
              {workerError.message} The results below are from the last offer that could be evaluated.
            </Alert>
          ) : null}

          <div id={`offer-panel-${view}`} role="tabpanel" aria-labelledby={`offer-tab-${view}`} aria-busy={stale || undefined} className={`offer-panel${stale ? ' is-stale' : ''}`}>
            {!result || !resultInput ? (
              <p className="muted" role="status">
                {workerError ? 'No results yet.' : 'Simulating the offer…'}
              </p>
            ) : view === 'summary' ? (
              <CandidateSummary result={result} input={resultInput} />
            ) : (
              <div className="results-body" data-testid="offer-results">
                <div className="results-main">
                  <KeyFigures result={result} base={resultInput.startup.base} />
                  <FindingsList findings={result.findings} />
                  <BasePlacementChart
                    result={result}
                    base={resultInput.startup.base}
                    band={getStageBand(resultInput.startup.company.stage)}
                    benchmark={benchmark.state.data?.benchmark}
                    marketLabel={marketLabel}
                  />
                  {benchmark.state.status === 'error' ? <p className="small muted">Market figures unavailable: {benchmark.state.error}</p> : null}
                  <DistributionChart result={result} />
                  <ValueByYearChart result={result} />
                  <OwnershipChart result={result} />
                </div>
                <AssumptionsList assumptions={result.assumptions} currency={result.currency} />
              </div>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
