import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.js';
import { saveScorecardDraft } from './api.js';
import type { Scorecard, ScorecardTemplate } from './api.js';
import type { SaveState } from './SaveStatus.js';
import { draftBody, localDraftKey, sameForm } from './scorecard-form.js';
import type { ScorecardForm } from './scorecard-form.js';

const AUTOSAVE_DELAY_MS = 700;

function forgetLocalDraft(interviewId: string): void {
  try {
    window.localStorage.removeItem(localDraftKey(interviewId));
  } catch {
    // Storage blocked or nothing to remove.
  }
}

export interface ScorecardAutosave {
  save: SaveState;
  /** Records that the server has `form` (after a submit): the status says saved `at`, the device copy is dropped. */
  markSaved: (form: ScorecardForm, at: string) => void;
  /** Makes a draft save still in flight harmless (a submit is on its way). */
  cancelInFlight: () => void;
}

/**
 * Autosave of a scorecard draft: a short pause after the last change sends the draft to the server; until the server
 * has it, a copy stays on this device (localStorage), and an answer to an older save never overwrites a newer one.
 */
export function useScorecardAutosave(options: {
  interviewId: string;
  template: ScorecardTemplate;
  form: ScorecardForm;
  /** The form as the server last returned it. */
  initialSaved: ScorecardForm;
  initialSavedAt: string | null;
  submitted: boolean;
  onSaved: (scorecard: Scorecard) => void;
}): ScorecardAutosave {
  const { interviewId, template, form, submitted } = options;
  const [savedForm, setSavedForm] = useState<ScorecardForm>(options.initialSaved);
  const [save, setSave] = useState<SaveState>(options.initialSavedAt ? { status: 'saved', at: options.initialSavedAt } : { status: 'idle' });
  const saveSeq = useRef(0);
  const onSaved = useRef(options.onSaved);
  onSaved.current = options.onSaved;

  useEffect(() => {
    if (submitted || sameForm(form, savedForm)) return;
    try {
      window.localStorage.setItem(localDraftKey(interviewId), JSON.stringify({ savedAt: new Date().toISOString(), form }));
    } catch {
      // Storage blocked: the server draft is still saved.
    }
    setSave({ status: 'pending' });
    const snapshot = form;
    const timer = window.setTimeout(async () => {
      const seq = ++saveSeq.current;
      setSave({ status: 'saving' });
      try {
        const result = await saveScorecardDraft(interviewId, draftBody(template, snapshot));
        if (seq !== saveSeq.current) return;
        setSavedForm(snapshot);
        onSaved.current(result.scorecard);
        setSave({ status: 'saved', at: result.scorecard.updatedAt ?? new Date().toISOString() });
      } catch (error) {
        if (seq !== saveSeq.current) return;
        setSave({ status: 'error', message: errorMessage(error) });
      }
    }, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [form, savedForm, submitted, interviewId, template]);

  useEffect(() => {
    if (sameForm(form, savedForm)) forgetLocalDraft(interviewId);
  }, [form, savedForm, interviewId]);

  return {
    save,
    markSaved: (saved, at) => {
      setSavedForm(saved);
      setSave({ status: 'saved', at });
      forgetLocalDraft(interviewId);
    },
    cancelInFlight: () => {
      saveSeq.current += 1;
    },
  };
}
