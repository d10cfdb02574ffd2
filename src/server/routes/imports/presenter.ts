import type { ImportJobView, ImportReportView } from '../../../api/imports.js';
import type { ImportReport } from '../../../domain/imports/plan.js';
import { CLOSER_IMPORT_STAGES, effectiveStatus, importProgressOf } from '../../services/imports.js';
import type { ImportJobRecord } from '../../services/records.js';

/** Problems shown with the job; the report download has all of them. */
const PROBLEMS_SHOWN = 200;

export function presentReport(report: ImportReport | null, allProblems = false): ImportReportView | null {
  if (!report) return null;
  return {
    system: report.system,
    counts: report.counts,
    stages: report.stages,
    problems: allProblems ? report.problems : report.problems.slice(0, PROBLEMS_SHOWN),
    problemCount: report.problems.length,
    errors: report.errors,
    warnings: report.warnings,
  };
}

/** Closer's default stages, and the roles' own stages a Closer export's dry run mapped its stages to (`take-home`). */
function closerStagesOf(job: ImportJobRecord): ImportJobView['closerStages'] {
  const out = CLOSER_IMPORT_STAGES.map((s) => ({ id: s.id, name: s.name }));
  const ids = new Set(out.map((s) => s.id));
  // their names: what the dry run read from the export's role plans
  const labels = new Map(((job.dryRun as ImportReport | null)?.stages ?? []).flatMap((s) => (s.label !== undefined && s.mappedTo !== null ? [[s.mappedTo, s.label] as const] : [])));
  for (const id of Object.values(job.stageMapping)) if (!ids.has(id)) (ids.add(id), out.push({ id, name: labels.get(id) ?? id }));
  return out;
}

export function presentImportJob(job: ImportJobRecord): ImportJobView {
  const status = effectiveStatus(job);
  return {
    id: job.id,
    system: job.system as ImportJobView['system'],
    status,
    files: job.files.map((f) => ({ name: f.name, bytes: f.bytes })),
    closerStages: closerStagesOf(job),
    dryRun: presentReport(job.dryRun as ImportReport | null),
    report: presentReport(job.report as ImportReport | null),
    error: status === 'failed' && job.error === null ? 'The server stopped while this step ran; nothing was imported. Start it again.' : job.error,
    progress: importProgressOf(job.id) ?? null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
    version: job.version,
  };
}
