import { Money } from '../../components/Money.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { formatCount } from '../../lib/format-money.js';
import { formatPercent } from '../../lib/format-number.js';
import type { OfferDetail } from './api.js';
import { APPROVAL_STATUS_LABELS } from './offer-format.js';

/** Every version of an offer, newest first, with a button to show an older one. */
export function VersionHistory({ offer, shown, onShow }: { offer: OfferDetail; shown: number; onShow: (version: number) => void }) {
  const rows = [...offer.versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Version history</h2>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Versions of this offer, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col" className="hide-phone">
                Drafted
              </th>
              <th scope="col" className="num">
                Base
              </th>
              <th scope="col" className="num">
                Equity
              </th>
              <th scope="col" className="hide-phone">
                Band
              </th>
              <th scope="col">Approval</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.version} aria-current={v.version === shown ? 'true' : undefined}>
                <th scope="row">
                  {v.version}
                  {v.version === offer.currentVersion ? <span className="muted small"> (current)</span> : null}
                </th>
                <td className="hide-phone">
                  <RelativeTime at={v.createdAt} />
                  {v.createdBy ? <span className="muted small"> by {v.createdBy.name}</span> : null}
                </td>
                <td className="num">
                  <Money amount={v.base} currency={offer.currency} />
                </td>
                <td className="num">
                  {formatPercent(v.fullyDilutedPct)}
                  <span className="hide-phone"> ({formatCount(v.equityShares)} shares)</span>
                </td>
                <td className="hide-phone">{v.insideBand ? 'Inside' : 'Outside'}</td>
                <td>{APPROVAL_STATUS_LABELS[v.approvalStatus as keyof typeof APPROVAL_STATUS_LABELS] ?? v.approvalStatus}</td>
                <td>
                  {v.version === shown ? (
                    <span className="muted small">Shown</span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => onShow(v.version)}>
                      Show version {v.version}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
