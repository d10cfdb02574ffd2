import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { JobAnalysis } from '../../../domain/scoping/analyze-job-description.js';
import type { Finding } from '../../../domain/scoping/findings.js';
import { Badge } from '../../components/Badge.js';
import { FindingsList } from '../../components/FindingsList.js';
import { PlotFigure } from '../../components/PlotFigure.js';
import type { PlotModule } from '../../components/PlotFigure.js';
import { specializationColor } from './colors.js';


export const SENIORITY_LABELS: Record<string, string> = {
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  'staff+': 'Staff or above',
  lead: 'Lead / manager',
  unknown: 'Not stated',
};

/** The chart's title states what it shows, as the UI guide asks. */
function scoresFinding(analysis: JobAnalysis): string {
  const names = analysis.specializations.filter((s) => s.core).map((s) => s.name);
  if (names.length === 0) return 'No AI specialization is a core duty of this text';
  if (analysis.spansTooMany) return `${names.length} core specializations: more than one hire can cover`;
  if (names.length === 1) return `One core specialization: ${names[0]}`;
  return `Core: ${names.join(' and ')}`;
}

function ScoresChart({ analysis }: { analysis: JobAnalysis }) {
  const order = analysis.specializations.map((s) => s.key);
  const rows = analysis.specializations.map((s) => ({ key: s.key, name: s.name, score: s.score, core: s.core }));
  const shape = rows.map((r) => `${r.key}:${r.score}:${r.core}`).join('|');
  const options = useCallback(
    (_width: number, Plot: PlotModule) => ({
      width: 480,
      height: 26 * rows.length + 44,
      marginLeft: 200,
      marginRight: 44,
      style: { fontSize: '12px', background: 'transparent', color: 'currentColor' },
      x: { domain: [0, 1], label: 'Score (0 to 1) →', grid: true, ticks: 5 },
      y: { domain: rows.map((r) => r.name), label: null },
      marks: [
        Plot.barX(rows, {
          x: 'score',
          y: 'name',
          fill: (d: (typeof rows)[number]) => specializationColor(d.key, order),
          fillOpacity: (d: (typeof rows)[number]) => (d.core ? 1 : 0.35),
        }),
        Plot.text(rows, {
          x: 'score',
          y: 'name',
          text: (d: (typeof rows)[number]) => (d.core ? `${d.score.toFixed(2)} core` : d.score.toFixed(2)),
          dx: 4,
          textAnchor: 'start',
          fill: 'currentColor',
        }),
        Plot.ruleX([0]),
      ],
    }),
    // `shape` says when the chart changes.
    [shape],
  );
  return (
    <PlotFigure
      title={scoresFinding(analysis)}
      tableView="screen-reader"
      options={options}
      table={
          <table>
            <caption>Score per specialization</caption>
            <thead>
              <tr>
                <th scope="col">Specialization</th>
                <th scope="col">Score</th>
                <th scope="col">Core duty</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {analysis.specializations.map((s) => (
                <tr key={s.key}>
                  <th scope="row">{s.name}</th>
                  <td>{s.score.toFixed(2)}</td>
                  <td>{s.core ? 'yes' : 'no'}</td>
                  <td>{s.evidence.join(', ') || 'none'}</td>
                </tr>
              ))}
            </tbody>
          </table>
      }
    />
  );
}

export interface AnalysisPanelProps {
  analysis: JobAnalysis;
  findings: readonly Finding[];
  /** What the findings were checked against, when that is less than the full company context. */
  findingsNote?: string;
  /** Shown between the findings and the chart (the highlighted text). */
  children?: ReactNode;
}

/** What the analyser read: the summary facts, the findings with fixes, and the score per specialization. */
export function AnalysisPanel({ analysis, findings, findingsNote, children }: AnalysisPanelProps) {
  const name = new Map(analysis.specializations.map((s) => [s.key, s.name]));
  return (
    <div className="analysis stack">
      <dl className="facts analysis-facts">
        <div>
          <dt>Primary</dt>
          <dd data-testid="analysis-primary">{analysis.primary ? name.get(analysis.primary) : 'None'}</dd>
        </div>
        <div>
          <dt>Core</dt>
          <dd data-testid="analysis-core">{analysis.core.length ? analysis.core.map((k) => name.get(k) ?? k).join(', ') : 'None'}</dd>
        </div>
        <div>
          <dt>Seniority</dt>
          <dd>{SENIORITY_LABELS[analysis.seniority] ?? analysis.seniority}</dd>
        </div>
        <div>
          <dt>Spans too many</dt>
          <dd data-testid="analysis-spans">
            {analysis.spansTooMany ? <Badge tone="critical">Yes</Badge> : 'No'}
          </dd>
        </div>
        <div>
          <dt>AI role</dt>
          <dd data-testid="analysis-ai">{analysis.isAiRole ? 'Yes' : 'No'}</dd>
        </div>
      </dl>
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">Findings</h2>
        <FindingsList findings={findings} />
        {findingsNote ? (
          <p className="muted small findings-note">
            {findingsNote} <Link to="/team">Team</Link>
          </p>
        ) : null}
      </section>
      {children}
      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">Score per specialization</h2>
        <ScoresChart analysis={analysis} />
      </section>
    </div>
  );
}
