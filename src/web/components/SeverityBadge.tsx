import { SEVERITY_WORDS, type FindingSeverity } from '../../domain/shared/severity.js';
import { Badge } from './Badge.js';
import type { BadgeTone } from './Badge.js';

/** Red for errors only; warnings amber; notes neutral. */
export const SEVERITY_TONES: Readonly<Record<FindingSeverity, BadgeTone>> = { error: 'critical', warning: 'warning', info: 'neutral' };

/**
 * A finding's severity in the one vocabulary the web and the CLI share (Error, Warning, Note). The rule's id, for
 * those who look it up in the docs or the CLI, is in the tooltip, never on screen.
 */
export function SeverityBadge({ severity, rule }: { severity: FindingSeverity; rule?: string }) {
  const badge = <Badge tone={SEVERITY_TONES[severity]}>{SEVERITY_WORDS[severity]}</Badge>;
  return rule ? (
    <span className="severity" title={`Check ${rule}`}>
      {badge}
    </span>
  ) : (
    badge
  );
}
