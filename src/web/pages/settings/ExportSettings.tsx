import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.js';
import { prepareCompanyExport, type PreparedExport } from '../../api/export.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { formatBytes } from '../../lib/format-bytes.js';
import { formatCount } from '../../lib/format-money.js';
import type { ExportEntity } from '../../../api/export.js';
import { AdminOnly } from './AdminOnly.js';

/** The export's kinds of record in words, in the file's order. */
const WORDS: Record<ExportEntity, string> = {
  company: 'Company',
  pipelineSettings: 'Clock and risk settings',
  users: 'People who use Closer',
  roles: 'Jobs',
  roleBands: 'Pay bands',
  candidates: 'Candidates',
  applications: 'Applications, with their history',
  interviews: 'Interviews',
  scorecards: 'Scorecards',
  importedFeedback: 'Scorecards brought from another system',
  offers: 'Offers',
  offerVersions: 'Offer versions, with approvals',
  importedOffers: 'Offers brought from another system',
  pools: 'Talent pools',
  prospects: 'Prospects',
  postings: 'Job postings',
  importLinks: 'Where imported records came from',
  auditLog: 'Audit log entries',
};

/** Settings → Export: every record of the company in one file to download. Owners and admins. */
export function ExportSettings() {
  useDocumentTitle(['Export', 'Settings']);
  return (
    <section aria-labelledby="export-heading" className="settings-section">
      <h2 id="export-heading">Export</h2>
      <AdminOnly section="Export" action="company.export">
        <ExportPanel />
      </AdminOnly>
    </section>
  );
}

function ExportPanel() {
  const [ready, setReady] = useState<PreparedExport & { url: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The file lives in the page's memory until another export replaces it or the page is left.
  const url = useRef<string | undefined>(undefined);
  useEffect(() => () => (url.current ? URL.revokeObjectURL(url.current) : undefined), []);

  const prepare = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const x = await prepareCompanyExport();
      if (url.current) URL.revokeObjectURL(url.current);
      url.current = URL.createObjectURL(x.blob);
      setReady({ ...x, url: url.current });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const total = ready ? Object.values(ready.counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <>
      <p className="muted">
        One file with every record of your company: candidates, jobs with their stages and clock settings, applications with their full stage history,
        interviews, scorecards, offers with their versions and approvals, pay bands, talent pools, job postings, the clock and risk settings (business hours
        included), where imported records came from, the people who use Closer (never their passwords or sign-in codes) and the audit log.
      </p>
      <p className="muted">
        It is a JSON file in the same shapes as Closer&apos;s API. Another Closer can import it under Settings → Import (everything but the users, talent pools and job postings, which are set up again there). For one spreadsheet (CSV) per kind of
        record, run <code>closer export --out FOLDER</code>. Preparing an export is recorded in the audit log.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <Button variant={ready ? 'secondary' : 'primary'} busy={busy} busyLabel="Preparing the export…" onClick={() => void prepare()}>
        {ready ? 'Prepare it again' : 'Prepare the export'}
      </Button>
      {ready ? (
        <div role="status" className="export-ready">
          <p>
            Ready: {formatBytes(ready.blob.size)}, {formatCount(total)} records, as of <RelativeTime at={ready.exportedAt} />.{' '}
            <a href={ready.url} download={ready.fileName} title={ready.fileName}>
              Download the file
            </a>
          </p>
          <ul aria-label="What the file holds">
            {Object.entries(ready.counts).map(([entity, n]) => (
              <li key={entity}>
                {WORDS[entity as ExportEntity] ?? entity}: {formatCount(n)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
