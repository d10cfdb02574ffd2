import { listAudit, listUsers } from '../../api/endpoints.js';
import type { AuditEntry } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { AdminOnly } from './AdminOnly.js';

const LIMIT = 200;

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

function AuditSection() {
  const audit = useResource((signal) => listAudit(LIMIT, signal), []);
  const users = useResource((signal) => listUsers(signal), []);
  const names = new Map((users.state.data?.items ?? []).map((user) => [user.id, user.name]));
  const actor = (entry: AuditEntry) => (entry.actorId ? (names.get(entry.actorId) ?? entry.actorId) : 'System');

  const columns: DataTableColumn<AuditEntry>[] = [
    { id: 'at', header: 'When', sortValue: (entry) => new Date(entry.at), cell: (entry) => <RelativeTime at={entry.at} />, width: '9rem' },
    { id: 'actor', header: 'Who', sortValue: actor, cell: actor },
    { id: 'action', header: 'Action', sortValue: (entry) => entry.action, cell: (entry) => <code>{entry.action}</code> },
    {
      id: 'entity',
      header: 'Record',
      sortValue: (entry) => entry.entity,
      cell: (entry) => (
        <>
          {entry.entity}
          {entry.entityId ? <span className="muted"> {entry.entityId}</span> : null}
        </>
      ),
      hideOnPhone: true,
    },
    { id: 'fields', header: 'Fields changed', cell: (entry) => changedFieldNames(entry.fields), hideOnPhone: true },
  ];

  const { state } = audit;
  return (
    <section aria-labelledby="audit-heading" className="settings-section">
      <h2 id="audit-heading">Audit log</h2>
      <p className="muted">The latest {LIMIT} changes to data, newest first. Values are not shown here.</p>
      {state.status === 'error' ? <Alert>{state.error}</Alert> : null}
      {state.data ? (
        <DataTable
          caption="Audit log"
          columns={columns}
          rows={state.data.items}
          rowKey={(entry) => entry.id}
          initialSort={{ columnId: 'at', direction: 'descending' }}
          empty={<EmptyState title="No changes recorded yet" level={3} />}
        />
      ) : state.status === 'loading' ? (
        <p className="muted" role="status">
          Loading the audit log…
        </p>
      ) : null}
    </section>
  );
}
