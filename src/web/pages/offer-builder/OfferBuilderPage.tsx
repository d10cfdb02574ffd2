import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { can } from '../../../domain/access/policy.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useDraft } from '../../components/use-draft.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { ApplicationOfferBuilder } from './ApplicationOfferBuilder.js';
import { OfferBuilder } from './OfferBuilder.js';
import { DEFAULT_OFFER_FORM } from './offer-form.js';
import type { OfferForm } from './offer-form.js';
import { SaveToApplicationDialog } from './SaveToApplicationDialog.js';

/**
 * /offers/builder: price an offer against the candidate's needs, the market and a competing offer. With
 * `?application=ID` it is pre-filled for that application and saves as its offer; without, it is for what-if work
 * and can save its result to an application.
 */
export function OfferBuilderPage() {
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const applicationId = params.get('application');
  if (!can(user.role, 'compensation.read')) {
    return (
      <>
        <PageHeader title="Offer builder" />
        <EmptyState title="Compensation is not shared with your role" action={<Link to="/today">Go to Today</Link>}>
          <p>Ask an owner, admin, recruiter or hiring manager to price the offer.</p>
        </EmptyState>
      </>
    );
  }
  if (applicationId && can(user.role, 'offers.write')) return <ApplicationOfferBuilder key={applicationId} applicationId={applicationId} />;
  return <StandaloneOfferBuilder mayWrite={can(user.role, 'offers.write')} />;
}

function StandaloneOfferBuilder({ mayWrite }: { mayWrite: boolean }) {
  const [form, setForm, clearDraft] = useDraft<OfferForm>('offer-builder', DEFAULT_OFFER_FORM);
  const [saving, setSaving] = useState(false);
  return (
    <>
      <OfferBuilder
        form={form}
        setForm={setForm}
        title="Offer builder"
        description="Price an offer before you make it: the candidate's cash threshold, what the grant is worth after dilution and failure, and the odds against a big-tech offer."
        actions={
          <>
            {mayWrite ? (
              <Button className="no-print" onClick={() => setSaving(true)}>
                Save to an application…
              </Button>
            ) : null}
            <Button
              variant="ghost"
              className="no-print"
              onClick={() => {
                clearDraft();
                setForm(() => DEFAULT_OFFER_FORM);
              }}
            >
              Reset to example
            </Button>
          </>
        }
      />
      {mayWrite ? <SaveToApplicationDialog open={saving} onClose={() => setSaving(false)} form={form} onSaved={clearDraft} /> : null}
    </>
  );
}
