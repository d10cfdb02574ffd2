import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { listAllApplications, listRoles } from '../../api/pipeline.js';
import type { Role } from '../../api/pipeline.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCurrentUser } from '../../session/SessionProvider.js';

interface RoleRow extends Role {
  active: number;
}

/** Every role with its active candidates; a role opens its board. */
export function RolesPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const roles = useResource(async (signal) => {
    const [{ items }, applications] = await Promise.all([listRoles(signal), listAllApplications({ status: 'active' }, signal)]);
    const active = new Map<string, number>();
    for (const a of applications) active.set(a.roleId, (active.get(a.roleId) ?? 0) + 1);
    return items.map((r): RoleRow => ({ ...r, active: active.get(r.id) ?? 0 }));
  }, []);
  const canWrite = can(user.role, 'roles.write');

  const columns = useMemo<DataTableColumn<RoleRow>[]>(
    () => [
      {
        id: 'title',
        header: 'Role',
        cell: (r) => (
          <Link to={`/roles/${encodeURIComponent(r.id)}`} className="cell-primary">
            {r.title}
          </Link>
        ),
        sortValue: (r) => r.title.toLowerCase(),
      },
      { id: 'seniority', header: 'Seniority', cell: (r) => r.seniority, sortValue: (r) => r.seniority, hideOnPhone: true },
      { id: 'stages', header: 'Stages', cell: (r) => r.processPlan.stages.length, sortValue: (r) => r.processPlan.stages.length, numeric: true, hideOnPhone: true },
      { id: 'plan', header: 'Planned days', cell: (r) => r.processPlan.plannedDays, sortValue: (r) => r.processPlan.plannedDays, numeric: true, hideOnPhone: true },
      { id: 'active', header: 'Active candidates', cell: (r) => r.active, sortValue: (r) => r.active, numeric: true },
      {
        id: 'status',
        header: 'Status',
        cell: (r) => (r.status === 'open' ? <Badge tone="success">Open</Badge> : <Badge>Closed</Badge>),
        sortValue: (r) => r.status,
      },
      {
        id: 'settings',
        header: 'Settings',
        cell: (r) => (
          <Link to={`/roles/${encodeURIComponent(r.id)}/settings`} aria-label={`Settings of ${r.title}`}>
            Settings
          </Link>
        ),
      },
    ],
    [],
  );

  const newRole = canWrite ? (
    <Link to="/roles/new" className="button button-primary">
      New role
    </Link>
  ) : undefined;

  return (
    <>
      <PageHeader title="Roles" description="The positions you are hiring for. Open one to see its board." actions={newRole} />
      {roles.state.status === 'error' ? (
        <Alert title="Roles could not be loaded">
          <p>{roles.state.error}</p>
          <Button onClick={roles.reload}>Try again</Button>
        </Alert>
      ) : null}
      {!roles.state.data && roles.state.status === 'loading' ? <p className="muted">Loading roles…</p> : null}
      {roles.state.data ? (
        <DataTable
          caption="Roles"
          columns={columns}
          rows={roles.state.data}
          rowKey={(r) => r.id}
          onOpen={(r) => navigate(`/roles/${encodeURIComponent(r.id)}`)}
          initialSort={{ columnId: 'active', direction: 'descending' }}
          empty={
            <EmptyState title="No roles yet" action={newRole}>
              <p>Each role gets a board with its candidates by stage, their days against the 10-day target and their flight risk.</p>
              <p>{canWrite ? 'Create the first role to start adding candidates.' : 'Ask a recruiter or the owner to create the first role.'}</p>
            </EmptyState>
          }
        />
      ) : null}
    </>
  );
}
