import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextAreaField } from '../../components/Field.js';
import type { OfferDetail } from './api.js';
import type { OfferButton } from './offer-format.js';
import { BUTTON_LABELS, commentLabel, confirmText, confirmTitle } from './offer-moves.js';

export interface OfferMoveDialogProps {
  offer: OfferDetail;
  move: Exclude<OfferButton, 'revise'>;
  /** Runs the move with the optional comment or reason; a throw is shown in the dialog. */
  onConfirm: (comment: string | undefined) => Promise<void>;
  onCancel: () => void;
}

/** Asks before a move on an offer, says what it does, and takes an optional comment (approvers) or reason. */
export function OfferMoveDialog({ offer, move, onConfirm, onCancel }: OfferMoveDialogProps) {
  const [comment, setComment] = useState('');
  const label = commentLabel(move);
  return (
    <ConfirmDialog
      open
      title={confirmTitle(move, offer)}
      confirmLabel={BUTTON_LABELS[move]}
      tone={move === 'reject' || move === 'withdraw' ? 'danger' : 'primary'}
      onConfirm={() => onConfirm(comment.trim() || undefined)}
      onCancel={onCancel}
    >
      <p>{confirmText(move, offer)}</p>
      {label ? <TextAreaField label={label} value={comment} onChange={setComment} maxLength={2000} optional /> : null}
    </ConfirmDialog>
  );
}
