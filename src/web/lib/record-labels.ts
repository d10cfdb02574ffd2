import type { LossReason } from '../api/pipeline.js';

/** The domain's loss reasons (LOSS_REASONS) in plain words. */
export const LOSS_REASON_LABELS: Record<LossReason, string> = {
  'accepted-other-offer': 'Took another offer',
  compensation: 'Pay',
  equity: 'Equity',
  'process-too-slow': 'Our process was too slow',
  'approval-delay': 'The offer approval took too long',
  'role-fit': 'Not the right role for them',
  location: 'Location',
  'not-selected': 'We did not choose them',
  unresponsive: 'Stopped replying',
  other: 'Other reason',
};

/** How a closed application ended. */
export const OUTCOME_LABELS: Record<'hired' | 'lost' | 'withdrawn', string> = { hired: 'Hired', lost: 'Lost', withdrawn: 'Withdrew' };
