import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { RECOMMENDATION_LABELS } from './api.js';
import type { Scorecard, ScorecardTemplate } from './api.js';

/** A submitted scorecard, read-only: the recommendation, each rating with its evidence, notes, and the way to the decision view. */
export function SubmittedCard({ card, template, applicationId }: { card: Scorecard; template: ScorecardTemplate; applicationId: string }) {
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
