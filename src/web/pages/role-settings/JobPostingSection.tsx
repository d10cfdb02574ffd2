import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../api/client.js';
import { changePostingStatus, getPosting, putPosting } from '../../api/postings.js';
import type { Posting, PostingContent } from '../../api/postings.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FindingsList } from '../../components/FindingsList.js';
import { formFailure, type FieldErrors } from '../../components/form-errors.js';
import { formatMoney } from '../../lib/format-money.js';
import { POSTING_SIGNALS, REMOTE_POLICIES, REMOTE_POLICY_WORDS } from '../../../domain/postings/posting.js';
import type { SectionProps } from './RoleSettingsPage.js';

const FIELDS = ['title', 'publicText', 'location', 'remotePolicy', 'signals', 'questions'] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  title: string;
  publicText: string;
  location: string;
  remotePolicy: PostingContent['remotePolicy'];
  /** Signal id -> what the posting says about it; a signal is shown when it has words. */
  signals: Record<string, string>;
  /** One question per line. */
  questions: string;
}

function draftOf(p: Posting | null, role: SectionProps['role']): Draft {
  if (!p) return { title: role.title, publicText: role.description ?? '', location: '', remotePolicy: 'remote', signals: {}, questions: '' };
  return { title: p.title, publicText: p.publicText, location: p.location, remotePolicy: p.remotePolicy, signals: Object.fromEntries(p.signals.map((s) => [s.id, s.text])), questions: p.questions.map((q) => q.label).join('\n') };
}

function contentOf(d: Draft): PostingContent {
  const questions = d.questions
    .split('\n')
    .map((q) => q.trim())
    .filter((q) => q.length > 0)
    .map((label, i) => ({ id: `q${i + 1}`, label, required: true }));
  const signals = POSTING_SIGNALS.filter((s) => (d.signals[s.id] ?? '').trim() !== '').map((s) => ({ id: s.id, text: d.signals[s.id]!.trim() }));
  return { title: d.title.trim(), publicText: d.publicText, location: d.location.trim(), remotePolicy: d.remotePolicy, signals, questions };
}

const STATUS_WORDS: Record<Posting['status'], { label: string; tone: 'success' | 'neutral' | 'warning' }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  published: { label: 'On the job board', tone: 'success' },
  unpublished: { label: 'Taken down', tone: 'warning' },
  closed: { label: 'Closed', tone: 'neutral' },
};

/** The role's public job posting: its text, the signals it shows, the findings to read first, and publishing. */
export function JobPostingSection({ role, canEdit }: { role: SectionProps['role']; canEdit: boolean }) {
  const [posting, setPosting] = useState<Posting | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [draft, setDraft] = useState<Draft>(() => draftOf(null, role));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [readFindings, setReadFindings] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    getPosting(role.id, controller.signal)
      .then((p) => {
        setPosting(p);
        setDraft(draftOf(p, role));
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (!(isApiError(error) && error.code === 'POSTING_NOT_FOUND')) setLoadError(error instanceof Error ? error.message : 'The posting cannot be loaded.');
      })
      .finally(() => setLoaded(true));
    return () => controller.abort();
    // The role id is what the posting belongs to; the rest of the role does not change the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [role.id]);

  const dirty = JSON.stringify(contentOf(draft)) !== JSON.stringify(posting ? contentOf(draftOf(posting, role)) : null);
  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setNotice(undefined);
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    setBusy('save');
    try {
      const saved = await putPosting(role.id, posting?.version ?? null, contentOf(draft));
      setPosting(saved);
      setDraft(draftOf(saved, role));
      setReadFindings(false);
      setNotice(saved.status === 'published' ? 'Saved: the job board shows the new text.' : 'Draft saved. Read the findings, then publish.');
    } catch (error) {
      const failure = formFailure(error, FIELDS);
      setErrors(failure.fields);
      setFormError(isApiError(error) && error.code === 'PRECONDITION_FAILED' ? 'Someone else changed this posting since you opened it. Reload the page to see their version.' : failure.form);
    } finally {
      setBusy(undefined);
    }
  };

  const act = async (action: 'publish' | 'unpublish' | 'close') => {
    if (!posting) return;
    setFormError(undefined);
    setBusy(action);
    try {
      const changed = await changePostingStatus(role.id, posting.version, action);
      setPosting(changed);
      setNotice(action === 'publish' ? 'Published: the posting is on the job board.' : action === 'unpublish' ? 'Taken down: the posting is off the job board.' : 'Closed: the role is filled and the posting is off the board for good.');
    } catch (error) {
      setFormError(error instanceof Error ? error.message : 'That did not work.');
    } finally {
      setBusy(undefined);
    }
  };

  const range = posting?.baseRange ?? posting?.bandRange ?? null;
  const status = posting ? STATUS_WORDS[posting.status] : null;
  const closed = posting?.status === 'closed';
  return (
    <section className="settings-section card role-settings-card" aria-labelledby="posting-heading">
      <h2 id="posting-heading">
        Job posting {status ? <Badge tone={status.tone}>{status.label}</Badge> : null}
      </h2>
      <p className="muted small">
        The public page candidates read and apply on. It leads with the base range from the band the board approved, then the signals you choose.
      </p>
      {!loaded ? (
        <p className="muted" role="status">
          Loading the posting…
        </p>
      ) : loadError ? (
        <Alert>{loadError}</Alert>
      ) : (
        <form className="stack" onSubmit={onSave} noValidate aria-label="Job posting">
          {formError ? <Alert>{formError}</Alert> : null}
          <TextField label="Title" name="title" value={draft.title} onChange={(title) => update({ title })} error={errors.title} disabled={!canEdit || closed} maxLength={200} />
          <TextAreaField label="Public text" name="publicText" value={draft.publicText} onChange={(publicText) => update({ publicText })} error={errors.publicText} rows={8} disabled={!canEdit || closed} hint="What the person will build, with what, for whom. Blank lines start new paragraphs." />
          <div className="field-row">
            <TextField label="Location" name="location" value={draft.location} onChange={(location) => update({ location })} error={errors.location} disabled={!canEdit || closed} maxLength={120} hint="A city, or the countries a remote hire may live in." />
            <SelectField label="Where people work" name="remotePolicy" value={draft.remotePolicy} options={REMOTE_POLICIES.map((p) => ({ value: p, label: REMOTE_POLICY_WORDS[p] }))} onChange={(remotePolicy) => update({ remotePolicy: remotePolicy as Draft['remotePolicy'] })} error={errors.remotePolicy} disabled={!canEdit || closed} />
          </div>
          <fieldset className="fieldset">
            <legend>Signals to show (what ML people look for)</legend>
            <p className="field-hint">Write a line for each one you can back up; leave the others empty.</p>
            {POSTING_SIGNALS.map((s) => (
              <TextField key={s.id} label={s.label} name={`signal-${s.id}`} value={draft.signals[s.id] ?? ''} onChange={(text) => update({ signals: { ...draft.signals, [s.id]: text } })} disabled={!canEdit || closed} optional maxLength={200} />
            ))}
            {errors.signals ? <p className="field-error">{errors.signals}</p> : null}
          </fieldset>
          <TextAreaField label="Questions for applicants" name="questions" value={draft.questions} onChange={(questions) => update({ questions })} error={errors.questions} rows={3} optional disabled={!canEdit || closed} hint="One per line, at most five. Every applicant answers them." />
          {canEdit && !closed ? (
            <div className="form-actions">
              <Button type="submit" variant={posting ? 'secondary' : 'primary'} busy={busy === 'save'} busyLabel="Saving…" disabled={posting !== null && !dirty}>
                {posting ? 'Save posting' : 'Save draft'}
              </Button>
              {dirty && posting ? <span className="small muted">Unsaved changes</span> : null}
            </div>
          ) : null}
        </form>
      )}
      {posting ? (
        <>
          <h3>Preview</h3>
          <div className="posting-preview" aria-label="Preview of the public page">
            <p>
              <strong>{posting.title}</strong>
            </p>
            <p>{range ? `Base ${formatMoney(range.min, range.currency)} to ${formatMoney(range.max, range.currency)} a year` : 'No base range: record the board-approved band in Bands below.'}</p>
            <p className="muted">
              {posting.location} · {REMOTE_POLICY_WORDS[posting.remotePolicy]}
            </p>
            {posting.signals.length > 0 ? (
              <ul>
                {posting.signals.map((s) => (
                  <li key={s.id}>{s.text}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <h3>Before you publish</h3>
          <FindingsList findings={posting.findings} empty="Nothing to fix: the posting leads with cash and reads as one role." />
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          {canEdit ? (
            <div className="form-actions">
              {posting.status !== 'closed' && posting.status !== 'published' ? (
                <>
                  {posting.findings.length > 0 ? (
                    <label className="check-label">
                      <input type="checkbox" checked={readFindings} onChange={(e) => setReadFindings(e.target.checked)} /> I have read the findings
                    </label>
                  ) : null}
                  <Button variant="primary" busy={busy === 'publish'} busyLabel="Publishing…" disabled={dirty || (posting.findings.length > 0 && !readFindings)} onClick={() => void act('publish')}>
                    Publish
                  </Button>
                </>
              ) : null}
              {posting.status === 'published' ? (
                <Button busy={busy === 'unpublish'} busyLabel="Taking down…" onClick={() => void act('unpublish')}>
                  Take down
                </Button>
              ) : null}
              {posting.status !== 'closed' ? (
                <Button busy={busy === 'close'} busyLabel="Closing…" onClick={() => void act('close')}>
                  Close (role filled)
                </Button>
              ) : null}
            </div>
          ) : null}
          {posting.status === 'published' ? (
            <p>
              <a href={posting.publicPath} target="_blank" rel="noreferrer">
                Open the public page
              </a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
