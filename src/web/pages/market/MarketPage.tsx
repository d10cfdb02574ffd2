import { useCallback, useEffect, useState } from 'react';
import * as Plot from '@observablehq/plot';
import { Link } from 'react-router-dom';
import { can } from '../../../domain/access/policy.js';
import { errorMessage } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField, TextField } from '../../components/Field.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { PlotFigure } from '../../components/PlotFigure.js';
import { compactMoney } from '../../lib/format-axis.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { getMarketTable, LEVEL_LABELS, listMarketDatasets, selectMarketDataset } from '../../api/market.js';
import type { MarketTable, MarketTableRow } from '../../api/market.js';
import './market.css';

const FALLBACK_WORDS: Record<string, string> = {
  years: 'Widened to 2023–2025',
  roleGroup: 'All ML/AI titles',
  allTitles: 'All titles at this level',
};

const COUNTRY = /^[A-Z]{2}$/;

/** /market: salary percentiles by role group and level from the company's market dataset. */
export function MarketPage() {
  const user = useCurrentUser();
  if (!can(user.role, 'market.read')) {
    return (
      <>
        <PageHeader title="Market" />
        <EmptyState title="Pay data is not shared with your role" action={<Link to="/today">Go to Today</Link>}>
          <p>Ask an owner, admin, recruiter or hiring manager for the salary benchmarks.</p>
        </EmptyState>
      </>
    );
  }
  return <Market canManage={can(user.role, 'datasets.manage')} />;
}

function Market({ canManage }: { canManage: boolean }) {
  const datasets = useResource((signal) => listMarketDatasets(signal), []);
  const [datasetId, setDatasetId] = useState<string>('');
  const [selecting, setSelecting] = useState(false);
  const [selectError, setSelectError] = useState<string>();
  const [selectedNote, setSelectedNote] = useState<string>();
  const [countryText, setCountryText] = useState('US');
  const [country, setCountry] = useState('US');
  const countryValid = COUNTRY.test(countryText);

  useEffect(() => {
    if (countryValid) setCountry(countryText);
  }, [countryText, countryValid]);

  const items = datasets.state.data?.items ?? [];
  const selectedId = datasetId || items.find((d) => d.selected)?.id || '';
  const table = useResource((signal) => getMarketTable({ country, datasetId: selectedId || undefined }, signal), [country, selectedId]);
  const data = table.state.data;
  const viewed = items.find((d) => d.id === selectedId);

  const useDataset = async () => {
    if (!viewed) return;
    setSelecting(true);
    setSelectError(undefined);
    try {
      await selectMarketDataset(viewed.id);
      setSelectedNote(`${viewed.name} is now the company's market dataset.`);
      datasets.reload();
    } catch (error) {
      setSelectError(errorMessage(error));
    } finally {
      setSelecting(false);
    }
  };

  return (
    <>
      <PageHeader title="Market" description="Base salary percentiles by role group and level, to price roles and offers. Base pay only: no bonus, no equity." />
      <div className="market-controls">
        <SelectField
          label="Dataset"
          name="datasetId"
          value={selectedId}
          options={items.length ? items.map((d) => ({ value: d.id, label: `${d.name}${d.selected ? ' (in use)' : ''}` })) : [{ value: '', label: 'Loading…' }]}
          onChange={setDatasetId}
          disabled={items.length === 0}
          error={datasets.state.status === 'error' ? datasets.state.error : undefined}
        />
        <TextField
          label="Country"
          name="country"
          value={countryText}
          onChange={(v) => setCountryText(v.toUpperCase().slice(0, 2))}
          hint="Where the company is, as an ISO code (US, GB, DE)"
          error={countryValid ? undefined : 'Use a two-letter country code, for example US.'}
          maxLength={2}
          autoComplete="off"
          spellCheck={false}
        />
      </div>

      {canManage && viewed && !viewed.selected ? (
        <p className="market-select">
          <Button onClick={useDataset} busy={selecting} busyLabel="Saving…">
            Use this dataset for offers
          </Button>{' '}
          <span className="small muted">Offers and the offer builder then compare against it.</span>
        </p>
      ) : null}
      {selectError ? <Alert title="The dataset could not be chosen">{selectError}</Alert> : null}
      {selectedNote ? <Alert tone="success">{selectedNote}</Alert> : null}
      {data ? <DatasetSource table={data} /> : null}
      {table.state.status === 'error' ? <Alert title="The benchmarks could not be loaded">{table.state.error}</Alert> : null}
      {!data && table.state.status === 'loading' ? (
        <p className="muted" role="status">
          Loading benchmarks…
        </p>
      ) : null}
      {data ? <MarketBody table={data} stale={table.state.status === 'loading'} /> : null}
    </>
  );
}

function DatasetSource({ table }: { table: MarketTable }) {
  const d = table.dataset;
  return (
    <p className="dataset-source" data-testid="dataset-source">
      Source:{' '}
      {d.sourceUrl ? (
        <a href={d.sourceUrl} target="_blank" rel="noreferrer">
          {d.source}
        </a>
      ) : (
        d.source
      )}
      {' · '}as of <time dateTime={d.asOf}>{d.asOf}</time>
      {d.licence ? ` · licence ${d.licence}` : null}
      {' · '}
      {d.name}, salaries in USD, full-time roles
    </p>
  );
}

interface Row extends MarketTableRow {
  key: string;
  roleLabel: string;
  levelLabel: string;
}

function MarketBody({ table, stale }: { table: MarketTable; stale: boolean }) {
  const labels = new Map(table.roleGroups.map((g) => [g.id, g.label]));
  const rows: Row[] = table.rows.map((r) => ({
    ...r,
    key: `${r.roleGroup}:${r.level}`,
    roleLabel: labels.get(r.roleGroup) ?? r.roleGroup,
    levelLabel: LEVEL_LABELS[r.level] ?? r.level,
  }));
  const withData = rows.filter((r) => r.n > 0 && r.p50 !== null);
  if (withData.length === 0) {
    return (
      <EmptyState title={`No salaries for ${table.country} in this dataset`}>
        <p>Try another country (most rows are US), or import a survey that covers {table.country} and choose it above.</p>
      </EmptyState>
    );
  }
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, 'USD'));
  const columns: DataTableColumn<Row>[] = [
    { id: 'role', header: 'Role group', cell: (r) => r.roleLabel, sortValue: (r) => r.roleLabel },
    { id: 'level', header: 'Level', cell: (r) => r.levelLabel, sortValue: (r) => table.levels.indexOf(r.level) },
    { id: 'n', header: 'n', numeric: true, cell: (r) => formatCount(r.n, 'en-US'), sortValue: (r) => r.n, hideOnPhone: true },
    { id: 'p10', header: 'P10', numeric: true, cell: (r) => money(r.p10), sortValue: (r) => r.p10 ?? -1, hideOnPhone: true },
    { id: 'p25', header: 'P25', numeric: true, cell: (r) => money(r.p25), sortValue: (r) => r.p25 ?? -1, hideOnPhone: true },
    { id: 'p50', header: 'Median', numeric: true, cell: (r) => money(r.p50), sortValue: (r) => r.p50 ?? -1 },
    { id: 'p75', header: 'P75', numeric: true, cell: (r) => money(r.p75), sortValue: (r) => r.p75 ?? -1, hideOnPhone: true },
    { id: 'p90', header: 'P90', numeric: true, cell: (r) => money(r.p90), sortValue: (r) => r.p90 ?? -1, hideOnPhone: true },
    {
      id: 'fallback',
      header: 'Data used',
      cell: (r) => (r.fallback === 'none' ? <span className="muted">As asked</span> : <Badge tone="warning">{`Fallback: ${FALLBACK_WORDS[r.fallback] ?? r.fallback}`}</Badge>),
      sortValue: (r) => r.fallback,
    },
  ];
  return (
    <div className={`market-body${stale ? ' is-stale' : ''}`} aria-busy={stale || undefined}>
      <MarketChart rows={withData} levels={table.levels} country={table.country} />
      <h2 className="market-table-heading">Benchmarks, {table.country}</h2>
      <p className="small muted">Fewer than 30 salaries for a cell widen the data step by step (years, then all ML/AI titles, then all titles); the last column says which.</p>
      <DataTable caption={`Base salary percentiles by role group and level, ${table.country}`} columns={columns} rows={rows} rowKey={(r) => r.key} rowTone={(r) => (r.fallback !== 'none' ? 'accent' : undefined)} />
    </div>
  );
}

function MarketChart({ rows, levels, country }: { rows: Row[]; levels: string[]; country: string }) {
  const levelOrder = levels.map((l) => LEVEL_LABELS[l] ?? l);
  const roleOrder = [...new Set(rows.map((r) => r.roleLabel))];
  const options = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: roleOrder.length * (levelOrder.length * 18 + 30) + 70,
      marginTop: 28,
      marginLeft: 72,
      marginRight: 16,
      x: { label: 'Base salary (USD)', tickFormat: compactMoney('USD'), grid: true, ticks: Math.max(3, Math.floor(width / 120)) },
      y: { domain: levelOrder, label: null },
      fy: { domain: roleOrder, label: null, axis: null, padding: 0.3 },
      marks: [
        Plot.barX(rows, { fy: 'roleLabel', y: 'levelLabel', x1: 'p10', x2: 'p90', fill: '#c4c7cc', insetTop: 3, insetBottom: 3 }),
        Plot.barX(rows, { fy: 'roleLabel', y: 'levelLabel', x1: 'p25', x2: 'p75', fill: '#a5b4fc', insetTop: 3, insetBottom: 3 }),
        Plot.tickX(rows, { fy: 'roleLabel', y: 'levelLabel', x: 'p50', stroke: '#1b1c1f', strokeWidth: 2 }),
        Plot.text(rows.filter((r) => r.fallback !== 'none'), { fy: 'roleLabel', y: 'levelLabel', x: 'p90', text: () => '*', dx: 6, fontSize: 14 }),
        // The role group's name above its four rows.
        Plot.text(roleOrder, { fy: (d: string) => d, text: (d: string) => d, frameAnchor: 'top-left', dx: -68, dy: -16, fontWeight: 600, fontSize: 12 }),
      ],
    }),
    [rows],
  );
  const top = rows.reduce((best, r) => ((r.p50 ?? 0) > (best.p50 ?? 0) ? r : best), rows[0]);
  const bottom = rows.reduce((low, r) => ((r.p50 ?? Infinity) < (low.p50 ?? Infinity) ? r : low), rows[0]);
  const title = `Median base in ${country} ranges from ${formatMoney(bottom.p50 ?? 0, 'USD', { compact: true })} (${bottom.roleLabel}, ${bottom.levelLabel}) to ${formatMoney(top.p50 ?? 0, 'USD', { compact: true })} (${top.roleLabel}, ${top.levelLabel})`;
  return (
    <PlotFigure
      className="chart"
      titleLevel={3}
      id="market"
      title={title}
      caption="For each role group and level: P10–P90 (grey), P25–P75 (blue) and the median (black tick). * marks a cell that used a fallback."
      options={options}
      table={<p className="small muted">The full table with n and the fallback used is below the chart.</p>}
    />
  );
}
