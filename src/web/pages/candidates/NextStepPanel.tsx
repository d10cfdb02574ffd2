import { useId } from 'react';
import { Link } from 'react-router-dom';
import { getNextStep } from '../../api/offer-path.js';
import type { NextStep } from '../../api/offer-path.js';
import { can } from '../../api/types.js';
import type { Action } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Badge } from '../../components/Badge.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import './next-step.css';

/** Who may press each step's button; without it the step is shown in words only. */
const MAY: Record<NextStep['kind'], Action | null> = {
  schedule: 'interviews.write',
  'hold-interview': 'interviews.write',
  'write-scorecard': 'scorecards.write-own',
  'chase-scorecard': 'interviews.read-all',
  decide: 'interviews.read-all',
  'draft-offer': 'offers.write',
  'submit-offer': 'offers.write',
  'revise-offer': 'offers.write',
  'approve-offer': 'offers.approve',
  'chase-approver': 'offers.read',
  'extend-offer': 'offers.write',
  'record-answer': 'offers.write',
  'with-hiring-team': null,
  none: null,
};

const URGENCY: Record<'warning' | 'critical', { tone: 'warning' | 'critical'; words: string }> = {
  warning: { tone: 'warning', words: 'Late' },
  critical: { tone: 'critical', words: 'Very late' },
};

function StepButton({ step, applicationId }: { step: NextStep; applicationId: string }) {
  const action = step.action;
  if (!action) return null;
  const enc = encodeURIComponent;
  const className = 'button button-primary';
  switch (action.target) {
    case 'interviews':
      // The interviews panel of this candidate page.
      return (
        <a href="#interviews" className={className}>
          {action.label}
        </a>
      );
    case 'scorecard':
      return (
        <Link to={`/interviews/${enc(action.interviewId ?? '')}/scorecard`} className={className}>
          {action.label}
        </Link>
      );
    case 'decision':
      return (
        <Link to={`/applications/${enc(applicationId)}/decision`} className={className}>
          {action.label}
        </Link>
      );
    case 'offer-builder':
      return (
        <Link to={`/offers/builder?application=${enc(applicationId)}`} className={className}>
          {action.label}
        </Link>
      );
    case 'offer':
      return (
        <Link to={`/offers/${enc(action.offerId ?? '')}`} className={className}>
          {action.label}
        </Link>
      );
  }
}

/**
 * The one next step of an application, at the top of it: the step in plain words, why and how late, and one
 * primary button that does it or goes where it is done. `refreshKey` changes when the application changes.
 */
export function NextStepPanel({ applicationId, refreshKey }: { applicationId: string; refreshKey?: string | number }) {
  const user = useCurrentUser();
  const headingId = useId();
  const resource = useResource((signal) => getNextStep(applicationId, signal), [applicationId, refreshKey]);
  const step = resource.state.data;
  const may = step ? MAY[step.kind] : null;
  return (
    <section className="panel next-step" aria-labelledby={headingId} aria-busy={resource.state.status === 'loading' || undefined}>
      <h2 className="panel-title next-step-heading" id={headingId}>
        Next step
      </h2>
      {!step ? (
        <p className="muted small" role="status">
          {resource.state.status === 'error' ? `The next step could not be worked out: ${resource.state.error}` : 'Working out the next step…'}
        </p>
      ) : (
        <div className="next-step-body">
          <div className="next-step-words">
            <p className="next-step-title" data-testid="next-step-title">
              {step.title}
              {step.urgency === 'warning' || step.urgency === 'critical' ? (
                <>
                  {' '}
                  <Badge tone={URGENCY[step.urgency].tone}>{URGENCY[step.urgency].words}</Badge>
                </>
              ) : null}
            </p>
            <p className="next-step-detail small">{step.detail}</p>
          </div>
          {may && can(user.role, may) ? <StepButton step={step} applicationId={applicationId} /> : null}
        </div>
      )}
    </section>
  );
}
