import { useState } from 'react';
import { can } from '../../api/types.js';
import { disableMfa, getMfaStatus, getSecuritySettings, newRecoveryCodes, putSecuritySettings } from '../../api/sign-in-security.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { formFailure } from '../../components/form-errors.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useCurrentUser } from '../../session/SessionProvider.js';
import { CodeForm, MfaSetupFlow, RecoveryCodes } from './MfaSetup.js';
import { CheckRow } from '../../components/CheckRow.js';
import { SsoSettingsSection } from './SsoSettingsSection.js';

/** Settings › Security: one's own two-step sign-in, (owners and admins) the company's rule, and (owners) single sign-on. */
export function SecuritySettings() {
  useDocumentTitle(['Security', 'Settings']);
  const user = useCurrentUser();
  const status = useResource((signal) => getMfaStatus(signal), []);
  const [codes, setCodes] = useState<string[]>();
  const [notice, setNotice] = useState<string>();
  const mfa = status.state.data;

  return (
    <>
      <section aria-labelledby="mfa-heading" className="settings-section">
        <h2 id="mfa-heading">Two-step sign-in</h2>
        <p className="muted">After your password, Closer asks for a code from an app on your phone, so a stolen password alone does not get in.</p>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {status.state.status === 'error' ? <Alert>{status.state.error}</Alert> : null}
        {codes ? (
          <RecoveryCodes
            codes={codes}
            onDone={() => {
              setCodes(undefined);
              status.reload();
            }}
          />
        ) : mfa === undefined ? (
          <p className="muted" role="status">
            Loading…
          </p>
        ) : !mfa.enabled ? (
          <div className="stack">
            <p>
              <Badge>Off</Badge> {mfa.required ? 'Your company requires it for your role.' : null}
            </p>
            <MfaSetupFlow
              onEnabled={() => {
                setNotice('Two-step sign-in is on.');
                status.reload();
              }}
            />
          </div>
        ) : (
          <div className="stack">
            <p>
              <Badge tone="success">On</Badge> {mfa.recoveryCodesLeft === 1 ? '1 recovery code left.' : `${mfa.recoveryCodesLeft} recovery codes left.`}
            </p>
            <details>
              <summary>New recovery codes</summary>
              <CodeForm
                label="Code to confirm new recovery codes"
                submitLabel="Make new recovery codes"
                busyLabel="Making codes…"
                recovery
                onSubmit={async (code) => {
                  setNotice(undefined);
                  setCodes((await newRecoveryCodes(code)).recoveryCodes);
                }}
              >
                <p className="muted">Your old recovery codes stop working.</p>
              </CodeForm>
            </details>
            {mfa.required ? (
              <p className="muted">Your company requires two-step sign-in for your role, so it cannot be turned off.</p>
            ) : (
              <details>
                <summary>Turn off two-step sign-in</summary>
                <CodeForm
                  label="Code to turn off two-step sign-in"
                  submitLabel="Turn off"
                  busyLabel="Turning off…"
                  tone="danger"
                  recovery
                  onSubmit={async (code) => {
                    await disableMfa(code);
                    setNotice('Two-step sign-in is off.');
                    status.reload();
                  }}
                />
              </details>
            )}
          </div>
        )}
      </section>
      {can(user.role, 'security.manage') ? <CompanyRule mfaEnabled={mfa?.enabled ?? false} /> : null}
      {can(user.role, 'security.sso-manage') ? <SsoSettingsSection /> : null}
    </>
  );
}

function CompanyRule({ mfaEnabled }: { mfaEnabled: boolean }) {
  const settings = useResource((signal) => getSecuritySettings(signal), []);
  const [required, setRequired] = useState<boolean>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const current = required ?? settings.state.data?.mfaRequired ?? false;

  return (
    <section aria-labelledby="company-rule-heading" className="settings-section">
      <h2 id="company-rule-heading">Company sign-in rule</h2>
      {settings.state.status === 'error' ? <Alert>{settings.state.error}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      <CheckRow
        name="mfaRequired"
        label="Require two-step sign-in for owners, admins and approvers"
        hint={
          mfaEnabled
            ? 'They grant access, see pay and approve offers. Without it set up, they can do nothing else after signing in.'
            : 'Set it up for yourself first, above.'
        }
        checked={current}
        disabled={settings.state.data === undefined}
        onChange={(value) => {
          setRequired(value);
          setSaved(false);
        }}
      />
      <div className="form-actions">
        <Button
          variant="primary"
          busy={busy}
          busyLabel="Saving…"
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              const result = await putSecuritySettings(current);
              settings.setData(() => result);
              setRequired(undefined);
              setSaved(true);
            } catch (failure) {
              const { fields, form } = formFailure(failure, ['mfaRequired'] as const);
              setError(fields.mfaRequired ?? form);
            } finally {
              setBusy(false);
            }
          }}
        >
          Save sign-in rule
        </Button>
      </div>
    </section>
  );
}
