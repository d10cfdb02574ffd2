import type { BoardCard, BoardColumn } from '../../api/pipeline.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';

export interface MoveToDialogProps {
  /** The card to move; the dialog is closed without one. */
  card: BoardCard | undefined;
  columns: readonly BoardColumn[];
  onMove: (applicationId: string, toStage: string) => void;
  onClose: () => void;
}

/** "Move … to": one button per stage of the role, the current one disabled. */
export function MoveToDialog({ card, columns, onMove, onClose }: MoveToDialogProps) {
  return (
    <Dialog open={card !== undefined} onClose={onClose} title={card ? `Move ${card.candidateName} to` : 'Move to'}>
      {card ? (
        <ul className="move-options">
          {columns
            .filter((c) => c.kind === 'stage')
            .map((c) => (
              <li key={c.stage}>
                <Button
                  variant={c.stage === card.stage ? 'ghost' : 'secondary'}
                  disabled={c.stage === card.stage}
                  onClick={() => {
                    onClose();
                    onMove(card.applicationId, c.stage);
                  }}
                >
                  {c.name}
                  {c.stage === card.stage ? ' (current)' : ''}
                </Button>
              </li>
            ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
