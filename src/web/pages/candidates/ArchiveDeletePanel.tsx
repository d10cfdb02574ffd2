import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client.js';
import { archiveCandidate, deleteCandidate, unarchiveCandidate } from '../../api/candidate-record.js';
import type { Candidate } from '../../api/pipeline.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextField } from '../../components/Field.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import './candidate-record.css';

const STALE = 'Someone else changed this person meanwhile. The page has been reloaded: check it, then try again.';

/**
 * Archive (hide from the list, no new applications) or bring back; erase for good, after typing the person's
 * name. `onChanged` reloads the page's data; after an erasure the user lands on the candidate list.
 */
export function ArchiveDeletePanel({ candidate, canDelete, onChanged }: { candidate: Candidate; canDelete: boolean; onChanged: () => void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success' | 'info'; text: string }>();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const archived = Boolean(candidate.archivedAt);

  const toggleArchive = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      if (archived) await unarchiveCandidate(candidate.id, candidate.version);
      else await archiveCandidate(candidate.id, candidate.version);
      setMessage({ tone: 'success', text: archived ? `${candidate.name} is back in the candidate list.` : `${candidate.name} is archived.` });
      onChanged();
    } catch (error) {
      if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
        setMessage({ tone: 'info', text: STALE });
        onChanged();
      } else setMessage({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const nameMatches = typed.trim() === candidate.name.trim();
  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 className="panel-title" id="record-title">
        Keep or remove
      </h2>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <p className="small muted">
        {archived
          ? 'Archived people are hidden from the candidate list and cannot be added to a role. Their history stays.'
          : 'Archive someone you are not pursuing now: they leave the candidate list, their history stays, and you can bring them back.'}
      </p>
      <div className="record-actions">
        <Button busy={busy} busyLabel={archived ? 'Unarchiving…' : 'Archiving…'} onClick={() => void toggleArchive()}>
          {archived ? 'Unarchive' : 'Archive'}
        </Button>
        {canDelete ? (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Delete…
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${candidate.name} for good?`}
        confirmLabel={`Delete ${candidate.name}`}
        tone="danger"
        onCancel={() => {
          setConfirming(false);
          setTyped('');
        }}
        onConfirm={async () => {
          if (!nameMatches) throw new Error(`Type ${candidate.name} exactly to confirm.`);
          try {
            await deleteCandidate(candidate.id, candidate.version);
          } catch (error) {
            if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
              onChanged();
              throw new Error(STALE);
            }
            throw error;
          }
          setConfirming(false);
          navigate('/candidates', { replace: true, state: { notice: `${candidate.name} was deleted.` } });
        }}
      >
        <p>
          This erases their details, CV, applications with their notes and history, interviews, scorecards and offers. It cannot be undone.
          The audit log keeps only that a record was deleted, by whom and when.
        </p>
        <TextField label={`Type their name to confirm: ${candidate.name}`} name="confirmName" value={typed} onChange={setTyped} autoComplete="off" />
      </ConfirmDialog>
    </section>
  );
}

/** The line at the top of an archived person's page. */
export function ArchivedNotice({ candidate }: { candidate: Candidate }) {
  if (!candidate.archivedAt) return null;
  return (
    <Alert tone="info" title="Archived">
      Archived <RelativeTime at={candidate.archivedAt} />. Hidden from the candidate list; unarchive to add them to a role.
    </Alert>
  );
}
