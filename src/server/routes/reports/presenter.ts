import type { ReportView } from '../../../api/reports.js';
import type { ReportInputs } from '../../services/reports.js';

const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A group's name for people: a role's title, a month in words; sources and specializations are named by the client. */
export function groupLabel(inputs: ReportInputs, by: ReportView['filters']['by'], key: string): string {
  if (by === 'all') return 'All';
  if (by === 'role') return inputs.roles.get(key)?.title ?? 'A deleted role';
  if (by === 'month') return /^\d{4}-\d{2}$/.test(key) ? MONTH.format(new Date(`${key}-01T00:00:00Z`)) : 'No contact yet';
  return key;
}

export function personName(people: ReadonlyMap<string, string>, id: string): string {
  return people.get(id) ?? 'A former colleague';
}
