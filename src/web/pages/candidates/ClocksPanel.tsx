import type { Clock } from '../../api/pipeline.js';
import { ClockRow } from './ClockRow.js';
import './pipeline.css';

/** Every clock of an application that has started, running or stopped. */
export function ClocksPanel({ clocks }: { clocks: readonly Clock[] }) {
  return (
  <section className="panel" aria-labelledby="clocks-title">
    <h2 className="panel-title" id="clocks-title">
      Clocks
    </h2>
    {clocks.length === 0 ? (
      <p className="muted">No clock has started. Record the first contact to start the 10-day clock.</p>
    ) : (
      <ul className="clock-list">
        {clocks.map((clock, i) => (
          <ClockRow key={`${clock.id}-${i}`} clock={clock} />
        ))}
      </ul>
    )}
  </section>
  );
}
