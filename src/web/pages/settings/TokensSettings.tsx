import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { createToken, listTokens, revokeToken } from '../../api/endpoints.js';
import type { ApiToken, ListOf } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { TextField } from '../../components/Field.js';
import { OneTimeSecret } from '../../components/OneTimeSecret.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import { useDocumentTitle } from '../../components/use-document-title.js';

export function TokensSettings() {
  useDocumentTitle(['API tokens', 'Settings']);
  const tokens = useResource((signal) => listTokens(signal), []);
  const [created, setCreated] = useState<{ token: ApiToken; secret: string }>();
  const [revoking, setRevoking] = useState<ApiToken>();
  const [notice, setNotice] = useState<string>();

  const columns: DataTableColumn<ApiToken>[] = [
    { id: 'name', header: 'Name', sortValue: (token) => token.name, cell: (token) => <span className="cell-primary">{token.name}</span> },
    { id: 'created', header: 'Created', sortValue: (token) => new Date(token.createdAt), cell: (token) => <RelativeTime at={token.createdAt} /> },
    {
      id: 'used',
      header: 'Last used',
      sortValue: (token) => (token.lastUsedAt ? new Date(token.lastUsedAt) : null),
      cell: (token) => (token.lastUsedAt ? <RelativeTime at={token.lastUsedAt} /> : <span className="muted">Never</span>),
      hideOnPhone: true,
    },
    {
      id: 'status',
      header: 'Status',
      sortValue: (token) => (token.revokedAt ? 1 : 0),
      cell: (token) =>
        token.revokedAt ? (
          <span title={`Revoked ${new Date(token.revokedAt).toISOString()}`}>
            <Badge>Revoked</Badge>
          </span>
        ) : (
          <Badge tone="success">Active</Badge>
        ),
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: (token) =>
        token.revokedAt ? null : (
          <Button variant="ghost" className="button-compact" aria-label={`Revoke ${token.name}`} onClick={() => setRevoking(token)}>
            Revoke
          </Button>
        ),
    },
  ];

  const confirmRevoke = async () => {
    if (!revoking) return;
    await revokeToken(revoking.id);
    const revokedAt = new Date().toISOString();
    tokens.setData((current?: ListOf<ApiToken>) => ({
      items: (current?.items ?? []).map((token) => (token.id === revoking.id ? { ...token, revokedAt } : token)),
    }));
    if (created?.token.id === revoking.id) setCreated(undefined);
    setNotice(`Token “${revoking.name}” is revoked.`);
    setRevoking(undefined);
  };

  const { state } = tokens;
  return (
    <>
      <section aria-labelledby="new-token-heading" className="settings-section">
        <h2 id="new-token-heading">Create a token</h2>
        <p className="muted">
          A token lets a script or the <code>closer</code> command use the API as you. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
        </p>
        {created ? (
          <div className="card stack" role="region" aria-label={`New token ${created.token.name}`}>
            <OneTimeSecret label={`Secret for “${created.token.name}”`} secret={created.secret} />
            <div>
              <Button onClick={() => setCreated(undefined)}>Done</Button>
            </div>
          </div>
        ) : null}
        <NewTokenForm
          onCreated={(result) => {
            setCreated(result);
            setNotice(undefined);
            tokens.setData((current?: ListOf<ApiToken>) => ({ items: [...(current?.items ?? []), result.token] }));
          }}
        />
      </section>
      <section aria-labelledby="tokens-heading" className="settings-section">
        <h2 id="tokens-heading">Your tokens</h2>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {state.status === 'error' ? <Alert>{state.error}</Alert> : null}
        {state.data ? (
          <DataTable
            caption="API tokens"
            columns={columns}
            rows={state.data.items}
            rowKey={(token) => token.id}
            initialSort={{ columnId: 'created', direction: 'descending' }}
            empty={
              <EmptyState title="No tokens" level={3}>
                <p>Create one above when a script or the command line needs to reach Closer.</p>
              </EmptyState>
            }
          />
        ) : state.status === 'loading' ? (
          <p className="muted" role="status">
            Loading tokens…
          </p>
        ) : null}
      </section>
      <ConfirmDialog
        open={revoking !== undefined}
        title={revoking ? `Revoke “${revoking.name}”?` : ''}
        confirmLabel="Revoke token"
        tone="danger"
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(undefined)}
      >
        <p>Anything using this token loses access at once. This cannot be undone; create a new token if you need one.</p>
      </ConfirmDialog>
    </>
  );
}

const FIELDS = ['name'] as const;

function NewTokenForm({ onCreated }: { onCreated: (result: { token: ApiToken; secret: string }) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    if (!name.trim()) {
      flushSync(() => setError('Name the token after what will use it.'));
      focusFirstError(form.current, FIELDS, { name: 'x' });
      return;
    }
    setBusy(true);
    try {
      onCreated(await createToken(name.trim()));
      setName('');
      setError(undefined);
    } catch (caught) {
      const failure = formFailure(caught, FIELDS);
      flushSync(() => {
        setError(failure.fields.name);
        setFormError(failure.form);
      });
      focusFirstError(form.current, FIELDS, failure.fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="inline-form">
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="field-row field-row-action">
        <TextField
          label="Token name"
          name="name"
          value={name}
          onChange={(value) => {
            setName(value);
            setError(undefined);
          }}
          error={error}
          hint="What uses it, e.g. “Nightly ATS sync”."
          autoComplete="off"
        />
        <Button type="submit" variant="primary" busy={busy} busyLabel="Creating…">
          Create token
        </Button>
      </div>
    </form>
  );
}
