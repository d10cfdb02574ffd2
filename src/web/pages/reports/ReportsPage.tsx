import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { REPORT_DIMENSIONS, REPORT_NAMES, type ReportDimension, type ReportName } from '../../../domain/reports/dimensions.js';
import { tableToCsv } from '../../../domain/reports/tables.js';
import { listRoles } from '../../api/pipeline.js';
import { getReport, type ReportFilters } from '../../api/reports.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField, TextField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { BarFigure, TableOf } from './ReportFigure.js';
import { mainFigure, NEEDS } from './main-figure.js';
import { tablesOf } from './report-tables.js';
import './reports.css';

const REPORT_WORDS: Record<ReportName, string> = {
  funnel: 'Funnel',
  'cycle-time': 'Cycle time',
  'clock-breaches': 'Late clocks',
  offers: 'Offers',
  losses: 'Losses',
  sources: 'Sources',
};
const BY_WORDS: Record<ReportDimension, string> = { all: 'Everything together', role: 'Role', specialization: 'Specialization', source: 'Source', month: 'Month of first contact' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The reports whose figures come in groups; the others are one whole, so "Group by" is not offered for them. */
const GROUPED: ReadonlySet<ReportName> = new Set(['funnel', 'cycle-time', 'offers']);

/** /reports: are we getting faster? Each report as a chart that states its finding, the table behind it, and a CSV. */
export function ReportsPage() {
  const [search, setSearch] = useSearchParams();
  const name = (REPORT_NAMES as readonly string[]).includes(search.get('report') ?? '') ? (search.get('report') as ReportName) : 'funnel';
  const by = GROUPED.has(name) && (REPORT_DIMENSIONS as readonly string[]).includes(search.get('by') ?? '') ? (search.get('by') as ReportDimension) : 'all';
  const roleId = search.get('role') ?? '';
  const from = DAY.test(search.get('from') ?? '') ? search.get('from')! : '';
  const to = DAY.test(search.get('to') ?? '') ? search.get('to')! : '';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value && !(key === 'by' && value === 'all') && !(key === 'report' && value === 'funnel')) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  const roles = useResource((signal) => listRoles(signal), []);
  const query: ReportFilters = { ...(by !== 'all' ? { by } : {}), ...(roleId ? { roleId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const report = useResource((signal) => getReport(name, query, signal), [name, by, roleId, from, to]);
  const stageNames = useMemo(() => new Map((roles.state.data?.items ?? []).flatMap((r) => r.processPlan.stages.map((s) => [s.id, s.name] as const))), [roles.state.data]);
  const words = { stage: (id: string) => stageNames.get(id) ?? 'A stage no longer planned' };

  const data = report.state.data;
  const figure = data && data.name === name ? mainFigure(data, words) : null;
  const tables = data && data.name === name ? tablesOf(data, words) : [];
  const csvHref = tables.length ? `data:text/csv;charset=utf-8,${encodeURIComponent(tableToCsv(tables[0]!.table))}` : undefined;

  return (
    <>
      <PageHeader title="Reports" description="Are we getting faster? Where are candidates lost, and why?" />
      <nav className="subnav" aria-label="Reports">
        <ul>
          {REPORT_NAMES.map((n) => (
            <li key={n}>
              <Link to={`?${new URLSearchParams({ ...Object.fromEntries(search), report: n }).toString()}`} aria-current={n === name ? 'page' : undefined} className="subnav-link" replace>
                {REPORT_WORDS[n]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className="report-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        {GROUPED.has(name) ? <SelectField label="Group by" name="by" value={by} onChange={(v) => set('by', v)} options={REPORT_DIMENSIONS.map((d) => ({ value: d, label: BY_WORDS[d] }))} /> : null}
        <SelectField label="Role" name="role" value={roleId} onChange={(v) => set('role', v)} options={[{ value: '', label: 'Every role' }, ...(roles.state.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))]} />
        <TextField label="From" name="from" type="date" value={from} onChange={(v) => set('from', v)} optional />
        <TextField label="To" name="to" type="date" value={to} onChange={(v) => set('to', v)} optional />
      </form>
      {report.state.status === 'error' ? <Alert>{report.state.error}</Alert> : null}
      {data && data.name === name ? (
        figure ? (
          <section aria-label={REPORT_WORDS[name]} className="report-body">
            <BarFigure title={figure.title} axis={figure.axis} bars={figure.bars} kind={figure.kind} ordered={figure.ordered} table={tables[0]!.table} caption={tables[0]!.caption} />
            {tables.slice(1).map((t) => (
              <section key={t.caption} className="panel report-extra">
                <h2>{t.caption}</h2>
                {t.table.rows.length > 0 ? <TableOf caption={t.caption} table={t.table} /> : <p className="muted">None in this period.</p>}
              </section>
            ))}
            <p className="report-foot">
              <a href={csvHref} download={`closer-${name}.csv`}>
                Download the table as CSV
              </a>
              {data.payHidden ? <span> Pay columns are left out: your role does not see compensation.</span> : null}
            </p>
          </section>
        ) : (
          <EmptyState title={`No ${REPORT_WORDS[name].toLowerCase()} figures yet`} action={<Link to="/candidates/new">Add a candidate</Link>}>
            <p>{NEEDS[name]}</p>
          </EmptyState>
        )
      ) : report.state.status === 'loading' ? (
        <p aria-live="polite">Loading the report…</p>
      ) : null}
    </>
  );
}
