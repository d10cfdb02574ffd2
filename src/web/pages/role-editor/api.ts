import type { Seniority, Taxonomy } from '../../../domain/taxonomy/taxonomy.js';
import { api } from '../../api/client.js';
import { ifMatch } from '../../api/pipeline.js';
import type { Role as PipelineRole } from '../../api/pipeline.js';

// The pipeline API's role (docs/api-pipeline.md), as far as the role editor needs it.

export type RoleSeniority = Seniority;

export interface Role extends Pick<PipelineRole, 'id' | 'title' | 'description' | 'specializations' | 'status' | 'version'> {
  seniority: RoleSeniority;
}

export interface RoleWriteBody {
  title: string;
  /** null clears it */
  description: string | null;
  specializations: string[];
  seniority: RoleSeniority;
}

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

export interface TaxonomyView {
  version: string;
  extension: unknown;
  updatedAt: string | null;
  taxonomy: Taxonomy;
}

/** The effective taxonomy (with the company's extension merged in). */
export function getTaxonomy(signal?: AbortSignal): Promise<TaxonomyView> {
  return api.get('/taxonomy', { signal });
}
