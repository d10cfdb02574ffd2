import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './client.js';

export type ResourceState<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'error'; data: T | undefined; error: string };

export interface Resource<T> {
  state: ResourceState<T>;
  /** Loads again, keeping the current data on screen until the new data arrives. */
  reload: () => void;
  /** Replaces the data locally after a write that returned the new record. */
  setData: (update: (current: T | undefined) => T) => void;
}

/**
 * Loads data for a page and aborts the request when the page goes away or `deps` change.
 * @example const users = useResource((signal) => listUsers(signal), []);
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading', data: undefined, error: undefined });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ status: 'loading', data: current.data, error: undefined }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, error: undefined });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState((current) => ({ status: 'error', data: current.data, error: errorMessage(error) }));
      },
    );
    return () => controller.abort();
    // `load` is read through a ref so an inline arrow does not refetch on every render; `deps` say when to.
  }, [generation, ...deps]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const setData = useCallback((update: (current: T | undefined) => T) => {
    setState((current) => ({ status: 'ready', data: update(current.data), error: undefined }));
  }, []);
  return { state, reload, setData };
}
