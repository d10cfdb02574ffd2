import type { JobAnalysis } from '../../../domain/scoping/analyze-job-description.js';
import { segmentText } from './highlight.js';
import type { HighlightMatch } from './highlight.js';
import { specializationColor } from './colors.js';

export interface EvidenceTextProps {
  analysis: JobAnalysis;
  title: string;
  text: string;
  /** The specialization the user points at in the legend: its phrases stand out, the others fade. */
  active: string | null;
  onActivate: (key: string | null) => void;
  /** Specialization is pinned by a click/Enter (stays active when the pointer leaves). */
  pinned: string | null;
  onPin: (key: string | null) => void;
}

function matchesOf(analysis: JobAnalysis, source: 'title' | 'text'): HighlightMatch[] {
  return analysis.specializations.flatMap((s) =>
    s.matches.filter((m) => m.source === source).map((m) => ({ start: m.start, end: m.end, specialization: s.key })),
  );
}

/** The posting with every evidence phrase in a <mark>, coloured and numbered by specialization, and a legend. */
export function EvidenceText({ analysis, title, text, active, onActivate, pinned, onPin }: EvidenceTextProps) {
  const order = analysis.specializations.map((s) => s.key);
  const names = new Map(analysis.specializations.map((s) => [s.key, s.name]));
  const number = new Map(order.map((k, i) => [k, i + 1]));
  const withEvidence = analysis.specializations.filter((s) => s.matches.length > 0);
  const render = (value: string, source: 'title' | 'text') =>
    segmentText(value, matchesOf(analysis, source), order).map((segment) => {
      if (segment.kind === 'text') return <span key={segment.start}>{segment.text}</span>;
      const [first] = segment.specializations;
      const isActive = active !== null && segment.specializations.includes(active);
      const label = segment.specializations.map((k) => names.get(k) ?? k).join(', ');
      return (
        <mark
          key={segment.start}
          className={`evidence-mark${isActive ? ' is-active' : ''}`}
          data-specializations={segment.specializations.join(' ')}
          data-n={segment.specializations.map((k) => number.get(k)).join(',')}
          title={`Evidence for ${label}`}
          style={{ ['--spec-color' as string]: specializationColor(first, order) }}
        >
          {segment.text}
        </mark>
      );
    });
  return (
    <section className="evidence" aria-labelledby="evidence-heading" data-active={active ?? undefined}>
      <h2 id="evidence-heading">Evidence in the text</h2>
      {withEvidence.length > 0 ? (
        <ul className="evidence-legend" aria-label="Specializations with evidence">
          {withEvidence.map((s) => (
            <li key={s.key}>
              <button
                type="button"
                className={`legend-button${active === s.key ? ' is-active' : ''}`}
                aria-pressed={pinned === s.key}
                onMouseEnter={() => onActivate(s.key)}
                onMouseLeave={() => onActivate(pinned)}
                onFocus={() => onActivate(s.key)}
                onBlur={() => onActivate(pinned)}
                onClick={() => onPin(pinned === s.key ? null : s.key)}
              >
                <span className="legend-swatch" style={{ ['--spec-color' as string]: specializationColor(s.key, order) }} aria-hidden="true">
                  {number.get(s.key)}
                </span>
                {s.name}
                <span className="muted small">
                  {' '}
                  ({s.matches.length} {s.matches.length === 1 ? 'phrase' : 'phrases'})
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No phrase in this text evidences an AI specialization.</p>
      )}
      <div className="evidence-body">
        {title.trim() ? <p className="evidence-title">{render(title, 'title')}</p> : null}
        <div className="evidence-text">{render(text, 'text')}</div>
      </div>
    </section>
  );
}
