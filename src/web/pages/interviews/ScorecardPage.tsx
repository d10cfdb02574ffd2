import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { FieldError } from '../../components/FieldError.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, completeInterview, getInterview, getMyScorecard, interviewKindLabel, saveScorecardDraft, submitScorecard } from './api.js';
import type { InterviewDetail, MyScorecard, Recommendation, Scorecard, ScorecardTemplate } from './api.js';
import { RatingGroup } from './RatingGroup.js';
import { draftBody, fieldFromApi, formFromScorecard, localDraftKey, mergeLocalDraft, readLocalDraft, sameForm, scorecardProblems } from './scorecard-form.js';
import type { ScorecardForm, ScorecardProblem } from './scorecard-form.js';
import './interviews.css';

type SaveState = { status: 'idle' } | { status: 'pending' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'error'; message: string };

const AUTOSAVE_DELAY_MS = 700;

/** The interviewer's scorecard for one interview: rate, give evidence, recommend; autosaved as a server draft. */
export function ScorecardPage() {
  const { id = '' } = useParams();
  const data = useResource(async (signal) => {
    const [interview, mine] = await Promise.all([getInterview(id, signal), getMyScorecard(id, signal)]);
    return { interview, mine };
  }, [id]);

  if (data.state.status === 'error' && !data.state.data) {
    return (
      <>
        <PageHeader title="Scorecard" />
        <Alert title="This scorecard cannot be opened">{data.state.error}</Alert>
        <p>
          <Link to="/interviews">Back to my interviews</Link>
        </p>
      </>
    );
  }
  if (!data.state.data) {
    return (
      <>
        <PageHeader title="Scorecard" />
        <p className="muted" role="status">
          Loading the scorecard…
        </p>
      </>
    );
  }
  return <ScorecardEditor key={id} interview={data.state.data.interview} mine={data.state.data.mine} />;
}

function ScorecardEditor({ interview: loaded, mine }: { interview: InterviewDetail; mine: MyScorecard }) {
  const template = mine.template;
  const [interview, setInterview] = useState(loaded);
  const [card, setCard] = useState<Scorecard>(mine.scorecard);
  const serverForm = formFromScorecard(template, mine.scorecard);
  const [form, setForm] = useState<ScorecardForm>(() => {
    if (mine.scorecard.status === 'submitted') return serverForm;
    const local = readLocalDraft(window.localStorage, interview.id);
    return local ? mergeLocalDraft(template, serverForm, local.form) : serverForm;
  });
  const [savedForm, setSavedForm] = useState<ScorecardForm>(serverForm);
  const [save, setSave] = useState<SaveState>(mine.scorecard.updatedAt ? { status: 'saved', at: mine.scorecard.updatedAt } : { status: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<ScorecardProblem[]>([]);
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const saveSeq = useRef(0);
  const submitted = card.status === 'submitted';

  // Autosave: a short pause after the last change sends the draft; a copy stays on this device until the server has it.
  useEffect(() => {
    if (submitted || sameForm(form, savedForm)) return;
    try {
      window.localStorage.setItem(localDraftKey(interview.id), JSON.stringify({ savedAt: new Date().toISOString(), form }));
    } catch {
      // Storage blocked: the server draft is still saved.
    }
    setSave({ status: 'pending' });
    const snapshot = form;
    const timer = window.setTimeout(async () => {
      const seq = ++saveSeq.current;
      setSave({ status: 'saving' });
      try {
        const result = await saveScorecardDraft(interview.id, draftBody(template, snapshot));
        if (seq !== saveSeq.current) return;
        setSavedForm(snapshot);
        setCard(result.scorecard);
        setSave({ status: 'saved', at: result.scorecard.updatedAt ?? new Date().toISOString() });
      } catch (error) {
        if (seq !== saveSeq.current) return;
        setSave({ status: 'error', message: errorMessage(error) });
      }
    }, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [form, savedForm, submitted, interview.id, template]);

  useEffect(() => {
    if (sameForm(form, savedForm)) {
      try {
        window.localStorage.removeItem(localDraftKey(interview.id));
      } catch {
        // Nothing to remove.
      }
    }
  }, [form, savedForm, interview.id]);

  const update = (field: string, change: (current: ScorecardForm) => ScorecardForm) => {
    setForm(change);
    if (errors[field]) setErrors(({ [field]: _removed, ...rest }) => rest);
  };

  const focusField = (field: string) => {
    const element = formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`);
    element?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const found = scorecardProblems(template, form);
    setProblems(found);
    setErrors(Object.fromEntries(found.map((p) => [p.field, p.message])));
    if (found.length > 0) {
      window.requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const body = draftBody(template, form);
    setSubmitting(true);
    saveSeq.current += 1; // a draft save still in flight must not overwrite the submitted card
    try {
      // A scorecard is proof the interview took place: mark it done first, which starts its clocks and lets the
      // interviewer see the others' cards once theirs is in.
      if (interview.status === 'scheduled') setInterview(await completeInterview(interview.id));
      const result = await submitScorecard(interview.id, body);
      setCard(result.scorecard);
      setSavedForm(form);
      setSave({ status: 'saved', at: result.scorecard.submittedAt ?? new Date().toISOString() });
      try {
        window.localStorage.removeItem(localDraftKey(interview.id));
      } catch {
        // Nothing to remove.
      }
    } catch (error) {
      const field = isApiError(error) ? fieldFromApi(error.field, body) : undefined;
      if (field && field !== 'ratings') {
        setErrors({ [field]: errorMessage(error) });
        focusField(field);
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const c = interview.candidate;
  return (
    <>
      <PageHeader
        title={`Scorecard: ${c.name}`}
        description={
          <>
            {interviewKindLabel(interview.kind)} for {interview.role.title}
            {interview.final ? ' (final interview)' : ''} · <RelativeTime at={interview.scheduledAt} />
          </>
        }
        actions={
          <Link to="/interviews" className="button button-secondary">
            My interviews
          </Link>
        }
      />
      <div className="scorecard-layout">
        <div className="scorecard-main">
          {interview.status === 'cancelled' ? <Alert tone="info">This interview was cancelled; there is no scorecard to fill in.</Alert> : null}
          {interview.status === 'scheduled' && Date.parse(interview.scheduledAt) > Date.now() ? (
            <Alert tone="info">
              This interview is <RelativeTime at={interview.scheduledAt} />. You can prepare the draft now and submit it once the interview has taken
              place.
            </Alert>
          ) : null}
          {submitted ? (
            <SubmittedCard card={card} template={template} applicationId={interview.applicationId} />
          ) : interview.status === 'cancelled' ? null : (
            <form ref={formRef} className="scorecard-form" onSubmit={onSubmit} noValidate aria-label={`Scorecard for ${c.name}`}>
              <SaveStatus state={save} />
              {problems.length > 0 ? (
                <div ref={summaryRef} tabIndex={-1} className="alert alert-error scorecard-problems" role="alert" aria-labelledby="scorecard-problems-title">
                  <p className="alert-title" id="scorecard-problems-title">
                    {problems.length === 1 ? 'One thing to fix before submitting' : `${problems.length} things to fix before submitting`}
                  </p>
                  <ul>
                    {problems.map((p) => (
                      <li key={p.field}>
                        <button type="button" className="link-button" onClick={() => focusField(p.field === 'ratings' ? `rating.${template.attributes[0]?.id}` : p.field)}>
                          {p.message}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {formError ? <Alert>{formError}</Alert> : null}
              <p className="field-hint">
                Rate what you saw, 1 to 4 (press <kbd>1</kbd>–<kbd>4</kbd> on a rating). Every rating needs one line of evidence. Leave an
                attribute blank if the interview did not cover it.
              </p>
              {interview.focusAttributeIds !== null ? (
                <p className="field-hint">
                  This interview covers {interview.focus.map((f) => f.name).join(', ')}; the role&rsquo;s other attributes are rated in its other interviews.
                </p>
              ) : null}
              {template.attributes.map((attribute) => {
                const row = form.ratings[attribute.id];
                return (
                  <RatingGroup
                    key={attribute.id}
                    legend={attribute.name}
                    description={attribute.description}
                    name={`rating.${attribute.id}`}
                    value={row.rating}
                    error={errors[`rating.${attribute.id}`]}
                    options={([1, 2, 3, 4] as const).map((n) => ({ value: n, label: String(n), detail: attribute.anchors[String(n) as '1'] ?? template.scale[String(n) as '1'] }))}
                    onChange={(rating) => update(`rating.${attribute.id}`, (f) => ({ ...f, ratings: { ...f.ratings, [attribute.id]: { ...f.ratings[attribute.id], rating } } }))}
                  >
                    <EvidenceField
                      attributeName={attribute.name}
                      name={`evidence.${attribute.id}`}
                      value={row.evidence}
                      error={errors[`evidence.${attribute.id}`]}
                      onChange={(evidence) => update(`evidence.${attribute.id}`, (f) => ({ ...f, ratings: { ...f.ratings, [attribute.id]: { ...f.ratings[attribute.id], evidence } } }))}
                    />
                    {row.rating !== null || row.evidence ? (
                      <button
                        type="button"
                        className="link-button small"
                        onClick={() => update(`rating.${attribute.id}`, (f) => ({ ...f, ratings: { ...f.ratings, [attribute.id]: { rating: null, evidence: '' } } }))}
                      >
                        Clear {attribute.name} (not covered)
                      </button>
                    ) : null}
                  </RatingGroup>
                );
              })}
              <RatingGroup<Recommendation>
                legend="Overall recommendation"
                description="Would you hire this person for this role, on what you saw?"
                name="recommendation"
                value={form.recommendation}
                error={errors.recommendation}
                options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))}
                onChange={(recommendation) => update('recommendation', (f) => ({ ...f, recommendation }))}
              />
              <NotesField value={form.notes} onChange={(notes) => update('notes', (f) => ({ ...f, notes }))} />
              <div className="form-actions">
                <Button type="submit" variant="primary" busy={submitting} busyLabel="Submitting…">
                  Submit scorecard
                </Button>
                <span className="muted small">
                  Submitted cards cannot be changed.{interview.status === 'scheduled' ? ' Submitting also marks the interview as done.' : ''}
                </span>
              </div>
            </form>
          )}
        </div>
        <aside className="scorecard-aside card" aria-label="Candidate">
          <h2 className="scorecard-aside-title">{c.name}</h2>
          <dl className="facts facts-compact">
            <div>
              <dt>Specializations</dt>
              <dd>{c.specializations.length ? c.specializations.join(', ') : '—'}</dd>
            </div>
            <div>
              <dt>Production ML</dt>
              <dd>{c.productionMlYears === null ? '—' : `${c.productionMlYears} years`}</dd>
            </div>
            <div>
              <dt>Location</dt>
              <dd>{c.location ?? '—'}</dd>
            </div>
            {interview.pedigreeHidden ? null : (
              <div>
                <dt>Current employer</dt>
                <dd>{c.currentEmployer ?? '—'}</dd>
              </div>
            )}
          </dl>
          {interview.pedigreeHidden ? (
            <p className="small">
              <Badge tone="neutral">Pedigree-blind</Badge> Employer and profile links stay hidden until your scorecard is in, so the rating rests
              on what you saw.
            </p>
          ) : null}
          <p className="small muted">
            Interviewers: {interview.interviewers.map((i) => i.name).join(', ')}. Others&rsquo; scorecards open once yours is submitted.
          </p>
        </aside>
      </div>
    </>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  let text: ReactNode;
  switch (state.status) {
    case 'idle':
      text = 'Draft saves as you type.';
      break;
    case 'pending':
      text = 'Unsaved changes…';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'saved':
      text = (
        <>
          <span aria-hidden="true">✓ </span>Draft saved <RelativeTime at={state.at} />
        </>
      );
      break;
    case 'error':
      text = `Not saved: ${state.message} Your changes are kept on this device and will be sent with the next change.`;
      break;
  }
  return (
    <p className={`save-status save-status-${state.status}`} role="status" aria-live="polite" data-save-status={state.status}>
      {text}
    </p>
  );
}

function EvidenceField({ attributeName, name, value, error, onChange }: { attributeName: string; name: string; value: string; error?: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className={`field evidence-field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        Evidence for {attributeName}
      </label>
      <textarea
        id={id}
        name={name}
        className="input evidence-input"
        rows={2}
        maxLength={2000}
        value={value}
        placeholder="What did the candidate say or do?"
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-e` : undefined}
      />
      <FieldError id={`${id}-e`} message={error} />
    </div>
  );
}

function NotesField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Notes<span className="field-optional"> (optional)</span>
      </label>
      <textarea id={id} name="notes" className="input" rows={3} maxLength={5000} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

function SubmittedCard({ card, template, applicationId }: { card: Scorecard; template: ScorecardTemplate; applicationId: string }) {
  const byId = new Map(card.ratings.map((r) => [r.attributeId, r]));
  return (
    <section aria-labelledby="submitted-heading" className="card stack">
      <h2 id="submitted-heading">Your scorecard is in</h2>
      <p role="status">
        <Badge tone="success">Submitted</Badge> {card.submittedAt ? <RelativeTime at={card.submittedAt} /> : null}. Recommendation:{' '}
        <strong>{card.recommendation ? RECOMMENDATION_LABELS[card.recommendation] : '—'}</strong>
      </p>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Your ratings</caption>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col" className="num">
                Rating
              </th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {template.attributes.map((a) => {
              const r = byId.get(a.id);
              return (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td className="num">{r?.rating ?? '—'}</td>
                  <td>{r?.evidence || <span className="muted">Not covered</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {card.notes ? <p>Notes: {card.notes}</p> : null}
      <p>
        <Link to={`/applications/${encodeURIComponent(applicationId)}/decision`}>See the decision view for this candidate</Link>
      </p>
    </section>
  );
}
