import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client.js';
import { getApplication, patchApplication, recordEvent } from '../../api/pipeline.js';
import type { EventBody, LossReason, Role } from '../../api/pipeline.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { describeFirstContact } from '../../../domain/pipeline/clock-text.js';
import { stageName } from '../../lib/pipeline-labels.js';
import { LOSS_REASON_LABELS, OUTCOME_LABELS } from '../../lib/record-labels.js';
import { ClocksPanel } from './ClocksPanel.js';
import { CloseReopenActions } from './CloseReopenActions.js';
import { EvaluationAndOfferLinks } from './EvaluationAndOfferLinks.js';
import { InterviewsPanel } from './InterviewsPanel.js';
import { NextStepPanel } from './NextStepPanel.js';
import { RecordEventForm } from './RecordEventForm.js';
import { RiskPanel } from './RiskPanel.js';
import { SignalMenu } from './SignalMenu.js';
import { TimelinePanel } from './TimelinePanel.js';
import './pipeline.css';

interface ApplicationPanelProps {
  applicationId: string;
  role: Role | undefined;
  canWrite: boolean;
  onChanged: () => void;
}

/** "Lost (Took another offer)": how a closed application ended, in plain words. */
function closedAs(d: { status: string; lossReason: string | null }): string {
  const outcome = OUTCOME_LABELS[d.status as keyof typeof OUTCOME_LABELS] ?? d.status;
  const reason = d.lossReason ? LOSS_REASON_LABELS[d.lossReason as LossReason] : undefined;
  return reason ? `${outcome} (${reason})` : outcome;
}

/** One application: where it stands, the quick actions, its risk, clocks and timeline. */
export function ApplicationPanel({ applicationId, role, canWrite, onChanged }: ApplicationPanelProps) {
  const detail = useResource((signal) => getApplication(applicationId, signal), [applicationId]);
  const [status, setStatus] = useState<{ tone: 'success' | 'error' | 'info'; text: string }>();
  const [busy, setBusy] = useState(false);
  const d = detail.state.data;

  const record = async (body: EventBody, done: string) => {
    setBusy(true);
    setStatus(undefined);
    try {
      await recordEvent(applicationId, body);
      setStatus({ tone: 'success', text: done });
      detail.reload();
      onChanged();
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const patch = async (body: { stage?: string; status?: 'lost' | 'withdrawn' | 'hired'; lossReason?: LossReason }, done: string) => {
    if (!d) return;
    setBusy(true);
    setStatus(undefined);
    try {
      await patchApplication(applicationId, d.version, body);
      setStatus({ tone: 'success', text: done });
      detail.reload();
      onChanged();
    } catch (error) {
      if (isApiError(error) && error.code === 'PRECONDITION_FAILED') {
        setStatus({ tone: 'info', text: 'Someone else changed this application, so your change was not saved. It has been reloaded; check it and try again.' });
        detail.reload();
      } else setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  if (detail.state.status === 'error' && !d) return <Alert title="This application could not be loaded">{detail.state.error}</Alert>;
  if (!d) return <p className="muted">Loading the application…</p>;
  const name = (stage: string) => stageName(role, stage);
  const stages = role?.processPlan.stages ?? [];
  const stageIndex = stages.findIndex((s) => s.id === d.stage);
  const next = stageIndex >= 0 ? stages[stageIndex + 1] : undefined;

  return (
    <>
      <NextStepPanel applicationId={applicationId} refreshKey={`${d.version}:${d.events.length}`} />
      <section className="panel" aria-labelledby="app-title">
        <h2 className="panel-title" id="app-title">
          {d.roleTitle}: {d.status === 'active' ? name(d.stage) : closedAs(d)}
        </h2>
        <p className="small muted" data-testid="first-contact-days">
          {describeFirstContact(d, { business: d.clocks.find((c) => c.id === 'cycle.total')?.basis === 'business' })}.
        </p>
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        {canWrite && d.status === 'active' ? (
          <div className="action-bar">
            <SignalMenu disabled={busy} onPick={(signal, label) => void record({ type: 'signal.observed', data: { signal } }, `Logged: ${label}.`)} />
            {next ? (
              <Button disabled={busy} onClick={() => void patch({ stage: next.id }, `Moved to ${next.name}.`)}>
                Move to {next.name}
              </Button>
            ) : null}
            <Button disabled={busy} onClick={() => void record({ type: 'team.replied', data: {} }, 'Recorded: the team replied.')}>
              We replied
            </Button>
          </div>
        ) : null}
        {canWrite ? (
          <div className="action-bar">
            <CloseReopenActions detail={d} stages={stages} onDone={(text, tone = 'success') => { setStatus({ tone, text }); detail.reload(); onChanged(); }} />
          </div>
        ) : null}
        {canWrite ? <RecordEventForm busy={busy} detail={d} stages={stages} onRecord={record} onPatch={patch} /> : null}
        <EvaluationAndOfferLinks applicationId={applicationId} />
      </section>

      <InterviewsPanel applicationId={applicationId} role={role} stage={d.stage} active={d.status === 'active'} onChanged={detail.reload} />
      <RiskPanel risk={d.risk} />
      <ClocksPanel clocks={d.clocks} />
      <TimelinePanel events={d.events} stageName={name} />
    </>
  );
}
