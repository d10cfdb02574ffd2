import { useEffect } from 'react';

/**
 * Sets the tab title as "<parts> · Closer"; does nothing for an empty list (a nested page sets it).
 * @example useDocumentTitle(['Users', 'Settings']) // "Users · Settings · Closer"
 */
export function useDocumentTitle(parts: readonly string[]): void {
  const title = parts.length ? [...parts, 'Closer'].join(' · ') : '';
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
