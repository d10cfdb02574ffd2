import type { CellKind } from '../../../domain/reports/tables.js';
import type { Report } from '../../api/reports.js';
import { formatCount } from '../../lib/format-money.js';
import { formatDecimal, formatShare } from '../../lib/format-number.js';
import { clockWords, groupWords, reasonWords, sourceName, type ReportWords } from './report-tables.js';
import type { Bar } from './ReportFigure.js';

export interface MainFigure {
  /** States the finding, or says what data the report needs when there is none. */
  title: string;
  axis: string;
  kind: CellKind;
  bars: Bar[];
  /** The rows have an order of their own (a funnel's stages) that the chart keeps. */
  ordered?: boolean;
}

const top = (bars: Bar[]): Bar | undefined => [...bars].sort((a, b) => b.value - a.value)[0];

/** The one chart of each report: what a founder reads first. Null when the report has nothing to draw yet. */
export function mainFigure(report: Report, words: ReportWords): MainFigure | null {
  switch (report.name) {
    case 'funnel': {
      const groups = report.data.groups;
      if (groups.length === 0) return null;
      if (groups.length === 1) {
        const g = groups[0]!;
        const bars = [...g.stages.map((s) => ({ label: words.stage(s.stage), value: s.reached })), { label: 'Hired', value: g.hired }];
        return { title: `${formatCount(g.hired)} of ${formatCount(g.applications)} hired (${formatShare(g.hireRate ?? 0)})`, axis: 'Applications that reached it', kind: 'count', bars, ordered: true };
      }
      const bars = groups.map((g) => ({ label: groupWords(report, g.label), value: (g.hireRate ?? 0) * 100 }));
      return { title: `Highest hire rate: ${top(bars)!.label}`, axis: 'Hired (%)', kind: 'percent', bars };
    }
    case 'cycle-time': {
      const groups = report.data.groups.filter((g) => g.hires.p50 !== null);
      if (groups.length === 0) return null;
      const bars = groups.map((g) => ({ label: groupWords(report, g.label), value: g.hires.p50! }));
      const all = report.data.groups.reduce((n, g) => n + g.hires.count, 0);
      const within = report.data.groups.reduce((n, g) => n + (g.shareWithinTarget ?? 0) * g.hires.count, 0);
      return { title: `${formatShare(all ? within / all : 0)} of hires accepted within ${formatDecimal(groups[0]!.targetDays)} days`, axis: 'Median days from first contact to acceptance', kind: 'decimal', bars };
    }
    case 'clock-breaches': {
      const clocks = report.data.clocks.filter((c) => c.runs > 0);
      if (clocks.length === 0) return null;
      const bars = clocks.map((c) => ({ label: clockWords(c.clock), value: (c.criticalRate ?? 0) * 100 }));
      const worst = top(bars)!;
      return { title: worst.value > 0 ? `${worst.label} runs past its critical time most often (${formatDecimal(worst.value)}%)` : 'No clock ran past its critical time', axis: 'Past the critical time (%)', kind: 'percent', bars };
    }
    case 'offers': {
      const groups = report.data.groups;
      if (groups.length === 0) return null;
      const bars = groups.map((g) => ({ label: groupWords(report, g.label), value: (g.acceptanceRate ?? 0) * 100 }));
      const extended = groups.reduce((n, g) => n + g.extended, 0);
      const accepted = groups.reduce((n, g) => n + g.accepted, 0);
      return { title: `${formatCount(accepted)} of ${formatCount(extended)} offers accepted`, axis: 'Accepted (%)', kind: 'percent', bars };
    }
    case 'losses': {
      if (report.data.total === 0) return null;
      const bars = report.data.reasons.map((r) => ({ label: reasonWords(r.reason), value: r.count }));
      const first = report.data.reasons[0]!;
      return { title: `Most losses: ${reasonWords(first.reason)} (${formatCount(first.count)} of ${formatCount(report.data.total)})`, axis: 'Candidates lost', kind: 'count', bars };
    }
    case 'sources': {
      const bars = report.data.sources.filter((s) => s.candidates > 0).map((s) => ({ label: sourceName(s.key), value: s.candidates }));
      if (bars.length === 0) return null;
      return { title: `${top(bars)!.label} brings the most candidates; the network brings ${formatShare(report.data.referralOnlyShare)}`, axis: 'Candidates', kind: 'count', bars };
    }
  }
}

/** What each report needs before it can say anything: the empty state's words. */
export const NEEDS: Record<Report['name'], string> = {
  funnel: 'Add candidates to a role and move them through its stages; the funnel counts how many reach each stage.',
  'cycle-time': 'A hire is needed: the report measures the days from first contact to an accepted offer.',
  'clock-breaches': 'Clocks start when candidates are contacted, interviewed and offered; log those steps to see which ones run late.',
  offers: 'Extend an offer from a candidate’s page; acceptance and the time after the final interview appear here.',
  losses: 'When a candidate is closed as lost or withdraws, the reason you record is counted here.',
  sources: 'Add candidates with where they came from; this report shows which sources lead to interviews and hires.',
};
