import type { RoleCreateBody, RoleView } from '../../../api/roles.js';
import type { TaxonomyView as ContractTaxonomyView } from '../../../api/scoping.js';
import { api } from '../../api/client.js';
import { ifMatch } from '../../api/pipeline.js';

// The pipeline API's role (docs/api-pipeline.md), as far as the role editor needs it. The shapes are the contract's
// (src/api/roles.ts, scoping.ts), imported as types only.

export type Role = RoleView;
export type RoleSeniority = Role['seniority'];
/** What the editor writes; a null description clears it. */
export type RoleWriteBody = Required<Pick<RoleCreateBody, 'title' | 'description' | 'specializations' | 'seniority'>>;

/** Creates a role with the default process plan (the server fills it in). */
export function createRole(body: RoleWriteBody): Promise<Role> {
  return api.post('/roles', body);
}

export function getRole(id: string, signal?: AbortSignal): Promise<Role> {
  return api.get(`/roles/${encodeURIComponent(id)}`, { signal });
}

/** Updates a role; `version` is the one the form was loaded with (412 when someone else saved first). */
export function updateRole(id: string, version: number, body: RoleWriteBody): Promise<Role> {
  return api.patch(`/roles/${encodeURIComponent(id)}`, body, { headers: { 'If-Match': ifMatch(version) } });
}

// The scoping API (docs/api-scoping.md), as far as the role editor needs it.

export type TaxonomyView = ContractTaxonomyView;

/** The effective taxonomy (with the company's extension merged in). */
export function getTaxonomy(signal?: AbortSignal): Promise<TaxonomyView> {
  return api.get('/taxonomy', { signal });
}
