import type { Audience, OutreachLintResult, SequenceStep } from '../../../domain/outreach/index.js';
import type { EnrollmentView, SequenceDetailView, SequenceStepView, SequenceView, TemplateLintView, TemplateView } from '../../../api/sequences.js';
import { mergeFieldsOf, lintOutreachTemplate } from '../../../domain/outreach/index.js';
import type { EnrollmentWithNames, OutreachTemplateRecord, SequenceStepLint, SequenceSummary } from '../../services/sequences.js';

export function presentLint(result: OutreachLintResult, audience: Audience): TemplateLintView {
  return { audience, findings: result.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, fix: f.fix, path: f.path })), errors: result.errors, warnings: result.warnings, infos: result.infos };
}

export function presentTemplate(t: OutreachTemplateRecord, audience: Audience = 'passive'): TemplateView {
  const fields = [...new Set(mergeFieldsOf(`${t.subject}\n${t.body}`).map((f) => f.name))];
  return {
    id: t.id,
    name: t.name,
    subject: t.subject,
    body: t.body,
    mergeFields: fields,
    lint: presentLint(lintOutreachTemplate(t, audience), audience),
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    version: t.version,
  };
}

export function presentStep(step: SequenceStep, index: number, templateNames: ReadonlyMap<string, string>): SequenceStepView {
  return {
    index,
    kind: step.kind,
    templateId: step.kind === 'email' ? step.templateId : null,
    templateName: step.kind === 'email' ? (templateNames.get(step.templateId) ?? null) : null,
    businessDays: step.kind === 'wait' ? step.businessDays : null,
    task: step.kind === 'task' ? step.task : null,
    note: step.kind === 'task' ? (step.note ?? null) : null,
  };
}

export function presentSequence(s: SequenceSummary): SequenceView {
  return {
    id: s.id,
    name: s.name,
    audience: s.audience as Audience,
    status: s.status as SequenceView['status'],
    senderId: s.senderId,
    roleId: s.roleId,
    steps: (s.steps as SequenceStep[]).map((step, i) => presentStep(step, i, s.templateNames)),
    enrollments: s.enrollments,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    version: s.version,
  };
}

export function presentSequenceDetail(s: SequenceSummary & { lint: SequenceStepLint[]; canActivate: boolean }): SequenceDetailView {
  return {
    ...presentSequence(s),
    lint: s.lint.map((l) => ({ index: l.index, templateId: l.templateId, templateName: l.templateName, lint: presentLint(l.lint, l.audience), missing: l.missing })),
    canActivate: s.canActivate,
  };
}

export function presentEnrollments(r: { enrollments: EnrollmentWithNames[]; steps: ReadonlyMap<string, SequenceStep[]>; templateNames: ReadonlyMap<string, string> }): EnrollmentView[] {
  return r.enrollments.map((e) => {
    const steps = r.steps.get(e.sequenceId) ?? [];
    const current = steps[e.stepIndex];
    return {
      id: e.id,
      sequenceId: e.sequenceId,
      sequenceName: e.sequenceName,
      prospectId: e.prospectId,
      prospectName: e.prospectName,
      status: e.status as EnrollmentView['status'],
      stepIndex: e.stepIndex,
      stepCount: steps.length,
      currentStep: current && (e.status === 'active' || e.status === 'waiting-task') ? presentStep(current, e.stepIndex, r.templateNames) : null,
      dueAt: e.dueAt,
      stopReason: e.stopReason as EnrollmentView['stopReason'],
      enrolledBy: e.enrolledBy,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      version: e.version,
    };
  });
}
