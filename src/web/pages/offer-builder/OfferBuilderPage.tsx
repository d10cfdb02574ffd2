import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { can } from '../../../domain/access/policy.js';
import { getStageBand } from '../../../domain/compensation/bands.js';
import type { OfferEvaluateInput } from '../../../domain/compensation/schema.js';
import { getRoleGroup } from '../../../domain/market/role-groups.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useDraft } from '../../components/use-draft.js';
import { formatCount } from './format.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { getMarketBenchmark, LEVEL_LABELS } from '../market/market-api.js';
import { CandidateSummary } from './CandidateSummary.js';
import { BasePlacementChart, DistributionChart, OwnershipChart, ValueByYearChart } from './OfferCharts.js';
import { OfferInputs } from './OfferInputs.js';
import { buildOfferInput, DEFAULT_OFFER_FORM } from './offer-form.js';
import type { OfferForm } from './offer-form.js';
import { AssumptionsList, FindingsList, KeyFigures } from './ResultsPanels.js';
import { useOfferEvaluation } from './use-offer-evaluation.js';
import './offer-builder.css';

/** /offers/builder: price an offer against the candidate's needs, the market and a competing offer. */
export function OfferBuilderPage() {
  const user = useCurrentUser();
  if (!can(user.role, 'compensation.read')) {
    return (
      <>
        <PageHeader title="Offer builder" />
        <EmptyState title="Compensation is not shared with your role" action={<Link to="/today">Go to Today</Link>}>
          <p>Ask an owner, admin, recruiter or hiring manager to price the offer.</p>
        </EmptyState>
      </>
    );
  }
  return <OfferBuilder />;
}

type View = 'analysis' | 'summary';
const VIEWS: { id: View; label: string }[] = [
  { id: 'analysis', label: 'Analysis' },
  { id: 'summary', label: 'Candidate summary' },
];

function OfferBuilder() {
  const [form, setForm, clearDraft] = useDraft<OfferForm>('offer-builder', DEFAULT_OFFER_FORM);
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
  const errors: Record<string, string> = { ...built.errors };
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
      <PageHeader
        title="Offer builder"
        description="Price an offer before you make it: the candidate's cash threshold, what the grant is worth after dilution and failure, and the odds against a big-tech offer."
        actions={
          <Button
            variant="ghost"
            className="no-print"
            onClick={() => {
              clearDraft();
              setForm(() => DEFAULT_OFFER_FORM);
            }}
          >
            Reset to example
          </Button>
        }
      />
      <p className="show-phone no-print">
        <a href="#offer-results">Jump to the results</a>
      </p>
      <div className="offer-layout">
        <form className="offer-form no-print" aria-label="Offer inputs" onSubmit={(event) => event.preventDefault()} noValidate>
          <OfferInputs form={form} onChange={onChange} errors={errors} />
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
