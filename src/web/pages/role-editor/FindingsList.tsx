import { Badge } from '../../components/Badge.js';
import type { BadgeTone } from '../../components/Badge.js';
import './findings.css';

/** A rule's verdict as the scoping API and domain give it (role findings, team plan findings). */
export interface FindingView {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  fix: string;
  evidence: string[];
}

const SEVERITY_TONE: Record<FindingView['severity'], BadgeTone> = { error: 'critical', warning: 'warning', info: 'neutral' };
const SEVERITY_LABEL: Record<FindingView['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** The findings with their fixes; an empty list says so. */
export function FindingsList({ findings, empty = 'No scoping problems found.' }: { findings: readonly FindingView[]; empty?: string }) {
  if (findings.length === 0) {
    return (
      <p className="muted" data-testid="no-findings">
        {empty}
      </p>
    );
  }
  return (
    <ul className="findings">
      {findings.map((f) => (
        <li key={`${f.rule}:${f.message}`} className={`finding finding-${f.severity}`} data-rule={f.rule}>
          <p className="finding-head">
            <Badge tone={SEVERITY_TONE[f.severity]}>{SEVERITY_LABEL[f.severity]}</Badge> <code className="finding-rule">{f.rule}</code>
          </p>
          <p>{f.message}</p>
          <p>
            <strong>Fix:</strong> {f.fix}
          </p>
          {f.evidence.length > 0 ? <p className="muted small">Evidence: {f.evidence.map((e) => `“${e}”`).join(', ')}</p> : null}
        </li>
      ))}
    </ul>
  );
}

