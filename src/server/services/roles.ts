import { getRoleOrThrow, listRoles, type RoleRecord, type Tx } from '../../storage/index.js';

/** Reads of roles for the API; writes are in pipeline.ts (createRole, changeRole) and role-bands.ts. */
export function findRoles(db: Tx, filter: { status?: string }): Promise<RoleRecord[]> {
  return listRoles(db, filter);
}

/** One role; 404 ROLE_NOT_FOUND when there is none. */
export function readRole(db: Tx, id: string): Promise<RoleRecord> {
  return getRoleOrThrow(db, id);
}
