import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { inviteUser, listUsers, updateUser } from '../../api/endpoints.js';
import { can, USER_ROLES, USER_ROLE_LABELS } from '../../api/types.js';
import { resetUserMfa } from '../../api/sign-in-security.js';
import type { ListOf, User, UserRole } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DataTable } from '../../components/DataTable.js';
import type { DataTableColumn } from '../../components/DataTable.js';
import { SelectField, TextField } from '../../components/Field.js';
import { OneTimeSecret } from '../../components/OneTimeSecret.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { focusFirstError, formFailure } from '../../components/form-errors.js';
import type { FieldErrors } from '../../components/form-errors.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useCurrentUser, useSession } from '../../session/SessionProvider.js';
import { AdminOnly } from './AdminOnly.js';

const ROLE_OPTIONS = USER_ROLES.map((role) => ({ value: role, label: USER_ROLE_LABELS[role] }));

type PendingChange = { kind: 'role'; user: User; role: UserRole } | { kind: 'disabled'; user: User; disabled: boolean } | { kind: 'mfa'; user: User };

export function UsersSettings() {
  useDocumentTitle(['Users', 'Settings']);
  return (
    <AdminOnly section="Users" action="users.manage">
      <UsersSection />
    </AdminOnly>
  );
}

function UsersSection() {
  const me = useCurrentUser();
  const { updateUser: updateSessionUser } = useSession();
  const users = useResource((signal) => listUsers(signal), []);
  const [pending, setPending] = useState<PendingChange>();
  const [notice, setNotice] = useState<string>();

  const replaceUser = (user: User) => {
    users.setData((current?: ListOf<User>) => ({ items: (current?.items ?? []).map((item) => (item.id === user.id ? user : item)) }));
    if (user.id === me.id) updateSessionUser(user);
  };

  const addUser = (user: User) => {
    users.setData((current?: ListOf<User>) => ({ items: [...(current?.items ?? []), user] }));
  };

  const confirmPending = async () => {
    if (!pending) return;
    if (pending.kind === 'mfa') {
      await resetUserMfa(pending.user.id);
      users.setData((current?: ListOf<User>) => ({ items: (current?.items ?? []).map((item) => (item.id === pending.user.id ? { ...item, mfaEnabled: false } : item)) }));
      setNotice(`${pending.user.name}'s two-step sign-in is reset. They set it up again when they next sign in.`);
      setPending(undefined);
      return;
    }
    const { user } = await updateUser(pending.user.id, pending.user.version, pending.kind === 'role' ? { role: pending.role } : { disabled: pending.disabled });
    replaceUser(user);
    setNotice(
      pending.kind === 'role'
        ? `${user.name} is now ${USER_ROLE_LABELS[user.role]}.`
        : `${user.name} is ${user.disabled ? 'disabled' : 'enabled'}.`,
    );
    setPending(undefined);
  };

  const columns: DataTableColumn<User>[] = [
    {
      id: 'name',
      header: 'Name',
      sortValue: (user) => user.name,
      cell: (user) => (
        <span className="cell-primary">
          {user.name}
          {user.id === me.id ? <Badge tone="accent">You</Badge> : null}
          {user.disabled ? (
            <span className="show-phone">
              <Badge>Disabled</Badge>
            </span>
          ) : null}
        </span>
      ),
    },
    { id: 'email', header: 'E-mail', sortValue: (user) => user.email, cell: (user) => user.email, hideOnPhone: true },
    {
      id: 'role',
      header: 'Role',
      sortValue: (user) => USER_ROLES.indexOf(user.role),
      cell: (user) => (
        <select
          className="input select input-compact"
          aria-label={`Role for ${user.name}`}
          value={user.role}
          disabled={user.id === me.id}
          title={user.id === me.id ? 'You cannot change your own role' : undefined}
          onChange={(event) => setPending({ kind: 'role', user, role: event.target.value as UserRole })}
        >
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      sortValue: (user) => (user.disabled ? 1 : 0),
      cell: (user) => (user.disabled ? <Badge>Disabled</Badge> : <Badge tone="success">Active</Badge>),
      // On phones the name cell carries the "Disabled" badge instead.
      hideOnPhone: true,
    },
    {
      id: 'created',
      header: 'Added',
      sortValue: (user) => new Date(user.createdAt),
      cell: (user) => <RelativeTime at={user.createdAt} />,
      hideOnPhone: true,
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: (user) =>
        user.id === me.id ? null : (
          <span className="inline-actions">
            <Button
              variant="ghost"
              className="button-compact"
              aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
              onClick={() => setPending({ kind: 'disabled', user, disabled: !user.disabled })}
            >
              {user.disabled ? 'Enable' : 'Disable'}
            </Button>
            {/* A lost phone: only someone else resets it (one's own is turned off under Security, with a code); an owner's only by an owner. */}
            {user.mfaEnabled && (user.role !== 'owner' || can(me.role, 'users.grant-owner')) ? (
              <Button variant="ghost" className="button-compact" aria-label={`Reset two-step sign-in of ${user.name}`} onClick={() => setPending({ kind: 'mfa', user })}>
                Reset two-step sign-in
              </Button>
            ) : null}
          </span>
        ),
    },
  ];

  const { state } = users;
  return (
    <>
      <InviteForm onInvited={addUser} />
      <section aria-labelledby="users-heading" className="settings-section">
        <h2 id="users-heading">People with access</h2>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {state.status === 'error' ? <Alert>{state.error}</Alert> : null}
        {state.data ? (
          <DataTable caption="Users" columns={columns} rows={state.data.items} rowKey={(user) => user.id} initialSort={{ columnId: 'name', direction: 'ascending' }} />
        ) : state.status === 'loading' ? (
          <p className="muted" role="status">
            Loading users…
          </p>
        ) : null}
      </section>
      <ConfirmDialog
        open={pending !== undefined}
        title={
          pending?.kind === 'role'
            ? `Change ${pending.user.name}'s role?`
            : pending?.kind === 'mfa'
              ? `Reset ${pending.user.name}'s two-step sign-in?`
              : pending
              ? `${pending.disabled ? 'Disable' : 'Enable'} ${pending.user.name}?`
              : ''
        }
        confirmLabel={pending?.kind === 'role' ? 'Change role' : pending?.kind === 'mfa' ? 'Reset' : pending?.disabled ? 'Disable' : 'Enable'}
        tone={(pending?.kind === 'disabled' && pending.disabled) || pending?.kind === 'mfa' ? 'danger' : 'primary'}
        onConfirm={confirmPending}
        onCancel={() => setPending(undefined)}
      >
        {pending?.kind === 'role' ? (
          <p>
            {pending.user.name} changes from {USER_ROLE_LABELS[pending.user.role]} to <strong>{USER_ROLE_LABELS[pending.role]}</strong>, which
            changes what they can see and do.
          </p>
        ) : pending?.kind === 'mfa' ? (
          <p>
            Do this when {pending.user.name} has lost the phone with their authenticator app. Their codes and recovery codes stop working; they sign in with
            their password and set up two-step sign-in again.
          </p>
        ) : pending?.disabled ? (
          <p>{pending.user.name} will no longer be able to sign in. Their records stay. You can enable the account again later.</p>
        ) : pending ? (
          <p>{pending.user.name} will be able to sign in again with their existing password.</p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

const INVITE_FIELDS = ['name', 'email', 'role'] as const;
type InviteField = (typeof INVITE_FIELDS)[number];

function InviteForm({ onInvited }: { onInvited: (user: User) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('recruiter');
  const [errors, setErrors] = useState<FieldErrors<InviteField>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [invited, setInvited] = useState<{ user: User; password?: string }>();
  const form = useRef<HTMLFormElement>(null);

  const showErrors = (next: FieldErrors<InviteField>) => {
    flushSync(() => setErrors(next));
    focusFirstError(form.current, INVITE_FIELDS, next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const local: FieldErrors<InviteField> = {};
    if (!name.trim()) local.name = 'Enter their name.';
    if (!email.trim()) local.email = 'Enter their e-mail.';
    if (local.name || local.email) return showErrors(local);
    setBusy(true);
    try {
      const result = await inviteUser({ name: name.trim(), email: email.trim(), role });
      onInvited(result.user);
      setInvited({ user: result.user, password: result.invitePassword });
      setName('');
      setEmail('');
      setErrors({});
    } catch (error) {
      const failure = formFailure(error, INVITE_FIELDS);
      setFormError(failure.form);
      showErrors(failure.fields);
    } finally {
      setBusy(false);
    }
  };

  const clear = (field: InviteField) => {
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <section aria-labelledby="invite-heading" className="settings-section">
      <h2 id="invite-heading">Invite someone</h2>
      {invited ? (
        <div className="card stack" role="region" aria-label={`Invitation for ${invited.user.name}`}>
          <p>
            <strong>{invited.user.name}</strong> can now sign in as {USER_ROLE_LABELS[invited.user.role]} with <strong>{invited.user.email}</strong>.
          </p>
          {invited.password ? (
            <OneTimeSecret label={`One-time password for ${invited.user.name}`} secret={invited.password}>
              <p className="muted">Give it to them privately, for example in person or in a password manager.</p>
            </OneTimeSecret>
          ) : null}
          <div>
            <Button onClick={() => setInvited(undefined)}>Done</Button>
          </div>
        </div>
      ) : null}
      <form ref={form} onSubmit={submit} noValidate className="inline-form">
        {formError ? <Alert>{formError}</Alert> : null}
        <div className="field-row field-row-3">
          <TextField label="Name" name="name" value={name} onChange={(v) => (setName(v), clear('name'))} error={errors.name} autoComplete="off" />
          <TextField label="E-mail" name="email" type="email" value={email} onChange={(v) => (setEmail(v), clear('email'))} error={errors.email} autoComplete="off" />
          <SelectField label="Role" name="role" value={role} options={ROLE_OPTIONS} onChange={(v) => (setRole(v as UserRole), clear('role'))} error={errors.role} />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy} busyLabel="Inviting…">
            Invite
          </Button>
        </div>
      </form>
    </section>
  );
}
