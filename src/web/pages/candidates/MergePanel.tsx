import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client.js';
import { listCandidates, mergeCandidate } from '../../api/pipeline.js';
import type { Candidate } from '../../api/pipeline.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { TextField } from '../../components/Field.js';
import './pipeline.css';

/** Merges this record into another one for the same person: applications and history move, nothing is lost. */
export function MergePanel({ candidate }: { candidate: Candidate }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState(candidate.email);
  const [found, setFound] = useState<Candidate[]>();
  const [target, setTarget] = useState<Candidate>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const { items } = await listCandidates({ q: query.trim(), limit: 20 });
      setFound(items.filter((c) => c.id !== candidate.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const merge = async () => {
    if (!target) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await mergeCandidate(candidate.id, target.id);
      setOpen(false);
      navigate(`/candidates/${encodeURIComponent(result.candidate.id)}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="merge-title">
      <h2 className="panel-title" id="merge-title">
        Duplicate?
      </h2>
      <p className="small muted">If this person is already in Closer under another record, merge this one into it. Applications and their history move over.</p>
      <Button onClick={() => setOpen(true)}>Merge into another record…</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Merge ${candidate.name} into…`}>
        <form onSubmit={(e) => void search(e)} className="stack">
          <TextField label="Find the other record" name="mergeQuery" value={query} onChange={setQuery} hint="Name, e-mail or employer" />
          <Button type="submit">Search</Button>
        </form>
        {error ? <Alert>{error}</Alert> : null}
        {found && found.length === 0 ? <p className="muted">No other record matches.</p> : null}
        {found && found.length > 0 ? (
          <ul className="duplicate-list">
            {found.map((c) => (
              <li key={c.id}>
                <span>
                  <strong>{c.name}</strong> · {c.email}
                </span>
                <Button variant={target?.id === c.id ? 'primary' : 'secondary'} onClick={() => setTarget(c)} aria-pressed={target?.id === c.id}>
                  {target?.id === c.id ? 'Chosen' : 'Choose'}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        {target ? (
          <div className="dialog-actions">
            <Button variant="danger" busy={busy} busyLabel="Merging…" onClick={() => void merge()}>
              Merge {candidate.name} into {target.name}
            </Button>
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}
