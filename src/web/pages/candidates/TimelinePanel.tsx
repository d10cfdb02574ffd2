import type { PipelineEvent } from '../../api/pipeline.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { describeEvent } from '../../lib/pipeline-labels.js';
import './pipeline.css';

/** The application's history, newest first, in words. */
export function TimelinePanel({ events, stageName }: { events: readonly PipelineEvent[]; stageName: (stage: string) => string }) {
  return (
  <section className="panel" aria-labelledby="timeline-title">
    <h2 className="panel-title" id="timeline-title">
      Timeline <span className="muted small">({events.length} events, newest first)</span>
    </h2>
    {events.length === 0 ? (
      <p className="muted">Nothing recorded yet.</p>
    ) : (
      <ol className="timeline" reversed>
        {[...events].reverse().map((e) => (
          <li key={e.id} className={e.type === 'signal.observed' ? 'timeline-signal' : undefined}>
            <span>{describeEvent(e, stageName)}</span>{' '}
            <span className="small muted">
              <RelativeTime at={e.occurredAt} />
            </span>
            {typeof e.data.note === 'string' && e.data.note ? <p className="small muted">{e.data.note}</p> : null}
          </li>
        ))}
      </ol>
    )}
  </section>
  );
}
