import { pingDatabase, type Store } from '../../storage/index.js';

/** True when the database answers a trivial query: what /healthz reports. */
export function databaseIsUp(store: Store): Promise<boolean> {
  return pingDatabase(store);
}
