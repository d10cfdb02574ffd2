import { useState } from 'react';
import { unplannedAttributes } from '../../../domain/interviews/focus.js';
import type { ScorecardTemplate } from '../../../domain/interviews/template.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { getCompany, listPeople } from '../../api/endpoints.js';
import { cancelInterview, completeInterview, getInterview, getScorecardTemplate, interviewKindLabel, listApplicationInterviews, onsiteInviteUrl } from '../../api/interviews.js';
import type { Interview } from '../../api/interviews.js';
import type { Role } from '../../api/pipeline.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { formatZonedDay, formatZonedSlot } from '../../lib/zoned-time.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { localDate } from '../../../domain/interviews/slots.js';
import { InterviewCard } from './InterviewCard.js';
import { OnsiteDialog } from './OnsiteDialog.js';
import { RescheduleDialog } from './RescheduleDialog.js';
import { ScheduleInterviewDialog } from './ScheduleInterviewDialog.js';
import type { ScheduleContext } from './ScheduleInterviewDialog.js';
import './interviews-panel.css';

interface InterviewsPanelProps {
  applicationId: string;
  role: Role | undefined;
  /** The application's current stage: the default stage of a new interview. */
  stage: string;
  active: boolean;
  /** The timeline gains interview.scheduled events: the application reloads after each change. */
  onChanged: () => void;
}

type Open = { kind: 'schedule' } | { kind: 'onsite' } | { kind: 'reschedule'; interview: Interview } | { kind: 'cancel'; interview: Interview } | undefined;

/** Interviews in start order; the interviews of one onsite together, at the time of its first. */
function groupByOnsite(items: readonly Interview[]): Array<{ onsiteId: string | null; interviews: Interview[] }> {
  const sorted = [...items].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt) || a.id.localeCompare(b.id));
  const groups: Array<{ onsiteId: string | null; interviews: Interview[] }> = [];
  const byOnsite = new Map<string, Interview[]>();
  for (const i of sorted) {
    if (!i.onsiteId) groups.push({ onsiteId: null, interviews: [i] });
    else if (byOnsite.has(i.onsiteId)) byOnsite.get(i.onsiteId)!.push(i);
    else {
      const members = [i];
      byOnsite.set(i.onsiteId, members);
      groups.push({ onsiteId: i.onsiteId, interviews: members });
    }
  }
  return groups;
}

/**
 * The application's interview loop: every interview with when (exact in the company time zone, and relative), who,
 * stage, focus and status; scheduling one or a whole onsite day, rescheduling, cancelling, and the .ics invites.
 * Roles that take no part in interviews (approvers) do not see it.
 */
export function InterviewsPanel(props: InterviewsPanelProps) {
  const user = useCurrentUser();
  return can(user.role, 'interviews.read-assigned') ? <InterviewLoop {...props} /> : null;
}

function InterviewLoop({ applicationId, role, stage, active, onChanged }: InterviewsPanelProps) {
  const user = useCurrentUser();
  const canSchedule = can(user.role, 'interviews.write');
  const readsAll = can(user.role, 'interviews.read-all');
  const data = useResource(
    async (signal) => {
      const [interviews, company, people, template] = await Promise.all([
        listApplicationInterviews(applicationId, signal),
        getCompany(signal),
        listPeople(signal),
        role ? getScorecardTemplate(role.id, signal).then((t) => t.template) : Promise.resolve<ScorecardTemplate | undefined>(undefined),
      ]);
      return { interviews: interviews.items, timeZone: company.timeZone, people: people.items, template };
    },
    [applicationId, role?.id],
  );
  const [open, setOpen] = useState<Open>();
  const [status, setStatus] = useState<{ tone: 'success' | 'info' | 'error'; text: string }>();
  const d = data.state.data;

  if (data.state.status === 'error' && !d) {
    return (
      <section className="panel" aria-labelledby="interviews-title">
        <h2 className="panel-title" id="interviews-title">
          Interviews
        </h2>
        <Alert title="The interviews could not be loaded">
          <p>{data.state.error}</p>
          <Button onClick={data.reload}>Try again</Button>
        </Alert>
      </section>
    );
  }
  if (!d) {
    return (
      <section className="panel" aria-labelledby="interviews-title">
        <h2 className="panel-title" id="interviews-title">
          Interviews
        </h2>
        <p className="muted" role="status">
          Loading the interviews…
        </p>
      </section>
    );
  }

  const { interviews, timeZone, people, template } = d;
  const context: ScheduleContext = {
    applicationId,
    timeZone,
    stageOptions: (role?.processPlan.stages ?? []).map((s) => ({ value: s.id, label: s.name })),
    currentStage: stage,
    interviewerOptions: people.filter((p) => !p.disabled && can(p.role, 'scorecards.write-own')).map((p) => ({ value: p.id, label: p.name })),
    focusOptions: (template?.attributes ?? []).map((a) => ({ value: a.id, label: a.name })),
  };
  const templateSize = template?.attributes.length ?? 0;
  const unplanned = template ? unplannedAttributes(template, interviews.map((i) => ({ focus: i.focusAttributeIds, status: i.status }))) : [];
  const mayChange = canSchedule && active;

  const done = (text: string) => {
    setOpen(undefined);
    setStatus({ tone: 'success', text });
    data.reload();
    onChanged();
  };

  const markHeld = async (i: Interview) => {
    try {
      await completeInterview(i.id);
      done(`Held: ${interviewKindLabel(i.kind)}. ${i.interviewers.map((p) => p.name).join(', ')} can now write ${i.interviewers.length === 1 ? 'their scorecard' : 'their scorecards'}.`);
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
      data.reload();
    }
  };

  const card = (i: Interview, level: 3 | 4) => (
    <InterviewCard
      interview={i}
      timeZone={timeZone}
      level={level}
      templateSize={templateSize}
      readsAll={readsAll}
      viewerId={user.id}
      canChange={mayChange}
      onReschedule={(interview) => setOpen({ kind: 'reschedule', interview })}
      onCancel={(interview) => setOpen({ kind: 'cancel', interview })}
      onMarkHeld={(interview) => void markHeld(interview)}
    />
  );

  return (
    <section className="panel" aria-labelledby="interviews-title">
      <h2 className="panel-title" id="interviews-title">
        Interviews
      </h2>
      {mayChange ? (
        <div className="action-bar">
          <Button variant="primary" onClick={() => setOpen({ kind: 'schedule' })}>
            Schedule interview
          </Button>
          <Button onClick={() => setOpen({ kind: 'onsite' })}>Plan a one-day onsite</Button>
        </div>
      ) : null}
      <div aria-live="polite">{status ? <Alert tone={status.tone}>{status.text}</Alert> : null}</div>
      {readsAll && unplanned.length > 0 && interviews.some((i) => i.status !== 'cancelled') ? (
        <p className="small">
          <strong>Not covered by any interview yet:</strong> {unplanned.map((a) => a.name).join(', ')}.
        </p>
      ) : null}
      {interviews.length === 0 ? (
        <EmptyState title="No interviews yet" level={3}>
          <p>
            {mayChange
              ? 'Schedule a screen, or plan the one-day onsite: each interview gets its interviewers, the attributes it covers and calendar invites.'
              : 'Interviews for this application appear here once a recruiter schedules them.'}
          </p>
        </EmptyState>
      ) : (
        <ul className="interview-list">
          {groupByOnsite(interviews).map((group) =>
            group.onsiteId === null ? (
              <li key={group.interviews[0]!.id}>{card(group.interviews[0]!, 3)}</li>
            ) : (
              <li key={group.onsiteId} className="onsite-group">
                <h3>One-day onsite, {formatZonedDay(group.interviews[0]!.scheduledAt, timeZone)}</h3>
                {readsAll ? (
                  <p className="invite-links">
                    <a href={onsiteInviteUrl(group.onsiteId)} download={`onsite-${localDate(Date.parse(group.interviews[0]!.scheduledAt), timeZone)}.ics`}>
                      Candidate&rsquo;s invite for the whole day (.ics)
                    </a>
                  </p>
                ) : null}
                <ul className="onsite-slots">
                  {group.interviews.map((i) => (
                    <li key={i.id}>{card(i, 4)}</li>
                  ))}
                </ul>
              </li>
            ),
          )}
        </ul>
      )}

      {open?.kind === 'schedule' ? (
        <ScheduleInterviewDialog
          open
          {...context}
          onClose={() => setOpen(undefined)}
          onScheduled={(i) => done(`Scheduled: ${interviewKindLabel(i.kind)}, ${formatZonedSlot(i.scheduledAt, i.durationMinutes, timeZone)}. Send the invites below.`)}
        />
      ) : null}
      {open?.kind === 'onsite' ? (
        <OnsiteDialog
          open
          {...context}
          onClose={() => setOpen(undefined)}
          onScheduled={({ interviews: scheduled }) => done(`Scheduled the onsite: ${scheduled.length} interviews. Send the invites below.`)}
        />
      ) : null}
      {open?.kind === 'reschedule' ? (
        <RescheduleDialog
          interview={open.interview}
          timeZone={timeZone}
          onClose={() => setOpen(undefined)}
          reload={async (id) => {
            data.reload();
            return getInterview(id);
          }}
          onSaved={(i) => done(`Rescheduled: ${interviewKindLabel(i.kind)}, now ${formatZonedSlot(i.scheduledAt, i.durationMinutes, timeZone)}. Send the updated invites.`)}
        />
      ) : null}
      <ConfirmDialog
        open={open?.kind === 'cancel'}
        title={open?.kind === 'cancel' ? `Cancel the ${interviewKindLabel(open.interview.kind).toLowerCase()}?` : 'Cancel the interview?'}
        confirmLabel="Cancel interview"
        tone="danger"
        onCancel={() => setOpen(undefined)}
        onConfirm={async () => {
          if (open?.kind !== 'cancel') return;
          const i = open.interview;
          try {
            await cancelInterview(i.id, i.version);
          } catch (error) {
            if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
              // Someone else saved first: show what is there now; a second confirm cancels that version.
              data.reload();
              const latest = await getInterview(i.id);
              if (latest.status !== 'scheduled') {
                done(`Nothing to cancel: someone else already marked this interview ${latest.status}.`);
                return;
              }
              setOpen({ kind: 'cancel', interview: latest });
              throw new Error(
                `Someone changed this interview since you opened the page, so it was not cancelled. It is now ${formatZonedSlot(latest.scheduledAt, latest.durationMinutes, timeZone)} with ${latest.interviewers.map((p) => p.name).join(', ')}. Cancel it anyway?`,
              );
            }
            throw new Error(errorMessage(error));
          }
          done(`Cancelled: ${interviewKindLabel(i.kind)}, ${formatZonedSlot(i.scheduledAt, i.durationMinutes, timeZone)}. Send the updated invites so calendars drop it.`);
        }}
      >
        {open?.kind === 'cancel' ? (
          <p>
            {formatZonedSlot(open.interview.scheduledAt, open.interview.durationMinutes, timeZone)} with {open.interview.interviewers.map((p) => p.name).join(', ')}. The
            interview stays on the timeline as cancelled; its invites become cancellations.
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
