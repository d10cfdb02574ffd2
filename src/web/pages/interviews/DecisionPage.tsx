import type { OfferView } from '../../../api/offers.js';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { can } from '../../api/types.js';
import type { ListOf } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import type { BadgeTone } from '../../components/Badge.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, getDecision, interviewKindLabel, listApplicationInterviews } from './api.js';
import type { Decision, Recommendation } from './api.js';
import './interviews.css';

const RECOMMENDATION_TONES: Record<Recommendation, BadgeTone> = { 'strong-no': 'critical', no: 'warning', yes: 'success', 'strong-yes': 'success' };

/** The columns of the side-by-side table: one per submitted scorecard. */
function scorecardColumns(decision: Decision) {
  return decision.recommendations.map((r) => {
    const kind = decision.attributes.flatMap((a) => a.ratings).find((x) => x.scorecardId === r.scorecardId)?.interviewKind;
    return { scorecardId: r.scorecardId, name: r.interviewerName, kind, recommendation: r.recommendation };
  });
}

/** Ratings per attribute side by side per interviewer, with the gaps and the disagreements flagged. */
export function DecisionPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const mayOffer = can(user.role, 'offers.write');
  const data = useResource(async (signal) => {
    const [decision, interviews, offers] = await Promise.all([
      getDecision(id, signal),
      listApplicationInterviews(id, signal).catch(() => ({ items: [] })),
      // An open offer turns "Draft offer" into "Open the offer" (only for people who make offers).
      mayOffer ? api.get<ListOf<Pick<OfferView, 'id' | 'status'>>>('/offers', { query: { applicationId: id }, signal }).catch(() => ({ items: [] })) : Promise.resolve({ items: [] }),
    ]);
    const open = offers.items.find((o) => !['accepted', 'declined', 'expired', 'withdrawn'].includes(o.status));
    return { decision, candidateName: interviews.items[0]?.candidate.name, openOfferId: open?.id };
  }, [id, mayOffer]);

  const title = data.state.data?.candidateName ? `Decision: ${data.state.data.candidateName}` : 'Decision';
  if (!data.state.data) {
    return (
      <>
        <PageHeader title={title} />
        {data.state.status === 'error' ? (
          <>
            <Alert title="The decision view is not available">{data.state.error}</Alert>
            <p>
              Interviewers see the other scorecards once their own are submitted. <Link to="/interviews">Go to my interviews</Link>
            </p>
          </>
        ) : (
          <p className="muted" role="status">
            Loading the scorecards…
          </p>
        )}
      </>
    );
  }

  const { decision, openOfferId } = data.state.data;
  const columns = scorecardColumns(decision);
  const canOffer = mayOffer;
  const nameOf = (attributeId: string) => decision.attributes.find((a) => a.attributeId === attributeId)?.name ?? attributeId;

  return (
    <>
      <PageHeader
        title={title}
        description={`${decision.role.title} · ${decision.submittedCount} scorecard${decision.submittedCount === 1 ? '' : 's'} submitted`}
        actions={
          canOffer ? (
            openOfferId ? (
              <Link to={`/offers/${encodeURIComponent(openOfferId)}`} className="button button-primary">
                Open the offer
              </Link>
            ) : (
              // The decision to hire: the offer builder, pre-filled from the band, the company and current pay.
              <Link to={`/offers/builder?application=${encodeURIComponent(decision.applicationId)}`} className="button button-primary">
                Draft offer
              </Link>
            )
          ) : null
        }
      />
      {decision.pending.length > 0 ? (
        <Alert tone="info" title="Waiting for scorecards">
          <ul className="plain-list">
            {decision.pending.map((p) => (
              <li key={`${p.interviewId}-${p.interviewerId}`}>{p.interviewerName}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {decision.submittedCount === 0 ? (
        <EmptyState title="No scorecards yet">
          <p>Ratings appear here side by side as interviewers submit their scorecards. Scorecards are due within 24 hours of each interview.</p>
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="recommendations-heading" className="decision-summary card">
            <h2 id="recommendations-heading">Recommendations</h2>
            <ul className="recommendation-counts">
              {RECOMMENDATIONS.slice()
                .reverse()
                .map((r) => (
                  <li key={r}>
                    <span className="num recommendation-count">{decision.recommendationCounts[r]}</span> {RECOMMENDATION_LABELS[r]}
                  </li>
                ))}
            </ul>
            {decision.recommendationsSplit ? (
              <p>
                <Badge tone="warning">Split</Badge> Interviewers disagree on hiring: talk it through before deciding.
              </p>
            ) : null}
            <ul className="plain-list">
              {decision.recommendations.map((r) => (
                <li key={r.scorecardId}>
                  {r.interviewerName}: <Badge tone={RECOMMENDATION_TONES[r.recommendation]}>{RECOMMENDATION_LABELS[r.recommendation]}</Badge>
                </li>
              ))}
            </ul>
          </section>

          {decision.uncovered.length > 0 || decision.strongDisagreements.length > 0 ? (
            <section aria-labelledby="flags-heading" className="decision-flags">
              <h2 id="flags-heading" className="visually-hidden">
                Flags
              </h2>
              {decision.uncovered.length > 0 ? (
                <Alert tone="info" title="Not covered by anyone">
                  {decision.uncovered.map(nameOf).join(', ')}. Cover these in a remaining interview or decide without them.
                </Alert>
              ) : null}
              {decision.strongDisagreements.length > 0 ? (
                <Alert tone="info" title="Strong disagreement (ratings two or more apart)">
                  {decision.strongDisagreements.map(nameOf).join(', ')}. Compare the evidence below.
                </Alert>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="ratings-heading">
            <h2 id="ratings-heading">Ratings by attribute</h2>
            <div className="table-wrap">
              <table className="data-table decision-table">
                <caption className="visually-hidden">Ratings per attribute, one column per interviewer, with their evidence</caption>
                <thead>
                  <tr>
                    <th scope="col">Attribute</th>
                    <th scope="col" className="num">
                      Range
                    </th>
                    {columns.map((c) => (
                      <th scope="col" key={c.scorecardId}>
                        {c.name}
                        {c.kind ? <span className="muted small"> · {interviewKindLabel(c.kind)}</span> : null}
                        <span className="decision-header-rec">
                          <Badge tone={RECOMMENDATION_TONES[c.recommendation]}>{RECOMMENDATION_LABELS[c.recommendation]}</Badge>
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {decision.attributes.map((a) => (
                    <tr key={a.attributeId} className={a.strongDisagreement ? 'row-flag' : undefined}>
                      <th scope="row">
                        <span className="decision-attribute">{a.name}</span>
                        {!a.covered ? <Badge tone="warning">Not covered</Badge> : null}
                        {a.strongDisagreement ? <Badge tone="warning">Disagreement</Badge> : null}
                        {!a.onTemplate ? <span className="muted small"> (not on this role&rsquo;s template)</span> : null}
                      </th>
                      <td className="num">{a.min === null ? '—' : a.min === a.max ? String(a.min) : `${a.min}–${a.max}`}</td>
                      {columns.map((c) => {
                        const r = a.ratings.find((x) => x.scorecardId === c.scorecardId);
                        return (
                          <td key={c.scorecardId} className="decision-cell" data-label={`${c.name}${c.kind ? ` · ${interviewKindLabel(c.kind)}` : ''} · ${RECOMMENDATION_LABELS[c.recommendation]}`}>
                            {r ? (
                              <>
                                <span className="decision-rating" aria-label={`Rating ${r.rating} of 4`}>
                                  {r.rating}
                                </span>{' '}
                                <span className="decision-evidence">{r.evidence}</span>
                              </>
                            ) : (
                              <span className="muted">—</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
