import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, isApiError } from '../../api/client.js';
import { getRetention, putRetention, runRetention } from '../../api/privacy.js';
import type { Retention } from '../../api/privacy.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { TextField } from '../../components/Field.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useDocumentTitle } from '../../components/use-document-title.js';

/** Settings → Privacy: how long rejected candidates are kept, "Run now", and what the last runs did. Owners and admins. */
export function PrivacySettings() {
  useDocumentTitle(['Privacy', 'Settings']);
  const res = useResource((signal) => getRetention(signal), []);
  const data = res.state.data;
  return (
    <section aria-labelledby="privacy-heading" className="settings-section">
      <h2 id="privacy-heading">Privacy</h2>
      <p className="muted">
        Keep candidates' data only as long as you need it. With a retention period set, Closer erases people whose applications all ended without a hire, that many
        months after the last one closed, unless they agreed to stay in your talent pool (tick it on their page). Counts for reports stay; names do not.
      </p>
      {res.state.status === 'error' ? <Alert>{res.state.error}</Alert> : null}
      {data ? <RetentionForm key={data.version} retention={data} onSaved={(next) => res.setData(() => next)} onReload={res.reload} /> : null}
    </section>
  );
}

function RetentionForm({ retention, onSaved, onReload }: { retention: Retention; onSaved: (r: Retention) => void; onReload: () => void }) {
  const [months, setMonths] = useState(retention.rejectedAfterMonths === null ? '' : String(retention.rejectedAfterMonths));
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = months.trim() === '' ? null : Number(months);
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > 120)) {
      setError('A whole number of months from 1 to 120, or leave it empty to keep people until someone erases them.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await putRetention(retention.version, value));
      setNote('Saved.');
    } catch (e) {
      if (isApiError(e) && e.code === 'PRECONDITION_FAILED') {
        setNote('Someone else changed the rule meanwhile; it has been reloaded.');
        onReload();
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const runNow = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const run = await runRetention();
      setNote(`Erased ${run.candidatesErased} ${run.candidatesErased === 1 ? 'person' : 'people'}; kept ${run.keptForConsent} who agreed to stay.`);
      onReload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <p>{retention.summary}.</p>
      {error ? <Alert>{error}</Alert> : null}
      {note ? <Alert tone="success">{note}</Alert> : null}
      <form className="stack" onSubmit={(e) => void save(e)} noValidate>
        <TextField
          label="Erase rejected candidates after (months)"
          name="rejectedAfterMonths"
          inputMode="numeric"
          value={months}
          onChange={setMonths}
          optional
          hint="Leave empty to keep them until someone erases them by hand."
        />
        <div className="record-actions">
          <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">
            Save
          </Button>
          {retention.rejectedAfterMonths !== null ? (
            <Button onClick={() => void runNow()} disabled={busy}>
              Run now
            </Button>
          ) : null}
        </div>
      </form>
      <h3>Recent runs</h3>
      {retention.runs.length === 0 ? (
        <p className="muted">No runs yet. Closer applies the rule every hour once a period is set.</p>
      ) : (
        <ul>
          {retention.runs.map((r) => (
            <li key={r.id}>
              <RelativeTime at={r.ranAt} />: {r.trigger === 'manual' ? 'run by hand' : 'scheduled'}, erased {r.candidatesErased}{' '}
              {r.candidatesErased === 1 ? 'person' : 'people'} ({r.applicationsErased} applications), kept {r.keptForConsent} who agreed to stay
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
