import { can } from '../../../domain/access/policy.js';
import type { Company } from '../../services/records.js';
import type { CompanyView } from '../../../api/company.js';

/** The fields of the company profile that leave the server; the equity figures only for viewers who may read compensation. */
export function presentCompany(c: Company, viewer: { role: string }): CompanyView {
  const view: CompanyView = { id: c.id, name: c.name, stage: c.stage as CompanyView['stage'], raisedUsd: c.raisedUsd, headcount: c.headcount, aiTeamSize: c.aiTeamSize, currency: c.currency, timeZone: c.timeZone, isDemo: c.isDemo, version: c.version };
  if (can(viewer.role, 'compensation.read')) Object.assign(view, { lastPostMoney: c.lastPostMoney, fullyDilutedShares: c.fullyDilutedShares, strikePrice: c.strikePrice });
  return view;
}
