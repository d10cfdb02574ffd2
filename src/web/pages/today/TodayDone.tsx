import { Link } from 'react-router-dom';
import type { TodayMark } from '../../api/today.js';
import { formatCount } from '../../lib/format-money.js';
import { TodayMarkLine, type MarkControls } from './TodayMarkLine.js';

export interface DoneGroup {
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  marks: TodayMark[];
}

/** What the person has done today on cards that have nothing open left, kept on the server (so after a reload too). */
export function TodayDone({ groups, controls }: { groups: DoneGroup[]; controls: MarkControls }) {
  if (groups.length === 0) return null;
  const count = groups.reduce((n, g) => n + g.marks.length, 0);
  return (
    <section className="today-done" aria-labelledby="today-done-title">
      <h2 id="today-done-title" className="today-section-title">
        Done today <span className="muted">({formatCount(count)})</span>
      </h2>
      <ul className="today-cards">
        {groups.map((g) => (
          <li key={g.applicationId} className="today-card today-card-done" aria-label={`${g.candidateName}, done`}>
            <div className="today-card-head">
              <h3 className="today-card-name">
                <Link to={`/applications/${encodeURIComponent(g.applicationId)}`}>{g.candidateName}</Link>
              </h3>
              <span className="today-card-role muted">{g.roleTitle}</span>
            </div>
            <ul className="today-card-items">
              {g.marks.map((m) => (
                <li key={m.id} className="today-card-item today-card-item-done">
                  <TodayMarkLine mark={m} controls={controls} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
