// What only a Closer export brings to an import (issue 12): the links of the exporting Closer's own imports, re-pointed
// at the records this import creates (so importing the original vendor files again still finds them and changes
// nothing), and the company's clock and risk settings (business hours included), taken when this Closer has none of
// its own. Called by the import's write, in its transaction.
import type { ImportBatch } from '../../domain/imports/canonical.js';
import type { ImportPlan } from '../../domain/imports/plan.js';
import { companyPipelineSettings } from '../../domain/pipeline/index.js';
import { DomainError } from '../../domain/shared/errors.js';
import { findImportLinks, getCompany, type ImportLinkInsert, type Tx } from '../../storage/index.js';
import { putPipelineSettings, type PipelineActor } from './pipeline.js';

/** The exporting Closer's import links whose records this import creates, with this Closer's ids; none already held. */
export async function carriedLinks(tx: Tx, batch: ImportBatch, plan: ImportPlan, jobId: string): Promise<ImportLinkInsert[]> {
  const carried = batch.carried?.links ?? [];
  if (carried.length === 0) return [];
  const applications = new Map(plan.applications.map((a) => [a.source.externalId, a.id]));
  const ids: Record<string, ReadonlyMap<string, string>> = {
    role: new Map(plan.roles.map((r) => [r.source.externalId, r.id])),
    candidate: new Map([...plan.candidates.map((c) => [c.source.externalId, c.id] as const), ...plan.merges.map((m) => [m.externalId, m.candidateId] as const)]),
    application: applications,
    note: applications,
    interview: new Map(plan.interviews.map((i) => [i.source.externalId, i.id])),
    offer: new Map(plan.offers.map((o) => [o.source.externalId, o.id])),
    feedback: new Map(plan.feedback.map((f) => [f.source.externalId, f.id])),
  };
  const key = (l: { system: string; entity: string; externalId: string }) => `${l.system}\u0000${l.entity}\u0000${l.externalId}`;
  const seen = new Set<string>();
  const wanted: ImportLinkInsert[] = [];
  for (const l of carried) {
    const closerId = ids[l.entity]?.get(l.closerId);
    if (closerId === undefined || seen.has(key(l))) continue;
    seen.add(key(l));
    wanted.push({ system: l.system, entity: l.entity, externalId: l.externalId, closerId, jobId });
  }
  return unheldLinks(tx, wanted);
}

/** The links whose system, entity and external id no link in the database holds yet (written earlier, or by this import). */
export async function unheldLinks(tx: Tx, links: readonly ImportLinkInsert[]): Promise<ImportLinkInsert[]> {
  const groups = new Map<string, ImportLinkInsert[]>();
  for (const l of links) {
    const group = `${l.system}\u0000${l.entity}`;
    const list = groups.get(group);
    if (list) list.push(l);
    else groups.set(group, [l]);
  }
  const out: ImportLinkInsert[] = [];
  for (const group of groups.values()) {
    const held = await findImportLinks(tx, group[0]!.system, group[0]!.entity, group.map((l) => l.externalId));
    out.push(...group.filter((l) => !held.has(l.externalId)));
  }
  return out;
}

/**
 * The export's company clock and risk settings, when this Closer has none of its own (a Closer restored into, or set
 * up fresh); otherwise this Closer's stay and the report says so. Checked, audited and reprojected as
 * PUT /pipeline/settings does.
 */
export async function applyCarriedSettings(tx: Tx, actor: PipelineActor, batch: ImportBatch, plan: ImportPlan, now: Date): Promise<void> {
  const settings = batch.carried?.pipelineSettings;
  if (!settings) return;
  const warn = (message: string) => {
    plan.report.problems.push({ severity: 'warning', code: 'settings-not-imported', message, field: 'pipelineSettings' });
    plan.report.warnings++;
  };
  const held = companyPipelineSettings((await getCompany(tx))?.settings);
  if (held.clocks !== undefined || held.risk !== undefined) {
    warn("This Closer has its own clock and risk settings, so the export's were not taken; clocks and risks use this Closer's.");
    return;
  }
  try {
    await putPipelineSettings(tx, actor, settings, now);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    warn(`The export's clock and risk settings were not taken (${error.message}).`);
  }
}
