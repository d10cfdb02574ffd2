import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { TextAreaField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, completeInterview, getInterview, getMyScorecard, interviewKindLabel, submitScorecard } from './api.js';
import type { InterviewDetail, MyScorecard, Recommendation, Scorecard } from './api.js';
import { AttributeRating } from './AttributeRating.js';
import { RatingGroup } from './RatingGroup.js';
import { SaveStatus } from './SaveStatus.js';
import { ScorecardCandidateAside } from './ScorecardCandidateAside.js';
import { ScorecardProblems } from './ScorecardProblems.js';
import { draftBody, fieldFromApi, formFromScorecard, mergeLocalDraft, readLocalDraft, scorecardProblems } from './scorecard-form.js';
import type { ScorecardForm, ScorecardProblem } from './scorecard-form.js';
import { SubmittedCard } from './SubmittedCard.js';
import { useScorecardAutosave } from './use-scorecard-autosave.js';
import './interviews.css';

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
  const [serverForm] = useState(() => formFromScorecard(template, mine.scorecard));
  const [form, setForm] = useState<ScorecardForm>(() => {
    if (mine.scorecard.status === 'submitted') return serverForm;
    const local = readLocalDraft(window.localStorage, interview.id);
    return local ? mergeLocalDraft(template, serverForm, local.form) : serverForm;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<ScorecardProblem[]>([]);
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const submitted = card.status === 'submitted';
  const autosave = useScorecardAutosave({
    interviewId: interview.id,
    template,
    form,
    initialSaved: serverForm,
    initialSavedAt: mine.scorecard.updatedAt,
    submitted,
    onSaved: setCard,
  });

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
    autosave.cancelInFlight(); // a draft save still in flight must not overwrite the submitted card
    try {
      // A scorecard is proof the interview took place: mark it done first, which starts its clocks and lets the
      // interviewer see the others' cards once theirs is in.
      if (interview.status === 'scheduled') setInterview(await completeInterview(interview.id));
      const result = await submitScorecard(interview.id, body);
      setCard(result.scorecard);
      autosave.markSaved(form, result.scorecard.submittedAt ?? new Date().toISOString());
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
              <SaveStatus state={autosave.save} />
              <ScorecardProblems ref={summaryRef} problems={problems} onShow={(p) => focusField(p.field === 'ratings' ? `rating.${template.attributes[0]?.id}` : p.field)} />
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
              {template.attributes.map((attribute) => (
                <AttributeRating
                  key={attribute.id}
                  attribute={attribute}
                  scale={template.scale}
                  row={form.ratings[attribute.id]}
                  errors={errors}
                  onChange={(field, row) => update(field, (f) => ({ ...f, ratings: { ...f.ratings, [attribute.id]: row } }))}
                />
              ))}
              <RatingGroup<Recommendation>
                legend="Overall recommendation"
                description="Would you hire this person for this role, on what you saw?"
                name="recommendation"
                value={form.recommendation}
                error={errors.recommendation}
                options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))}
                onChange={(recommendation) => update('recommendation', (f) => ({ ...f, recommendation }))}
              />
              <TextAreaField label="Notes" name="notes" rows={3} maxLength={5000} value={form.notes} onChange={(notes) => update('notes', (f) => ({ ...f, notes }))} optional />
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
        <ScorecardCandidateAside interview={interview} />
      </div>
    </>
  );
}
