import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { decideOffer, getOffer, getOfferVersion, getRoleBand, moveOffer, summaryUrl } from './api.js';
import type { OfferDetail, OfferVersion, RoleBand } from './api.js';
import { approvalClock } from './approval-clock.js';
import { ApprovalTrail } from './ApprovalTrail.js';
import { CheckedBandNote } from './CheckedBandNote.js';
import { OFFER_STATUS_LABELS, offerButtons, offerStatusTone } from './offer-format.js';
import type { OfferButton } from './offer-format.js';
import { BUTTON_LABELS, noticeFor, primaryMove } from './offer-moves.js';
import { OfferEvaluation } from './OfferEvaluation.js';
import { OfferMoveDialog } from './OfferMoveDialog.js';
import { OfferTermsDialog } from './OfferTermsDialog.js';
import { OfferTermsSection } from './OfferTermsSection.js';
import { VersionHistory } from './VersionHistory.js';
import './offers.css';

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
  const primary = primaryMove(buttons);

  const run = async (button: Exclude<OfferButton, 'revise'>, reason: string | undefined) => {
    let next: OfferDetail;
    if (button === 'approve' || button === 'reject') next = await decideOffer(data.id, button, reason);
    else next = await moveOffer(data.id, button, button === 'submit' || button === 'extend' ? {} : reason ? { reason } : {});
    offer.setData(() => next);
    setPending(undefined);
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
        <OfferTermsSection version={shown} />
        <ApprovalTrail version={shown} offer={data} clock={viewingOld ? undefined : clock.state.data} />
      </div>
      <OfferEvaluation version={shown} band={band.state.data ?? null} />
      <CheckedBandNote offerId={data.id} version={shown.version} />
      <VersionHistory offer={data} shown={shown.version} onShow={(v) => setViewVersion(v === data.currentVersion ? undefined : v)} />

      {pending && pending !== 'revise' ? <OfferMoveDialog offer={data} move={pending} onConfirm={(reason) => run(pending, reason)} onCancel={() => setPending(undefined)} /> : null}
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
