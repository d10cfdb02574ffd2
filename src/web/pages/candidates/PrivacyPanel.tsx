import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client.js';
import { getTalentPool, putTalentPool } from '../../api/privacy.js';
import type { Candidate } from '../../api/pipeline.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';

/**
 * Their data (docs/privacy.md): the talent-pool consent that keeps them past the company's retention period, and, for
 * those who may hand it over, the page with everything Closer holds about them.
 */
export function PrivacyPanel({ candidate, canExport, canWrite }: { candidate: Candidate; canExport: boolean; canWrite: boolean }) {
  const pool = useResource((signal) => getTalentPool(candidate.id, signal), [candidate.id, candidate.version]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const data = pool.state.data;
  const toggle = async (consent: boolean) => {
    if (!data) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const next = await putTalentPool(candidate.id, data.version, consent);
      pool.setData(() => next);
    } catch (error) {
      setMessage(isApiError(error) && error.code === 'PRECONDITION_FAILED' ? 'Someone else changed this person meanwhile. Reload the page, then try again.' : errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="privacy-title">
      <h2 className="panel-title" id="privacy-title">
        Their data
      </h2>
      {message ? <Alert>{message}</Alert> : null}
      <label className="checkbox-row">
        <input type="checkbox" checked={Boolean(data?.consentAt)} disabled={!canWrite || !data || busy} onChange={(e) => void toggle(e.target.checked)} />{' '}
        They agreed to stay in our talent pool
      </label>
      <p className="small muted">People who agreed are kept when the retention rule removes rejected candidates. Untick it when they ask to leave.</p>
      {canExport ? (
        <p>
          <Link to={`/candidates/${encodeURIComponent(candidate.id)}/data`}>See everything we hold about {candidate.name}</Link>
        </p>
      ) : null}
    </section>
  );
}
