import { listUsers, type Tx, type UserRecord } from '../../storage/index.js';

/** Every user of the workspace (active or not): presenters pick the fields, pickers the active ones. */
export function listPeople(db: Tx): Promise<UserRecord[]> {
  return listUsers(db);
}

/** User id -> name, for presenters that name people (audit entries, approvers, band approvals). */
export async function namesOfPeople(db: Tx): Promise<Map<string, string>> {
  return new Map((await listUsers(db)).map((u) => [u.id, u.name]));
}
