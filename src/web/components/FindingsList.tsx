import { SeverityBadge } from './SeverityBadge.js';
import { ruleName } from '../lib/rule-names.js';
import './findings.css';

/** A rule's verdict as the scoping API and domain give it (role findings, team plan findings). */
export interface FindingView {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  fix: string;
  evidence: string[];
}

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
            <SeverityBadge severity={f.severity} rule={f.rule} /> <strong className="finding-rule">{ruleName(f.rule)}</strong>
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

