import { Link, useParams, useSearchParams } from 'react-router-dom';
import { listPeople } from '../../api/endpoints.js';
import { getCompanyClocks, getRoleSetup, patchRoleSetup } from '../../api/role-setup.js';
import type { RolePatch, RoleSetup } from '../../api/role-setup.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { ClockOverridesSection } from './ClockOverridesSection.js';
import { RoleBandsSection } from './RoleBandsSection.js';
import { RolePeopleSection } from './RolePeopleSection.js';
import { StagesSection } from './StagesSection.js';
import { JobPostingSection } from './JobPostingSection.js';
import './role-settings.css';

/** What each section gets: the role as saved, whether the person may change it, and how to save a change. */
export interface SectionProps {
  role: RoleSetup;
  canEdit: boolean;
  /** PATCH with the role's version; the page keeps the saved role. */
  save: (patch: RolePatch) => Promise<RoleSetup>;
  /** Loads the role again (after a 412, to see someone else's change). */
  reload: () => void;
}

/** /roles/:id/settings: a role's process stages, clocks, people, status and board-approved band, each saved on its own. */
export function RoleSettingsPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const user = useCurrentUser();
  const role = useResource((signal) => getRoleSetup(id, signal), [id]);
  const people = useResource((signal) => listPeople(signal).then((r) => r.items), []);
  const clocks = useResource((signal) => getCompanyClocks(signal), []);
  const data = role.state.data;
  const canEdit = can(user.role, 'roles.write');

  if (!data) {
    return (
      <>
        <PageHeader title="Role settings" />
        {role.state.status === 'error' ? (
          <Alert title="This role cannot be opened">
            <p>{role.state.error}</p>
            <p>
              <Link to="/roles">Back to roles</Link>
            </p>
          </Alert>
        ) : (
          <p className="muted" role="status">
            Loading the role…
          </p>
        )}
      </>
    );
  }

  const save = async (patch: RolePatch) => {
    const saved = await patchRoleSetup(data.id, data.version, patch);
    role.setData(() => saved);
    return saved;
  };
  const props: SectionProps = { role: data, canEdit, save, reload: role.reload };

  return (
    <>
      <PageHeader
        title={`${data.title}: settings`}
        description={
          <>
            Process, clocks, people and pay band of this role. <Badge tone={data.status === 'open' ? 'success' : 'neutral'}>{data.status === 'open' ? 'Open' : 'Closed'}</Badge>
          </>
        }
        actions={
          <>
            <Link to={`/roles/${encodeURIComponent(data.id)}`} className="button button-ghost">
              Board
            </Link>
            {canEdit ? (
              <Link to={`/roles/${encodeURIComponent(data.id)}/edit`} className="button button-secondary">
                Edit description
              </Link>
            ) : null}
            {can(user.role, 'audit.read') ? (
              <Link to={`/settings/audit?entity=role&entityId=${encodeURIComponent(data.id)}`} className="button button-secondary">
                History
              </Link>
            ) : null}
          </>
        }
      />
      {search.get('created') ? (
        <Alert tone="success" title="Role created">
          Check its stages and planned days, choose who runs the search, and record the board-approved band, so offers inside it need no further approval.
        </Alert>
      ) : null}
      {!canEdit ? <Alert tone="info">Your role can see these settings but not change them.</Alert> : null}
      {role.state.status === 'error' ? (
        <Alert>
          {role.state.error} <Button onClick={role.reload}>Try again</Button>
        </Alert>
      ) : null}
      <div className="role-settings">
        <StagesSection {...props} clocks={clocks.state.data} />
        <RolePeopleSection {...props} people={people.state.data} />
        <ClockOverridesSection {...props} clocks={clocks.state.data} clocksError={clocks.state.error} />
        {can(user.role, 'compensation.read') ? <RoleBandsSection role={data} canEdit={canEdit} people={people.state.data} onVersion={(version) => role.setData((r) => ({ ...r!, version }))} reloadRole={role.reload} /> : null}
        {can(user.role, 'postings.read') ? <JobPostingSection role={data} canEdit={can(user.role, 'postings.write') && (user.role !== 'hiring-manager' || data.hiringManagerId === user.id)} /> : null}
      </div>
    </>
  );
}
