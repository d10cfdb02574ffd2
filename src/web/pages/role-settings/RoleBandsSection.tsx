import { useState } from 'react';
import { deleteRoleBand, getRoleBands } from '../../api/role-setup.js';
import type { RoleBands, RoleSetup, StageBand } from '../../api/role-setup.js';
import type { Person } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { Alert } from '../../components/Alert.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { MessageText } from '../../components/MessageText.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { formatApproval, formatBand } from '../../lib/band-words.js';
import { BandForm } from './BandForm.js';
import { stageWords } from '../../lib/words.js';

interface Props {
  role: RoleSetup;
  canEdit: boolean;
  people: readonly Person[] | undefined;
  /** A band change is a new version of the role: the page keeps it for its other saves. */
  onVersion: (version: number) => void;
  /** Loads the role again (after a 412). */
  reloadRole: () => void;
}

/** The role's board-approved band for the company's current funding stage (what offers are checked against), and those of other stages. */
export function RoleBandsSection({ role, canEdit, people, onVersion, reloadRole }: Props) {
  const bands = useResource((signal) => getRoleBands(role.id, signal), [role.id]);
  const [editing, setEditing] = useState<string>();
  const [removing, setRemoving] = useState<StageBand>();
  const [notice, setNotice] = useState<string>();
  const data = bands.state.data;

  const saved = (next: RoleBands, message: string) => {
    bands.setData(() => next);
    onVersion(next.version);
    setEditing(undefined);
    setNotice(message);
  };

  return (
    <section id="band" className="settings-section card role-settings-card" aria-labelledby="bands-heading">
      <h2 id="bands-heading">Board-approved band</h2>
      <p className="muted">
        <MessageText text="An offer inside the band of the company's current funding stage is approved at once; an offer outside it goes to the approvers chosen in Settings → Approvals. When the company raises, record the band the board approves for the new stage." />
      </p>
      {bands.state.status === 'error' ? <Alert>{bands.state.error}</Alert> : null}
      {!data ? (
        bands.state.status === 'loading' ? <p className="muted">Loading the bands…</p> : null
      ) : (
        <>
          <CurrentBand data={data} />
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          {canEdit && editing === undefined ? (
            <div className="form-actions band-actions">
              <Button variant={data.current ? 'secondary' : 'primary'} onClick={() => { setNotice(undefined); setEditing(data.companyStage); }}>
                {data.current ? `Change the ${stageWords(data.companyStage)} band` : `Record the ${stageWords(data.companyStage)} band`}
              </Button>
              <Button variant="ghost" onClick={() => { setNotice(undefined); setEditing(''); }}>
                Record a band for another stage
              </Button>
            </div>
          ) : null}
          {canEdit && editing !== undefined ? (
            <BandForm
              role={role}
              data={data}
              stage={editing || undefined}
              people={people}
              onCancel={() => setEditing(undefined)}
              onSaved={(next, stage) => saved(next, `The ${stageWords(stage)} band is saved.`)}
              onStale={() => {
                reloadRole();
                bands.reload();
              }}
            />
          ) : null}
          <OtherStages data={data} canEdit={canEdit} onEdit={(stage) => { setNotice(undefined); setEditing(stage); }} onRemove={setRemoving} />
        </>
      )}
      {removing && data ? (
        <ConfirmDialog
          open
          title={`Remove the ${stageWords(removing.companyStage)} band?`}
          confirmLabel="Remove band"
          tone="danger"
          onConfirm={async () => {
            const next = await deleteRoleBand(role.id, removing.companyStage, role.version);
            setRemoving(undefined);
            saved(next, `The ${stageWords(removing.companyStage)} band is removed.`);
          }}
          onCancel={() => setRemoving(undefined)}
        >
          <p>{removing.current ? 'Offers for this role will then need approval until a new band is recorded.' : 'It is kept in the history of this role.'}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function CurrentBand({ data }: { data: RoleBands }) {
  const stage = stageWords(data.companyStage);
  const reference = data.stageDefaults.find((d) => d.stage === data.companyStage);
  return (
    <div className="band-current" data-testid="current-band">
      <h3>
        {stage} (the company's stage now) {data.current ? <Badge tone="success">Offers checked against this</Badge> : <Badge tone="warning">No band</Badge>}
      </h3>
      {data.current ? (
        <>
          <p className="band-figures">{capitalise(formatBand(data.current))}.</p>
          <p className="small">
            {formatApproval(data.current)}
            {data.current.recordedBy ? (
              <>
                {' '}
                · recorded by {data.current.recordedBy.name} <RelativeTime at={data.current.recordedAt} />
              </>
            ) : null}
            .
          </p>
        </>
      ) : (
        <p>No board-approved band for {stage} yet: every offer for this role goes to the approvers.</p>
      )}
      {reference ? (
        <p className="small muted" title={reference.source}>
          For reference, the {stage} default for a {reference.role}: {formatBand(reference)}.
        </p>
      ) : null}
    </div>
  );
}

function OtherStages({ data, canEdit, onEdit, onRemove }: { data: RoleBands; canEdit: boolean; onEdit: (stage: string) => void; onRemove: (band: StageBand) => void }) {
  if (data.bands.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="data-table band-table">
        <caption className="table-caption">Bands by funding stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Band</th>
            <th scope="col">Approval</th>
            {canEdit ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {data.bands.map((b) => (
            <tr key={b.companyStage}>
              <th scope="row">
                {stageWords(b.companyStage)} {b.current ? <Badge tone="success">Now</Badge> : null}
              </th>
              <td>{capitalise(formatBand(b))}</td>
              <td>{formatApproval(b)}</td>
              {canEdit ? (
                <td className="band-row-actions">
                  <Button className="button-compact" variant="ghost" onClick={() => onEdit(b.companyStage)} aria-label={`Change the ${stageWords(b.companyStage)} band`}>
                    Change
                  </Button>
                  <Button className="button-compact" variant="ghost" onClick={() => onRemove(b)} aria-label={`Remove the ${stageWords(b.companyStage)} band`}>
                    Remove
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
