import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { COMPANY_STAGE_LABELS } from '../../api/types.js';
import type { CompanyStage } from '../../api/types.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { PageHeader } from '../../components/PageHeader.js';
import { SourceNote } from '../../components/SourceNote.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { AttractivenessInputsForm } from './AttractivenessInputsForm.js';
import { PlotFigure } from '../../components/PlotFigure.js';
import type { PlotModule } from '../../components/PlotFigure.js';
import { TeamNav } from './TeamNav.js';
import { getAttractiveness } from './api.js';
import type { Attractiveness } from './api.js';
import './team.css';

const STATE_LABELS = { present: 'Present', partial: 'Partial', absent: 'Absent' } as const;
const STATE_TONES = { present: 'success', partial: 'warning', absent: 'neutral' } as const;

function chartFinding(a: Attractiveness): string {
  const earned = a.signals.filter((s) => s.contribution > 0).sort((x, y) => y.contribution - x.contribution);
  const top = a.topChanges[0];
  const first = earned.length ? `${earned[0].label} earns the most` : 'No signal earns points yet';
  return top ? `${first}; ${top.label} would add the most (+${top.gain} points)` : first;
}

/** Earned points to the right, the points a missing or partial signal leaves on the table to the left. */
function ContributionChart({ attractiveness }: { attractiveness: Attractiveness }) {
  const rows = attractiveness.signals.flatMap((s) => [
    { label: s.label, kind: 'Earned', value: s.contribution },
    { label: s.label, kind: 'Missing', value: -s.potential },
  ]);
  const extent = Math.max(5, ...attractiveness.signals.map((s) => Math.max(s.contribution, s.potential)));
  const shape = attractiveness.signals.map((s) => `${s.id}:${s.contribution}:${s.potential}`).join('|');
  const options = useCallback(
    (_width: number, Plot: PlotModule) => ({
      width: 720,
      height: 26 * attractiveness.signals.length + 50,
      marginLeft: 290,
      marginRight: 30,
      style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
      x: { domain: [-extent, extent], label: '← points missing · points earned →', grid: true, tickFormat: (d: number) => String(Math.abs(d)) },
      y: { domain: attractiveness.signals.map((s) => s.label), label: null },
      color: { domain: ['Earned', 'Missing'], range: ['#2f7d4a', '#c0622b'], legend: true },
      marks: [
        Plot.barX(rows, { x: 'value', y: 'label', fill: 'kind' }),
        Plot.ruleX([0]),
      ],
    }),
    // `shape` says when the chart changes.
    [shape],
  );
  return (
    <PlotFigure
      title={chartFinding(attractiveness)}
      tableView="screen-reader"
      options={options}
      table={
          <table>
            <caption>Each signal's contribution to the score</caption>
            <thead>
              <tr>
                <th scope="col">Signal</th>
                <th scope="col">State</th>
                <th scope="col">Weight</th>
                <th scope="col">Points earned</th>
                <th scope="col">Points if present</th>
              </tr>
            </thead>
            <tbody>
              {attractiveness.signals.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.label}</th>
                  <td>{STATE_LABELS[s.state]}</td>
                  <td>{s.weight}</td>
                  <td>{s.contribution}</td>
                  <td>{s.potential}</td>
                </tr>
              ))}
            </tbody>
          </table>
      }
    />
  );
}

const KNOWN_FROM = { 'ai-team': 'the AI team on the Team page', 'company-profile': 'setup: nobody builds ML/AI yet' } as const;

/** What the score already knows without asking: the stage from the company profile, a senior from the team or setup. */
export function knownSentence(a: Pick<Attractiveness, 'fundingStage' | 'seniorAiPractitionerFrom' | 'signals'>): string {
  const stage = `Funding stage: ${COMPANY_STAGE_LABELS[a.fundingStage as CompanyStage] ?? a.fundingStage} (company profile).`;
  if (!a.seniorAiPractitionerFrom) return stage;
  const senior = a.signals.find((s) => s.id === 'senior-ai-practitioner')?.state === 'present';
  return `${stage} ${senior ? 'A senior AI practitioner is' : 'No senior AI practitioner is'} on the team (from ${KNOWN_FROM[a.seniorAiPractitionerFrom]}).`;
}

/** /team/company: how a candidate sees the company, what would raise it most, and the pitch to lead with. */
export function CompanyPage() {
  const user = useCurrentUser();
  const result = useResource((signal) => getAttractiveness(signal), []);
  const a = result.state.data;
  return (
    <>
      <PageHeader title="Company attractiveness" description="How an AI candidate reads your company, the changes that would raise it most, and the pitch to lead with." />
      <TeamNav />
      {result.state.status === 'error' ? <Alert>{result.state.error}</Alert> : null}
      {!a && result.state.status === 'loading' ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {a ? (
        <div className="stack">
          {!a.inputsStored ? (
            <Alert tone="info" title={a.seniorAiPractitionerFrom ? 'Scored from what Closer already knows' : 'Only the funding stage is known'}>
              {knownSentence(a)} Every other signal counts as absent until someone describes the company.{' '}
              {can(user.role, 'company.update') ? 'Fill in the signals below.' : 'Ask an owner or admin to fill in the signals.'}
            </Alert>
          ) : null}
          <div className="attract-summary">
            <div className="attract-score" aria-labelledby="score-label">
              <p id="score-label" className="muted small">
                Attractiveness score
              </p>
              <p className="attract-score-value" data-testid="attractiveness-score">
                <span>{a.score}</span>
                <span className="attract-score-of"> / 100</span>
              </p>
              <p className="muted small">
                Funding stage: {COMPANY_STAGE_LABELS[a.fundingStage as CompanyStage] ?? a.fundingStage} (from the{' '}
                <Link to="/settings/company">company profile</Link>)
              </p>
            </div>
            <section className="attract-pitch" aria-labelledby="pitch-heading">
              <h2 id="pitch-heading">Lead with</h2>
              <blockquote>{a.pitch.pitch}</blockquote>
              <p>
                <strong>Target:</strong> {a.pitch.target}
              </p>
              <SourceNote source={a.pitch.source} />
            </section>
          </div>

          <section aria-labelledby="changes-heading">
            <h2 id="changes-heading">The changes that raise it most</h2>
            {a.topChanges.length === 0 ? (
              <p className="muted">Every signal is present: nothing left to raise.</p>
            ) : (
              <ol className="attract-changes">
                {a.topChanges.map((c) => (
                  <li key={c.id}>
                    <p>
                      <strong>{c.label}</strong> <Badge tone="accent">+{c.gain} points</Badge>
                    </p>
                    <p>{c.action}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section aria-labelledby="signals-heading">
            <h2 id="signals-heading">Each signal's contribution</h2>
            <ContributionChart attractiveness={a} />
            <details className="attract-signals">
              <summary>Signals, states and sources</summary>
              <ul>
                {a.signals.map((s) => (
                  <li key={s.id}>
                    <Badge tone={STATE_TONES[s.state]}>{STATE_LABELS[s.state]}</Badge> {s.label}: {s.contribution} of {s.contribution + s.potential} points
                    (weight {s.weight}). <span className="muted small">{s.source}</span>
                  </li>
                ))}
              </ul>
            </details>
          </section>

          {can(user.role, 'company.update') ? <AttractivenessInputsForm onSaved={result.reload} /> : null}
        </div>
      ) : null}
    </>
  );
}
