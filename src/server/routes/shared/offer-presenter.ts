import { allowedOfferActions, fullyDilutedPct, type OfferSummary } from '../../../domain/offers/index.js';
import type { ApprovalDecisionRecord, OfferVersionRecord } from '../../services/records.js';
import type { OfferDetail, OfferListEntry } from '../../services/offers.js';
import { EvaluationView, OfferDetailView, OfferView, SummaryView, TermsView, VersionView } from '../../../api/offers.js';

function person(people: Map<string, string>, id: string | null): { id: string; name: string } | null {
  return id ? { id, name: people.get(id) ?? id } : null;
}

export function presentOffer(e: OfferListEntry, people: Map<string, string>): OfferView {
  const { offer, version } = e;
  const t = version.terms;
  return {
    id: offer.id,
    applicationId: offer.applicationId,
    candidateName: e.candidateName,
    roleTitle: e.roleTitle,
    status: offer.status,
    currentVersion: offer.currentVersion,
    currency: t.currency,
    base: t.base,
    bonusTarget: t.bonusTarget,
    signOn: t.signOn,
    equity: { kind: t.equity.kind, shares: t.equity.shares, fullyDilutedShares: t.equity.fullyDilutedShares, fullyDilutedPct: fullyDilutedPct(t.equity.shares, t.equity.fullyDilutedShares), strike: t.equity.strike ?? null },
    insideBand: version.insideBand,
    approvalStatus: version.approvalStatus,
    awaiting: e.awaiting.map((id) => person(people, id)!),
    expiresAt: offer.expiresAt,
    extendedAt: offer.extendedAt,
    respondedAt: offer.respondedAt,
    allowedActions: allowedOfferActions(offer.status),
    createdAt: offer.createdAt,
    updatedAt: offer.updatedAt,
    version: offer.version,
  };
}

export function presentVersion(v: OfferVersionRecord, decisions: readonly ApprovalDecisionRecord[], people: Map<string, string>): VersionView {
  const byApprover = new Map(decisions.filter((d) => d.offerVersionId === v.id).map((d) => [d.approverId, d]));
  return {
    version: v.version,
    createdAt: v.createdAt,
    createdBy: person(people, v.createdBy),
    terms: v.terms as TermsView,
    fullyDilutedPct: fullyDilutedPct(v.terms.equity.shares, v.terms.equity.fullyDilutedShares),
    evaluation: v.evaluation as EvaluationView | null,
    insideBand: v.insideBand,
    bandReasons: v.bandReasons,
    approvalStatus: v.approvalStatus,
    approvalMode: v.approvalMode,
    approvers: v.approverIds.map((id) => {
      const d = byApprover.get(id);
      return { id, name: people.get(id) ?? id, decision: d?.decision ?? null, comment: d?.comment ?? null, decidedAt: d?.decidedAt ?? null };
    }),
    submittedAt: v.submittedAt,
    decidedAt: v.decidedAt,
  };
}

export function presentOfferDetail(d: OfferDetail): OfferDetailView {
  return {
    ...presentOffer({ offer: d.offer, version: d.version, awaiting: d.awaiting, candidateName: d.candidateName, roleTitle: d.roleTitle }, d.people),
    candidateId: d.candidateId,
    roleId: d.roleId,
    current: presentVersion(d.version, d.decisions, d.people),
    versions: d.versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      createdBy: person(d.people, v.createdBy),
      approvalStatus: v.approvalStatus,
      insideBand: v.insideBand,
      base: v.terms.base,
      equityShares: v.terms.equity.shares,
      fullyDilutedPct: fullyDilutedPct(v.terms.equity.shares, v.terms.equity.fullyDilutedShares),
    })),
  };
}

export function presentSummary(s: OfferSummary): SummaryView {
  return s;
}
