import { getCompany } from '../../api/endpoints.js';
import { COMPANY_STAGE_LABELS } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Money } from '../../components/Money.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatCount } from '../../lib/format-money.js';

export function CompanySettings() {
  useDocumentTitle(['Company', 'Settings']);
  const company = useResource((signal) => getCompany(signal), []);
  const data = company.state.data;
  return (
    <section aria-labelledby="company-heading" className="settings-section">
      <h2 id="company-heading">Company profile</h2>
      {company.state.status === 'error' ? <Alert>{company.state.error}</Alert> : null}
      {data ? (
        <>
          <dl className="facts">
            <div>
              <dt>Name</dt>
              <dd>{data.name}</dd>
            </div>
            <div>
              <dt>Stage</dt>
              <dd>{COMPANY_STAGE_LABELS[data.stage] ?? data.stage}</dd>
            </div>
            <div>
              <dt>Raised to date</dt>
              <dd>
                <Money amount={data.raisedUsd} currency="USD" />
              </dd>
            </div>
            <div>
              <dt>Headcount</dt>
              <dd className="num">{formatCount(data.headcount)}</dd>
            </div>
            <div>
              <dt>AI team size</dt>
              <dd className="num">{formatCount(data.aiTeamSize)}</dd>
            </div>
            <div>
              <dt>Pay currency</dt>
              <dd>{data.currency}</dd>
            </div>
            <div>
              <dt>Time zone</dt>
              <dd>{data.timeZone}</dd>
            </div>
          </dl>
          <p className="muted">Editing the company profile is not available in the app yet.</p>
        </>
      ) : company.state.status === 'loading' ? (
        <p className="muted" role="status">
          Loading the company profile…
        </p>
      ) : null}
    </section>
  );
}
