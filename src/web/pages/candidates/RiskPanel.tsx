import type { Risk } from '../../api/pipeline.js';
import { Badge } from '../../components/Badge.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { RISK_LABELS, SIGNAL_LABELS, riskTone } from '../../lib/pipeline-labels.js';
import './pipeline.css';

/** The flight-risk score with the signals behind it and the recommended actions, most urgent first. */
export function RiskPanel({ risk }: { risk: Risk }) {
  return (
  <section className="panel" aria-labelledby="risk-title">
    <h2 className="panel-title" id="risk-title">
      Flight risk{' '}
      <Badge tone={riskTone(risk.level)}>
        {RISK_LABELS[risk.level]} · {Math.round(risk.score * 100)}/100
      </Badge>
    </h2>
    {risk.signals.length === 0 ? (
      <p className="muted">No warning signs. Log one after a call when you hear it: it takes two clicks.</p>
    ) : (
      <>
        <table className="data-table">
          <caption className="visually-hidden">Signals and their contribution to the risk score</caption>
          <thead>
            <tr>
              <th scope="col">Signal</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="num">
                Decay
              </th>
              <th scope="col" className="num">
                Adds
              </th>
            </tr>
          </thead>
          <tbody>
            {risk.signals.map((s, i) => (
              <tr key={`${s.type}-${i}`}>
                <td>
                  {SIGNAL_LABELS[s.type] ?? s.type}
                  <span className="small muted">
                    {' '}
                    · {s.source}
                    {s.observedAt ? (
                      <>
                        {' '}
                        <RelativeTime at={s.observedAt} />
                      </>
                    ) : null}
                    {s.deadline ? ` · deadline ${s.deadline}` : ''}
                  </span>
                </td>
                <td className="num">{s.weight.toFixed(2)}</td>
                <td className="num">×{s.decay.toFixed(2)}</td>
                <td className="num">{Math.round(s.contribution * 100)} pts</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="small muted">
          Score = 1 − ∏(1 − weight × decay); a logged signal halves every 7 days. Levels: medium from {Math.round(risk.levels.medium * 100)}, high
          from {Math.round(risk.levels.high * 100)}, critical from {Math.round(risk.levels.critical * 100)}.
        </p>
      </>
    )}
    {risk.actions.length > 0 ? (
      <>
        <h3 className="small">Recommended, most urgent first</h3>
        <ol>
          {risk.actions.map((a) => (
            <li key={a.id}>{a.text}</li>
          ))}
        </ol>
      </>
    ) : null}
  </section>
  );
}
