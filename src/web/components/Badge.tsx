import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'critical';

export interface BadgeProps {
  /** The words carry the meaning ("Disabled", "Late 2 days"); the tone only reinforces them. */
  children: ReactNode;
  /** `accent` = needs action, `critical` = red, kept for what is truly critical. */
  tone?: BadgeTone;
  /** Extra text for screen readers when the visible words are terse, e.g. "Risk: high". */
  srLabel?: string;
}

const MARKS: Record<BadgeTone, string> = { neutral: '', accent: '●', success: '✓', warning: '▲', critical: '!' };

/** A short status label. Never colour alone: the text says it, and non-neutral tones add a shape mark. */
export function Badge({ children, tone = 'neutral', srLabel }: BadgeProps) {
  const mark = MARKS[tone];
  return (
    <span className={`badge badge-${tone}`}>
      {mark ? (
        <span className="badge-mark" aria-hidden="true">
          {mark}
        </span>
      ) : null}
      {srLabel ? (
        <>
          <span aria-hidden="true">{children}</span>
          <span className="visually-hidden">{srLabel}</span>
        </>
      ) : (
        children
      )}
    </span>
  );
}
