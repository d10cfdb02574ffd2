import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/client.js';
import {
  LOSS_REASONS,
  getApplication,
  getCandidate,
  listApplications,
  listCandidates,
  listRoles,
  mergeCandidate,
  newIdempotencyKey,
  patchApplication,
  recordEvent,
} from '../../api/pipeline.js';
import type { Application, ApplicationDetail, Candidate, Clock, EventBody, LoggedSignal, LossReason, Role } from '../../api/pipeline.js';
import { can } from '../../api/types.js';
import type { ListOf } from '../../api/types.js';
import { api } from '../../api/client.js';
import type { Offer } from '../offers/api.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { Money } from '../../components/Money.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { SelectField, TextField } from '../../components/Field.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import {
  CLOCK_LABELS,
  CLOCK_STATE_LABELS,
  LOGGED_SIGNAL_MENU,
  RISK_LABELS,
  SIGNAL_LABELS,
  SOURCE_LABELS,
  clockStateTone,
  describeEvent,
  formatDuration,
  riskTone,
} from './labels.js';
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
              <CandidateFacts candidate={candidate} seesPay={can(user.role, 'compensation.read')} />
              {can(user.role, 'candidates.write') ? <MergePanel candidate={candidate} /> : null}
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}

/** Merges this record into another one for the same person: applications and history move, nothing is lost. */
function MergePanel({ candidate }: { candidate: Candidate }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState(candidate.email);
  const [found, setFound] = useState<Candidate[]>();
  const [target, setTarget] = useState<Candidate>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const { items } = await listCandidates({ q: query.trim(), limit: 20 });
      setFound(items.filter((c) => c.id !== candidate.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const merge = async () => {
    if (!target) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await mergeCandidate(candidate.id, target.id);
      setOpen(false);
      navigate(`/candidates/${encodeURIComponent(result.candidate.id)}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="merge-title">
      <h2 className="panel-title" id="merge-title">
        Duplicate?
      </h2>
      <p className="small muted">If this person is already in Closer under another record, merge this one into it. Applications and their history move over.</p>
      <Button onClick={() => setOpen(true)}>Merge into another record…</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Merge ${candidate.name} into…`}>
        <form onSubmit={(e) => void search(e)} className="stack">
          <TextField label="Find the other record" name="mergeQuery" value={query} onChange={setQuery} hint="Name, e-mail or employer" />
          <Button type="submit">Search</Button>
        </form>
        {error ? <Alert>{error}</Alert> : null}
        {found && found.length === 0 ? <p className="muted">No other record matches.</p> : null}
        {found && found.length > 0 ? (
          <ul className="duplicate-list">
            {found.map((c) => (
              <li key={c.id}>
                <span>
                  <strong>{c.name}</strong> · {c.email}
                </span>
                <Button variant={target?.id === c.id ? 'primary' : 'secondary'} onClick={() => setTarget(c)} aria-pressed={target?.id === c.id}>
                  {target?.id === c.id ? 'Chosen' : 'Choose'}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        {target ? (
          <div className="dialog-actions">
            <Button variant="danger" busy={busy} busyLabel="Merging…" onClick={() => void merge()}>
              Merge {candidate.name} into {target.name}
            </Button>
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}

function stageName(role: Role | undefined, stage: string): string {
  return role?.processPlan.stages.find((s) => s.id === stage)?.name ?? stage;
}

function CandidateFacts({ candidate, seesPay }: { candidate: Candidate; seesPay: boolean }) {
  const pay = seesPay ? candidate.currentCompensation : undefined;
  return (
    <section className="panel" aria-labelledby="facts-title">
      <h2 className="panel-title" id="facts-title">
        Details
      </h2>
      <dl className="candidate-facts">
        <dt>E-mail</dt>
        <dd>
          <a href={`mailto:${candidate.email}`}>{candidate.email}</a>
        </dd>
        <dt>Current employer</dt>
        <dd>{candidate.pedigreeHidden ? <span className="muted">Hidden (blind review)</span> : (candidate.currentEmployer ?? '—')}</dd>
        <dt>Source</dt>
        <dd>{SOURCE_LABELS[candidate.source] ?? candidate.source}</dd>
        <dt>Looking</dt>
        <dd>{candidate.passive ? 'Passive' : 'Active'}</dd>
        <dt>Production ML</dt>
        <dd>{candidate.productionMlYears === null ? '—' : `${candidate.productionMlYears} years`}</dd>
        <dt>Specializations</dt>
        <dd>{candidate.specializations.length > 0 ? candidate.specializations.join(', ') : '—'}</dd>
        {pay ? (
          <>
            <dt>Current pay</dt>
            <dd>
              <Money amount={pay.base} currency={pay.currency} /> base
              {pay.bonus ? (
                <>
                  {' '}
                  + <Money amount={pay.bonus} currency={pay.currency} /> bonus
                </>
              ) : null}
              {pay.equityAnnual ? (
                <>
                  {' '}
                  + <Money amount={pay.equityAnnual} currency={pay.currency} /> equity/yr
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>Added</dt>
        <dd>
          <RelativeTime at={candidate.createdAt} />
        </dd>
      </dl>
    </section>
  );
}

interface ApplicationPanelProps {
  applicationId: string;
  role: Role | undefined;
  canWrite: boolean;
  onChanged: () => void;
}

/** Where this application's scorecards and offers live: the decision view and each offer's page. */
function EvaluationAndOfferLinks({ applicationId }: { applicationId: string }) {
  const user = useCurrentUser();
  const mayReadOffers = can(user.role, 'offers.read');
  const offers = useResource(
    (signal) => (mayReadOffers ? api.get<ListOf<Offer>>('/offers', { query: { applicationId }, signal }) : Promise.resolve({ items: [] as Offer[] })),
    [applicationId, mayReadOffers],
  );
  return (
    <nav aria-label="Scorecards and offers" className="action-bar">
      <Link to={`/applications/${encodeURIComponent(applicationId)}/decision`} className="button button-ghost">
        Scorecards and decision
      </Link>
      {(offers.state.data?.items ?? []).map((offer) => (
        <Link key={offer.id} to={`/offers/${encodeURIComponent(offer.id)}`} className="button button-ghost">
          Offer v{offer.currentVersion}: {offer.status.replace('-', ' ')}
        </Link>
      ))}
    </nav>
  );
}

function ApplicationPanel({ applicationId, role, canWrite, onChanged }: ApplicationPanelProps) {
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
      <section className="panel" aria-labelledby="app-title">
        <h2 className="panel-title" id="app-title">
          {d.roleTitle}: {d.status === 'active' ? name(d.stage) : d.status}
        </h2>
        <p className="small muted">
          {d.daysSinceFirstContact === null
            ? 'No first contact recorded yet: the 10-day clock has not started.'
            : `Day ${Math.floor(d.daysSinceFirstContact)} of ${d.targetDays} since first contact${d.overTarget ? ' (over target)' : ''}.`}
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
        {canWrite ? <RecordEventForm busy={busy} detail={d} stages={stages} onRecord={record} onPatch={patch} /> : null}
        <EvaluationAndOfferLinks applicationId={applicationId} />
      </section>

      <section className="panel" aria-labelledby="risk-title">
        <h2 className="panel-title" id="risk-title">
          Flight risk{' '}
          <Badge tone={riskTone(d.risk.level)}>
            {RISK_LABELS[d.risk.level]} · {Math.round(d.risk.score * 100)}/100
          </Badge>
        </h2>
        {d.risk.signals.length === 0 ? (
          <p className="muted">No warning signs. Log one after a call when you hear it: it takes two clicks.</p>
        ) : (
          <>
            <table className="data-table">
              <caption className="visually-hidden">Signals and their contribution to the risk score</caption>
              <thead>
                <tr>
                  <th scope="col">Signal</th>
                  <th scope="col" className="num">
                    Weight
                  </th>
                  <th scope="col" className="num">
                    Decay
                  </th>
                  <th scope="col" className="num">
                    Adds
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.risk.signals.map((s, i) => (
                  <tr key={`${s.type}-${i}`}>
                    <td>
                      {SIGNAL_LABELS[s.type] ?? s.type}
                      <span className="small muted">
                        {' '}
                        · {s.source}
                        {s.observedAt ? (
                          <>
                            {' '}
                            <RelativeTime at={s.observedAt} />
                          </>
                        ) : null}
                        {s.deadline ? ` · deadline ${s.deadline}` : ''}
                      </span>
                    </td>
                    <td className="num">{s.weight.toFixed(2)}</td>
                    <td className="num">×{s.decay.toFixed(2)}</td>
                    <td className="num">{Math.round(s.contribution * 100)} pts</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="small muted">
              Score = 1 − ∏(1 − weight × decay); a logged signal halves every 7 days. Levels: medium from {Math.round(d.risk.levels.medium * 100)}, high
              from {Math.round(d.risk.levels.high * 100)}, critical from {Math.round(d.risk.levels.critical * 100)}.
            </p>
          </>
        )}
        {d.risk.actions.length > 0 ? (
          <>
            <h3 className="small">Recommended, most urgent first</h3>
            <ol>
              {d.risk.actions.map((a) => (
                <li key={a.id}>{a.text}</li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="clocks-title">
        <h2 className="panel-title" id="clocks-title">
          Clocks
        </h2>
        {d.clocks.length === 0 ? (
          <p className="muted">No clock has started. Record the first contact to start the 10-day clock.</p>
        ) : (
          <ul className="clock-list">
            {d.clocks.map((clock, i) => (
              <ClockRow key={`${clock.id}-${i}`} clock={clock} />
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="timeline-title">
        <h2 className="panel-title" id="timeline-title">
          Timeline <span className="muted small">({d.events.length} events, newest first)</span>
        </h2>
        {d.events.length === 0 ? (
          <p className="muted">Nothing recorded yet.</p>
        ) : (
          <ol className="timeline" reversed>
            {[...d.events].reverse().map((e) => (
              <li key={e.id} className={e.type === 'signal.observed' ? 'timeline-signal' : undefined}>
                <span>{describeEvent(e, name)}</span>{' '}
                <span className="small muted">
                  <RelativeTime at={e.occurredAt} />
                </span>
                {typeof e.data.note === 'string' && e.data.note ? <p className="small muted">{e.data.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function ClockRow({ clock }: { clock: Clock }) {
  const fill = Math.min(1, clock.elapsedHours / Math.max(1, clock.criticalHours));
  return (
    <li>
      <div className="clock-row">
        <span>
          <strong>{CLOCK_LABELS[clock.id] ?? clock.id}</strong>{' '}
          <Badge tone={clockStateTone(clock.state)}>
            {CLOCK_STATE_LABELS[clock.state]}
            {clock.state === 'stopped' && clock.endedLate ? ' (late)' : ''}
          </Badge>
        </span>
        <span className="small num">
          {formatDuration(clock.elapsedHours)} of {formatDuration(clock.targetHours)}
          {clock.basis === 'business' ? ' (business)' : ''}
        </span>
      </div>
      <div
        className={`clock-meter clock-meter-${clock.state}`}
        role="img"
        aria-label={`${Math.round(fill * 100)}% of the critical time (${formatDuration(clock.criticalHours)})`}
      >
        <span style={{ width: `${Math.round(fill * 100)}%` }} />
      </div>
      <p className="small muted">
        Started <RelativeTime at={clock.startedAt} />
        {clock.stoppedAt ? (
          <>
            , stopped <RelativeTime at={clock.stoppedAt} />
          </>
        ) : null}
        {clock.action ? ` · ${clock.action}` : ''}
      </p>
    </li>
  );
}

/** "Log a signal": one click opens the short menu, the second records the chosen signal. */
function SignalMenu({ onPick, disabled }: { onPick: (signal: LoggedSignal, label: string) => void; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const onDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(event.currentTarget.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('button')?.focus();
    }
  };

  return (
    <div className="menu" ref={root}>
      <Button variant="primary" aria-haspopup="menu" aria-expanded={open} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        Log a signal
      </Button>
      {open ? (
        <ul className="menu-list" role="menu" aria-label="Signals" onKeyDown={onKeyDown}>
          {LOGGED_SIGNAL_MENU.map((item, i) => (
            <li key={item.signal} role="none">
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => {
                  setOpen(false);
                  onPick(item.signal, item.label);
                }}
              >
                {item.label}
                <span className="menu-item-hint">{item.hint}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const RECORDABLE = [
  { value: 'note', label: 'Note' },
  { value: 'outreach.sent', label: 'Outreach sent' },
  { value: 'candidate.replied', label: 'Candidate replied' },
  { value: 'interview.completed', label: 'Interview done' },
  { value: 'stage', label: 'Stage change' },
  { value: 'close', label: 'Close the application' },
] as const;
type Recordable = (typeof RECORDABLE)[number]['value'];

/** Other events: a note, a contact, a reply, an interview done, a stage change or closing, optionally back-dated. */
function RecordEventForm({
  busy,
  detail,
  stages,
  onRecord,
  onPatch,
}: {
  busy: boolean;
  detail: ApplicationDetail;
  stages: Role['processPlan']['stages'];
  onRecord: (body: EventBody, done: string) => Promise<void>;
  onPatch: (body: { stage?: string; status?: 'lost' | 'withdrawn' | 'hired'; lossReason?: LossReason }, done: string) => Promise<void>;
}) {
  const user = useCurrentUser();
  const [kind, setKind] = useState<Recordable>('note');
  const [text, setText] = useState('');
  const [when, setWhen] = useState('');
  const [final, setFinal] = useState(false);
  const [asks, setAsks] = useState(true);
  const [stage, setStage] = useState(detail.stage);
  const [closeAs, setCloseAs] = useState<'lost' | 'withdrawn' | 'hired'>('lost');
  const [reason, setReason] = useState<LossReason>('accepted-other-offer');
  const [error, setError] = useState<string>();

  const occurredAt = (): string | undefined | null => {
    if (!when) return undefined;
    const at = new Date(`${when}:00Z`);
    if (Number.isNaN(at.getTime())) return null;
    return at.toISOString();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const at = occurredAt();
    if (at === null) return setError('Enter a date and time, or leave it empty for now.');
    const stamp = at ? { occurredAt: at } : {};
    if (kind === 'stage') {
      if (stage === detail.stage && detail.status === 'active') return setError('Choose another stage.');
      return onPatch({ stage }, `Moved to ${stages.find((s) => s.id === stage)?.name ?? stage}.`);
    }
    if (kind === 'close') return onPatch(closeAs === 'hired' ? { status: 'hired' } : { status: closeAs, lossReason: reason }, `Closed as ${closeAs}.`);
    if (kind === 'note') {
      if (!text.trim()) return setError('Write the note first.');
      await onRecord({ type: 'note', ...stamp, data: { text: text.trim() } }, 'Note added.');
      setText('');
      return;
    }
    if (kind === 'outreach.sent') return onRecord({ type: 'outreach.sent', ...stamp, data: { channel: 'email' } }, 'Recorded: outreach sent.');
    if (kind === 'candidate.replied') {
      const latencyHours = Math.max(0, (Date.now() - Date.parse(detail.lastEventAt ?? detail.createdAt)) / 3_600_000);
      return onRecord(
        { type: 'candidate.replied', ...stamp, data: { latencyHours: Math.round(latencyHours * 10) / 10, length: text.trim().length, asksQuestion: asks } },
        'Recorded: the candidate replied.',
      );
    }
    return onRecord(
      { type: 'interview.completed', ...stamp, data: { interviewId: newIdempotencyKey(), final, interviewerIds: [user.id] } },
      final ? 'Recorded: final interview done.' : 'Recorded: interview done.',
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Record an event" className="stack">
      <div className="form-grid">
        <SelectField label="Record" name="eventType" value={kind} onChange={(v) => setKind(v as Recordable)} options={RECORDABLE.map((r) => ({ value: r.value, label: r.label }))} />
        {kind !== 'stage' && kind !== 'close' ? (
          <TextField label="When" name="occurredAt" type="datetime-local" value={when} onChange={setWhen} hint="UTC; leave empty for now. Never in the future." optional />
        ) : null}
        {kind === 'note' || kind === 'candidate.replied' ? (
          <TextField label={kind === 'note' ? 'Note' : 'Their reply (for its length)'} name="text" value={text} onChange={setText} optional={kind !== 'note'} />
        ) : null}
        {kind === 'candidate.replied' ? (
          <label className="checkbox-field">
            <input type="checkbox" checked={asks} onChange={(e) => setAsks(e.target.checked)} /> They asked a question (starts the reply clock)
          </label>
        ) : null}
        {kind === 'interview.completed' ? (
          <label className="checkbox-field">
            <input type="checkbox" checked={final} onChange={(e) => setFinal(e.target.checked)} /> It was the final interview
          </label>
        ) : null}
        {kind === 'stage' ? (
          <SelectField label="New stage" name="stage" value={stage} onChange={setStage} options={stages.map((s) => ({ value: s.id, label: s.name }))} />
        ) : null}
        {kind === 'close' ? (
          <>
            <SelectField
              label="Outcome"
              name="status"
              value={closeAs}
              onChange={(v) => setCloseAs(v as typeof closeAs)}
              options={[
                { value: 'lost', label: 'Lost' },
                { value: 'withdrawn', label: 'Withdrawn' },
                { value: 'hired', label: 'Hired' },
              ]}
            />
            {closeAs !== 'hired' ? (
              <SelectField
                label="Reason"
                name="lossReason"
                value={reason}
                onChange={(v) => setReason(v as LossReason)}
                options={LOSS_REASONS.map((r) => ({ value: r, label: r.replaceAll('-', ' ') }))}
              />
            ) : null}
          </>
        ) : null}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel="Saving…">
          Record
        </Button>
      </div>
    </form>
  );
}
