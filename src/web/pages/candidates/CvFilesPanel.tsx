import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { errorMessage } from '../../api/client.js';
import { candidateFileUrl, deleteCandidateFile, listCandidateFiles, uploadCandidateFile } from '../../api/candidate-record.js';
import type { CandidateFile } from '../../api/candidate-record.js';
import type { Candidate } from '../../api/pipeline.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FieldError } from '../../components/FieldError.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { formatBytes } from '../../lib/format-bytes.js';
import './candidate-record.css';

/**
 * The person's CV: attach a PDF or a text file, download, remove. Shown only to roles that may read CVs (a CV
 * shows employers and schools, which interviewers judge without).
 */
export function CvFilesPanel({ candidate, canWrite }: { candidate: Candidate; canWrite: boolean }) {
  const files = useResource((signal) => listCandidateFiles(candidate.id, signal), [candidate.id]);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [removing, setRemoving] = useState<CandidateFile>();

  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const stored = await uploadCandidateFile(candidate.id, file);
      setDone(`Attached ${stored.filename}.`);
      files.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const items = files.state.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="cv-title">
      <h2 className="panel-title" id="cv-title">
        CV
      </h2>
      {files.state.status === 'error' && !files.state.data ? <Alert>{files.state.error}</Alert> : null}
      {files.state.data && items.length === 0 ? (
        <p className="small muted">{canWrite ? 'No CV yet. Attach a PDF or a text file (up to 10 MB).' : 'No CV yet.'}</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="file-list" aria-label="Files">
          {items.map((f) => (
            <li key={f.id}>
              <span className="file-name">
                <a href={candidateFileUrl(candidate.id, f.id)} download={f.filename} aria-label={`Download ${f.filename}`}>
                  {f.filename}
                </a>
                <span className="small muted">
                  {' '}
                  {f.contentType === 'application/pdf' ? 'PDF' : 'Text'}, {formatBytes(f.byteSize)}, added <RelativeTime at={f.createdAt} />
                </span>
              </span>
              {canWrite ? (
                <Button variant="ghost" className="button-compact" onClick={() => setRemoving(f)} aria-label={`Remove ${f.filename}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      {canWrite ? (
        <div className="file-attach">
          <label className="button button-secondary button-compact file-attach-label" aria-busy={busy || undefined}>
            {busy ? 'Uploading…' : 'Attach a CV'}
            <input
              ref={input}
              type="file"
              name="file"
              className="visually-hidden"
              accept="application/pdf,text/plain,.pdf,.txt"
              aria-describedby={error ? 'cv-error' : undefined}
              disabled={busy}
              onChange={(e) => void attach(e)}
            />
          </label>
          <FieldError id="cv-error" message={error} />
        </div>
      ) : null}
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove ${removing?.filename ?? 'this file'}?`}
        confirmLabel="Remove the file"
        tone="danger"
        onCancel={() => setRemoving(undefined)}
        onConfirm={async () => {
          if (!removing) return;
          await deleteCandidateFile(candidate.id, removing.id);
          setDone(`Removed ${removing.filename}.`);
          setRemoving(undefined);
          files.reload();
        }}
      >
        <p>The file is deleted for good. Anyone who downloaded it keeps their copy.</p>
      </ConfirmDialog>
    </section>
  );
}
