import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { getAuditFacets, listAuditPage } from '../../api/role-setup.js';
import type { AuditItem, AuditQuery } from '../../api/role-setup.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { SelectField, TextField } from '../../components/Field.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { fieldWords } from '../../lib/field-words.js';
import { formatCount } from '../../lib/format-money.js';
import { AdminOnly } from './AdminOnly.js';
import './audit.css';

const LIMIT = 50;
/** The filters kept in the URL, by query parameter (the API's names). */
const FILTERS = ['actorId', 'entity', 'action', 'entityId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

/** Names of the fields a change touched, without their values (which may include pay). */
export function changedFieldNames(fields: unknown): string {
  if (Array.isArray(fields)) return fields.filter((field) => typeof field === 'string').join(', ');
  if (fields && typeof fields === 'object') return Object.keys(fields).join(', ');
  return '';
}

export function AuditSettings() {
  useDocumentTitle(['Audit log', 'Settings']);
  return (
    <AdminOnly section="The audit log" action="audit.read">
      <AuditSection />
    </AdminOnly>
  );
}

/** Cursors of the newer pages, so "Newer" can step back (kept in the history entry, not the URL). */
interface PageState {
  newer?: string[];
}

function AuditSection() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const newer = (location.state as PageState | null)?.newer ?? [];
  const filters = Object.fromEntries(FILTERS.map((f) => [f, search.get(f) ?? ''])) as Record<Filter, string>;
  const cursor = search.get('cursor') ?? undefined;
  const query: AuditQuery = { limit: LIMIT, cursor, ...Object.fromEntries(FILTERS.filter((f) => filters[f]).map((f) => [f, filters[f]])) };
  const key = JSON.stringify(query);
  const page = useResource((signal) => listAuditPage(query, signal), [key]);
  const facets = useResource((signal) => getAuditFacets(signal), []);

  const go = (next: Partial<Record<Filter | 'cursor', string>>, state?: PageState) => {
    const params = new URLSearchParams();
    for (const f of FILTERS) {
      const value = f in next ? next[f] : filters[f];
      if (value) params.set(f, value);
    }
    if (next.cursor) params.set('cursor', next.cursor);
    navigate({ search: params.toString() ? `?${params}` : '' }, { state });
  };
  const setFilter = (f: Filter) => (value: string) => go({ [f]: value, cursor: '' });
  const anyFilter = FILTERS.some((f) => filters[f]);

  const columns: DataTableColumn<AuditItem>[] = [
    { id: 'at', header: 'When', cell: (e) => <RelativeTime at={e.at} />, width: '7.5rem' },
    { id: 'actor', header: 'Who', cell: (e) => e.actorName },
    { id: 'action', header: 'What', cell: (e) => <span title={e.action}>{e.actionLabel}</span> },
    {
      id: 'entity',
      header: 'Record',
      cell: (e) => (
        <span title={`${e.entity} ${e.entityId}`}>
          {e.entityLabel.toLowerCase().startsWith(e.entityType.toLowerCase()) ? null : <span className="muted">{e.entityType}: </span>}
          {e.entityLabel}
        </span>
      ),
    },
    {
      id: 'fields',
      header: 'Fields changed',
      cell: (e) => (
        <span className="audit-fields small" title={changedFieldNames(e.fields)}>
          {e.fields.map(fieldWords).join(', ')}
        </span>
      ),
      hideOnPhone: true,
      width: '24%',
    },
  ];

  const data = page.state.data;
  const first = newer.length * LIMIT + 1;
  const onlyRecord = filters.entityId ? (data?.items[0]?.entityLabel ?? 'one record') : undefined;

  return (
    <section aria-labelledby="audit-heading" className="settings-section audit-log">
      <h2 id="audit-heading">Audit log</h2>
      <p className="muted">Every change to data: who made it, when, and which fields changed. Values are never kept here.</p>
      <form className="audit-filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Who"
          name="actorId"
          value={filters.actorId}
          options={[{ value: '', label: 'Anyone' }, ...(facets.state.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))]}
          onChange={setFilter('actorId')}
        />
        <SelectField
          label="Record type"
          name="entity"
          value={filters.entity}
          options={[{ value: '', label: 'Any record' }, ...(facets.state.data?.entities ?? []).map((e) => ({ value: e.value, label: e.label }))]}
          onChange={setFilter('entity')}
        />
        <SelectField
          label="What happened"
          name="action"
          value={filters.action}
          options={[{ value: '', label: 'Any change' }, ...(facets.state.data?.actions ?? []).map((a) => ({ value: a.value, label: a.label }))]}
          onChange={setFilter('action')}
        />
        <TextField label="From" name="from" type="date" value={filters.from} onChange={setFilter('from')} />
        <TextField label="To" name="to" type="date" value={filters.to} onChange={setFilter('to')} />
      </form>
      <p className="small muted audit-dates">From and To are whole days in UTC, both included.</p>
      {anyFilter ? (
        <p className="audit-active small">
          {onlyRecord ? (
            <>
              Only changes to <strong>{onlyRecord}</strong>.{' '}
            </>
          ) : null}
          <button type="button" className="link-button" onClick={() => go(Object.fromEntries(FILTERS.map((f) => [f, ''])))}>
            Clear filters
          </button>
        </p>
      ) : null}
      {page.state.status === 'error' ? (
        <Alert>
          {page.state.error} <Button onClick={page.reload}>Try again</Button>
        </Alert>
      ) : null}
      {data ? (
        <>
          <p className="small muted" role="status" aria-live="polite">
            {data.total === 0
              ? 'No changes match.'
              : `Showing ${formatCount(first)}–${formatCount(first + data.items.length - 1)} of ${formatCount(data.total)} changes, newest first.`}
          </p>
          <DataTable
            caption="Audit log"
            columns={columns}
            rows={data.items}
            rowKey={(e) => e.id}
            empty={
              <EmptyState title={anyFilter ? 'No changes match these filters' : 'No changes recorded yet'} level={3}>
                <p>{anyFilter ? 'Widen the dates or clear a filter.' : 'Changes appear here as people use Closer.'}</p>
              </EmptyState>
            }
          />
          {newer.length > 0 || data.nextCursor ? (
            <nav className="audit-paging" aria-label="Audit log pages">
              <Button disabled={newer.length === 0} onClick={() => go({ cursor: newer[newer.length - 1] ?? '' }, { newer: newer.slice(0, -1) })}>
                Newer
              </Button>
              <Button disabled={!data.nextCursor} onClick={() => go({ cursor: data.nextCursor ?? '' }, { newer: [...newer, cursor ?? ''] })}>
                Older
              </Button>
              {cursor && newer.length === 0 ? (
                <button type="button" className="link-button" onClick={() => go({ cursor: '' })}>
                  Back to the newest
                </button>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : page.state.status === 'loading' ? (
        <p className="muted" role="status">
          Loading the audit log…
        </p>
      ) : null}
    </section>
  );
}
