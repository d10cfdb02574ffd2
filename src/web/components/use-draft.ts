import { useCallback, useEffect, useState } from 'react';

/**
 * Form state that survives a reload: kept in sessionStorage under `key` while the user types, cleared with `clear()`.
 * Never put secrets in a draft.
 * @example const [draft, setDraft, clearDraft] = useDraft('setup', { name: '' });
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (update: (current: T) => T) => void, () => void] {
  const storageKey = `closer.draft.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(storageKey);
      return stored ? { ...initial, ...(JSON.parse(stored) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the form still works, only the draft is not kept.
    }
  }, [storageKey, value]);

  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing to clear.
    }
  }, [storageKey]);

  return [value, setValue, clear];
}
