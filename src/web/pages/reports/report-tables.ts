import { breachTable, cycleTable, funnelTable, lossSignalsTable, lossesTable, offerPayTable, offersTable, peopleBreachTable, sourcesTable, stageTimeTable, type ReportTable } from '../../../domain/reports/tables.js';
import type { Report } from '../../api/reports.js';
import { CLOCK_LABELS, SIGNAL_LABELS, SOURCE_LABELS } from '../../lib/pipeline-labels.js';
import { LOSS_REASON_LABELS } from '../../lib/record-labels.js';
import { specializationWords } from '../../lib/words.js';

/** Words for the keys a report sends (stages, clocks, reasons, sources), so no id reaches the screen. */
export interface ReportWords {
  stage: (id: string) => string;
}

const REASON_WORDS: Record<string, string> = { ...LOSS_REASON_LABELS, withdrew: 'They withdrew', 'offer-declined': 'Declined our offer' };
export const reasonWords = (r: string): string => REASON_WORDS[r] ?? 'Other reason';
export const clockWords = (c: string): string => CLOCK_LABELS[c as keyof typeof CLOCK_LABELS] ?? 'A clock';
export const signalWords = (s: string): string => SIGNAL_LABELS[s] ?? 'A warning sign';
export const sourceName = (s: string): string => SOURCE_LABELS[s as keyof typeof SOURCE_LABELS] ?? 'Other';

/** A group's label: the server names roles and months; sources and specializations are named here. */
export function groupWords(report: Report, label: string): string {
  if (report.filters.by === 'source') return sourceName(label);
  if (report.filters.by === 'specialization') return label === 'none' ? 'No specialization' : specializationWords(label);
  return label;
}

/** The report's tables, as the CLI prints them and the CSV holds them (domain/reports/tables.ts), in words. */
export function tablesOf(report: Report, words: ReportWords): Array<{ caption: string; table: ReportTable }> {
  const label = <T extends { label: string }>(groups: T[]) => groups.map((g) => ({ ...g, label: groupWords(report, g.label) }));
  switch (report.name) {
    case 'funnel':
      return [{ caption: 'Reached each stage', table: funnelTable({ groups: label(report.data.groups) }, words.stage) }];
    case 'cycle-time':
      return [
        { caption: 'Days from first contact to acceptance', table: cycleTable({ groups: label(report.data.groups) }) },
        { caption: 'Days in each stage', table: stageTimeTable(report.data, words.stage) },
      ];
    case 'clock-breaches':
      return [
        { caption: 'Clocks that ran late', table: breachTable(report.data, clockWords) },
        { caption: 'Late clocks per person', table: peopleBreachTable(report.data, clockWords) },
      ];
    case 'offers':
      return [
        { caption: 'Offers and their answers', table: offersTable({ groups: label(report.data.groups) }) },
        ...(report.data.pay ? [{ caption: 'Acceptance by whether the base cleared the threshold', table: offerPayTable(report.data.pay) }] : []),
      ];
    case 'losses':
      return [
        { caption: 'Why candidates were lost', table: lossesTable(report.data, reasonWords) },
        { caption: 'Warning signs before a loss', table: lossSignalsTable(report.data, signalWords) },
      ];
    case 'sources':
      return [
        { caption: 'Candidates by source', table: sourcesTable(report.data.sources, sourceName) },
        ...(report.data.referrers.length ? [{ caption: 'Candidates by referrer', table: sourcesTable(report.data.referrers, (k) => k, 'Referrer') }] : []),
      ];
  }
}
