import { Link, useParams, useSearchParams } from 'react-router-dom';
import { getCandidate, listApplications, listRoles } from '../../api/pipeline.js';
import type { Application, Candidate, Role } from '../../api/pipeline.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { SOURCE_LABELS, stageName } from '../../lib/pipeline-labels.js';
import { ApplicationPanel } from './ApplicationPanel.js';
import { CandidateFacts } from './CandidateFacts.js';
import { MergePanel } from './MergePanel.js';
import { ArchiveDeletePanel, ArchivedNotice } from './ArchiveDeletePanel.js';
import { CvFilesPanel } from './CvFilesPanel.js';
import { PrivacyPanel } from './PrivacyPanel.js';
import { EditDetailsButton } from './EditDetailsButton.js';
import './pipeline.css';

interface CandidateData {
  candidate: Candidate;
  applications: Application[];
  roles: Map<string, Role>;
}

/** One person: their details, and for the chosen application its clocks, risk with reasons, timeline and quick actions. */
export function CandidatePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const data = useResource(async (signal): Promise<CandidateData> => {
    const [candidate, applications, roles] = await Promise.all([
      getCandidate(id, signal),
      listApplications({ candidateId: id, limit: 1000 }, signal),
      listRoles(signal),
    ]);
    return { candidate, applications: applications.items, roles: new Map(roles.items.map((r) => [r.id, r])) };
  }, [id]);

  const applications = data.state.data?.applications ?? [];
  const chosen = params.get('application');
  const selected =
    applications.find((a) => a.id === chosen) ?? applications.find((a) => a.status === 'active') ?? applications[0];
  const candidate = data.state.data?.candidate;

  return (
    <>
      <PageHeader
        title={candidate?.name ?? 'Candidate'}
        description={candidate ? `${SOURCE_LABELS[candidate.source] ?? candidate.source} · ${candidate.passive ? 'passive' : 'active'}` : undefined}
        actions={
          <Link to="/candidates" className="button button-ghost">
            All candidates
          </Link>
        }
      />
      {data.state.status === 'error' ? (
        <Alert title="This candidate could not be loaded">
          <p>{data.state.error}</p>
          <Button onClick={data.reload}>Try again</Button>
        </Alert>
      ) : null}
      {!candidate && data.state.status === 'loading' ? <p className="muted">Loading…</p> : null}
      {candidate ? (
        <>
          <ArchivedNotice candidate={candidate} />
          {applications.length > 1 ? (
            <nav className="app-tabs" aria-label="Applications">
              {applications.map((a) => (
                <Link
                  key={a.id}
                  to={`?application=${encodeURIComponent(a.id)}`}
                  className={`button button-compact ${a.id === selected?.id ? 'button-primary' : 'button-secondary'}`}
                  aria-current={a.id === selected?.id ? 'page' : undefined}
                  replace
                >
                  {data.state.data!.roles.get(a.roleId)?.title ?? 'Role'} ({a.status === 'active' ? stageName(data.state.data!.roles.get(a.roleId), a.stage) : a.status})
                </Link>
              ))}
            </nav>
          ) : null}
          <div className="candidate-grid">
            <div>
              {selected ? (
                <ApplicationPanel
                  key={selected.id}
                  applicationId={selected.id}
                  role={data.state.data!.roles.get(selected.roleId)}
                  canWrite={can(user.role, 'applications.write')}
                  onChanged={() => {
                    if (!chosen) setParams({ application: selected.id }, { replace: true });
                  }}
                />
              ) : (
                <EmptyState
                  title="Not in any role yet"
                  action={
                    <Link to="/roles" className="button button-primary">
                      Open a role board
                    </Link>
                  }
                >
                  <p>Clocks, risk and the timeline start once the person is a candidate for a role.</p>
                </EmptyState>
              )}
            </div>
            <div>
              <CandidateFacts
                candidate={candidate}
                seesPay={can(user.role, 'compensation.read')}
                actions={can(user.role, 'candidates.write') ? <EditDetailsButton candidate={candidate} seesPay={can(user.role, 'compensation.read')} onSaved={data.reload} /> : undefined}
              />
              {can(user.role, 'candidates.read-files') ? <CvFilesPanel candidate={candidate} canWrite={can(user.role, 'candidates.write')} /> : null}
              {can(user.role, 'candidates.write') ? <MergePanel candidate={candidate} /> : null}
              <PrivacyPanel candidate={candidate} canExport={can(user.role, 'candidates.export')} canWrite={can(user.role, 'candidates.write')} />
              {can(user.role, 'candidates.write') ? <ArchiveDeletePanel candidate={candidate} canDelete={can(user.role, 'candidates.delete')} onChanged={data.reload} /> : null}
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
