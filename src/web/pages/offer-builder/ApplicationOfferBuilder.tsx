import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/client.js';
import { createOfferOnApplication, getOfferDraft } from '../../api/offer-path.js';
import type { OfferDraftView } from '../../api/offer-path.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useDraft } from '../../components/use-draft.js';
import { builderFieldOf, draftHints, formFromDraft, termsFromBuilder } from './draft-form.js';
import { DraftIntro } from './DraftIntro.js';
import { OfferBuilder } from './OfferBuilder.js';
import type { OfferForm } from './offer-form.js';

/** /offers/builder?application=ID: the builder pre-filled for one application; "Save as offer" makes it the application's offer. */
export function ApplicationOfferBuilder({ applicationId }: { applicationId: string }) {
  const draft = useResource((signal) => getOfferDraft(applicationId, signal), [applicationId]);
  const view = draft.state.data;
  if (!view) {
    return (
      <>
        <PageHeader title="Draft offer" />
        {draft.state.status === 'error' ? (
          <>
            <Alert title="This offer cannot be drafted">{draft.state.error}</Alert>
            <p>
              <Link to="/offers/builder">Open the offer builder for what-if work</Link>
            </p>
          </>
        ) : (
          <p className="muted" role="status">
            Pre-filling the offer…
          </p>
        )}
      </>
    );
  }
  if (view.openOffer) {
    return (
      <>
        <PageHeader title={`Draft offer: ${view.application.candidateName}`} description={view.application.roleTitle} />
        <Alert tone="info" title="This application already has an offer">
          <p>Change that offer instead: a new version keeps the old one and goes through approval again.</p>
          <p>
            <Link className="button button-primary" to={`/offers/${encodeURIComponent(view.openOffer.id)}`}>
              Open the offer
            </Link>
          </p>
        </Alert>
      </>
    );
  }
  return <DraftedOfferBuilder view={view} onReload={draft.reload} />;
}

function DraftedOfferBuilder({ view, onReload }: { view: OfferDraftView; onReload: () => void }) {
  const navigate = useNavigate();
  const { application } = view;
  const initial = useMemo(() => formFromDraft(view), [view]);
  const [form, setForm, clearDraft] = useDraft<OfferForm>(`offer-builder.${application.id}`, initial);
  const [saveErrors, setSaveErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // A figure filled in since (the company's, saved from this page) lands in the fields that were still empty.
  useEffect(() => {
    setForm((current) => {
      const next = { ...current };
      for (const key of Object.keys(initial) as Array<keyof OfferForm>) {
        if (current[key] === '' && initial[key] !== '') (next as Record<string, unknown>)[key] = initial[key];
      }
      return next;
    });
  }, [initial, setForm]);

  const save = async () => {
    setFormError(undefined);
    const { terms, errors } = termsFromBuilder(form, view.draft.currentPay?.value ?? null);
    setSaveErrors(errors);
    if (!terms) {
      setFormError('Fill in the highlighted fields first.');
      return;
    }
    setBusy(true);
    try {
      const offer = await createOfferOnApplication(application.id, terms);
      clearDraft();
      navigate(`/offers/${encodeURIComponent(offer.id)}`);
    } catch (error) {
      const field = isApiError(error) ? builderFieldOf(error.field) : undefined;
      if (field && isApiError(error)) setSaveErrors({ [field]: error.message });
      else setFormError(error instanceof Error ? error.message : 'The offer could not be saved.');
      setBusy(false);
    }
  };

  return (
    <OfferBuilder
      form={form}
      setForm={setForm}
      title={`Draft offer: ${application.candidateName}`}
      description={`${application.roleTitle}. Pre-filled from the role's band, the company's figures and ${application.candidateName}'s current pay; change anything and the evaluation follows.`}
      actions={
        <>
          <Button variant="primary" className="no-print" busy={busy} busyLabel="Saving…" onClick={() => void save()}>
            Save as offer
          </Button>
          <Button
            variant="ghost"
            className="no-print"
            onClick={() => {
              clearDraft();
              setSaveErrors({});
              setForm(() => initial);
            }}
          >
            Reset to the draft
          </Button>
        </>
      }
      intro={<DraftIntro view={view} formError={formError} onCompanySaved={onReload} />}
      sources={draftHints(view, initial, form)}
      saveErrors={saveErrors}
    />
  );
}
