import { forwardRef } from 'react';
import type { ScorecardProblem } from './scorecard-form.js';

export interface ScorecardProblemsProps {
  problems: readonly ScorecardProblem[];
  /** Moves focus to the field a problem names. */
  onShow: (problem: ScorecardProblem) => void;
}

/** What to fix before submitting, each a button to the field; receives focus when the submit is refused. */
export const ScorecardProblems = forwardRef<HTMLDivElement, ScorecardProblemsProps>(function ScorecardProblems({ problems, onShow }, ref) {
  if (problems.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-error scorecard-problems" role="alert" aria-labelledby="scorecard-problems-title">
      <p className="alert-title" id="scorecard-problems-title">
        {problems.length === 1 ? 'One thing to fix before submitting' : `${problems.length} things to fix before submitting`}
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>
            <button type="button" className="link-button" onClick={() => onShow(p)}>
              {p.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});
