import { api } from './client.js';
import type {
  EnrollmentListView,
  EnrollmentView,
  EnrollResultView,
  SequenceCreateBody,
  SequenceDetailView,
  SequenceListView,
  SequenceStepBody,
  SequenceView,
  TemplateCreateBody,
  TemplateListView,
  TemplateLintView,
  TemplatePatchBody,
  TemplatePreviewView,
  TemplateView,
} from '../../api/sequences.js';

/** The outreach sequence endpoints (docs/sequences.md). Shapes are the contract's (src/api/sequences.ts), as types only. */

export type OutreachTemplate = TemplateView;
export type TemplateLint = TemplateLintView;
export type TemplatePreview = TemplatePreviewView;
export type Sequence = SequenceView;
export type SequenceDetail = SequenceDetailView;
export type StepDraft = SequenceStepBody;
export type Enrollment = EnrollmentView;
export type EnrollResult = EnrollResultView;

const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } });
const seg = encodeURIComponent;

export function listTemplates(signal?: AbortSignal): Promise<TemplateListView> {
  return api.get('/templates', { signal });
}

export function getTemplate(id: string, signal?: AbortSignal): Promise<OutreachTemplate> {
  return api.get(`/templates/${seg(id)}`, { signal });
}

export function createTemplate(body: TemplateCreateBody): Promise<OutreachTemplate> {
  return api.post('/templates', body);
}

export function updateTemplate(t: { id: string; version: number }, body: TemplatePatchBody): Promise<OutreachTemplate> {
  return api.patch(`/templates/${seg(t.id)}`, body, ifMatch(t.version));
}

export function previewTemplate(id: string, body: { prospectId: string; roleId?: string | null; audience?: 'passive' | 'active' }, signal?: AbortSignal): Promise<TemplatePreview> {
  return api.post(`/templates/${seg(id)}/preview`, body, { signal });
}

export function listSequences(signal?: AbortSignal): Promise<SequenceListView> {
  return api.get('/sequences', { signal });
}

export function getSequence(id: string, signal?: AbortSignal): Promise<SequenceDetail> {
  return api.get(`/sequences/${seg(id)}`, { signal });
}

export function createSequence(body: SequenceCreateBody): Promise<Sequence> {
  return api.post('/sequences', body);
}

export function activateSequence(s: { id: string; version: number }): Promise<Sequence> {
  return api.post(`/sequences/${seg(s.id)}/activate`, {}, ifMatch(s.version));
}

export function pauseSequence(s: { id: string; version: number }): Promise<Sequence> {
  return api.post(`/sequences/${seg(s.id)}/pause`, {}, ifMatch(s.version));
}

export function enrollProspects(sequenceId: string, prospectIds: string[]): Promise<EnrollResult> {
  return api.post(`/sequences/${seg(sequenceId)}/enrollments`, { prospectIds });
}

export function listSequenceEnrollments(sequenceId: string, signal?: AbortSignal): Promise<EnrollmentListView> {
  return api.get(`/sequences/${seg(sequenceId)}/enrollments`, { signal });
}

export function listProspectEnrollments(prospectId: string, signal?: AbortSignal): Promise<EnrollmentListView> {
  return api.get(`/prospects/${seg(prospectId)}/enrollments`, { signal });
}

/**
 * The enrollments of a pool's people. The API has no per-pool listing (only per sequence and per prospect), so this
 * reads the enrollments of every sequence anyone is enrolled in and keeps the pool's people: a few requests, however
 * many people the pool has.
 */
export function listPoolEnrollments(poolId: string, signal?: AbortSignal): Promise<EnrollmentListView> {
  return api.get(`/pools/${seg(poolId)}/enrollments`, { signal });
}

export function completeTask(e: { id: string; version: number }): Promise<Enrollment> {
  return api.post(`/enrollments/${seg(e.id)}/complete-task`, {}, ifMatch(e.version));
}
