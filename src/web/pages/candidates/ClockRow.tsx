import type { Clock } from '../../api/pipeline.js';
import { Badge } from '../../components/Badge.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { CLOCK_LABELS, CLOCK_STATE_LABELS, clockStateTone, formatDuration } from '../../lib/pipeline-labels.js';
import './pipeline.css';

/** One clock: its state, elapsed time against the target, a meter to the critical time, and its next action. */
export function ClockRow({ clock }: { clock: Clock }) {
  const fill = Math.min(1, clock.elapsedHours / Math.max(1, clock.criticalHours));
  return (
    <li>
      <div className="clock-row">
        <span>
          <strong>{CLOCK_LABELS[clock.id] ?? clock.id}</strong>{' '}
          <Badge tone={clockStateTone(clock.state)}>
            {CLOCK_STATE_LABELS[clock.state]}
            {clock.state === 'stopped' && clock.endedLate ? ' (late)' : ''}
          </Badge>
        </span>
        <span className="small num" data-testid={`clock-time-${clock.id}`}>
          {formatDuration(clock.elapsedHours, clock)} of {formatDuration(clock.targetHours, clock)}
        </span>
      </div>
      <div
        className={`clock-meter clock-meter-${clock.state}`}
        role="img"
        aria-label={`${Math.round(fill * 100)}% of the critical time (${formatDuration(clock.criticalHours, clock)})`}
      >
        <span style={{ width: `${Math.round(fill * 100)}%` }} />
      </div>
      <p className="small muted">
        Started <RelativeTime at={clock.startedAt} />
        {clock.stoppedAt ? (
          <>
            , stopped <RelativeTime at={clock.stoppedAt} />
          </>
        ) : null}
        {clock.action ? ` · ${clock.action}` : ''}
      </p>
    </li>
  );
}
