import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { listSequences } from '../../api/sequences.js';
import type { Sequence } from '../../api/sequences.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatCount } from '../../lib/format-money.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { AUDIENCE_WORDS, SEQUENCE_STATUS_WORDS } from './outreach-words.js';
import { SourcingNav } from './SourcingNav.js';
import './sourcing.css';

const enrolledIn = (s: Sequence) => Object.values(s.enrollments).reduce((a, b) => a + b, 0);
const inProgress = (s: Sequence) => (s.enrollments.active ?? 0) + (s.enrollments['waiting-task'] ?? 0);

export function SequenceStatusBadge({ status }: { status: string }) {
  return <Badge tone={status === 'active' ? 'success' : status === 'paused' ? 'warning' : 'neutral'}>{SEQUENCE_STATUS_WORDS[status] ?? status}</Badge>;
}

/** Outreach sequences: e-mails, waits and tasks in order, and how many people are going through each. */
export function SequencesPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canWrite = can(user.role, 'sourcing.write');
  const sequences = useResource((signal) => listSequences(signal), []);
  const columns = useMemo<DataTableColumn<Sequence>[]>(
    () => [
      { id: 'name', header: 'Sequence', cell: (s) => <Link to={`/sourcing/sequences/${encodeURIComponent(s.id)}`} className="cell-primary">{s.name}</Link>, sortValue: (s) => s.name.toLowerCase() },
      { id: 'status', header: 'Status', cell: (s) => <SequenceStatusBadge status={s.status} />, sortValue: (s) => s.status },
      { id: 'audience', header: 'Aimed at', cell: (s) => AUDIENCE_WORDS[s.audience] ?? s.audience, sortValue: (s) => s.audience, hideOnPhone: true },
      { id: 'steps', header: 'Steps', cell: (s) => formatCount(s.steps.length), sortValue: (s) => s.steps.length, numeric: true, hideOnPhone: true },
      { id: 'going', header: 'In progress', cell: (s) => formatCount(inProgress(s)), sortValue: inProgress, numeric: true },
      { id: 'enrolled', header: 'Enrolled', cell: (s) => formatCount(enrolledIn(s)), sortValue: enrolledIn, numeric: true, hideOnPhone: true },
    ],
    [],
  );
  return (
    <>
      <PageHeader
        title="Outreach sequences"
        description="E-mails from your templates, waits in business days and tasks, in order. A reply, an opt-out, a bounce or becoming a candidate stops it for that person."
        actions={canWrite ? <Link className="button button-primary" to="/sourcing/sequences/new">New sequence</Link> : undefined}
      />
      <SourcingNav />
      {sequences.state.status === 'error' && <Alert>{sequences.state.error}</Alert>}
      {sequences.state.data && (
        <DataTable
          caption="Outreach sequences"
          columns={columns}
          rows={sequences.state.data.items}
          rowKey={(s) => s.id}
          onOpen={(s) => navigate(`/sourcing/sequences/${encodeURIComponent(s.id)}`)}
          empty={
            <EmptyState title="No sequences yet" action={canWrite ? <Link className="button button-primary" to="/sourcing/sequences/new">Build the first sequence</Link> : undefined}>
              A sequence sends your templates in order, waits between them and reminds you to call. Write a template first (Templates), build a sequence from it, start it, then enroll people from a pool.
            </EmptyState>
          }
        />
      )}
    </>
  );
}
