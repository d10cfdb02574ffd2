import type { PostingView } from '../../../api/postings.js';
import type { PostingState } from '../../services/postings.js';

/** A posting as its editors see it (owners, admins and the role's hiring manager: all may read pay). */
export function presentPosting(state: PostingState): PostingView {
  const p = state.posting;
  return {
    id: p.id,
    roleId: p.roleId,
    slug: p.slug,
    publicPath: `/jobs/${p.slug}`,
    title: p.title,
    publicText: p.publicText,
    location: p.location,
    remotePolicy: p.remotePolicy as PostingView['remotePolicy'],
    signals: p.signals.map((s) => ({ id: s.id, text: s.text })),
    questions: p.questions.map((q) => ({ id: q.id, label: q.label, required: q.required })),
    baseRange: p.baseRange,
    bandRange: state.bandRange,
    status: p.status as PostingView['status'],
    publishedAt: p.publishedAt,
    closedAt: p.closedAt,
    updatedAt: p.updatedAt,
    version: p.version,
    findings: state.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, fix: f.fix, evidence: [...f.evidence] })),
  };
}
