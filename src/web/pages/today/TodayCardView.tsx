import { Link } from 'react-router-dom';
import type { TodayCard, TodayCardItem, TodayMark } from '../../api/today.js';
import { Badge } from '../../components/Badge.js';
import type { BadgeTone } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { TodayMarkLine, type MarkControls } from './TodayMarkLine.js';
import { firstContactWords, itemFacts } from './today-words.js';

const LEVEL: Record<TodayCard['level'], { label: string; tone: BadgeTone }> = {
  critical: { label: 'Critical', tone: 'critical' },
  high: { label: 'High risk', tone: 'accent' },
  warning: { label: 'Late', tone: 'warning' },
  new: { label: 'New', tone: 'neutral' },
};

export interface TodayCardViewProps {
  card: TodayCard;
  /** The viewer's marks of this application today (also those of items no longer listed, e.g. a reply that stopped its clock). */
  marks: TodayMark[];
  busyKey: string | undefined;
  failure: { key: string; message: string } | undefined;
  onRecord: (card: TodayCard, item: TodayCardItem) => void;
  controls: MarkControls;
}

const applicationPath = (id: string) => `/applications/${encodeURIComponent(id)}`;

/** One application: all its late clocks and its risk, each with the button that says what it records, and what is done. */
export function TodayCardView({ card, marks, busyKey, failure, onRecord, controls }: TodayCardViewProps) {
  const headingId = `today-card-${card.applicationId}`;
  const since = firstContactWords(card);
  const markById = new Map(marks.map((m) => [m.id, m]));
  const keys = new Set(card.items.map((i) => i.key));
  const others = marks.filter((m) => !keys.has(m.itemKey));
  return (
    <li className={`today-card today-card-${card.level}${card.done ? ' today-card-done' : ''}`} aria-labelledby={headingId}>
      <div className="today-card-head">
        <Badge tone={LEVEL[card.level].tone}>{LEVEL[card.level].label}</Badge>
        <h3 id={headingId} className="today-card-name">
          <Link to={applicationPath(card.applicationId)} data-card-link="">
            {card.candidateName}
          </Link>
        </h3>
        <span className="today-card-role muted">
          {card.roleTitle}
          {since ? ` · ${since}` : ''}
        </span>
      </div>
      {card.reasons.length > 0 ? <p className="today-card-why small muted">{card.reasons.map((r) => r.text).join('; ')}</p> : null}
      <ul className="today-card-items">
        {card.items.map((item) => {
          const mark = item.markId ? markById.get(item.markId) : undefined;
          const error = failure?.key === item.key ? failure.message : undefined;
          return (
            <li key={item.key} className={`today-card-item today-card-item-${item.level}`} data-item-key={item.key}>
              <div className="today-card-item-main">
                <p className="today-card-item-what">
                  <strong>{item.name}</strong>
                  {itemFacts(item) ? <span className="muted"> · {itemFacts(item)}</span> : null}
                </p>
                <p className="today-card-item-next">{item.action}</p>
                {error ? (
                  <p className="field-error" role="alert">
                    {error}
                  </p>
                ) : null}
              </div>
              <div className="today-card-item-do">
                {mark ? (
                  <TodayMarkLine mark={mark} controls={controls} />
                ) : item.do.kind === 'record' ? (
                  <Button
                    variant={item.level === 'critical' ? 'primary' : 'secondary'}
                    data-card-action=""
                    busy={busyKey === item.key}
                    busyLabel="Saving…"
                    onClick={() => onRecord(card, item)}
                  >
                    {item.do.label}
                  </Button>
                ) : (
                  <Link to={item.do.to} className="button button-secondary" data-card-action="">
                    {item.do.label}
                  </Link>
                )}
              </div>
            </li>
          );
        })}
        {others.map((mark) => (
          <li key={mark.id} className="today-card-item today-card-item-done">
            <TodayMarkLine mark={mark} controls={controls} />
          </li>
        ))}
      </ul>
    </li>
  );
}
