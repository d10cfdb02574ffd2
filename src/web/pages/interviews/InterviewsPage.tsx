import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import type { BadgeTone } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { SelectField } from '../../components/Field.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { interviewInviteUrl, interviewKindLabel, listInterviews } from './api.js';
import type { Interview } from './api.js';

const SCORECARD_LABELS: Record<'not-started' | 'draft' | 'submitted', { text: string; tone: BadgeTone }> = {
  'not-started': { text: 'Not started', tone: 'accent' },
  draft: { text: 'Draft', tone: 'accent' },
  submitted: { text: 'Submitted', tone: 'success' },
};

/** Your scorecard when you are on the interview; the candidate's decision view otherwise. */
const scorecardPath = (i: Interview) =>
  i.myScorecard ? `/interviews/${encodeURIComponent(i.id)}/scorecard` : `/applications/${encodeURIComponent(i.applicationId)}/decision`;

/** Whether this interview still needs the viewer's scorecard (it happened and the card is not in). */
function owesCard(i: Interview, now: number): boolean {
  return i.status !== 'cancelled' && i.myScorecard !== null && i.myScorecard.status !== 'submitted' && Date.parse(i.scheduledAt) <= now;
}

/** The signed-in person's interviews: scorecards to write first, then what is coming. */
export function InterviewsPage() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const readsAll = can(user.role, 'interviews.read-all');
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const interviews = useResource((signal) => listInterviews(scope === 'mine', signal), [scope]);
  const now = Date.now();
  const rows = interviews.state.data?.items ?? [];

  const columns: DataTableColumn<Interview>[] = [
    {
      id: 'candidate',
      header: 'Candidate',
      cell: (i) => (
        <Link to={scorecardPath(i)} className="cell-primary">
          {i.candidate.name}
        </Link>
      ),
      sortValue: (i) => i.candidate.name,
    },
    ...(scope === 'all'
      ? [{ id: 'interviewers', header: 'Interviewers', hideOnPhone: true, cell: (i: Interview) => i.interviewers.map((p) => p.name).join(', ') }]
      : []),
    { id: 'role', header: 'Role', cell: (i) => i.role.title, sortValue: (i) => i.role.title, hideOnPhone: true },
    { id: 'kind', header: 'Interview', cell: (i) => `${interviewKindLabel(i.kind)}${i.final ? ' (final)' : ''}`, sortValue: (i) => i.kind, hideOnPhone: true },
    {
      id: 'when',
      header: 'When',
      cell: (i) => (
        <>
          <RelativeTime at={i.scheduledAt} />
          {i.myScorecard ? (
            <>
              <br />
              <a
                href={interviewInviteUrl(i.id)}
                download
                className="small"
                aria-label={`${i.status === 'cancelled' ? 'Cancellation' : 'Invite'} (.ics) for the ${interviewKindLabel(i.kind).toLowerCase()} with ${i.candidate.name}`}
              >
                {i.status === 'cancelled' ? 'Cancellation' : 'Invite'} (.ics)
              </a>
            </>
          ) : null}
        </>
      ),
      sortValue: (i) => i.scheduledAt,
    },
    {
      id: 'scorecard',
      header: 'Your scorecard',
      cell: (i) => {
        if (i.status === 'cancelled') return <Badge>Cancelled</Badge>;
        if (!i.myScorecard) return <span className="muted">Not on this interview</span>;
        const label = SCORECARD_LABELS[i.myScorecard.status];
        return <Badge tone={owesCard(i, now) ? 'accent' : label.tone === 'accent' ? 'neutral' : label.tone}>{owesCard(i, now) ? `${label.text}: due` : label.text}</Badge>;
      },
      sortValue: (i) => (owesCard(i, now) ? 0 : i.myScorecard?.status === 'submitted' ? 2 : 1),
    },
    {
      id: 'decision',
      header: 'Decision view',
      hideOnPhone: true,
      cell: (i) => (
        <Link to={`/applications/${encodeURIComponent(i.applicationId)}/decision`} aria-label={`Decision view for ${i.candidate.name}`}>
          Open
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Interviews" description="Interviews you are on, scorecards to write first. A scorecard is due within 24 hours of its interview." />
      {readsAll ? (
        <div className="interviews-filter">
          <SelectField
            label="Show"
            name="scope"
            value={scope}
            options={[
              { value: 'mine', label: 'Interviews I am on' },
              { value: 'all', label: 'All interviews' },
            ]}
            onChange={(v) => setScope(v === 'all' ? 'all' : 'mine')}
          />
        </div>
      ) : null}
      {interviews.state.status === 'error' ? <Alert>{interviews.state.error}</Alert> : null}
      {interviews.state.status === 'loading' && !interviews.state.data ? (
        <p className="muted" role="status">
          Loading your interviews…
        </p>
      ) : (
        <DataTable
          caption="Your interviews"
          columns={columns}
          rows={rows}
          rowKey={(i) => i.id}
          onOpen={(i) => navigate(scorecardPath(i))}
          initialSort={{ columnId: 'scorecard', direction: 'ascending' }}
          rowTone={(i) => (owesCard(i, now) ? 'accent' : undefined)}
          empty={
            scope === 'all' ? (
              <EmptyState title="No interviews yet" action={<Link to="/candidates">Go to Candidates</Link>}>
                <p>Interviews are scheduled on a candidate&rsquo;s application; each interviewer then writes a scorecard here.</p>
              </EmptyState>
            ) : (
              <EmptyState
                title="No interviews for you"
                action={
                  readsAll ? (
                    <Button onClick={() => setScope('all')}>Show all interviews</Button>
                  ) : undefined
                }
              >
                <p>When a recruiter puts you on an interview it appears here, with the scorecard to fill in right after it.</p>
              </EmptyState>
            )
          }
        />
      )}
    </>
  );
}
