import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../api/client.js';
import { activateSequence, completeTask, getSequence, listSequenceEnrollments, pauseSequence } from '../../api/sequences.js';
import type { Enrollment, SequenceDetail } from '../../api/sequences.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { FindingsList } from '../../components/FindingsList.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import '../../components/panel.css';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { AUDIENCE_WORDS, enrollmentWords, MERGE_FIELD_WORDS, stepWords, TASK_WORDS } from './outreach-words.js';
import { SequenceStatusBadge } from './SequencesPage.js';
import { SourcingNav } from './SourcingNav.js';
import './sourcing.css';

/** The findings that stop a sequence from starting, step by step: template errors and merge fields with no value. */
function blockingFindings(s: SequenceDetail) {
  return s.lint.flatMap((step) => [
    ...step.lint.findings.filter((f) => f.severity === 'error').map((f) => ({ ...f, message: `Step ${step.index + 1} (${step.templateName}): ${f.message}`, evidence: [] })),
    ...step.missing.map((m) => ({
      rule: 'sequence.merge-field-without-value',
      severity: 'error' as const,
      message: `Step ${step.index + 1} (${step.templateName}) uses ${MERGE_FIELD_WORDS[m] ?? m}, which has no value yet.`,
      fix: m === 'role_title' || m === 'base_range' ? 'Choose a role with a board-approved band for the current funding stage, or take the field out of the template.' : 'Fill in the company’s compute budget and senior AI people (Team → Company), or take the field out of the template.',
      evidence: [],
    })),
  ]);
}

/** One sequence: its steps and their checks, start and pause, the people going through it and their tasks. */
export function SequencePage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const canWrite = can(user.role, 'sourcing.write');
  const sequence = useResource((signal) => getSequence(id, signal), [id]);
  const enrollments = useResource((signal) => listSequenceEnrollments(id, signal), [id]);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string }>();
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);

  const s = sequence.state.data;
  const act = async (what: () => Promise<unknown>, done: string, onError?: () => void) => {
    setMessage(undefined);
    setBusy(true);
    try {
      await what();
      setMessage({ tone: 'success', text: done });
      setRefused(false);
      sequence.reload();
      enrollments.reload();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
      onError?.();
      sequence.reload();
    } finally {
      setBusy(false);
    }
  };

  const columns = useMemo<DataTableColumn<Enrollment>[]>(
    () => [
      { id: 'person', header: 'Person', cell: (e) => <span className="cell-primary">{e.prospectName}</span>, sortValue: (e) => e.prospectName.toLowerCase() },
      { id: 'state', header: 'Where they are', cell: (e) => enrollmentWords(e), sortValue: (e) => `${e.status}:${e.stepIndex}` },
      { id: 'due', header: 'Due', cell: (e) => (e.status === 'active' || e.status === 'waiting-task' ? <RelativeTime at={e.dueAt} /> : '—'), sortValue: (e) => e.dueAt, hideOnPhone: true },
      ...(canWrite
        ? [
            {
              id: 'task',
              header: 'Task',
              cell: (e: Enrollment) =>
                e.status === 'waiting-task' && e.currentStep?.kind === 'task' ? (
                  <Button onClick={() => act(() => completeTask(e), `Done: ${(TASK_WORDS[e.currentStep?.task ?? ''] ?? 'the task').toLowerCase()} for ${e.prospectName}.`)} aria-label={`Mark the task for ${e.prospectName} done`}>
                    Mark done
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]
        : []),
    ],
    // `act` only uses the resources' reload and state setters
    [canWrite],
  );

  if (sequence.state.status === 'error' && !s) return <><PageHeader title="Outreach sequence" /><SourcingNav /><Alert>{sequence.state.error}</Alert></>;
  if (!s) return <><PageHeader title="Outreach sequence" /><SourcingNav /><p className="muted">Loading…</p></>;
  const blocking = blockingFindings(s);
  const warnings = s.lint.flatMap((step) => step.lint.findings.filter((f) => f.severity !== 'error').map((f) => ({ ...f, message: `Step ${step.index + 1} (${step.templateName}): ${f.message}`, evidence: [] })));

  return (
    <>
      <PageHeader
        title={s.name}
        description={<>Aimed at {(AUDIENCE_WORDS[s.audience] ?? s.audience).toLowerCase()} · <SequenceStatusBadge status={s.status} /></>}
        actions={
          canWrite ? (
            s.status === 'active' ? (
              <Button busy={busy} onClick={() => act(() => pauseSequence(s), 'Paused: nothing more is sent until you start it again.')}>Pause</Button>
            ) : (
              <Button variant="primary" busy={busy} onClick={() => act(() => activateSequence(s), 'Started: enroll people from a pool and it sends on the next run.', () => setRefused(true))}>
                {s.status === 'paused' ? 'Start again' : 'Start sequence'}
              </Button>
            )
          ) : undefined
        }
      />
      <SourcingNav />
      {message && (
        <Alert tone={message.tone} title={message.tone === 'error' && refused ? 'The sequence cannot start yet' : undefined}>
          {message.text}
        </Alert>
      )}
      {(refused || s.status !== 'active') && blocking.length > 0 && (
        <section className="panel sourcing-page-section" aria-labelledby="blocking-title">
          <h2 id="blocking-title">To fix before it can start</h2>
          <FindingsList findings={blocking} />
        </section>
      )}
      <section className="panel sourcing-page-section" aria-labelledby="steps-title">
        <h2 id="steps-title">Steps</h2>
        <ol className="outreach-steps">
          {s.steps.map((step) => (
            <li key={step.index} className="outreach-step">
              <span>
                {step.index + 1}. {stepWords(step)}
                {step.kind === 'email' && step.templateId && (
                  <>
                    {' · '}
                    <Link to={`/sourcing/templates/${encodeURIComponent(step.templateId)}`}>Open the template</Link>
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
        {warnings.length > 0 && (
          <details className="sourcing-page-section">
            <summary>Suggestions for the e-mails ({warnings.length})</summary>
            <FindingsList findings={warnings} />
          </details>
        )}
      </section>
      <section className="sourcing-page-section" aria-labelledby="enrolled-title">
        <h2 id="enrolled-title">People in this sequence</h2>
        {enrollments.state.status === 'error' && <Alert>{enrollments.state.error}</Alert>}
        {enrollments.state.data && (
          <DataTable
            caption="People in this sequence"
            showCaption={false}
            columns={columns}
            rows={enrollments.state.data.items}
            rowKey={(e) => e.id}
            empty={
              <EmptyState title="No one enrolled yet" level={3} action={<Link to="/sourcing">Open a pool</Link>}>
                {s.status === 'active' ? 'Open a pool, select people and enroll them in this sequence.' : 'Start the sequence, then open a pool, select people and enroll them.'}
              </EmptyState>
            }
          />
        )}
      </section>
    </>
  );
}
