import type { Candidate, DuplicateMatch, Role } from '../../api/pipeline.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';

export interface DuplicateMatchesProps {
  matches: readonly DuplicateMatch[];
  /** The role the person is being added to, if any: the button then says "Use this record for <role>". */
  role: Pick<Role, 'title'> | undefined;
  busy: boolean;
  onUseExisting: (existing: Candidate) => void;
  onCreateAnyway: () => void;
}

/** "This person may already be in Closer": each likely duplicate with why it matched, to use instead of a new record. */
export function DuplicateMatches({ matches, role, busy, onUseExisting, onCreateAnyway }: DuplicateMatchesProps) {
  return (
    <Alert tone="info" title="This person may already be in Closer">
      <ul className="duplicate-list">
        {matches.map((m) => (
          <li key={m.candidate.id}>
            <span>
              <strong>{m.candidate.name}</strong> · {m.candidate.email}
              {m.candidate.currentEmployer ? ` · ${m.candidate.currentEmployer}` : ''}{' '}
              <span className="muted small">(same {m.reasons.map((r) => (r === 'email' ? 'e-mail' : 'name and employer')).join(', ')})</span>
            </span>
            <Button variant="primary" busy={busy} onClick={() => onUseExisting(m.candidate)}>
              {role ? `Use this record for ${role.title}` : 'Open this record'}
            </Button>
          </li>
        ))}
      </ul>
      <p className="small">Using the existing record keeps one history per person. Create a new record only for a different person.</p>
      <Button variant="ghost" busy={busy} onClick={onCreateAnyway}>
        Create a separate record anyway
      </Button>
    </Alert>
  );
}
