import type { TodayMark } from '../../api/today.js';
import { Badge } from '../../components/Badge.js';
import { UndoButton } from './UndoButton.js';

export interface MarkControls {
  /** Local epoch ms until which a mark can be undone (0 when it cannot). */
  deadlineOf: (mark: TodayMark) => number;
  busyMark: string | undefined;
  undoError: { id: string; message: string } | undefined;
  onUndo: (mark: TodayMark) => void;
}

/** "Done: You logged that you contacted Rahul" with Undo while it lasts. Focusable so focus has a place to land. */
export function TodayMarkLine({ mark, controls }: { mark: TodayMark; controls: MarkControls }) {
  const error = controls.undoError?.id === mark.id ? controls.undoError.message : undefined;
  return (
    <div className="today-mark" data-mark={mark.id} tabIndex={-1}>
      <p className="today-mark-text">
        <Badge tone="success">Done</Badge> {mark.text}
      </p>
      <UndoButton text={mark.text} markId={mark.id} deadline={controls.deadlineOf(mark)} busy={controls.busyMark === mark.id} onUndo={() => controls.onUndo(mark)} />
      {error ? (
        <p className="field-error today-mark-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
