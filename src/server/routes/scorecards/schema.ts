import { z } from 'zod';
import { ScorecardDraftInput } from '../../../domain/interviews/index.js';

export const ScorecardDraftBody = ScorecardDraftInput;
/** Submit may carry a last change of the draft; an empty body submits the saved draft. */
export const ScorecardSubmitBody = ScorecardDraftInput.nullish();
export const DecisionParams = z.strictObject({ id: z.string().min(1).max(64) });
