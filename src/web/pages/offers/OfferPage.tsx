import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { SeverityBadge } from '../../components/SeverityBadge.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Money } from '../../components/Money.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { listVestingPresets } from '../../../domain/compensation/vesting.js';
import { assumptionLabel, assumptionValue } from '../../lib/assumption-labels.js';
import { formatCount, formatMoney } from '../../lib/format-money.js';
import { sourceWords } from '../../lib/words.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { decideOffer, getOffer, getOfferVersion, getRoleBand, moveOffer, summaryUrl } from './api.js';
import type { OfferDetail, OfferVersion, RoleBand } from './api.js';
import { CheckedBandNote } from './CheckedBandNote.js';
import { OfferTermsDialog } from './OfferTermsDialog.js';
import { formatPercent, formatProbability } from '../../lib/format-number.js';
import { APPROVAL_STATUS_LABELS, OFFER_STATUS_LABELS, describeBand, formatWaiting, hoursBetween, offerButtons, offerStatusTone } from './offer-format.js';
import type { OfferButton } from './offer-format.js';
import { OwnershipChart } from './OwnershipChart.js';
import './offers.css';

interface ApprovalClock {
  id: string;
  state: 'ok' | 'warning' | 'critical' | 'stopped';
  elapsedHours: number;
  targetHours: number;
  criticalHours: number;
  startedAt: string;
  stoppedAt?: string;
  subject?: { offerId?: string };
}

/** The approval.pending clock of this offer from its application (running or last stopped). */
async function approvalClock(applicationId: string, offerId: string, signal: AbortSignal): Promise<ApprovalClock | undefined> {
  try {
    const application = await api.get<{ clocks: ApprovalClock[] }>(`/applications/${encodeURIComponent(applicationId)}`, { signal });
    const mine = application.clocks.filter((c) => c.id === 'approval.pending' && (!c.subject?.offerId || c.subject.offerId === offerId));
    return mine.find((c) => c.state !== 'stopped') ?? mine[mine.length - 1];
  } catch {
    return undefined;
  }
}

const BUTTON_LABELS: Record<OfferButton, string> = {
  submit: 'Submit for approval',
  approve: 'Approve',
  reject: 'Reject',
  extend: 'Mark extended to candidate',
  accept: 'Mark accepted',
  decline: 'Mark declined',
  withdraw: 'Withdraw offer',
  revise: 'New version',
};

/** One offer: its current version's terms and evaluation, the approval trail, the version history, and the next moves. */
export function OfferPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const may = (action: Parameters<typeof can>[1]) => can(user.role, action);
  const offer = useResource((signal) => getOffer(id, signal), [id]);
  const data = offer.state.data;
  const band = useResource<RoleBand | null>((signal) => (data?.roleId ? getRoleBand(data.roleId, signal).catch(() => null) : Promise.resolve(null)), [data?.roleId]);
  const clock = useResource((signal) => (data ? approvalClock(data.applicationId, data.id, signal) : Promise.resolve(undefined)), [data?.id, data?.version]);
  const [viewVersion, setViewVersion] = useState<number>();
  const older = useResource<OfferVersion | undefined>(
    (signal) => (viewVersion !== undefined && data && viewVersion !== data.currentVersion ? getOfferVersion(data.id, viewVersion, signal) : Promise.resolve(undefined)),
    [viewVersion, data?.id],
  );
  const [pending, setPending] = useState<OfferButton>();
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<string>();

  if (!data) {
    return (
      <>
        <PageHeader title="Offer" />
        {offer.state.status === 'error' ? (
          <>
            <Alert title="This offer cannot be opened">{offer.state.error}</Alert>
            <p>
              <Link to="/offers">Back to offers</Link>
            </p>
          </>
        ) : (
          <p className="muted" role="status">
            Loading the offer…
          </p>
        )}
      </>
    );
  }

  const shown = older.state.data ?? data.current;
  const viewingOld = shown.version !== data.currentVersion;
  const buttons = offerButtons(data, user.id, may);
  // The one move that advances the offer now (submit, approve, extend, record "accepted"); revising or withdrawing never is.
  const primary = buttons.find((b) => b === 'submit' || b === 'approve' || b === 'extend' || b === 'accept');

  const run = async (button: OfferButton) => {
    let next: OfferDetail;
    const reason = comment.trim() || undefined;
    if (button === 'approve' || button === 'reject') next = await decideOffer(data.id, button, reason);
    else if (button === 'revise') return;
    else next = await moveOffer(data.id, button, button === 'submit' || button === 'extend' ? {} : reason ? { reason } : {});
    offer.setData(() => next);
    setPending(undefined);
    setComment('');
    setViewVersion(undefined);
    setNotice(`${OFFER_STATUS_LABELS[next.status]}: ${noticeFor(button, next)}`);
  };

  return (
    <>
      <PageHeader
        title={`Offer to ${data.candidateName}`}
        description={
          <>
            {data.roleTitle} · version {data.currentVersion} · <Badge tone={offerStatusTone(data.status)}>{OFFER_STATUS_LABELS[data.status]}</Badge>
            {data.expiresAt && data.status === 'extended' ? (
              <>
                {' '}
                · expires <RelativeTime at={data.expiresAt} />
              </>
            ) : null}
          </>
        }
        actions={
          <>
            {data.candidateId ? (
              <Link className="button button-ghost" to={`/candidates/${encodeURIComponent(data.candidateId)}?application=${encodeURIComponent(data.applicationId)}`}>
                {data.candidateName}&rsquo;s page
              </Link>
            ) : null}
            <a className="button button-secondary" href={summaryUrl(data.id, 'pdf', viewingOld ? shown.version : undefined)} download>
              Export PDF
            </a>
            <a className="button button-secondary" href={summaryUrl(data.id, 'html', viewingOld ? shown.version : undefined)} target="_blank" rel="noopener">
              Print summary
            </a>
          </>
        }
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {offer.state.status === 'error' ? <Alert>{offer.state.error}</Alert> : null}

      {buttons.length > 0 ? (
        <section aria-label="Actions" className="offer-actions">
          {buttons.map((b) => (
            <Button key={b} variant={b === primary ? 'primary' : b === 'withdraw' || b === 'reject' ? 'danger' : 'secondary'} onClick={() => setPending(b)}>
              {BUTTON_LABELS[b]}
            </Button>
          ))}
        </section>
      ) : null}

      {viewingOld ? (
        <Alert tone="info" title={`You are looking at version ${shown.version}`}>
          Its terms are kept as they were.{' '}
          <button type="button" className="link-button" onClick={() => setViewVersion(undefined)}>
            Back to the current version ({data.currentVersion})
          </button>
        </Alert>
      ) : null}

      <div className="offer-grid">
        <TermsSection version={shown} />
        <ApprovalTrail version={shown} offer={data} clock={viewingOld ? undefined : clock.state.data} />
      </div>
      <EvaluationSection version={shown} band={band.state.data ?? null} />
      <CheckedBandNote offerId={data.id} version={shown.version} />
      <VersionHistory offer={data} shown={shown.version} onShow={(v) => setViewVersion(v === data.currentVersion ? undefined : v)} />

      {pending && pending !== 'revise' ? (
        <ConfirmDialog
          open
          title={confirmTitle(pending, data)}
          confirmLabel={BUTTON_LABELS[pending]}
          tone={pending === 'reject' || pending === 'withdraw' ? 'danger' : 'primary'}
          onConfirm={() => run(pending)}
          onCancel={() => {
            setPending(undefined);
            setComment('');
          }}
        >
          <p>{confirmText(pending, data)}</p>
          {pending === 'approve' || pending === 'reject' || pending === 'withdraw' || pending === 'decline' || pending === 'accept' ? (
            <CommentField label={pending === 'approve' || pending === 'reject' ? 'Comment' : 'Reason'} value={comment} onChange={setComment} />
          ) : null}
        </ConfirmDialog>
      ) : null}
      {may('offers.write') ? (
        <OfferTermsDialog
          open={pending === 'revise'}
          onClose={() => setPending(undefined)}
          mode={{ kind: 'revise', offer: data }}
          onSaved={(next) => {
            offer.setData(() => next);
            setViewVersion(undefined);
            setNotice(`Version ${next.currentVersion} saved as a draft. Submit it for approval when ready.`);
          }}
        />
      ) : null}
    </>
  );
}

function CommentField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
        <span className="field-optional"> (optional)</span>
      </label>
      <textarea id={id} className="input" rows={2} maxLength={2000} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function confirmTitle(button: OfferButton, offer: OfferDetail): string {
  const who = offer.candidateName;
  switch (button) {
    case 'submit':
      return `Submit the offer to ${who} for approval?`;
    case 'approve':
      return `Approve the offer to ${who}?`;
    case 'reject':
      return `Reject the offer to ${who}?`;
    case 'extend':
      return `Mark the offer to ${who} as extended?`;
    case 'accept':
      return `Mark the offer to ${who} as accepted?`;
    case 'decline':
      return `Mark the offer to ${who} as declined?`;
    case 'withdraw':
      return `Withdraw the offer to ${who}?`;
    default:
      return 'Continue?';
  }
}

function confirmText(button: OfferButton, offer: OfferDetail): string {
  switch (button) {
    case 'submit':
      return offer.insideBand
        ? "The offer is inside the role's board-approved band, so it is approved at once."
        : 'The offer is outside the band: the configured approvers decide, and the approval clock starts now (warning at 24 hours, critical at 48).';
    case 'approve':
      return `Version ${offer.currentVersion}: base ${formatMoney(offer.base, offer.currency)}, ${formatCount(offer.equity.shares)} shares (${formatPercent(offer.equity.fullyDilutedPct)} of fully diluted).`;
    case 'reject':
      return 'The offer goes back to draft; it must be revised before it is sent again.';
    case 'extend':
      return 'Record that the candidate has the offer in hand. It expires after the default window unless answered.';
    case 'accept':
      return 'Record that the candidate accepted.';
    case 'decline':
      return 'Record that the candidate declined.';
    case 'withdraw':
      return 'The offer is closed for good. A pending approval stops.';
    default:
      return '';
  }
}

function noticeFor(button: OfferButton, offer: OfferDetail): string {
  if (button === 'submit') return offer.status === 'approved' ? 'inside the band, approved at once.' : `waiting for ${offer.awaiting.map((p) => p.name).join(', ') || 'the approvers'}.`;
  if (button === 'approve') return offer.status === 'approved' ? 'every approver has approved.' : 'your approval is recorded.';
  if (button === 'reject') return 'your rejection is recorded; the offer is back in draft.';
  if (button === 'extend') return `it is with ${offer.candidateName}; record the answer here when it comes.`;
  if (button === 'accept') return `${offer.candidateName} is hired: the application is closed as hired and its clocks have stopped.`;
  if (button === 'decline') return 'the application stays open: draft a new offer or close it.';
  return 'done.';
}

const VESTING_LABELS = new Map<string, string>(listVestingPresets().map((p) => [p.id, p.label]));

function vestingText(version: OfferVersion): string {
  const v = version.terms.equity.vesting;
  if ('preset' in v) return VESTING_LABELS.get(v.preset) ?? v.preset.replace(/-/g, ' ');
  return `${v.totalYears} years, ${v.cliffYears}-year cliff, every ${Math.round(v.periodYears * 12)} months`;
}

function TermsSection({ version }: { version: OfferVersion }) {
  const t = version.terms;
  return (
    <section aria-labelledby="terms-heading" className="card">
      <h2 id="terms-heading">Terms (version {version.version})</h2>
      <dl className="facts facts-compact">
        <div>
          <dt>Base salary</dt>
          <dd className="num">
            <Money amount={t.base} currency={t.currency} />
          </dd>
        </div>
        <div>
          <dt>Bonus target</dt>
          <dd className="num">{t.bonusTarget ? <Money amount={t.bonusTarget} currency={t.currency} /> : '—'}</dd>
        </div>
        <div>
          <dt>Sign-on</dt>
          <dd className="num">{t.signOn ? <Money amount={t.signOn} currency={t.currency} /> : '—'}</dd>
        </div>
        <div>
          <dt>Equity</dt>
          <dd>
            {formatCount(t.equity.shares)} {t.equity.kind} of {formatCount(t.equity.fullyDilutedShares)} fully diluted ={' '}
            <strong>{formatPercent(version.fullyDilutedPct)}</strong>
          </dd>
        </div>
        {t.equity.strike !== undefined ? (
          <div>
            <dt>Strike</dt>
            <dd className="num">
              {new Intl.NumberFormat('en-US', { style: 'currency', currency: t.currency, maximumFractionDigits: 4 }).format(t.equity.strike)} per share
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Vesting</dt>
          <dd>{vestingText(version)}</dd>
        </div>
        <div>
          <dt>Last post-money</dt>
          <dd className="num">
            <Money amount={t.lastPostMoney} currency={t.currency} compact />
          </dd>
        </div>
        {t.startDate ? (
          <div>
            <dt>Start date</dt>
            <dd>{t.startDate}</dd>
          </div>
        ) : null}
      </dl>
      {t.note ? <p className="muted">Note: {t.note}</p> : null}
      <p className="small muted">
        Drafted <RelativeTime at={version.createdAt} />
        {version.createdBy ? ` by ${version.createdBy.name}` : ''}.
      </p>
    </section>
  );
}

function ApprovalTrail({ version, offer, clock }: { version: OfferVersion; offer: OfferDetail; clock: ApprovalClock | undefined }) {
  const now = Date.now();
  const running = version.approvalStatus === 'pending';
  return (
    <section aria-labelledby="trail-heading" className="card">
      <h2 id="trail-heading">Approval</h2>
      <p>
        <Badge tone={version.approvalStatus === 'approved' ? 'success' : version.approvalStatus === 'pending' ? 'accent' : version.approvalStatus === 'rejected' ? 'warning' : 'neutral'}>
          {APPROVAL_STATUS_LABELS[version.approvalStatus]}
        </Badge>{' '}
        {version.insideBand ? 'Inside the board-approved band.' : 'Outside the board-approved band: approvers decide.'}
      </p>
      {version.submittedAt ? (
        <p className="small">
          Submitted <RelativeTime at={version.submittedAt} />
          {version.approvalMode ? ` · approvers decide ${version.approvalMode === 'sequential' ? 'one after another' : 'in parallel'}` : ''}
          {version.decidedAt ? (
            <>
              {' '}
              · decided <RelativeTime at={version.decidedAt} />
            </>
          ) : null}
        </p>
      ) : (
        <p className="small muted">Not submitted for approval yet.</p>
      )}
      {running ? <PendingClock clock={clock} submittedAt={version.submittedAt} now={now} /> : null}
      {version.approvers.length > 0 ? (
        <ol className="trail">
          {version.approvers.map((a) => {
            const awaited = offer.awaiting.some((p) => p.id === a.id) && running;
            return (
              <li key={a.id} className="trail-item">
                <span className="trail-who">{a.name}</span>{' '}
                {a.decision ? (
                  <>
                    <Badge tone={a.decision === 'approved' ? 'success' : 'critical'}>{a.decision === 'approved' ? 'Approved' : 'Rejected'}</Badge>{' '}
                    {a.decidedAt ? <RelativeTime at={a.decidedAt} /> : null}
                    {a.comment ? <q className="trail-comment">{a.comment}</q> : null}
                  </>
                ) : awaited ? (
                  <Badge tone="accent">{version.submittedAt ? `Waiting ${formatWaiting(hoursBetween(version.submittedAt, now))}` : 'Waiting'}</Badge>
                ) : running ? (
                  <Badge>Next in line</Badge>
                ) : (
                  <Badge>No decision</Badge>
                )}
              </li>
            );
          })}
        </ol>
      ) : version.approvalStatus === 'approved' && version.insideBand ? (
        <p className="small muted">Approved at once: inside the band, no approver needed.</p>
      ) : null}
    </section>
  );
}

function PendingClock({ clock, submittedAt, now }: { clock: ApprovalClock | undefined; submittedAt: string | null; now: number }) {
  const elapsed = clock ? Math.floor(clock.elapsedHours) : submittedAt ? hoursBetween(submittedAt, now) : 0;
  const warning = clock?.targetHours ?? 24;
  const critical = clock?.criticalHours ?? 48;
  const state = clock?.state ?? (elapsed >= critical ? 'critical' : elapsed >= warning ? 'warning' : 'ok');
  const tone = state === 'critical' ? 'critical' : state === 'warning' ? 'warning' : 'accent';
  return (
    <p className="approval-clock">
      <Badge tone={tone} srLabel={`Approval clock: ${state}`}>
        Approval clock {formatWaiting(elapsed)}
      </Badge>{' '}
      <span className="small muted">
        warning at {warning} h, critical at {critical} h: candidates drift after 48 hours.
      </span>
    </p>
  );
}

function EvaluationSection({ version, band }: { version: OfferVersion; band: RoleBand | null }) {
  const e = version.evaluation;
  const t = version.terms;
  const cash = t.base + (t.bonusTarget ?? 0);
  return (
    <section aria-labelledby="evaluation-heading" className="card offer-evaluation">
      <h2 id="evaluation-heading">Evaluation</h2>
      {!e ? (
        <p className="muted">This version has no evaluation.</p>
      ) : (
        <>
          <dl className="metric-row">
            <div className="metric">
              <dt>Cash threshold</dt>
              <dd>
                <span className="metric-value num">
                  <Money amount={e.threshold.amount} currency={t.currency} />
                </span>
                <span className="small">
                  {cash >= e.threshold.amount ? (
                    <Badge tone="success">Base + bonus clears it</Badge>
                  ) : (
                    <Badge tone="critical">{`Short by ${formatMoney(e.threshold.amount - cash, t.currency)}`}</Badge>
                  )}{' '}
                  binding: {e.threshold.binding === 'obligations' ? 'living costs' : 'risk of failure'}
                </span>
              </dd>
            </div>
            <div className="metric">
              <dt>Band</dt>
              <dd>
                <span className="metric-value">{version.insideBand ? 'Inside' : 'Outside'}</span>
                <span className="small">
                  <Badge tone={version.insideBand ? 'success' : 'warning'}>{version.insideBand ? 'No approval needed' : 'Needs approval'}</Badge>
                </span>
              </dd>
            </div>
            <div className="metric">
              <dt>Chance it beats current pay or offer</dt>
              <dd>
                <span className="metric-value num">{e.pStartupBeatsIncumbent === undefined ? '—' : formatProbability(e.pStartupBeatsIncumbent)}</span>
                <span className="small muted">
                  {e.incumbent ? `vs ${e.incumbent.source === 'offer' ? 'the competing offer' : 'their current pay'}` : 'nothing to compare with'}
                </span>
              </dd>
            </div>
            <div className="metric">
              <dt>Fully diluted ownership</dt>
              <dd>
                <span className="metric-value num">{formatPercent(version.fullyDilutedPct)}</span>
                <span className="small muted">
                  paper value <Money amount={Math.round(e.startup.paperValue)} currency={t.currency} compact />
                </span>
              </dd>
            </div>
          </dl>
          {band ? (
            <ul className="plain-list band-lines">
              {describeBand({ base: t.base, currency: t.currency, equity: { ...t.equity, fullyDilutedPct: version.fullyDilutedPct, strike: t.equity.strike ?? null } }, band, (a, c) => formatMoney(a, c)).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {version.bandReasons.length > 0 ? (
            <ul className="plain-list band-lines">
              {version.bandReasons.map((r) => (
                <li key={r.field + r.message}>{r.message}</li>
              ))}
            </ul>
          ) : null}
          <h3>Findings</h3>
          {e.findings.length === 0 ? (
            <p className="muted">No findings.</p>
          ) : (
            <ul className="findings">
              {e.findings.map((f, i) => (
                <li key={`${f.rule}-${i}`} className={`finding finding-${f.severity}`}>
                  <SeverityBadge severity={f.severity} rule={f.rule} />{' '}
                  {f.message}
                </li>
              ))}
            </ul>
          )}
          <div className="evaluation-detail">
            <div>
              <h3>Equity value today</h3>
              <p className="small muted">Present value of the grant over simulated outcomes; {formatProbability(e.startup.pZero)} of outcomes are worth nothing.</p>
              <table className="data-table">
                <caption className="visually-hidden">Equity present value percentiles</caption>
                <tbody>
                  {(['p10', 'p50', 'p90'] as const).map((k) => (
                    <tr key={k}>
                      <th scope="row">{k === 'p50' ? 'Median' : k === 'p10' ? 'Low (10th pct.)' : 'High (90th pct.)'}</th>
                      <td className="num">
                        <Money amount={Math.round(e.startup.equityPv[k])} currency={t.currency} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {e.breakEvenGrant ? (
                <p className="small">
                  Break-even grant:{' '}
                  {e.breakEvenGrant.reachable && e.breakEvenGrant.shares !== null
                    ? `${formatCount(e.breakEvenGrant.shares)} shares${e.breakEvenGrant.fullyDilutedPct !== null ? ` (${formatPercent(e.breakEvenGrant.fullyDilutedPct)})` : ''}`
                    : 'not reachable with equity alone'}
                </p>
              ) : null}
            </div>
            <OwnershipChart rows={e.ownership} />
          </div>
          {e.assumptions.length > 0 ? (
            <details className="assumptions">
              <summary>Assumptions behind these numbers ({e.assumptions.length})</summary>
              <ul>
                {e.assumptions.map((a, i) => (
                  <li key={`${a.name}-${i}`}>
                    <span title={a.name}>{assumptionLabel(a.name)}</span>: {assumptionValue(a, t.currency)}{' '}
                    <span className="muted small">({sourceWords(a.source)})</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}

function VersionHistory({ offer, shown, onShow }: { offer: OfferDetail; shown: number; onShow: (version: number) => void }) {
  const rows = [...offer.versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Version history</h2>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Versions of this offer, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col" className="hide-phone">
                Drafted
              </th>
              <th scope="col" className="num">
                Base
              </th>
              <th scope="col" className="num">
                Equity
              </th>
              <th scope="col" className="hide-phone">
                Band
              </th>
              <th scope="col">Approval</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.version} aria-current={v.version === shown ? 'true' : undefined}>
                <th scope="row">
                  {v.version}
                  {v.version === offer.currentVersion ? <span className="muted small"> (current)</span> : null}
                </th>
                <td className="hide-phone">
                  <RelativeTime at={v.createdAt} />
                  {v.createdBy ? <span className="muted small"> by {v.createdBy.name}</span> : null}
                </td>
                <td className="num">
                  <Money amount={v.base} currency={offer.currency} />
                </td>
                <td className="num">
                  {formatPercent(v.fullyDilutedPct)}
                  <span className="hide-phone"> ({formatCount(v.equityShares)} shares)</span>
                </td>
                <td className="hide-phone">{v.insideBand ? 'Inside' : 'Outside'}</td>
                <td>{APPROVAL_STATUS_LABELS[v.approvalStatus as keyof typeof APPROVAL_STATUS_LABELS] ?? v.approvalStatus}</td>
                <td>
                  {v.version === shown ? (
                    <span className="muted small">Shown</span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => onShow(v.version)}>
                      Show version {v.version}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
