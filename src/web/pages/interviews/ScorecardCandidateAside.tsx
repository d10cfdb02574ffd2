import { Badge } from '../../components/Badge.js';
import type { InterviewDetail } from './api.js';

/** What the interviewer may know about the candidate while rating: specializations, experience, location, and the employer unless pedigree-blind. */
export function ScorecardCandidateAside({ interview }: { interview: InterviewDetail }) {
  const c = interview.candidate;
  return (
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
  );
}
