import { CANDIDATE_SOURCES, getSourceMix } from '../../api/pipeline.js';
import type { SourceMix } from '../../api/pipeline.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { formatCount } from '../../lib/format-money.js';
import { formatShare } from '../../lib/format-number.js';
import { SOURCE_LABELS } from '../../lib/pipeline-labels.js';
import '../../components/panel.css';

/** The chart's title states its finding: the largest source, or that the network dominates. */
export function sourceMixTitle(mix: Pick<SourceMix, 'total' | 'counts' | 'shares' | 'referralOnlyShare' | 'findings'>): string {
  if (mix.total === 0) return 'No candidates yet, so no source mix';
  if (mix.findings.some((f) => f.rule === 'sourcing.referral-only')) {
    return `Referrals and VC introductions are ${formatShare(mix.referralOnlyShare)} of ${formatCount(mix.total)} candidates`;
  }
  const top = CANDIDATE_SOURCES.reduce((best, s) => ((mix.counts[s] ?? 0) > (mix.counts[best] ?? 0) ? s : best), CANDIDATE_SOURCES[0]);
  return `${SOURCE_LABELS[top]} is the largest source: ${formatShare(mix.shares[top] ?? 0)} of ${formatCount(mix.total)} candidates`;
}

/** Share of a role's candidates by source, with the sourcing.referral-only warning when the API raises it. */
export function SourceMixPanel({ roleId }: { roleId: string }) {
  const mix = useResource((signal) => getSourceMix(roleId, signal), [roleId]);
  const data = mix.state.data;
  if (mix.state.status === 'error') return <Alert tone="info">The source mix could not be loaded: {mix.state.error}</Alert>;
  if (!data) return null;
  const rows = CANDIDATE_SOURCES.map((s) => ({ source: s, count: data.counts[s] ?? 0, share: data.shares[s] ?? 0 })).filter((r) => r.count > 0);
  const title = sourceMixTitle(data);
  return (
    <section className="source-mix panel" aria-labelledby="source-mix-title">
      <h2 className="panel-title" id="source-mix-title">
        Source mix
      </h2>
      {data.findings.map((finding) => (
        <Alert key={finding.rule} tone={finding.severity === 'error' ? 'error' : 'info'} title={finding.message}>
          <p>{finding.fix}</p>
          <p className="small">
            <SeverityBadge severity={finding.severity} rule={finding.rule} />
          </p>
        </Alert>
      ))}
      <figure className="source-mix-figure" style={{ margin: 0 }}>
        <figcaption>
          <strong>{title}</strong>
        </figcaption>
        {rows.length === 0 ? (
          <p className="muted">Add candidates to this role to see where they come from.</p>
        ) : (
          <>
            <div className="source-bars" aria-hidden="true">
              {rows.map((r) => (
                <div key={r.source} style={{ display: 'contents' }}>
                  <span className="small">{SOURCE_LABELS[r.source]}</span>
                  <span className="source-bar-track">
                    <span
                      className={`source-bar-fill${r.source === 'referral' || r.source === 'vc-introduction' ? ' source-bar-fill-referral' : ''}`}
                      style={{ width: `${Math.max(2, Math.round(r.share * 100))}%` }}
                    />
                  </span>
                  <span className="small num">{formatShare(r.share)}</span>
                </div>
              ))}
            </div>
            <div className="visually-hidden">
              <table>
                <caption>Candidates by source</caption>
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col">Candidates</th>
                    <th scope="col">Share</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.source}>
                      <th scope="row">{SOURCE_LABELS[r.source]}</th>
                      <td>{formatCount(r.count)}</td>
                      <td>{formatShare(r.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </figure>
    </section>
  );
}
